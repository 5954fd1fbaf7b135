import { aTimeout, expect, fixture, html, nextFrame, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { DEFAULT_DOCUMENT } from '../../data/default-document.js';
import type { ImpactErrorEvent } from '../../internal/events.js';
import type { ImpactStatElement } from './impact-stat.js';
import './impact-stat.define.js';
import { watchPage } from '../../../test/watch-page.js';

const fixtureDocument = (await (
  await fetch('/fixtures/study.json')
).json()) as typeof DEFAULT_DOCUMENT;
const fixtureStat = (id: string) => fixtureDocument.stats.find((stat) => stat.id === id)!;

let counter = 0;
/** A URL no other test has used, so the loader's per-page cache starts empty for it. */
const fresh = (path = '/fixtures/study.json') =>
  `${path}${path.includes('?') ? '&' : '?'}stat=${Date.now()}-${counter++}`;
const unique = () => `${Date.now()}-${counter++}`;

const intl = (locale: string, options: Intl.NumberFormatOptions, value: number) =>
  new Intl.NumberFormat(locale, options).format(value);
const oneDecimalPercent = {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
} as const;

const part = (el: Element, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
/** What a sighted reader sees of the figure (the moving digits). */
const digits = (el: Element) =>
  part(el, 'value')?.querySelector('[aria-hidden="true"]')?.textContent ?? null;
/** What assistive tech reads of the figure. */
const spoken = (el: Element) =>
  part(el, 'value')?.querySelector(':not([aria-hidden])')?.textContent ?? null;
const text = (el: Element, name: string) =>
  part(el, name)
    ?.textContent?.replace(/[ \n]+/g, ' ')
    .trim();
const rendered = (el: Element) => waitUntil(() => part(el, 'card'), 'the card never rendered');

/** Counts requestAnimationFrame calls from now on. */
function countFrames() {
  const original = window.requestAnimationFrame;
  const spy = { calls: 0, restore: () => (window.requestAnimationFrame = original) };
  window.requestAnimationFrame = (callback) => {
    spy.calls++;
    return original.call(window, callback);
  };
  return spy;
}

/** A stat built the way script users build one: createElement, attributes, then append. */
async function stat(attributes: Record<string, string>, fallbackText = 'Fallback figure') {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('impact-stat');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.append(Object.assign(document.createElement('p'), { textContent: fallbackText }));
  return { container, el };
}

describe('<impact-stat>', () => {
  describe('data', () => {
    it('shows a stat of the default document by id, cited with the study', async () => {
      const el = await fixture<ImpactStatElement>(
        html`<impact-stat data-id="reduction-2012-2015" data-animate="none"></impact-stat>`,
      );
      const item = DEFAULT_DOCUMENT.stats.find((s) => s.id === 'reduction-2012-2015')!;
      expect(digits(el)).to.equal('73%');
      expect(text(el, 'label')).to.equal(item.label);
      expect(text(el, 'context')).to.equal(item.context);
      const { title, year } = DEFAULT_DOCUMENT.study;
      expect(text(el, 'source')).to.contain(item.source!.label).and.contain(`${title}, ${year}`);
      expect(part(el, 'source')!.querySelector('a')).to.be.null;
    });

    it('says "as cited in" the study for a figure the study only reports', async () => {
      const el = await fixture<ImpactStatElement>(
        html`<impact-stat data-id="minors-early-2000s" data-animate="none"></impact-stat>`,
      );
      expect(text(el, 'source')).to.equal(
        'Source: Research reported by the Cambodian government, as cited in Cambodia Prevalence Study, 2015',
      );
      expect(part(el, 'source')!.querySelector('cite')!.textContent).to.equal(
        'Cambodia Prevalence Study, 2015',
      );
      const measured = await fixture<ImpactStatElement>(
        html`<impact-stat data-id="minors-2015" data-animate="none"></impact-stat>`,
      );
      expect(text(measured, 'source')).to.equal(
        'Source: International Justice Mission (IJM) · Cambodia Prevalence Study, 2015',
      );
    });

    it('says "cité dans" in French', async () => {
      const el = await fixture<ImpactStatElement>(
        html`<div lang="fr">
          <impact-stat data-id="minors-early-2000s" data-animate="none"></impact-stat>
        </div>`,
      );
      const stat = el.querySelector('impact-stat')!;
      await stat.updateComplete;
      expect(text(stat, 'source')).to.contain(', cité dans Cambodia Prevalence Study, 2015');
    });

    it('takes the first stat of the default document without data-id', async () => {
      const el = await fixture<ImpactStatElement>(
        html`<impact-stat data-animate="none"></impact-stat>`,
      );
      expect(text(el, 'label')).to.equal(DEFAULT_DOCUMENT.stats[0].label);
    });

    it('loads a stat from a JSON URL, with its baseline and linked source', async () => {
      const el = await fixture<ImpactStatElement>(
        html`<impact-stat data-src=${fresh()} data-id="share" data-animate="none"></impact-stat>`,
      );
      await rendered(el);
      const share = fixtureStat('share');
      expect(digits(el)).to.equal(intl('en', oneDecimalPercent, share.value / 100));
      expect(text(el, 'label')).to.equal(share.label);
      expect(text(el, 'baseline')).to.contain(share.baseline!.label);
      const link = part(el, 'source')!.querySelector('a')!;
      expect(link.href).to.equal(share.source!.url);
      expect(link.textContent).to.equal(share.source!.label);
      const { title, year } = fixtureDocument.study;
      expect(text(el, 'source')).to.contain(`${title}, ${year}`);
    });

    it('builds a standalone stat from inline attributes, without the study’s citation', async () => {
      const el = await fixture<ImpactStatElement>(html`
        <impact-stat
          data-value="2.2"
          data-format="percent"
          data-label="of people in the commercial sex trade were minors"
          data-context="three cities"
          data-source="IJM prevalence study, 2015"
          data-source-url="https://example.org/ijm"
          data-animate="none"
        ></impact-stat>
      `);
      expect(digits(el)).to.equal(
        intl('en', { style: 'percent', maximumFractionDigits: 1 }, 0.022),
      );
      expect(text(el, 'label')).to.equal('of people in the commercial sex trade were minors');
      expect(text(el, 'context')).to.equal('three cities');
      expect(part(el, 'source')!.querySelector('a')!.href).to.equal('https://example.org/ijm');
      expect(text(el, 'source')).not.to.contain(DEFAULT_DOCUMENT.study.title);
      expect(part(el, 'source')!.querySelector('cite')).to.be.null;
      expect(part(el, 'baseline')).to.be.null;
    });

    it('lets inline attributes override the document’s fields', async () => {
      const el = await fixture<ImpactStatElement>(html`
        <impact-stat
          data-src=${fresh()}
          data-id="share"
          data-value="12.5"
          data-label="an overriding label"
          data-source="An overriding source"
          data-baseline-label="in 2010"
          data-animate="none"
        ></impact-stat>
      `);
      await rendered(el);
      expect(digits(el)).to.equal(intl('en', oneDecimalPercent, 0.125));
      expect(text(el, 'label')).to.equal('an overriding label');
      expect(text(el, 'baseline')).to.contain('in 2010');
      // The document's link and study stay: only the label was overridden.
      expect(part(el, 'source')!.querySelector('a')!.textContent).to.equal('An overriding source');
      expect(text(el, 'source')).to.contain(fixtureDocument.study.title);
    });

    it('shows a skeleton of its card while the document loads, then the card', async () => {
      const { container, el } = await stat({
        'data-src': fresh('/fixtures/slow.json?ms=300'),
        'data-id': 'households',
        'data-animate': 'none',
      });
      el.replaceChildren();
      container.append(el);
      await el.updateComplete;
      expect(part(el, 'card')).to.be.null;
      expect(part(el, 'skeleton')).to.exist;
      expect(el.matches(':state(loading)')).to.be.true;
      expect(el.getBoundingClientRect().height).to.be.greaterThan(50);
      await rendered(el);
      expect(el.matches(':state(loading)')).to.be.false;
      expect(part(el, 'skeleton')).to.be.null;
      expect(el.shadowRoot!.querySelector('slot')).to.be.null;
    });
  });

  describe('formats', () => {
    const src = fresh();
    const expected: Record<string, (lang: string) => string> = {
      share: (lang) => intl(lang, oneDecimalPercent, 0.417),
      households: (lang) => intl(lang, { maximumFractionDigits: 0 }, 1234567),
      reach: (lang) => intl(lang, { notation: 'compact' }, 1200000),
      budget: (lang) =>
        intl(lang, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }, 3250),
    };
    for (const lang of ['en', 'fr']) {
      for (const [id, format] of Object.entries(expected)) {
        it(`formats the ${fixtureStat(id).format} stat "${id}" in ${lang}`, async () => {
          const wrapper = await fixture(html`
            <div lang=${lang}>
              <impact-stat data-src=${src} data-id=${id} data-animate="none"></impact-stat>
            </div>
          `);
          const el = wrapper.querySelector('impact-stat')!;
          await rendered(el);
          expect(digits(el)).to.equal(format(lang));
          expect(spoken(el)).to.equal(format(lang));
        });
      }
    }

    it('reads as the issue says: "41,7 %" in fr, "1.2M" and "1,234,567" in en', async () => {
      const wrapper = await fixture(html`
        <div>
          <impact-stat lang="fr" data-value="41.7" data-format="percent"></impact-stat>
          <impact-stat data-value="1200000" data-format="compact"></impact-stat>
          <impact-stat data-value="1234567" data-format="number"></impact-stat>
        </div>
      `);
      const [fr, compact, number] = wrapper.querySelectorAll('impact-stat');
      expect(spoken(fr)).to.match(/^41,7\s%$/u);
      expect(spoken(compact)).to.equal('1.2M');
      expect(spoken(number)).to.equal('1,234,567');
    });

    it('takes data-decimals and data-currency', async () => {
      const el = await fixture<ImpactStatElement>(html`
        <impact-stat
          data-value="1234.5"
          data-format="currency"
          data-currency="EUR"
          data-decimals="2"
          data-animate="none"
        ></impact-stat>
      `);
      expect(digits(el)).to.equal(
        intl('en', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 }, 1234.5),
      );
    });
  });

  describe('comparison with a baseline', () => {
    it('says the change in words and figures, in en and fr, with two bars', async () => {
      const wrapper = await fixture(html`
        <div>
          <impact-stat
            data-value="2.2"
            data-format="percent"
            data-baseline="30"
            data-baseline-label="in the early 2000s"
            data-animate="none"
          ></impact-stat>
          <impact-stat
            lang="fr"
            data-value="2.2"
            data-format="percent"
            data-baseline="30"
            data-baseline-label="au début des années 2000"
            data-animate="none"
          ></impact-stat>
        </div>
      `);
      const [en, fr] = wrapper.querySelectorAll('impact-stat');
      const thirty = (lang: string) => intl(lang, { style: 'percent' }, 0.3);
      expect(text(en, 'baseline')).to.equal(`down from ${thirty('en')} in the early 2000s`);
      expect(text(en, 'baseline')).to.equal('down from 30% in the early 2000s');
      expect(text(fr, 'baseline')).to.equal(
        `en baisse, contre ${thirty('fr')} au début des années 2000`,
      );
      const bars = part(en, 'bars')!;
      expect(bars.getAttribute('aria-hidden')).to.equal('true');
      // Each bar's line, without its round caps, is as long as its figure's share of the larger.
      const [now, then] = [...bars.querySelectorAll('line')].map(
        (bar) => bar.getBoundingClientRect().width,
      );
      expect(now / then).to.be.closeTo(2.2 / 30, 0.02);
      // Only the two figures the data gives: no computed reduction.
      expect(en.shadowRoot!.textContent).not.to.match(/9\d(\.\d)?%/);
    });

    it('says "up from" for a rise and shows no comparison without a baseline', async () => {
      const el = await fixture<ImpactStatElement>(
        html`<impact-stat data-value="40" data-baseline="30" data-animate="none"></impact-stat>`,
      );
      expect(text(el, 'baseline')).to.equal(`up from ${intl('en', {}, 30)}`);
      el.baseline = undefined;
      await el.updateComplete;
      expect(part(el, 'baseline')).to.be.null;
      expect(part(el, 'bars')).to.be.null;
    });
  });

  describe('count-up', () => {
    afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

    it('counts from the baseline to the value once visible, ending on exactly the final text', async () => {
      const share = fixtureStat('share');
      const final = intl('en', oneDecimalPercent, share.value / 100);
      const { container, el } = await stat({ 'data-src': fresh(), 'data-id': 'share' });
      const seen: string[] = [];
      // The first rendering with data, before any frame could run.
      el.addEventListener('impact-ready', () => seen.push(digits(el)!));
      container.append(el);
      await rendered(el);
      // Assistive tech has the final value from the start; the moving digits are hidden from it.
      expect(spoken(el)).to.equal(final);
      const started = performance.now();
      while (seen.at(-1) !== final && performance.now() - started < 4000) {
        await nextFrame();
        seen.push(digits(el)!);
      }
      const took = performance.now() - started;
      expect(seen[0]).to.equal(intl('en', oneDecimalPercent, share.baseline!.value / 100));
      expect(seen.at(-1)).to.equal(final);
      expect(took).to.be.within(900, 2500);
      const figures = seen.map((shown) => parseFloat(shown));
      expect(figures.every((figure, i) => i === 0 || figure <= figures[i - 1])).to.be.true;
      expect(new Set(seen).size).to.be.greaterThan(5);
      // It stays on the final text while the last frames ease out, then requests no more.
      const tail: string[] = [];
      for (const end = performance.now() + 400; performance.now() < end;) {
        await nextFrame();
        tail.push(digits(el)!);
      }
      expect(new Set(tail)).to.deep.equal(new Set([final]));
      const frames = countFrames();
      await aTimeout(200);
      frames.restore();
      expect(frames.calls).to.equal(0);
      expect(digits(el)).to.equal(final);
    });

    it('counts from 0 without a baseline', async () => {
      const el = await fixture<ImpactStatElement>(
        html`<impact-stat data-value="1234567" data-format="number"></impact-stat>`,
      );
      expect(digits(el)).to.equal(intl('en', {}, 0));
      await waitUntil(() => digits(el) === intl('en', {}, 1234567), 'never reached the value', {
        timeout: 3000,
      });
    });

    it('shows the final value at once with prefers-reduced-motion: reduce', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const frames = countFrames();
      try {
        const el = await fixture<ImpactStatElement>(
          html`<impact-stat data-value="1234567" data-format="number"></impact-stat>`,
        );
        expect(digits(el)).to.equal(intl('en', {}, 1234567));
        await aTimeout(200);
        expect(digits(el)).to.equal(intl('en', {}, 1234567));
      } finally {
        frames.restore();
      }
      expect(frames.calls).to.equal(0);
    });

    it('shows the final value at once with data-animate="none"', async () => {
      const frames = countFrames();
      try {
        const el = await fixture<ImpactStatElement>(
          html`<impact-stat data-value="48" data-animate="none"></impact-stat>`,
        );
        expect(digits(el)).to.equal('48');
        await aTimeout(200);
      } finally {
        frames.restore();
      }
      expect(frames.calls).to.equal(0);
    });

    it('requests no frame while off-screen, and counts up once scrolled into view', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div><div></div></div>`);
      (wrapper.firstElementChild as HTMLElement).style.setProperty('height', '300vh');
      const el = document.createElement('impact-stat');
      el.value = 5000;
      let visible = 0;
      el.addEventListener('impact-visible', () => visible++);
      const frames = countFrames();
      try {
        wrapper.append(el);
        await el.updateComplete;
        await aTimeout(300);
        expect(frames.calls).to.equal(0);
        expect(visible).to.equal(0);
        expect(digits(el)).to.equal('0');
        const seen = oneEvent(el, 'impact-visible');
        el.scrollIntoView();
        await seen;
        await waitUntil(() => digits(el) === '5,000', 'never counted up', { timeout: 3000 });
        expect(frames.calls).to.be.greaterThan(5);
        expect(visible).to.equal(1);
      } finally {
        frames.restore();
        window.scrollTo(0, 0);
      }
    });

    it('prints the final value, even for a stat that has not counted up yet', async () => {
      await emulateMedia({ media: 'print' });
      try {
        const el = await fixture<ImpactStatElement>(
          html`<impact-stat data-value="640" data-format="number"></impact-stat>`,
        );
        const value = part(el, 'value')!;
        const [words, moving] = value.querySelectorAll('span');
        expect(moving.getBoundingClientRect().width).to.equal(0);
        expect(words.getBoundingClientRect().width).to.be.greaterThan(10);
        expect(value.innerText.trim()).to.equal('640');
      } finally {
        await emulateMedia({ media: 'screen' });
      }
    });

    it('cancels its frames when removed, and shows the final value when put back', async () => {
      const { container, el } = await stat({ 'data-value': '900', 'data-format': 'number' });
      const seen = oneEvent(el, 'impact-visible');
      container.append(el);
      await seen;
      await nextFrame();
      await nextFrame();
      expect(digits(el)).not.to.equal('900');
      el.remove();
      const frames = countFrames();
      await aTimeout(200);
      frames.restore();
      expect(frames.calls).to.equal(0);
      container.append(el);
      await el.updateComplete;
      expect(digits(el)).to.equal('900');
    });
  });

  describe('events', () => {
    it('fires impact-ready once rendered and impact-visible once seen', async () => {
      const { container, el } = await stat({ 'data-id': 'minors-2015' });
      const ready: CustomEvent[] = [];
      const visible: CustomEvent[] = [];
      el.addEventListener('impact-ready', (event) => ready.push(event));
      el.addEventListener('impact-visible', (event) => visible.push(event));
      container.append(el);
      await waitUntil(() => visible.length, 'impact-visible never fired');
      el.label = 'changed';
      el.setAttribute('data-context', 'changed too');
      await el.updateComplete;
      await aTimeout(100);
      expect(ready).to.have.length(1);
      expect(ready[0].detail).to.deep.equal({ id: 'minors-2015' });
      expect(ready[0].bubbles && ready[0].composed).to.be.true;
      expect(visible).to.have.length(1);
      expect(visible[0].detail).to.deep.equal({ id: 'minors-2015' });
    });
  });

  describe('errors', () => {
    const crossOrigin = async () =>
      ((await (await fetch('/fixtures/cross-origin')).json()) as { url: string }).url;
    const cases: [string, () => Promise<Record<string, string>>, string, string[]][] = [
      [
        'a non-numeric data-value',
        async () => ({ 'data-value': `two-${unique()}` }),
        'attribute',
        ['data-value', 'is not a number'],
      ],
      [
        'a comma decimal',
        async () => ({ 'data-value': `2,${counter++}` }),
        'attribute',
        ['data-value'],
      ],
      [
        'a missing id',
        async () => ({ 'data-id': `nope-${unique()}` }),
        'not-found',
        ['data-id', 'nope-'],
      ],
      [
        'a 404',
        async () => ({ 'data-src': fresh('/fixtures/status/404') }),
        'http',
        ['data-src', '404'],
      ],
      [
        'malformed JSON',
        async () => ({ 'data-src': fresh('/fixtures/malformed.json') }),
        'not-json',
        ['data-src', 'is not JSON'],
      ],
      [
        'an HTML page',
        async () => ({ 'data-src': fresh('/fixtures/page.json') }),
        'not-json',
        ['data-src', 'HTML'],
      ],
      [
        'a schema error',
        async () => ({ 'data-src': fresh('/fixtures/bad-value.json') }),
        'schema',
        ['data-src', 'stats[2].value'],
      ],
      [
        'a document without CORS',
        async () => ({ 'data-src': await crossOrigin() }),
        'network',
        ['data-src', 'CORS'],
      ],
      [
        'an unknown data-format',
        async () => ({ 'data-value': '1', 'data-format': `pct-${unique()}` }),
        'attribute',
        ['data-format', 'percent, number, compact, currency'],
      ],
      [
        'bad data-decimals',
        async () => ({ 'data-value': '1', 'data-decimals': `1.${counter++}` }),
        'attribute',
        ['data-decimals'],
      ],
      [
        'a bad data-currency',
        async () => ({
          'data-value': '1',
          'data-format': 'currency',
          'data-currency': `U${counter++}`,
        }),
        'attribute',
        ['data-currency'],
      ],
      [
        'a currency stat without data-currency',
        async () => ({
          'data-value': `${counter++}`,
          'data-format': 'currency',
          'data-label': unique(),
        }),
        'attribute',
        ['data-currency'],
      ],
      [
        'a non-numeric data-baseline',
        async () => ({ 'data-value': '1', 'data-baseline': `thirty-${unique()}` }),
        'attribute',
        ['data-baseline', 'is not a number'],
      ],
    ];

    for (const [name, attributes, cause, words] of cases) {
      it(`keeps the fallback, warns once and fires impact-error for ${name}`, async () => {
        const page = watchPage();
        try {
          const { container, el } = await stat(await attributes(), 'The figure in words');
          const events: ImpactErrorEvent[] = [];
          el.addEventListener('impact-error', (event) => events.push(event));
          container.append(el);
          await waitUntil(() => events.length, 'impact-error never fired', { timeout: 5000 });
          await aTimeout(50);
          expect(part(el, 'card')).to.be.null;
          const slot = el.shadowRoot!.querySelector('slot')!;
          expect(slot.assignedElements()[0].textContent).to.equal('The figure in words');
          expect(el.matches(':state(error)')).to.be.true;
          expect(events).to.have.length(1);
          expect(events[0].detail.cause).to.equal(cause);
          expect(events[0].bubbles && events[0].composed).to.be.true;
          expect(page.warnings).to.deep.equal([events[0].detail.message]);
          expect(page.warnings[0]).to.match(/^<impact-stat>: /);
          for (const word of words) expect(page.warnings[0]).to.contain(word);
          expect(page.uncaught).to.be.empty;
        } finally {
          page.stop();
        }
      });
    }

    it('recovers when the bad attribute is fixed', async () => {
      const page = watchPage();
      try {
        const el = await fixture<ImpactStatElement>(
          html`<impact-stat data-value=${`oops-${unique()}`} data-animate="none"></impact-stat>`,
        );
        expect(part(el, 'card')).to.be.null;
        el.setAttribute('data-value', '12');
        await el.updateComplete;
        expect(digits(el)).to.equal('12');
        expect(el.matches(':state(error)')).to.be.false;
      } finally {
        page.stop();
      }
    });
  });

  describe('safety', () => {
    it('never links a javascript: source URL, and says so once', async () => {
      const page = watchPage();
      try {
        const url = `javascript:alert(${counter++})`;
        const { container, el } = await stat({
          'data-value': '3',
          'data-source': 'A source',
          'data-source-url': url,
          'data-animate': 'none',
        });
        const events: ImpactErrorEvent[] = [];
        el.addEventListener('impact-error', (event) => events.push(event));
        container.append(el);
        await rendered(el);
        el.label = 'a re-render';
        await el.updateComplete;
        expect(part(el, 'source')!.querySelector('a')).to.be.null;
        expect(el.shadowRoot!.querySelector('[href]')).to.be.null;
        expect(text(el, 'source')).to.contain('A source');
        expect(events).to.have.length(1);
        expect(page.warnings).to.have.length(1);
        expect(page.warnings[0]).to.contain('<impact-stat>').and.contain('data-source-url');
        expect(page.warnings[0]).to.contain(url);
      } finally {
        page.stop();
      }
    });

    it('never links a document’s javascript: source URL either', async () => {
      const source = { label: 'A document source', url: `javascript:void(${counter++})` };
      const doc = { ...fixtureDocument, stats: [{ ...fixtureDocument.stats[0], source }] };
      const src = `data:application/json,${encodeURIComponent(JSON.stringify(doc))}`;
      const page = watchPage();
      try {
        const el = await fixture<ImpactStatElement>(
          html`<impact-stat data-src=${src} data-animate="none"></impact-stat>`,
        );
        await rendered(el);
        expect(el.shadowRoot!.querySelector('a')).to.be.null;
        expect(text(el, 'source')).to.contain(source.label);
        expect(page.warnings).to.have.length(1);
        expect(page.warnings[0]).to.contain('source.url of stat "share"');
      } finally {
        page.stop();
      }
    });

    it('never makes a link without a name of a blank data-source', async () => {
      const minors = DEFAULT_DOCUMENT.stats.find((s) => s.id === 'minors-2015')!;
      for (const blank of ['', ' ']) {
        // Its own stat: the link reads as its address, as it does without data-source.
        const own = await fixture<ImpactStatElement>(html`
          <impact-stat
            data-value="3"
            data-source=${blank}
            data-source-url="https://example.org/report"
            data-animate="none"
          ></impact-stat>
        `);
        const link = part(own, 'source')!.querySelector('a')!;
        expect(link.textContent!.trim(), `data-source="${blank}"`).to.equal(link.href);
        await expect(own).to.be.accessible();
        // A document's stat: the document's label.
        const cited = await fixture<ImpactStatElement>(html`
          <impact-stat
            data-id=${minors.id}
            data-source=${blank}
            data-source-url="https://example.org/report"
            data-animate="none"
          ></impact-stat>
        `);
        const named = part(cited, 'source')!.querySelector('a')!;
        expect(named.textContent!.trim(), `data-source="${blank}"`).to.equal(minors.source!.label);
        await expect(cited).to.be.accessible();
      }
    });

    it('shows HTML in a label, context or source as text', async () => {
      const markup = '<img src=x onerror="window.__impactStatPwned = true">';
      const el = await fixture<ImpactStatElement>(html`
        <impact-stat
          data-value="1"
          data-label=${markup}
          data-context=${`<b>${markup}</b>`}
          data-source=${markup}
          data-baseline="2"
          data-baseline-label=${markup}
          data-animate="none"
        ></impact-stat>
      `);
      await aTimeout(50);
      expect(text(el, 'label')).to.equal(markup);
      expect(text(el, 'context')).to.equal(`<b>${markup}</b>`);
      expect(text(el, 'baseline')).to.contain(markup);
      expect(el.shadowRoot!.querySelector('img, b')).to.be.null;
      expect((window as { __impactStatPwned?: boolean }).__impactStatPwned).to.be.undefined;
    });
  });

  describe('run-time changes', () => {
    it('re-renders when attributes change', async () => {
      const el = await fixture<ImpactStatElement>(
        html`<impact-stat data-value="5" data-animate="none"></impact-stat>`,
      );
      el.setAttribute('data-value', '42.5');
      el.setAttribute('data-format', 'percent');
      el.setAttribute('data-label', 'new label');
      el.setAttribute('data-baseline', '50');
      await el.updateComplete;
      expect(digits(el)).to.equal(
        intl('en', { style: 'percent', maximumFractionDigits: 1 }, 0.425),
      );
      expect(text(el, 'label')).to.equal('new label');
      expect(text(el, 'baseline')).to.contain('down from');
      el.setAttribute('data-id', 'minors-2015');
      el.removeAttribute('data-value');
      await el.updateComplete;
      expect(text(el, 'label')).to.equal('new label');
      expect(spoken(el)).to.equal(intl('en', oneDecimalPercent, 0.022));
    });

    it('re-renders when properties change', async () => {
      const el = document.createElement('impact-stat');
      el.value = 1200000;
      el.format = 'compact';
      el.animation = 'none';
      await fixture(html`<div></div>`).then((container) => container.append(el));
      await el.updateComplete;
      expect(digits(el)).to.equal(intl('en', { notation: 'compact' }, 1200000));
      el.format = 'currency';
      el.currency = 'EUR';
      el.label = 'raised';
      el.context = 'in 2024';
      el.source = 'Our books';
      el.sourceUrl = 'https://example.org/books';
      el.baseline = 2400000;
      el.baselineLabel = 'in 2023';
      await el.updateComplete;
      expect(digits(el)).to.equal(
        intl('en', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }, 1200000),
      );
      expect(text(el, 'label')).to.equal('raised');
      expect(text(el, 'context')).to.equal('in 2024');
      expect(part(el, 'source')!.querySelector('a')!.href).to.equal('https://example.org/books');
      expect(text(el, 'baseline')).to.contain('down from').and.contain('in 2023');
      el.decimals = 2;
      await el.updateComplete;
      expect(digits(el)).to.equal(
        intl('en', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 }, 1200000),
      );
    });
  });

  describe('accessibility and layout', () => {
    for (const theme of ['light', 'dark', 'auto']) {
      it(`is accessible in the ${theme} theme, with a baseline and a link`, async () => {
        const el = await fixture<ImpactStatElement>(
          html`<impact-stat data-theme=${theme} data-src=${fresh()} data-id="share"></impact-stat>`,
        );
        await rendered(el);
        await expect(el).to.be.accessible();
      });
    }

    for (const theme of ['light', 'dark']) {
      it(`is accessible in the ${theme} theme from the default document and in its fallback`, async () => {
        const page = watchPage();
        const wrapper = await fixture(html`
          <div>
            <impact-stat data-theme=${theme}></impact-stat>
            <impact-stat data-theme=${theme} data-id="reduction-2012-2015"></impact-stat>
            <impact-stat data-theme=${theme} data-id=${`missing-${unique()}`}
              ><p>73% fewer minors, in words</p></impact-stat
            >
          </div>
        `);
        page.stop();
        await expect(wrapper).to.be.accessible();
      });
    }

    it('reaches its source link from the keyboard', async () => {
      const el = await fixture<ImpactStatElement>(
        html`<impact-stat
          data-value="1"
          data-source="S"
          data-source-url="https://example.org/"
        ></impact-stat>`,
      );
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'source')!.querySelector('a'));
    });

    it('fits from 200 px to 800 px, with a bigger figure on wide containers', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`
        <div>
          <impact-stat
            data-value="1234567"
            data-baseline="2000000"
            data-label="people"
            data-source="S"
          ></impact-stat>
        </div>
      `);
      const el = wrapper.querySelector('impact-stat')!;
      const sizes: number[] = [];
      for (const width of [200, 800]) {
        wrapper.style.setProperty('width', `${width}px`);
        await nextFrame();
        const card = part(el, 'card')!;
        expect(card.scrollWidth).to.be.at.most(card.clientWidth + 1);
        expect(el.getBoundingClientRect().width).to.equal(width);
        sizes.push(parseFloat(getComputedStyle(part(el, 'value')!).fontSize));
      }
      expect(sizes[1]).to.be.greaterThan(sizes[0]);
    });
  });
});
