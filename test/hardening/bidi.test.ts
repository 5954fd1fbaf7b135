/**
 * Words that cannot turn the card around: a document (test/server.js's /fixtures/hostile/bidi) or
 * an attribute whose text opens a PDI and a right-to-left override (U+2069 U+202E) and never
 * closes them. The hostile words may read backwards, as their author asked; every word after
 * them still reads left to right, in its place. A PDI comes first because Chromium lets a PDI the
 * words did not open close the `<bdi>` around them, so isolation alone would not hold.
 *
 * Measured as laid out, with Range boxes: the live elements (this page, from src/), and the
 * snapshot command's pre-rendered snippet pasted with no script, both as a browser with
 * declarative shadow DOM shows it and as one that ignores the template shows its light DOM.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import { openForm, signUpAs } from '../signup-form.js';
import { closePages, fresh, openPage, part } from './built-page.js';
import { pasted, snapshotOf } from '../prerender/pasted.js';
import { rangeOf } from '../text-range.js';

const HOSTILE = '\u2069\u202e';

/** The left edge of each character of `words`, in the order they are written. */
function lefts(root: Node, words: string, range = rangeOf(root, words)): number[] {
  const { startContainer: node, startOffset: start } = range;
  return [...words].map((_, i) => {
    const char = range.cloneRange();
    char.setStart(node, start + i);
    char.setEnd(node, start + i + 1);
    return char.getBoundingClientRect().left;
  });
}

/**
 * Asserts that `sequence` is laid out left to right on one line, each piece after the last one's
 * right edge, and that each piece written by us (not `hostile`) reads left to right itself.
 */
function expectInOrder(root: Node, sequence: string[], hostile: string[]) {
  let right = -Infinity;
  let top: number | undefined;
  let last: Range | undefined;
  for (const words of sequence) {
    const range = (last = rangeOf(root, words, last));
    const box = range.getBoundingClientRect();
    expect(box.left, `"${words}" after what comes before it`).to.be.at.least(right - 0.5);
    top ??= box.top;
    expect(Math.abs(box.top - top), `"${words}" on the line`).to.be.below(2);
    right = box.right;
    if (!hostile.includes(words)) {
      const edges = lefts(root, words, range);
      expect(edges, `"${words}" reads left to right`).to.deep.equal(
        [...edges].sort((a, b) => a - b),
      );
    }
  }
}

/** The citation of each element of the hostile document, in reading order, and its hostile words. */
const CITATIONS: Record<string, { id: string; sequence: string[]; hostile: string[] }> = {
  'impact-stat': {
    id: 'share',
    sequence: ['Source:', 'Fixture survey', '·', 'Fixture Study of Test Figures', '2021'],
    hostile: ['Fixture survey', 'Fixture Study of Test Figures'],
  },
  // A quote without a source of its own is cited as the study.
  'study-quote': {
    id: 'second-voice',
    sequence: ['Fixture Study of Test Figures', '2021'],
    hostile: ['Fixture Study of Test Figures'],
  },
};

afterEach(closePages);

describe('words that cannot turn the card around (an unclosed PDI and RLO, U+2069 U+202E)', () => {
  for (const [tag, { id, sequence, hostile }] of Object.entries(CITATIONS)) {
    it(`<${tag}> live: the words after a document's hostile fields stay in order`, async () => {
      const el = await fixture<HTMLElement>(
        `<${tag} data-src="${fresh('/fixtures/hostile/bidi')}" data-id="${id}" data-animate="none"></${tag}>`,
      );
      await waitUntil(() => part(el, 'card'), 'no card', { timeout: 5000 });
      expectInOrder(el.shadowRoot!, sequence, hostile);
      await expect(el).to.be.accessible();
    });
  }

  it('<impact-stat> live: a data-source attribute leaves " · Study, year" in order', async () => {
    const el = await fixture<HTMLElement>(
      html`<impact-stat data-source="${HOSTILE}IJM" data-animate="none"></impact-stat>`,
    );
    await waitUntil(() => part(el, 'source'), 'no source');
    const { title, year } = { title: 'Cambodia Prevalence Study', year: '2015' };
    expectInOrder(el.shadowRoot!, ['Source:', 'IJM', '·', title, year], ['IJM']);
  });

  it('<fundraise-cta> live on a right-to-left page: a Latin guide label keeps its own order', async () => {
    const box = await fixture<HTMLDivElement>(
      html`<div dir="rtl" lang="en">
        <fundraise-cta
          data-heading="Join"
          data-endpoint="/api/signups"
          data-success="Thanks."
          data-guide-label="Our fixture guide!"
          data-guide-url="https://example.org/guide"
        ></fundraise-cta>
      </div>`,
    );
    const el = box.firstElementChild as HTMLElement;
    await openForm(el);
    signUpAs(el, 'Right To Left', `rtl-${Date.now()}@example.org`);
    await waitUntil(() => part(el, 'guide'), 'no guide after the sign-up', { timeout: 5000 });
    // Its "!" ends it, on its right, rather than jumping to the far end of the line.
    const edges = lefts(part(el, 'guide')!, 'Our fixture guide!');
    expect(edges).to.deep.equal([...edges].sort((a, b) => a - b));
    await expect(el).to.be.accessible();
  });

  for (const [tag, { id, sequence, hostile }] of Object.entries(CITATIONS)) {
    it(`<${tag}> pre-rendered, without script: the words after the hostile fields stay in order`, async () => {
      const snippet = await snapshotOf({ tag, src: fresh('/fixtures/hostile/bidi'), id });
      const page = await openPage(pasted(snippet, { script: 'blocked' }));
      const el = page.document.querySelector(tag)!;
      expect(!!part(el, 'card'), 'the pre-rendered card').to.be.true;
      expectInOrder(el.shadowRoot!, sequence, hostile);
    });

    it(`<${tag}> pre-rendered, where the template is ignored: its light-DOM words stay in order`, async () => {
      const snippet = await snapshotOf({ tag, src: fresh('/fixtures/hostile/bidi'), id });
      const page = await openPage(pasted('', { script: 'blocked' }));
      // Markup set by innerHTML attaches no declarative shadow root, as an older browser's parser.
      const holder = page.document.createElement('div');
      holder.innerHTML = snippet;
      page.document.body.append(holder);
      const el = holder.querySelector(tag)!;
      expect(!!el.shadowRoot, 'a shadow root').to.be.false;
      expectInOrder(el, sequence, hostile);
    });
  }
});
