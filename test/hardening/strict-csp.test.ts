/**
 * The built bundle under the strictest policy a partner might send: no inline script or style, and
 * Trusted Types enforced with only the bundle's own policy allowed (no 'allow-duplicates'); then
 * the same on a host page that made its own `lit-html` policy first. Every element in every state
 * a partner can put it in: no `securitypolicyviolation`, no uncaught error, a card or the
 * documented fallback, and exactly the warnings the state deserves. What a reader does runs under
 * the policy too: a whole sign-up to the same origin (validation, success, a server error and its
 * retry, a refused field), a quote's rotation, "Read more" and share links.
 */
import { aTimeout, expect, nextFrame, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { DEFAULT_DOCUMENT } from '../../src/data/default-document.js';
import { ctaMessages } from '../../src/elements/fundraise-cta/fundraise-cta.messages.js';
import { described, input, openForm, received, signUpAs, submitButton } from '../signup-form.js';
import { closePages, part, rendered, TAGS, type BuiltPage } from './built-page.js';
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
  /** The tag of a child that holds the fallback text (a partner's own `<blockquote>`). */
  child?: string;
  /** What else the state must show, checked once it has settled. */
  check?: (el: HTMLElement) => void;
}

let unique = 0;

/**
 * Attributes every element of a tag gets in the common states, so that a state shows what it
 * names and nothing else: the embedded call to action has no endpoint, and without one it warns.
 */
const BASE: Record<string, Record<string, string>> = {
  'fundraise-cta': { 'data-endpoint': '/api/signups' },
};

/** States every element has: they touch only the attributes every element shares. */
function commonStates(tag: string): State[] {
  const key = `csp-${Date.now()}-${++unique}`;
  return (
    [
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
    ] as State[]
  ).map((state) => ({ ...state, attrs: { ...BASE[tag], ...state.attrs } }));
}

const link = (el: Element, selector = 'a') =>
  el.shadowRoot!.querySelector<HTMLAnchorElement>(selector);
const quoteOf = (id: string) => DEFAULT_DOCUMENT.quotes.find((quote) => quote.id === id)!;
const en = ctaMessages('en');

