/**
 * Pre-rendered cards: the snippets `npx impact-widgets snapshot` prints (run for real by the test
 * server's /api/snapshot), pasted into a page as a partner would, with the built bundle.
 *
 * - Without JavaScript the snippet shows the card, styled exactly as the live element styles it.
 * - A bundle that arrives late takes the card over: one card, the same size (no layout shift), no
 *   count-up replay, nothing the strict CSP refuses; and the card is live afterwards.
 */
import { expect, nextFrame, waitUntil } from '@open-wc/testing';
import { closePages, fresh, openPage, part, TAGS } from '../hardening/built-page.js';
import { bundle, look, openUntilParsed, pasted, shiftsOf, snapshotOf } from './pasted.js';

/*
 * Assertions here are on strings, numbers and booleans: a failed one on a node or a class of the
 * frame would be serialized whole for the report, which can take the test runner minutes.
 */

/** The fixture's items with the most to show: a baseline and its bars, a dated quote, progress. */
const IDS: Record<string, string> = {
  'impact-stat': 'share',
  'study-quote': 'first-voice',
  'fundraise-cta': 'join',
};

/**
 * After takeover: words of the live card in a language (French, the snippet's, then English), and
 * an attribute change the card must follow, with words that show it did.
 */
const LIVE: Record<
  string,
  { words: (lang: string) => string; attribute: [string, string]; shows: string }
> = {
  'impact-stat': {
    words: (lang) =>
      new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: 1 }).format(0.417),
    attribute: ['data-id', 'households'],
    shows: 'households reached',
  },
  'study-quote': {
    words: (lang) =>
      new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date('2021-05-04'),
      ),
    attribute: ['data-id', 'second-voice'],
    shows: 'Ben Fixture',
  },
  'fundraise-cta': {
    words: (lang) =>
      new Intl.NumberFormat(lang, {
        style: 'currency',
        currency: 'USD',
        maximumFractionDigits: 0,
      }).format(3250),
    attribute: ['data-heading', 'A heading of our own'],
    shows: 'A heading of our own',
  },
};

afterEach(closePages);

