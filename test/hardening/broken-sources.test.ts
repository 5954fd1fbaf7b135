/**
 * Documents a careless or hostile host could serve, over real HTTP, for every shipped element: it
 * must show a card or its fallback, keep text as text, never link `javascript:`, warn once naming
 * itself and the cause, fire `impact-error`, and never let an error reach the page.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';
import '../../src/elements/fundraise-cta/fundraise-cta.define.js';
import '../../src/elements/impact-stat/impact-stat.define.js';
import '../../src/elements/study-quote/study-quote.define.js';
import type { ImpactErrorEvent } from '../../src/internal/events.js';
import { openForm, received, signUpAs } from '../signup-form.js';
import { watchPage } from '../watch-page.js';
import { TAGS } from './built-page.js';

const part = (el: Element, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

/** The fallback is on show: the default slot is rendered and nothing else is. */
const showsFallback = (el: Element) =>
  !part(el, 'card') && el.shadowRoot!.querySelector('slot:not([name])') !== null;

/**
 * Where each element finds its item: the fixture's first of its kind, and the hostile documents
 * with their values in an item of that kind (test/server.js), with where each shows: the item and
 * part the 2 MB text fills, the last of 10,000 and its words, the item whose required field hides
 * behind __proto__ (and that field's path), and the item and part with invalid UTF-8.
 */
const ELEMENTS: Record<
  string,
  {
    id: string;
    hostile: string;
    attrs?: Record<string, string>;
    proto: string;
    big: [id: string, part: string];
    many: [id: string, part: string, words: string];
    protovalue: [id: string, path: string];
    utf8: [id: string, part: string];
  }
> = {
  'impact-stat': {
    id: 'share',
    hostile: '/fixtures/hostile',
    attrs: { 'data-animate': 'none' },
    proto: 'households',
    big: ['share', 'context'],
    many: ['stat-9999', 'value', new Intl.NumberFormat('en').format(9999)],
    protovalue: ['reach', 'stats[2].value'],
    utf8: ['households', 'label'],
  },
  'study-quote': {
    id: 'first-voice',
    hostile: '/fixtures/hostile/quotes',
    proto: 'first-voice',
    big: ['first-voice', 'text'],
    many: ['quotes-9999', 'text', 'Item 9999'],
    protovalue: ['first-voice', 'quotes[0].author'],
    utf8: ['first-voice', 'text'],
  },
  'fundraise-cta': {
    id: 'join',
    hostile: '/fixtures/hostile/ctas',
    proto: 'join',
    big: ['join', 'heading'],
    many: ['ctas-9999', 'heading', 'Item 9999'],
    protovalue: ['join', 'ctas[0].heading'],
    utf8: ['join', 'heading'],
  },
};

let counter = 0;

/** Network and timers take their time on a busy machine. */
const PATIENT = { timeout: 5000 };

/** The element on that document, once it shows its card or has said why it cannot. */
async function load(tag: string, src: string, id = ELEMENTS[tag].id, timeout = 8000) {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement(tag) as LitElement;
  for (const [name, value] of Object.entries({
    ...ELEMENTS[tag].attrs,
    'data-src': src,
    'data-id': id,
  })) {
    el.setAttribute(name, value);
  }
  el.textContent = 'fallback text';
  let reported = false;
  el.addEventListener('impact-error', () => (reported = true));
  host.append(el);
  await waitUntil(() => part(el, 'card') || reported, `<${tag}> neither rendered nor failed`, {
    timeout,
  });
  await el.updateComplete;
  return el;
}

/** The words a document item's field was given, checked against what the element shows. */
const fixtureDocument = fetch('/fixtures/study.json?case=broken-oracle').then((r) => r.json());

