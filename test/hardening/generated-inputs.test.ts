/**
 * Property-based tests (fast-check, seeded so a failure replays): a thousand random documents, and
 * a thousand random attribute sets for each shipped element: never an uncaught error, a blank
 * element or a link of another scheme, and never a warning about an attribute given a sound value.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { DEFAULT_DOCUMENT } from '../../src/data/default-document.js';
import { validateStudyDocument } from '../../src/data/schema.js';
import type { LitElement } from 'lit';
import '../../src/elements/fundraise-cta/fundraise-cta.define.js';
import '../../src/elements/impact-stat/impact-stat.define.js';
import '../../src/elements/study-quote/study-quote.define.js';
import { watchPage } from '../watch-page.js';
import { TAGS } from './built-page.js';

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

/** An attribute's value, and whether it was one a partner could mean (else nasty). */
interface Given {
  value: string;
  nasty: boolean;
}
const given = (arbitrary: fc.Arbitrary<string>, isNasty: boolean) =>
  arbitrary.map((value): Given => ({ value, nasty: isNasty }));
const nastyValue = given(nasty, true);
/**
 * Mostly plausible values, with nasty ones mixed in, so both the card and the fallback are
 * exercised many times over; `weight` is how many plausible values for each nasty one.
 */
const mostly = (plausible: fc.Arbitrary<string>, weight = 4) =>
  fc.oneof({ arbitrary: given(plausible, false), weight }, { arbitrary: nastyValue, weight: 1 });
const figure = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }).map(String);
const amount = fc.integer({ min: 0, max: 1e7 }).map(String);
const webUrl = fc.constantFrom('https://example.org/a', 'http://example.org/?q=1&r=2');
const themes = fc.constantFrom('light', 'dark', 'auto');
const langs = fc.constantFrom('en', 'fr', 'km', 'ar');
const ids = (items: { id: string }[]) => fc.constantFrom(...items.map((item) => item.id));

/** Per element: its attributes' values, the schemes its links may have, and fixed attributes. */
const ELEMENTS: Record<
  string,
  {
    attributes: Record<string, fc.Arbitrary<Given>>;
    schemes: string[];
    fixed?: Record<string, string>;
  }
> = {
  'impact-stat': {
    fixed: { 'data-animate': 'none' },
    schemes: ['http:', 'https:'],
    attributes: {
      'data-id': mostly(ids(DEFAULT_DOCUMENT.stats)),
      'data-value': mostly(figure),
      'data-format': mostly(fc.constantFrom('percent', 'number', 'compact', 'currency')),
      'data-currency': mostly(fc.constantFrom('USD', 'EUR', 'KHR')),
      'data-decimals': mostly(fc.integer({ min: 0, max: 4 }).map(String)),
      'data-baseline': mostly(figure),
      'data-label': nastyValue,
      'data-source': nastyValue,
      'data-source-url': mostly(webUrl),
      'data-theme': mostly(themes),
      lang: mostly(langs),
    },
  },
  'study-quote': {
    schemes: ['http:', 'https:', 'mailto:'],
    attributes: {
      // Fallbacks come from unknown ids, and from a quote of one's own without an author.
      'data-id': mostly(
        fc.oneof(
          ids(DEFAULT_DOCUMENT.quotes),
          fc.constant('*'),
          fc
            .shuffledSubarray(
              DEFAULT_DOCUMENT.quotes.map((q) => q.id),
              { minLength: 2 },
            )
            .map((list) => list.join(' ')),
        ),
        2,
      ),
      'data-text': nastyValue,
      'data-author': mostly(fc.constantFrom('A. Blogger', 'Zoë O’Brien')),
      'data-role': nastyValue,
      'data-date': mostly(fc.constantFrom('2015', '2015-03', '2015-03-18', 'Spring 2015')),
      'data-source': nastyValue,
      'data-source-url': mostly(webUrl),
      'data-clamp': mostly(fc.integer({ min: 0, max: 6 }).map(String)),
      'data-interval': mostly(fc.constantFrom('0.5', '5', '60')),
      'data-share': mostly(
        fc.subarray(['copy', 'x', 'facebook', 'linkedin', 'email']).map((list) => list.join(' ')),
      ),
      'data-theme': mostly(themes),
      lang: mostly(langs),
    },
  },
  'fundraise-cta': {
    schemes: ['http:', 'https:', 'mailto:'],
    attributes: {
      // Fallbacks come from unknown ids, and from a heading of one's own that is blank.
      'data-id': mostly(ids(DEFAULT_DOCUMENT.ctas), 2),
      'data-heading': mostly(fc.constantFrom('Run for them', 'Make an Impact'), 2),
      'data-body': nastyValue,
      'data-button-label': nastyValue,
      'data-href': mostly(fc.oneof(webUrl, fc.constant('mailto:team@example.org'))),
      // Never sent: nothing here opens the form.
      'data-endpoint': mostly(fc.constantFrom('/api/signups', 'https://example.org/signups')),
      'data-encoding': mostly(fc.constantFrom('json', 'form')),
      'data-success': nastyValue,
      'data-guide-label': nastyValue,
      'data-guide-url': mostly(webUrl),
      'data-raised': mostly(amount),
      'data-goal': mostly(amount.map((n) => String(Number(n) + 1))),
      'data-currency': mostly(fc.constantFrom('USD', 'EUR', 'KHR')),
      'data-theme': mostly(themes),
      lang: mostly(langs),
    },
  },
};

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

  for (const tag of TAGS) {
    it(`<${tag}> with random attributes shows a card or its fallback, warns only about what it was given wrong, and throws nothing`, async () => {
      const page = watchPage();
      const host = document.createElement('div');
      document.body.append(host);
      const { attributes, schemes, fixed } = ELEMENTS[tag];
      const names = Object.keys(attributes);
      const seen = { cards: 0, fallbacks: 0 };
      try {
        await fc.assert(
          fc.asyncProperty(fc.record(attributes, { requiredKeys: [] }), async (set) => {
            const el = document.createElement(tag) as LitElement;
            for (const [name, value] of Object.entries(fixed ?? {})) el.setAttribute(name, value);
            for (const [name, item] of Object.entries(set)) el.setAttribute(name, item!.value);
            el.textContent = 'fallback';
            const errors: string[] = [];
            el.addEventListener('impact-error', (event) => errors.push(event.detail.message));
            host.replaceChildren(el);
            await el.updateComplete;
            const card = el.shadowRoot!.querySelector('[part~="card"]');
            const slot = el.shadowRoot!.querySelector('slot:not([name])');
            expect(card !== null || slot !== null, 'blank element').to.be.true;
            seen[card ? 'cards' : 'fallbacks']++;
            if (card) {
              expect(card.querySelector('script, img, iframe')?.outerHTML).to.be.undefined;
              for (const link of card.querySelectorAll('a')) {
                expect(schemes, link.href).to.include(link.protocol);
              }
            }
            // A warning names the element, and an attribute it was given a nasty value for or
            // was not given at all: never one it was given a sound value for.
            const blamable = names.filter((name) => !set[name] || set[name].nasty);
            for (const message of errors) {
              expect(message).to.match(new RegExp(`^<${tag}>: `));
              expect(
                blamable.some((name) => new RegExp(`${name}(?![\\w-])`).test(message)),
                `${message.slice(0, 200)} blames a sound attribute`,
              ).to.be.true;
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
  }
});