/** Network and timers take their time on a busy machine. */
const PATIENT = { timeout: 5000 };

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
      check: (el) => expect(link(el)!.href).to.equal('https://example.org/count'),
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
      check: (el) => expect(link(el), 'a javascript: link').to.be.null,
    },
  ],
  'study-quote': (): State[] => [
    {
      name: 'standalone',
      attrs: {
        'data-text': 'We planted a tree for every reader.',
        'data-author': 'A. Blogger',
        'data-role': 'Gardener',
        'data-date': '2015-03-18',
        'data-source': 'Our own blog',
        'data-source-url': 'https://example.org/blog',
      },
      shows: 'card',
      check: (el) => {
        expect(part(el, 'text')!.textContent!.trim()).to.equal(
          'We planted a tree for every reader.',
        );
        expect(part(el, 'date')!.getAttribute('datetime')).to.equal('2015-03-18');
        expect(link(el, '[part~="source"]')!.href).to.equal('https://example.org/blog');
      },
    },
    {
      name: 'blockquote',
      attrs: { 'data-author': 'A. Blogger' },
      child: 'blockquote',
      shows: 'card',
      check: (el) =>
        expect(part(el, 'text')!.textContent!.trim()).to.equal(
          fallbackText('study-quote', 'blockquote'),
        ),
    },
    {
      name: 'no-author',
      attrs: {},
      child: 'blockquote',
      shows: 'fallback',
      warns: [['<study-quote>', 'data-author']],
    },
    {
      name: 'rotating',
      attrs: { 'data-id': 'ed-wilson pol-phie-they', 'data-interval': '600' },
      shows: 'card',
      check: (el) => {
        expect(part(el, 'text')!.textContent!.trim()).to.equal(quoteOf('ed-wilson').text);
        expect(part(el, 'controls')!.querySelectorAll('button')).to.have.length(3);
      },
    },
    {
      name: 'clamped',
      attrs: { 'data-id': 'sharon-cohn-wu', 'data-clamp': '2' },
      shows: 'card',
      check: (el) => {
        const more = el.shadowRoot!.querySelector<HTMLElement>('button[aria-controls]')!;
        expect(more.checkVisibility(), 'Read more').to.be.true;
      },
    },
    {
      name: 'shared',
      attrs: { 'data-id': 'ed-wilson', 'data-share': 'copy x facebook linkedin email' },
      shows: 'card',
      check: (el) => {
        const hrefs = [...part(el, 'share')!.querySelectorAll('a')].map((a) => new URL(a.href));
        expect(hrefs.map((url) => url.protocol)).to.deep.equal([
          'https:',
          'https:',
          'https:',
          'mailto:',
        ]);
      },
    },
    {
      name: 'javascript-url',
      attrs: {
        'data-text': 'Words',
        'data-author': 'Someone',
        'data-source': 'A source',
        'data-source-url': 'javascript:alert(1)',
      },
      shows: 'card',
      warns: [['<study-quote>', 'data-source-url', 'javascript:alert(1)']],
      check: (el) => expect(link(el), 'a javascript: link').to.be.null,
    },
    {
      name: 'unknown-share',
      attrs: { 'data-id': 'ed-wilson', 'data-share': 'copy myspace' },
      shows: 'card',
      warns: [['<study-quote>', 'data-share', 'myspace']],
    },
  ],
  'fundraise-cta': (): State[] => [
    {
      name: 'link',
      attrs: {
        'data-heading': 'Run for them',
        'data-body': 'Pick a race, we do the rest.',
        'data-button-label': 'Start',
        'data-href': 'https://example.org/start',
      },
      shows: 'card',
      check: (el) =>
        expect(link(el, 'a[part~="button"]')!.href).to.equal('https://example.org/start'),
    },
    {
      name: 'mailto',
      attrs: { 'data-heading': 'Write to us', 'data-href': 'mailto:team@example.org' },
      shows: 'card',
      check: (el) =>
        expect(link(el, 'a[part~="button"]')!.href).to.equal('mailto:team@example.org'),
    },
    {
      name: 'progress',
      attrs: {
        'data-endpoint': '/api/signups',
        'data-raised': '3250',
        'data-goal': '5000',
        'data-currency': 'USD',
      },
      shows: 'card',
      check: (el) => {
        const progress = part(el, 'progress') as HTMLProgressElement;
        expect([progress.value, progress.max]).to.deep.equal([3250, 5000]);
        const usd = new Intl.NumberFormat('en', {
          style: 'currency',
          currency: 'USD',
          maximumFractionDigits: 0,
        });
        expect(part(el, 'card')!.textContent)
          .to.contain(usd.format(3250))
          .and.contain(usd.format(5000));
      },
    },
    {
      name: 'no-button',
      attrs: { 'data-id': 'start-fundraiser' },
      shows: 'card',
      warns: [['<fundraise-cta>', 'data-endpoint', 'data-href']],
      check: (el) => expect(el.shadowRoot!.querySelector('button, a, form')).to.be.null,
    },
    {
      name: 'javascript-url',
      attrs: { 'data-heading': 'Careful', 'data-href': 'javascript:alert(1)' },
      shows: 'card',
      warns: [['<fundraise-cta>', 'data-href', 'javascript:alert(1)']],
      check: (el) => expect(el.shadowRoot!.querySelector('button, a')).to.be.null,
    },
    {
      name: 'bad-progress',
      attrs: { 'data-endpoint': '/api/signups', 'data-raised': 'lots', 'data-goal': '5000' },
      shows: 'card',
      warns: [['<fundraise-cta>', 'data-raised', '"lots"']],
      check: (el) => expect(part(el, 'progress')).to.be.null,
    },
    {
      name: 'bad-encoding',
      attrs: { 'data-endpoint': '/api/signups', 'data-encoding': 'xml' },
      shows: 'card',
      warns: [['<fundraise-cta>', 'data-encoding', '"xml"']],
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
      child: state.child,
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

/** What each element shows from the fixture document, and from no other. */
const FROM_DOCUMENT: Record<string, (fixture: typeof DEFAULT_DOCUMENT) => string> = {
  'impact-stat': (fixture) => fixture.study.title,
  'study-quote': (fixture) => fixture.quotes[0].text,
  'fundraise-cta': (fixture) => fixture.ctas[0].heading,
};

/**
 * Run-time changes to an element's own attributes on a card from the fixture document; each
 * ends on a value the element must refuse, and gives the words of that warning.
 */
const CHANGES: Record<string, (el: HTMLElement) => Promise<string[]>> = {
  'impact-stat': async (stat) => {
    stat.setAttribute('data-animate', 'none');
    stat.setAttribute('data-value', '3');
    await waitUntil(() => part(stat, 'value')?.textContent?.includes('3'), 'no new value', PATIENT);
    expect(part(stat, 'value')!.textContent).to.contain(new Intl.NumberFormat('en').format(3));
    stat.setAttribute('data-source-url', 'javascript:alert(2)');
    return ['<impact-stat>', 'data-source-url', 'javascript:alert(2)'];
  },
  'study-quote': async (quote) => {
    quote.setAttribute('data-share', 'email');
    await waitUntil(
      () => link(quote, '[part~="share"] a[href^="mailto:"]'),
      'no share link',
      PATIENT,
    );
    quote.setAttribute('data-source-url', 'javascript:alert(2)');
    return ['<study-quote>', 'data-source-url', 'javascript:alert(2)'];
  },
  'fundraise-cta': async (cta) => {
    cta.setAttribute('data-raised', '10');
    cta.setAttribute('data-goal', '40');
    await waitUntil(() => part(cta, 'progress'), 'no progress bar', PATIENT);
    expect((part(cta, 'progress') as HTMLProgressElement).value).to.equal(10);
    cta.setAttribute('data-href', 'javascript:alert(2)');
    return ['<fundraise-cta>', 'data-href', 'javascript:alert(2)'];
  },
};

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
            state.check?.(target);
          }
          // The stylesheets applied: constructable sheets, which style-src 'self' allows.
          expect(background(el(tag, 'dark'))).not.to.equal(background(el(tag, 'document')));
          expect(background(el(tag, 'auto'))).to.equal(background(el(tag, 'document')));
        }
        clean(page, expected);
      });

      it('follows the system color scheme in the auto theme', async () => {
        const specs = TAGS.flatMap((tag) =>
          ['light', 'dark', 'auto'].map((theme) => ({
            tag,
            attrs: { ...BASE[tag], id: id(tag, theme), 'data-theme': theme },
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
        const fixture = (await (
          await fetch('/fixtures/study.json?case=csp-oracle')
        ).json()) as typeof DEFAULT_DOCUMENT;
        const key = `csp-runtime-${Date.now()}-${++unique}`;
        const page = await openQueryPage(
          'states',
          TAGS.map((tag) => ({
            tag,
            attrs: { ...BASE[tag], id: id(tag, 'changes') },
            text: 'fallback',
          })),
          variant.params,
        );
        const expected: string[][] = [];
        /** Resolves once the page has printed a warning holding all these words. */
        const warning = async (words: string[]) => {
          const warned = () => page.record.warnings.some((w) => words.every((x) => w.includes(x)));
          await waitUntil(warned, undefined, { timeout: 3000 }).catch(() => undefined);
          expect(warned(), `${words.join(' ')} among:\n${page.record.warnings.join('\n')}`).to.be
            .true;
        };
        for (const tag of TAGS) {
          const el = page.document.getElementById(id(tag, 'changes'))!;
          await waitUntil(() => part(el, 'card'), `${tag} did not render`);
          const before = part(el, 'card')!.textContent;

          const light = background(el);
          el.setAttribute('data-theme', 'dark');
          await waitUntil(() => background(el) !== light, `${tag} did not turn dark`);

          // A broken document, then a good one: the fallback, then a card from the new document.
          el.setAttribute('data-src', `/fixtures/status/500?case=${key}`);
          const failed = [`<${tag}>`, 'data-src', `500?case=${key}`, '500'];
          expected.push(failed);
          // Its warning, not the fallback alone: a loading element shows the fallback too.
          await warning(failed);
          expect(showsFallback(el), `${tag} fell back`).to.be.true;
          el.setAttribute('data-src', `/fixtures/study.json?case=${key}`);
          await waitUntil(
            () => part(el, 'card')?.textContent?.includes(FROM_DOCUMENT[tag](fixture)),
            `${tag} did not render the new document`,
          );
          expect(part(el, 'card')!.textContent).not.to.equal(before);

          // Moved while loading another document (its own: a loaded one is shared at once), then
          // created by the page's script.
          el.setAttribute('data-src', `/fixtures/slow.json?ms=300&case=${key}-${tag}`);
          await waitUntil(() => showsFallback(el), `${tag} did not load the next document`);
          page.document.body.prepend(el);
          const created = page.document.createElement(tag);
          for (const [name, value] of Object.entries(BASE[tag] ?? {})) {
            created.setAttribute(name, value);
          }
          created.append('created fallback');
          page.document.querySelector('main')!.append(created);
          await waitUntil(
            () => part(el, 'card') && part(created, 'card'),
            `${tag} did not render once moved or created`,
          );

          // Its own attributes, then one it must refuse.
          const refused = await CHANGES[tag](el);
          expected.push(refused);
          await warning(refused);
          expect(el.shadowRoot!.querySelector('a[href^="javascript:"]')).to.be.null;
        }

        await aTimeout(50);
        clean(page, expected);
      });

      it('takes a whole sign-up: the form, its validation, success, and errors with a retry', async () => {
        const key = `csp-signup-${Date.now()}-${++unique}`;
        const rejection = { error: 'This address bounced', field: 'email' };
        const page = await openQueryPage(
          'states',
          [
            {
              tag: 'fundraise-cta',
              attrs: {
                id: 'signup',
                'data-endpoint': '/api/signups',
                'data-success': 'Thanks, under a strict policy.',
                'data-guide-label': 'The guide',
                'data-guide-url': 'https://example.org/guide',
              },
            },
            {
              tag: 'fundraise-cta',
              attrs: { id: 'failing', 'data-endpoint': '/api/signups?status=500' },
            },
            {
              tag: 'fundraise-cta',
              attrs: {
                id: 'rejected',
                'data-endpoint': `/api/signups?status=422&body=${encodeURIComponent(JSON.stringify(rejection))}`,
              },
            },
          ],
          variant.params,
        );
        const [signup, failing, rejected] = ['signup', 'failing', 'rejected'].map((name) =>
          page.document.getElementById(name)!,
        );
        await waitUntil(
          () => [signup, failing, rejected].every((el) => part(el, 'button')),
          undefined,
          PATIENT,
        );

        // The form opens in place, focused on its first field.
        await openForm(signup);
        expect(signup.shadowRoot!.activeElement).to.equal(input(signup, 'name'));
        expect(signup.shadowRoot!.querySelectorAll('[part~="label"]')).to.have.length(2);

        // Nothing typed: both fields say so, and nothing is sent.
        signUpAs(signup, ' ', '');
        await waitUntil(
          () => input(signup, 'name').getAttribute('aria-invalid') === 'true',
          undefined,
          PATIENT,
        );
        expect(described(signup, input(signup, 'name'))).to.equal(en.nameMissing);
        expect(described(signup, input(signup, 'email'))).to.equal(en.emailMissing);
        signUpAs(signup, 'Strict Reader', 'not an address');
        await waitUntil(
          () => described(signup, input(signup, 'email')) === en.emailInvalid,
          undefined,
          PATIENT,
        );
        expect(input(signup, 'name').getAttribute('aria-invalid')).to.equal('false');

        // Sent to the same origin, which connect-src 'self' allows.
        const email = `${key}@example.org`;
        signUpAs(signup, 'Strict Reader', email);
        await waitUntil(() => part(signup, 'success'), 'the sign-up did not succeed', PATIENT);
        expect(part(signup, 'success')!.textContent).to.contain('Thanks, under a strict policy.');
        expect(link(signup, '[part~="guide"]')!.href).to.equal('https://example.org/guide');
        expect(signup.shadowRoot!.activeElement).to.equal(part(signup, 'success'));
        const [post, ...more] = await received(email);
        expect(more).to.be.empty;
        expect(JSON.parse(post.body)).to.include({ name: 'Strict Reader', email });

        // A server error keeps what was typed and offers a retry, which succeeds once it recovers.
        const retried = `${key}-retry@example.org`;
        await openForm(failing);
        signUpAs(failing, 'Patient Reader', retried);
        await waitUntil(
          () => submitButton(failing).textContent!.trim() === en.retry,
          'no Retry',
          PATIENT,
        );
        expect(described(failing, submitButton(failing))).to.equal(en.server);
        expect([input(failing, 'name').value, input(failing, 'email').value]).to.deep.equal([
          'Patient Reader',
          retried,
        ]);
        failing.setAttribute('data-endpoint', '/api/signups?status=201');
        await nextFrame();
        submitButton(failing).click();
        await waitUntil(() => part(failing, 'success'), 'the retry did not succeed', PATIENT);
        const posts = (await received(retried)).map((p) => JSON.parse(p.body));
        expect(posts).to.have.length(2);
        expect(posts[1].submissionId).to.equal(posts[0].submissionId);

        // A refusal that names a field is shown at that field.
        await openForm(rejected);
        signUpAs(rejected, 'Bounced Reader', `${key}-bounce@example.org`);
        await waitUntil(
          () => described(rejected, input(rejected, 'email')) === rejection.error,
          'the refusal was not shown at its field',
          PATIENT,
        );
        expect(input(rejected, 'email').getAttribute('aria-invalid')).to.equal('true');
        expect(submitButton(rejected).textContent!.trim()).to.equal(en.submit);

        clean(page);
      });

      it('rotates a quote, clamps one behind Read more, and shares one', async () => {
        const ids = ['ed-wilson', 'sharon-cohn-wu', 'pol-phie-they'];
        const page = await openQueryPage(
          'states',
          [
            {
              tag: 'study-quote',
              attrs: { id: 'rotating', 'data-id': ids.join(' '), 'data-interval': '0.3' },
            },
            {
              tag: 'study-quote',
              attrs: { id: 'clamped', 'data-id': 'sharon-cohn-wu', 'data-clamp': '2' },
              width: 320,
            },
            {
              tag: 'study-quote',
              attrs: {
                id: 'shared',
                'data-id': 'ed-wilson',
                'data-share': 'copy x facebook linkedin email',
              },
            },
          ],
          variant.params,
        );
        const [rotating, clamped, shared] = ['rotating', 'clamped', 'shared'].map((name) =>
          page.document.getElementById(name)!,
        );
        await rendered([rotating, clamped, shared]);
        const shown = (el: Element) => part(el, 'text')!.textContent!.trim();

        // The rotation runs on its own timer, and its buttons work.
        expect(shown(rotating)).to.equal(quoteOf(ids[0]).text);
        await waitUntil(() => shown(rotating) === quoteOf(ids[1]).text, 'no second quote', PATIENT);
        await waitUntil(() => shown(rotating) === quoteOf(ids[2]).text, 'no third quote', PATIENT);
        const [previous, pause, next] = part(rotating, 'controls')!.querySelectorAll('button');
        pause.click();
        const held = shown(rotating);
        await aTimeout(700);
        expect(shown(rotating), 'paused').to.equal(held);
        next.click();
        await waitUntil(() => shown(rotating) !== held, 'Next did not move', PATIENT);
        previous.click();
        await waitUntil(() => shown(rotating) === held, 'Previous did not move back', PATIENT);

        // The line count reaches the clamp through CSSOM, which the policy allows.
        const text = part(clamped, 'text')!;
        const lines = () => text.clientHeight / parseFloat(page.getComputedStyle(text).lineHeight);
        expect(lines()).to.be.closeTo(2, 0.1);
        const more = clamped.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-controls]')!;
        expect(more.checkVisibility()).to.be.true;
        more.click();
        await waitUntil(() => more.getAttribute('aria-expanded') === 'true', undefined, PATIENT);
        await waitUntil(() => lines() > 4, 'Read more did not show the whole quote', PATIENT);

        // Plain links, and a copy that says what happened.
        const links = [...part(shared, 'share')!.querySelectorAll('a')];
        expect(links.map((a) => new URL(a.href).origin)).to.deep.equal([
          'https://twitter.com',
          'https://www.facebook.com',
          'https://www.linkedin.com',
          'null',
        ]);
        expect(new URL(links[0].href).searchParams.get('url')).to.equal(page.location.href);
        const status = shared.shadowRoot!.querySelector('[role="status"]')!;
        part(shared, 'share')!.querySelector('button')!.click();
        await waitUntil(
          () => status.textContent!.trim(),
          'nothing was said after copying',
          PATIENT,
        );

        clean(page);
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