describe('a pre-rendered snippet', () => {
  for (const tag of TAGS) {
    describe(`<${tag}>`, () => {
      it('shows the card without JavaScript, styled as the live card is', async () => {
        const src = fresh('/fixtures/study.json');
        const html = await snapshotOf({ tag, src, id: IDS[tag] });
        const off = await openPage(pasted(html, { script: 'blocked' }));
        const el = off.document.querySelector(tag)!;
        expect(!!off.customElements.get(tag), 'a script ran').to.be.false;
        expect(!!part(el, 'card'), 'the pre-rendered card').to.be.true;
        // The light-DOM words are for browsers that ignore the template: here no slot shows them.
        expect(!!el.shadowRoot!.querySelector('slot'), 'a slot').to.be.false;
        expect(el.querySelector('p')!.textContent).not.to.equal('');

        const live = await openPage(
          pasted(
            `<${tag} data-src="${src}" data-id="${IDS[tag]}" data-animate="none"></${tag}>${bundle()}`,
          ),
        );
        const liveEl = live.document.querySelector(tag)!;
        await waitUntil(() => part(liveEl, 'card'), 'the live card did not render');
        const [prerendered, rendered] = [look(el), look(liveEl)];
        expect(prerendered.length, 'elements in the card').to.equal(rendered.length);
        // Line by line: a diff of the whole would be slow to compute, and hard to read.
        prerendered.forEach((line, i) => expect(line, `element ${i}`).to.equal(rendered[i]));
      });

      it('is taken over by a late bundle under the strict CSP: one card, no shift, still live', async () => {
        const src = fresh('/fixtures/study.json');
        // In French, so that the live card's words show it keeps the element's language.
        const html = await snapshotOf({ tag, src, id: IDS[tag], lang: 'fr' });
        const page = await openUntilParsed(pasted(html + bundle(1500), { csp: 'strict' }));
        const el = page.document.querySelector(tag)!;
        const shifts = shiftsOf(page);
        const prerendered = part(el, 'card');
        const box = JSON.stringify(el.getBoundingClientRect());
        expect(!!page.customElements.get(tag), 'the bundle came early').to.be.false;
        expect(!!prerendered, 'the pre-rendered card').to.be.true;

        await waitUntil(() => page.customElements.get(tag), 'the bundle never came', {
          timeout: 8000,
        });
        await waitUntil(
          () => part(el, 'card') !== prerendered,
          'the element did not take the card over',
          { timeout: 5000 },
        );
        const root = el.shadowRoot!;
        expect(root.querySelectorAll('[part~="card"]').length, 'cards').to.equal(1);
        expect(!!root.querySelector('link'), 'the pre-rendered stylesheet link').to.be.false;
        if (tag === 'impact-stat') {
          // Seen already: the figure stays as it is, frame after frame, instead of counting up.
          for (let frame = 0; frame < 10; frame++) {
            const [announced, shown] = part(el, 'value')!.children;
            expect(shown.textContent, `frame ${frame}`).to.equal(announced.textContent);
            await nextFrame();
          }
        }
        await nextFrame();
        await nextFrame();
        expect(JSON.stringify(el.getBoundingClientRect()), 'the box').to.equal(box);
        expect(shifts, 'layout shifts').to.deep.equal([]);

        // Live: in the element's language, and following its language, theme and item.
        const { words, attribute, shows } = LIVE[tag];
        const card = () => part(el, 'card')?.textContent ?? '';
        expect(card(), 'the live card, in French').to.contain(words('fr'));
        el.setAttribute('lang', 'en');
        await waitUntil(() => card().includes(words('en')), 'the language did not change');
        const background = () => page.getComputedStyle(part(el, 'card')!).backgroundColor;
        const light = background();
        el.setAttribute('data-theme', 'dark');
        await waitUntil(() => background() !== light, 'the theme did not change');
        el.setAttribute(...attribute);
        await waitUntil(() => part(el, 'card')?.textContent!.includes(shows), 'no new item');
        // Another document: its skeleton while it loads, then its card, in place of the last.
        el.setAttribute('data-src', fresh('/fixtures/slow.json?ms=300'));
        await waitUntil(() => part(el, 'skeleton'), 'no skeleton for the next document');
        await waitUntil(() => part(el, 'card'), 'the next document did not render');
        expect(root.querySelectorAll('[part~="card"], [part~="skeleton"]').length).to.equal(1);

        expect(page.record.violations, 'CSP violations').to.deep.equal([]);
        expect(page.record.errors, 'uncaught errors').to.deep.equal([]);
        expect(page.record.warnings, 'warnings').to.deep.equal([]);
      });

      it('keeps the pre-rendered card while its document loads, and when it cannot load', async () => {
        const slow = fresh('/fixtures/slow.json?ms=1500');
        const html = await snapshotOf({ tag, src: slow, id: IDS[tag] });
        const gone = fresh('/fixtures/status/404');
        const attribute = (url: string) => url.replaceAll('&', '&amp;');
        const page = await openUntilParsed(
          pasted(html + html.replace(attribute(slow), attribute(gone)) + bundle()),
        );
        const [loading, failing] = page.document.querySelectorAll(tag);
        const [first, second] = [part(loading, 'card'), part(failing, 'card')];
        await waitUntil(() => page.customElements.get(tag), 'the bundle never came');
        await waitUntil(
          () => page.record.warnings.length === 1,
          'the failed load was not reported',
        );
        // Still loading: the pre-rendered card, alone, rather than a skeleton.
        expect(part(loading, 'card') === first, 'the pre-rendered card').to.be.true;
        expect(!!part(loading, 'skeleton'), 'a skeleton').to.be.false;
        // Failed: the partner hears of it; the reader keeps the card, not the fallback words.
        expect(page.record.warnings[0]).to.contain(`<${tag}>`).and.contain('404');
        expect(part(failing, 'card') === second, 'the pre-rendered card').to.be.true;
        expect(!!failing.shadowRoot!.querySelector('slot'), 'a slot').to.be.false;

        await waitUntil(() => part(loading, 'card') !== first, 'the document never came', {
          timeout: 5000,
        });
        expect(loading.shadowRoot!.querySelectorAll('[part~="card"]').length, 'cards').to.equal(1);
      });
    });
  }
});
