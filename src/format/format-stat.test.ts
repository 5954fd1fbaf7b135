import { expect } from '@open-wc/testing';
import { formatStat, statFormatter } from './format-stat.js';

const intl = (locale: string, options: Intl.NumberFormatOptions, value: number) =>
  new Intl.NumberFormat(locale, options).format(value);

describe('formatStat', () => {
  it('reads percentage points as a percentage, in en and fr', () => {
    const one = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
    expect(formatStat(41.7, { format: 'percent', locale: 'en', decimals: 1 })).to.equal('41.7%');
    const fr = formatStat(41.7, { format: 'percent', locale: 'fr', decimals: 1 });
    expect(fr).to.equal(intl('fr', { style: 'percent', ...one }, 0.417));
    // French puts a narrow no-break space before the sign; whatever the platform uses, not "41.7%".
    expect(fr).to.match(/^41,7\s%$/u);
  });

  it('shows a percentage with at most one fraction digit when no decimals are given', () => {
    const upToOne = { style: 'percent', maximumFractionDigits: 1 } as const;
    expect(formatStat(73, { format: 'percent', locale: 'en' })).to.equal(intl('en', upToOne, 0.73));
    expect(formatStat(2.25, { format: 'percent', locale: 'fr' })).to.equal(
      intl('fr', { ...upToOne, minimumFractionDigits: 1 }, 0.0225),
    );
    expect(formatStat(2.25, { format: 'percent', locale: 'fr' })).to.match(/^2,[23]\s%$/u);
  });

  it('groups plain numbers, keeping their own precision', () => {
    expect(formatStat(1234567, { format: 'number', locale: 'en' })).to.equal('1,234,567');
    expect(formatStat(1234567, { format: 'number', locale: 'fr' })).to.equal(
      intl('fr', {}, 1234567),
    );
    expect(formatStat(3.14159, { format: 'number', locale: 'en' })).to.equal('3.14159');
    expect(formatStat(1234.5, { format: 'number', locale: 'en', decimals: 2 })).to.equal(
      '1,234.50',
    );
  });

  it('keeps the precision of a number JavaScript writes with an exponent', () => {
    const digits = (n: number) => ({ minimumFractionDigits: n, maximumFractionDigits: n });
    expect(formatStat(1.5e-7, { format: 'number', locale: 'en' })).to.equal(
      intl('en', digits(8), 1.5e-7),
    );
    expect(formatStat(5e-324, { format: 'number', locale: 'en' })).to.equal(
      intl('en', digits(20), 5e-324),
    );
    expect(formatStat(1.5e21, { format: 'number', locale: 'en' })).to.equal(
      intl('en', digits(0), 1.5e21),
    );
  });

  it('shortens compact numbers', () => {
    expect(formatStat(1200000, { format: 'compact', locale: 'en' })).to.equal('1.2M');
    expect(formatStat(1200000, { format: 'compact', locale: 'fr' })).to.equal(
      intl('fr', { notation: 'compact' }, 1200000),
    );
  });

  it('writes money in the currency given, without cents for a whole amount', () => {
    const usd = { style: 'currency', currency: 'USD' } as const;
    expect(formatStat(3250, { format: 'currency', locale: 'en', currency: 'USD' })).to.equal(
      '$3,250',
    );
    expect(formatStat(3250, { format: 'currency', locale: 'fr', currency: 'USD' })).to.equal(
      intl('fr', { ...usd, maximumFractionDigits: 0 }, 3250),
    );
    expect(formatStat(3250.5, { format: 'currency', locale: 'en', currency: 'USD' })).to.equal(
      intl('en', usd, 3250.5),
    );
  });

  it('fails like Intl for a currency stat without a currency', () => {
    expect(() => formatStat(1, { format: 'currency', locale: 'en' })).to.throw(TypeError);
  });
});

describe('statFormatter', () => {
  it('keeps the final value’s shape on the way there, so a count-up does not jitter', () => {
    const format = statFormatter(41.7, { format: 'percent', locale: 'en' });
    expect(format(0)).to.equal('0.0%');
    expect(format(20)).to.equal(intl('en', { style: 'percent', minimumFractionDigits: 1 }, 0.2));
    const whole = statFormatter(1234567, { format: 'number', locale: 'en' });
    expect(whole(617283.5)).to.equal('617,284');
  });
});
