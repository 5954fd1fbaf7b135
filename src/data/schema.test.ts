import { expect } from '@open-wc/testing';
import { DEFAULT_DOCUMENT } from './default-document.js';
import { validateStudyDocument } from './schema.js';

const clone = () => JSON.parse(JSON.stringify(DEFAULT_DOCUMENT)) as Record<string, never>;

function problemWith(mutate: (document: Record<string, any>) => void): string {
  const document = clone();
  mutate(document);
  const result = validateStudyDocument(document);
  if (result.ok) throw new Error('expected the document to be rejected');
  return result.message;
}

describe('validateStudyDocument', () => {
  it('accepts the embedded default document', () => {
    expect(validateStudyDocument(clone()).ok).to.be.true;
  });

  it('accepts unknown keys, for documents written for a later version', () => {
    const document = clone() as Record<string, unknown>;
    document.extra = { anything: true };
    expect(validateStudyDocument(document).ok).to.be.true;
  });

  it('names the path and the value of a wrong type', () => {
    expect(problemWith((d) => (d.stats[2].value = '2,2'))).to.equal(
      'stats[2].value: expected a number, got "2,2"',
    );
  });

  it('names a missing required field', () => {
    expect(problemWith((d) => delete d.quotes[1].author)).to.equal(
      'quotes[1].author: required, but missing',
    );
  });

  it('lists the allowed values of an enumeration', () => {
    expect(problemWith((d) => (d.stats[0].format = 'ratio'))).to.equal(
      'stats[0].format: expected one of "percent", "number", "compact", "currency", got "ratio"',
    );
  });

  it('rejects a document of another version', () => {
    expect(problemWith((d) => (d.version = 2))).to.equal('version: expected 1, got 2');
  });

  it('rejects what is not a document at all', () => {
    for (const input of [null, [], 'study', 42]) {
      const result = validateStudyDocument(input);
      expect(result.ok, String(input)).to.be.false;
    }
    const result = validateStudyDocument([]);
    expect(!result.ok && result.message).to.equal('document: expected an object, got an array');
  });

  it('checks bounds, whole numbers, lengths and non-finite numbers', () => {
    expect(problemWith((d) => (d.stats[0].decimals = 1.5))).to.contain('expected a whole number');
    expect(problemWith((d) => (d.stats[0].decimals = 21))).to.contain('at most 20');
    expect(problemWith((d) => (d.stats[0].decimals = -1))).to.contain('at least 0');
    expect(problemWith((d) => (d.stats[0].currency = 'EURO'))).to.contain('at most 3 characters');
    expect(problemWith((d) => (d.stats[0].label = ''))).to.contain('a non-empty string');
    expect(problemWith((d) => (d.stats[0].value = Infinity))).to.contain('expected a number');
    expect(problemWith((d) => (d.stats[3].source.cited = 'yes'))).to.equal(
      'stats[3].source.cited: expected true or false, got "yes"',
    );
    expect(
      problemWith((d) => (d.ctas[0].progress = { raised: 1, goal: 0, currency: 'USD' })),
    ).to.contain('ctas[0].progress.goal: expected a number over 0');
    expect(
      problemWith((d) => (d.study = { ...d.study, title: 'x'.repeat(60), year: '2015' })),
    ).to.equal('study.year: expected a number, got "2015"');
  });

  it('shortens long values in messages', () => {
    const message = problemWith((d) => (d.stats[0].value = 'x'.repeat(100)));
    expect(message.length).to.be.below(80);
    expect(message).to.contain('…');
  });

  it('does not let a __proto__ key change what the document is', () => {
    const document = JSON.parse(
      JSON.stringify(DEFAULT_DOCUMENT).replace(
        '"study":',
        '"__proto__":{"polluted":true},"study":',
      ),
    );
    expect(validateStudyDocument(document).ok).to.be.true;
    expect(({} as Record<string, unknown>).polluted).to.be.undefined;
  });
});