describe('broken and hostile documents', () => {
  let page: ReturnType<typeof watchPage>;
  let causes: string[];
  const recordCause = (event: ImpactErrorEvent) => causes.push(event.detail.cause);
  beforeEach(() => {
    page = watchPage();
    causes = [];
    document.addEventListener('impact-error', recordCause);
  });
  afterEach(() => {
    page.stop();
    document.removeEventListener('impact-error', recordCause);
    expect(page.uncaught, 'uncaught errors').to.deep.equal([]);
    expect((window as { pwned?: number }).pwned, 'window.pwned').to.be.undefined;
  });

  const failures = [
    ['an HTML error page', '/fixtures/page.json', 'not-json'],
    ['404', '/fixtures/status/404', 'http'],
    ['500', '/fixtures/status/500', 'http'],
    ['truncated JSON', '/fixtures/malformed.json', 'not-json'],
  ] as const;

  for (const tag of TAGS) {
    const { hostile } = ELEMENTS[tag];
    describe(`<${tag}>`, () => {
      for (const [answer, url, cause] of failures) {
        it(`keeps its fallback, warns once and says why when the JSON URL answers ${answer}`, async () => {
          const el = await load(tag, `${url}?broken=${counter++}`);
          expect(showsFallback(el)).to.be.true;
          expect(el.textContent).to.equal('fallback text');
          expect(causes).to.deep.equal([cause]);
          expect(page.warnings).to.have.length(1);
          expect(page.warnings[0]).to.match(new RegExp(`^<${tag}>: data-src: `));
        });
      }

      it('survives JSON nested 100,000 levels deep in an unknown key', async () => {
        const el = await load(tag, '/fixtures/hostile/deep');
        // Either the parser takes it (the key is ignored) or it refuses it as not JSON; both are fine.
        expect(part(el, 'card') !== null || showsFallback(el)).to.be.true;
      });

      it('treats __proto__ and constructor keys as data, polluting nothing', async () => {
        const el = await load(tag, `${hostile}/proto`, ELEMENTS[tag].proto);
        expect(part(el, 'card')).to.exist;
        expect(({} as Record<string, unknown>).polluted).to.be.undefined;
        expect((Object.prototype as Record<string, unknown>).polluted).to.be.undefined;
        expect(page.warnings).to.deep.equal([]);
      });

      it('renders from a 2 MB document', async () => {
        const [id, name] = ELEMENTS[tag].big;
        const el = await load(tag, `${hostile}/big`, id);
        expect(part(el, name)!.textContent!.trim().length).to.be.at.least(2 * 1024 * 1024);
      });

      it('finds the last of 10,000 items', async () => {
        const [id, name, words] = ELEMENTS[tag].many;
        const el = await load(tag, `${hostile}/many`, id);
        expect(part(el, name)!.textContent).to.contain(words);
      });

      it('does not take a required field "inherited" through a __proto__ key', async () => {
        const [id, path] = ELEMENTS[tag].protovalue;
        const el = await load(tag, `${hostile}/protovalue`, id);
        expect(showsFallback(el)).to.be.true;
        expect(causes).to.deep.equal(['schema']);
        expect(page.warnings).to.have.length(1);
        expect(page.warnings[0]).to.contain(`${path}: required, but missing`);
      });

      it('shows invalid UTF-8 as replacement characters', async () => {
        const [id, name] = ELEMENTS[tag].utf8;
        const el = await load(tag, `${hostile}/utf8`, id);
        expect(part(el, name)!.textContent).to.contain('\uFFFD');
      });
    });
  }

  it('gives up on a body that trickles in for 30 s, with a timeout, for every element', async function () {
    this.timeout(20_000);
    // All at once, each on its own URL: the timeout is the same 10 s for each.
    const els = await Promise.all(
      TAGS.map((tag) =>
        load(tag, `/fixtures/trickle.json?ms=30000&case=${counter++}`, undefined, 15_000),
      ),
    );
    for (const el of els) expect(showsFallback(el), el.localName).to.be.true;
    expect(causes).to.deep.equal(TAGS.map(() => 'timeout'));
    expect(page.warnings).to.have.length(TAGS.length);
    for (const tag of TAGS) {
      const [warning, ...more] = page.warnings.filter((w) => w.startsWith(`<${tag}>: data-src: `));
      expect(more, tag).to.be.empty;
      expect(warning).to.contain('did not answer within 10 s');
    }
  });

  describe('<impact-stat>', () => {
    it('keeps markup as text and never links javascript:', async () => {
      const el = await load('impact-stat', '/fixtures/hostile/markup');
      const root = el.shadowRoot!;
      expect(root.querySelector('script, img, iframe, b')).to.be.null;
      expect(part(el, 'label')!.textContent).to.equal('<script>window.pwned = 1</script>');
      expect(part(el, 'context')!.textContent).to.equal('<img src=x onerror="window.pwned = 2">');
      expect(part(el, 'source')!.querySelector('a')).to.be.null;
      expect(part(el, 'source')!.textContent).to.contain('<b>bold</b>');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(page.warnings.some((w) => w.includes('javascript:'))).to.be.true;
    });
  });

  describe('<study-quote>', () => {
    it('rotates through 10,000 quotes', async () => {
      const el = await load('study-quote', '/fixtures/hostile/quotes/many', '*');
      expect(part(el, 'controls')!.textContent).to.contain('10000');
    });
    it('keeps markup as text and never links javascript:', async () => {
      const el = await load('study-quote', '/fixtures/hostile/quotes/markup');
      const root = el.shadowRoot!;
      expect(root.querySelector('script, img, iframe, b, i')).to.be.null;
      expect(part(el, 'text')!.textContent!.trim()).to.equal('<script>window.pwned = 1</script>');
      expect(part(el, 'author')!.textContent).to.equal('<img src=x onerror="window.pwned = 2">');
      expect(part(el, 'role')!.textContent).to.equal('<b>bold</b>');
      expect(part(el, 'source')!.localName).to.equal('cite');
      expect(part(el, 'source')!.textContent).to.equal('<i>italic</i>');
      expect(root.querySelector('a, [cite]')).to.be.null;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(causes).to.deep.equal(['schema']);
      expect(page.warnings).to.have.length(1);
      expect(page.warnings[0]).to.match(/^<study-quote>: source\.url .*javascript:/);
    });
  });

  describe('<fundraise-cta>', () => {
    it('keeps markup as text, after a sign-up too, and never links javascript:', async () => {
      const { ctas } = await fixtureDocument;
      const el = await load('fundraise-cta', '/fixtures/hostile/ctas/markup');
      const root = el.shadowRoot!;
      expect(part(el, 'heading')!.textContent).to.equal('<script>window.pwned = 1</script>');
      expect(part(el, 'body')!.textContent).to.equal('<img src=x onerror="window.pwned = 2">');
      // The document's endpoint still opens the form; its javascript: link is dropped.
      const button = part(el, 'button')!;
      expect(button.localName).to.equal('button');
      expect(button.textContent).to.equal('<b>bold</b>');
      await openForm(el);
      const email = `broken-${Date.now()}-${counter++}@example.org`;
      signUpAs(el, 'Marked Up', email);
      await waitUntil(() => part(el, 'success'), 'the sign-up did not succeed', PATIENT);
      const [post] = await received(email);
      expect(new URL(post.url, location.href).pathname).to.equal(ctas[0].signup.endpoint);
      expect(part(el, 'success')!.textContent).to.contain(
        '<iframe src="javascript:window.pwned = 4"></iframe>',
      );
      expect(part(el, 'guide')!.localName).to.equal('span');
      expect(part(el, 'guide')!.textContent).to.equal('<i>guide</i>');
      expect(root.querySelector('script, img, iframe, b, i, a')).to.be.null;

      // The second has only refused ways on: no control at all.
      const refused = await load('fundraise-cta', '/fixtures/hostile/ctas/markup', 'refused');
      expect(refused.shadowRoot!.querySelector('button, a, form')).to.be.null;
      await new Promise((resolve) => setTimeout(resolve, 50));
      // Each refused URL of each, named by its field in the document: no attribute was set.
      expect(page.warnings.filter((w) => w.includes('javascript:'))).to.have.length(5);
      expect(page.warnings).to.have.length(5);
      for (const warning of page.warnings) {
        expect(warning).to.match(/^<fundraise-cta>: [\w.]+ of call to action "(join|refused)" /);
      }
    });
  });
});
