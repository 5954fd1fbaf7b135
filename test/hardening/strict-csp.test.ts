/**
 * The built bundle under the strictest policy a partner might send: no inline script or style, and
 * Trusted Types enforced with only the bundle's own policy allowed (no 'allow-duplicates'); then
 * the same on a host page that made its own `lit-html` policy first. Every element in every state
 * a partner can put it in: no `securitypolicyviolation`, no uncaught error, a card or the
 * documented fallback, and exactly the warnings the state deserves.
 */
import { aTimeout, expect, nextFrame, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { DEFAULT_DOCUMENT } from '../../src/data/default-document.js';
import { closePages, part, TAGS, type BuiltPage } from './built-page.js';
import {
  openQueryPage,
  showsFallback,
  slottedText,
  unexpectedWarnings,
  type ElementSpec,
} from './query-page.js';

/** Written out here, not imported from the server: the test checks what the server sends. */
const STRICT =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; require-trusted-types-for 'script'; trusted-types impact-widgets";
const WITH_HOST_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html impact-widgets";

interface Variant {
  name: string;
  params: Record<string, string>;
  header: string;
}
const VARIANTS: Variant[] = [
  { name: 'the strict policy', params: { csp: 'strict' }, header: STRICT },
  {
    name: 'a host page that made its own lit-html policy first',
    params: { csp: 'lit-html', 'host-policy': 'lit-html' },
    header: WITH_HOST_POLICY,
  },
];

interface State {
  name: string;
  attrs: Record<string, string>;
  shows: 'card' | 'fallback';
  /** The words each warning the state causes must hold. */
  warns?: string[][];
}

let unique = 0;

/** States every element has: they touch only the attributes every element shares. */
function commonStates(tag: string): State[] {
  const key = `csp-${Date.now()}-${++unique}`;
  return [
    { name: 'document', attrs: {}, shows: 'card' },
    { name: 'dark', attrs: { 'data-theme': 'dark' }, shows: 'card' },
    { name: 'auto', attrs: { 'data-theme': 'auto' }, shows: 'card' },
    // Slow enough that the test sees it load.
    {
      name: 'loads',
      attrs: { 'data-src': `/fixtures/slow.json?ms=1500&case=${key}` },
      shows: 'card',
    },
    {
      name: 'missing',
      attrs: { 'data-src': `/fixtures/status/404?case=${key}` },
      shows: 'fallback',
      warns: [[`<${tag}>`, 'data-src', `404?case=${key}`, '404']],
    },
    {
      name: 'not-json',
      attrs: { 'data-src': `/fixtures/page.json?case=${key}` },
      shows: 'fallback',
      warns: [[`<${tag}>`, 'data-src', `page.json?case=${key}`]],
    },
    {
      name: 'unknown-id',
      attrs: { 'data-id': `no-such-item-${key}` },
      shows: 'fallback',
      warns: [[`<${tag}>`, 'data-id', `no-such-item-${key}`]],
    },
  ];
}

/** States that only some elements have, by tag. */
const SPECIFIC_STATES: Record<string, () => State[]> = {
  'impact-stat': (): State[] => [
    {
      name: 'standalone',
      attrs: {
        'data-value': '1234',
        'data-label': 'trees planted',
        'data-baseline': '800',
        'data-source': 'Our own count',
        'data-source-url': 'https://example.org/count',
      },
      shows: 'card',
    },
    {
      name: 'not-a-number',
      attrs: { 'data-value': 'two', 'data-label': 'trees planted' },
      shows: 'fallback',
      warns: [['<impact-stat>', 'data-value', '"two"']],
    },
    {
      name: 'javascript-url',
      attrs: {
        'data-value': '5',
        'data-source': 'A source',
        'data-source-url': 'javascript:alert(1)',
      },
      shows: 'card',
      warns: [['<impact-stat>', 'data-source-url', 'javascript:alert(1)']],
    },
  ],
};

const statesOf = (tag: string) => [...commonStates(tag), ...(SPECIFIC_STATES[tag]?.() ?? [])];

const id = (tag: string, state: string) => `${tag}--${state}`;
const fallbackText = (tag: string, state: string) => `${tag} ${state}: the partner's own words`;

function specsFor(states: Map<string, State[]>): ElementSpec[] {
  return [...states].flatMap(([tag, list]) =>
    list.map((state) => ({
      tag,
      attrs: { ...state.attrs, id: id(tag, state.name) },
      text: fallbackText(tag, state.name),
    })),
  );
}

/** The page under its policy said nothing it should not have. */
function clean(page: BuiltPage, expected: string[][] = []) {
  expect(page.record.violations, 'CSP violations').to.deep.equal([]);
  expect(page.record.errors, 'uncaught errors').to.deep.equal([]);
  expect(unexpectedWarnings(page.record.warnings, expected)).to.equal('');
}

const background = (el: Element) => getComputedStyle(part(el, 'card')!).backgroundColor;

afterEach(closePages);

describe('the built bundle under a strict Content-Security-Policy', () => {
  it('is served with exactly the policies the README gives partners', async () => {
    for (const { params, header } of VARIANTS) {
      const response = await fetch(`/pages/states.html?${new URLSearchParams(params)}`);
      expect(response.headers.get('content-security-policy')).to.equal(header);
    }
  });

  it('enforces Trusted Types on the page, and the test sees the violation', async () => {
    // Without this the other tests could pass on a page where no policy applies.
    const page = await openQueryPage('states', [], { csp: 'strict' });
    expect(() => {
      page.document.createElement('script').src = '/pages/record.js';
    }).to.throw();
    await waitUntil(() => page.record.violations.length > 0, 'no violation was recorded');
    expect(page.record.violations.join()).to.contain('require-trusted-types-for');
  });

  for (const variant of VARIANTS) {
    describe(`with ${variant.name}`, () => {
      it('renders every element in every state, or its fallback, with only the expected warnings', async () => {
        const states = new Map(TAGS.map((tag) => [tag, statesOf(tag)]));
        const page = await openQueryPage('states', specsFor(states), variant.params);
        const el = (tag: string, state: string) => page.document.getElementById(id(tag, state))!;
        if (variant.params['host-policy']) {
          // build-page.js keeps the host's policy here; had it been refused, the script would have thrown.
          expect((page as BuiltPage & { hostPolicy?: object }).hostPolicy).to.exist;
        }

        // A data-src document shows its skeleton while it loads; the fallback stays slotted,
        // outside the skeleton, for assistive technology.
        for (const tag of TAGS) {
          expect(!!part(el(tag, 'loads'), 'skeleton'), `${tag} while loading`).to.be.true;
          expect(!!el(tag, 'loads').shadowRoot!.querySelector('[aria-hidden] slot')).to.be.false;
          expect(slottedText(el(tag, 'loads'))).to.equal(fallbackText(tag, 'loads'));
        }

        const expected = [...states.values()].flat().flatMap((state) => state.warns ?? []);
        await waitUntil(
          () =>
            [...states].every(([tag, list]) =>
              list.every(
                (state) => state.shows === 'fallback' || part(el(tag, state.name), 'card'),
              ),
            ) && page.record.warnings.length >= expected.length,
          'the elements did not settle',
          { timeout: 8000 },
        );
        await nextFrame();

        for (const [tag, list] of states) {
          for (const state of list) {
            const target = el(tag, state.name);
            if (state.shows === 'card') {
              expect(part(target, 'card'), `${tag} ${state.name}`).to.exist;
              expect(
                part(target, 'card')!.textContent!.trim(),
                `${tag} ${state.name}`,
              ).not.to.equal('');
            } else {
              expect(showsFallback(target), `${tag} ${state.name}`).to.be.true;
              expect(slottedText(target)).to.equal(fallbackText(tag, state.name));
            }
          }
          // The stylesheets applied: constructable sheets, which style-src 'self' allows.
          expect(background(el(tag, 'dark'))).not.to.equal(background(el(tag, 'document')));
          expect(background(el(tag, 'auto'))).to.equal(background(el(tag, 'document')));
        }
        expect(
          el('impact-stat', 'javascript-url').shadowRoot!.querySelector('a'),
          'a javascript: link',
        ).to.be.null;
        expect(el('impact-stat', 'standalone').shadowRoot!.querySelector('a')!.href).to.equal(
          'https://example.org/count',
        );
        clean(page, expected);
      });

      it('follows the system color scheme in the auto theme', async () => {
        const specs = TAGS.flatMap((tag) =>
          ['light', 'dark', 'auto'].map((theme) => ({
            tag,
            attrs: { id: id(tag, theme), 'data-theme': theme },
          })),
        );
        try {
          await emulateMedia({ colorScheme: 'dark' });
          const page = await openQueryPage('states', specs, variant.params);
          const el = (tag: string, theme: string) => page.document.getElementById(id(tag, theme))!;
          await waitUntil(() =>
            specs.every((spec) => part(el(spec.tag, spec.attrs['data-theme']), 'card')),
          );
          for (const tag of TAGS) {
            expect(background(el(tag, 'auto'))).to.equal(background(el(tag, 'dark')));
            expect(background(el(tag, 'auto'))).not.to.equal(background(el(tag, 'light')));
          }
          clean(page);
        } finally {
          await emulateMedia({ colorScheme: 'light' });
        }
      });

      it('takes run-time attribute changes and new elements', async () => {
        const fixture = (await (await fetch('/fixtures/study.json?case=csp-oracle')).json()) as {
          study: { title: string };
        };
        const key = `csp-runtime-${Date.now()}-${++unique}`;
        const page = await openQueryPage(
          'states',
          TAGS.map((tag) => ({ tag, attrs: { id: id(tag, 'changes') }, text: 'fallback' })),
          variant.params,
        );
        const expected: string[][] = [];
        for (const tag of TAGS) {
          const el = page.document.getElementById(id(tag, 'changes'))!;
          await waitUntil(() => part(el, 'card'), `${tag} did not render`);
          const before = part(el, 'card')!.textContent;

          const light = background(el);
          el.setAttribute('data-theme', 'dark');
          await waitUntil(() => background(el) !== light, `${tag} did not turn dark`);

          // A broken document, then a good one: the fallback, then a card from the new document.
          el.setAttribute('data-src', `/fixtures/status/500?case=${key}`);
          expected.push([`<${tag}>`, 'data-src', `500?case=${key}`, '500']);
          await waitUntil(() => showsFallback(el), `${tag} did not fall back`);
          el.setAttribute('data-src', `/fixtures/study.json?case=${key}`);
          await waitUntil(
            () => part(el, 'card')?.textContent?.includes(fixture.study.title),
            `${tag} did not render the new document`,
          );
          expect(part(el, 'card')!.textContent).not.to.equal(before);

          // Moved while loading another document, then created by the page's script.
          el.setAttribute('data-src', `/fixtures/slow.json?ms=300&case=${key}`);
          await waitUntil(() => showsFallback(el), `${tag} did not load the next document`);
          page.document.body.prepend(el);
          const created = page.document.createElement(tag);
          created.append('created fallback');
          page.document.querySelector('main')!.append(created);
          await waitUntil(
            () => part(el, 'card') && part(created, 'card'),
            `${tag} did not render once moved or created`,
          );
        }

        const stat = page.document.getElementById(id('impact-stat', 'changes'))!;
        stat.setAttribute('data-animate', 'none');
        stat.setAttribute('data-value', 'two');
        expected.push(['<impact-stat>', 'data-value', '"two"']);
        await waitUntil(() => showsFallback(stat), 'the stat did not fall back');
        stat.setAttribute('data-value', '3');
        await waitUntil(() => part(stat, 'card'), 'the stat did not recover');
        expect(part(stat, 'value')!.textContent).to.contain(new Intl.NumberFormat('en').format(3));
        stat.setAttribute('data-source-url', 'javascript:alert(2)');
        expected.push(['<impact-stat>', 'data-source-url', 'javascript:alert(2)']);
        await waitUntil(() => page.record.warnings.length === expected.length);
        expect(stat.shadowRoot!.querySelector('a')).to.be.null;

        await aTimeout(50);
        clean(page, expected);
      });

      it('counts a stat up in view, and shows its figure at once with reduced motion', async () => {
        const figures = async () => {
          const page = await openQueryPage(
            'states',
            [
              {
                tag: 'impact-stat',
                attrs: { id: 'counting', 'data-id': DEFAULT_DOCUMENT.stats[2].id },
              },
            ],
            variant.params,
          );
          const stat = page.document.getElementById('counting')!;
          await waitUntil(() => part(stat, 'card'), 'the stat did not render');
          const [announced, shown] = part(stat, 'value')!.children;
          const seen = new Set<string>();
          for (let frame = 0; frame < 120 && shown.textContent !== announced.textContent; frame++) {
            seen.add(shown.textContent!);
            await nextFrame();
          }
          seen.add(shown.textContent!);
          expect(shown.textContent, 'the count-up ends on the figure').to.equal(
            announced.textContent,
          );
          clean(page);
          closePages();
          return seen;
        };

        expect((await figures()).size, 'figures shown while counting').to.be.above(2);
        try {
          await emulateMedia({ reducedMotion: 'reduce' });
          expect([...(await figures())], 'figures shown with reduced motion').to.have.length(1);
        } finally {
          await emulateMedia({ reducedMotion: 'no-preference' });
        }
      });
    });
  }
});
