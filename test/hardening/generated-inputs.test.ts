/**
 * Property-based tests (fast-check, seeded so a failure replays): a thousand random documents and
 * a thousand random attribute sets, and never an uncaught error or a blank element.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { DEFAULT_DOCUMENT } from '../../src/data/default-document.js';
import { validateStudyDocument } from '../../src/data/schema.js';
import '../../src/elements/impact-stat/impact-stat.define.js';
import type { ImpactStatElement } from '../../src/elements/impact-stat/impact-stat.js';
import { watchPage } from '../watch-page.js';

const SEED = 20261129;
const RUNS = 1000;

/** Strings a partner, a typo or an attacker might put in an attribute. */
const nasty = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '',
    ' ',
    '2,2',
    '1e999',
    'NaN',
    '-0',
    '0x10',
    '__proto__',
    'constructor',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    'https://example.org/?a=<b>',
    'EURO',
    'usd',
  ),
  fc.double().map(String),
  fc.integer().map(String),
);

/** A copy of the default document with one value somewhere replaced by anything JSON can hold. */
const mutatedDocument = fc
  .tuple(fc.jsonValue(), fc.array(fc.nat(), { minLength: 1, maxLength: 5 }))
  .map(([value, picks]) => {
    const document = JSON.parse(JSON.stringify(DEFAULT_DOCUMENT)) as Record<string, unknown>;
    let node: unknown = document;
    for (let i = 0; i < picks.length; i++) {
      if (typeof node !== 'object' || node === null) break;
      const keys = Object.keys(node);
      if (keys.length === 0) break;
      const key = keys[picks[i] % keys.length];
      if (i === picks.length - 1) (node as Record<string, unknown>)[key] = value;
      else node = (node as Record<string, unknown>)[key];
    }
    return document;
  });

describe('generated inputs', () => {
  it('the validator answers every value, never throws, and accepts only documents', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), mutatedDocument), (input) => {
        const result = validateStudyDocument(input);
        if (result.ok) {
          expect(result.document.version).to.equal(1);
          expect(Array.isArray(result.document.stats)).to.be.true;
        } else {
          expect(result.message).to.be.a('string').and.not.equal('');
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('<impact-stat> with random attributes shows a card or its fallback, and throws nothing', async () => {
    const page = watchPage();
    const host = document.createElement('div');
    document.body.append(host);
    // Mostly plausible values, with nasty ones mixed in, so both the card and the fallback are
    // exercised many times over.
    const mostly = (plausible: fc.Arbitrary<string>) =>
      fc.oneof({ arbitrary: plausible, weight: 4 }, { arbitrary: nasty, weight: 1 });
    const figure = fc
      .double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 })
      .map(String);
    const attributes = fc.record(
      {
        'data-id': mostly(fc.constantFrom(...DEFAULT_DOCUMENT.stats.map((s) => s.id))),
        'data-value': mostly(figure),
        'data-format': mostly(fc.constantFrom('percent', 'number', 'compact', 'currency')),
        'data-currency': mostly(fc.constantFrom('USD', 'EUR', 'KHR')),
        'data-decimals': mostly(fc.integer({ min: 0, max: 4 }).map(String)),
        'data-baseline': mostly(figure),
        'data-label': nasty,
        'data-source': nasty,
        'data-source-url': mostly(
          fc.constantFrom('https://example.org/a', 'http://example.org/?q=1&r=2'),
        ),
        'data-theme': mostly(fc.constantFrom('light', 'dark', 'auto')),
        lang: mostly(fc.constantFrom('en', 'fr', 'km', 'ar')),
      },
      { requiredKeys: [] },
    );
    const seen = { cards: 0, fallbacks: 0 };
    try {
      await fc.assert(
        fc.asyncProperty(attributes, async (set) => {
          const el = document.createElement('impact-stat') as ImpactStatElement;
          el.setAttribute('data-animate', 'none');
          for (const [name, value] of Object.entries(set)) el.setAttribute(name, value);
          el.textContent = 'fallback';
          host.replaceChildren(el);
          await el.updateComplete;
          const card = el.shadowRoot!.querySelector('[part~="card"]');
          const slot = el.shadowRoot!.querySelector('slot:not([name])');
          expect(card !== null || slot !== null, 'blank element').to.be.true;
          seen[card ? 'cards' : 'fallbacks']++;
          if (card) {
            expect(card.querySelector('script, img, iframe')).to.be.null;
            const link = card.querySelector('a');
            if (link) expect(link.protocol).to.match(/^https?:$/);
          }
          expect(page.uncaught).to.deep.equal([]);
        }),
        { seed: SEED, numRuns: RUNS },
      );
      // Both outcomes must be exercised, or the property proves little.
      expect(seen.cards, 'cards').to.be.above(RUNS / 10);
      expect(seen.fallbacks, 'fallbacks').to.be.above(RUNS / 10);
    } finally {
      host.remove();
      page.stop();
    }
  });
});
