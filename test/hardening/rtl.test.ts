/**
 * Right to left: a card in a host `dir="rtl"` mirrors. Its words start at the right, the quote's
 * mark stands at the right and faces the quote, the stat's bars and the progress bar grow from the
 * right, and the rotation's Previous stands at the right and points right; the Latin words and the
 * figures inside its sentences keep their own order. The same cards in a left-to-right host stay
 * as they were. The documents are test/server.js's /fixtures/udhr/LANG.json: the fixture study in
 * the UDHR's own Arabic and Hebrew (test/fixtures/udhr.json), its names and titles left Latin.
 *
 * Measured as laid out: boxes and Range boxes where the DOM has them, and the screen's pixels
 * (test/pixels-command.js) where it has none: the `<progress>` bar's filled part, the quotation
 * mark (a pseudo-element) and the arrows' icons.
 */
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import { openForm, signUpAs } from '../signup-form.js';
import { closePages, fresh, openPage, part } from './built-page.js';
import { pasted, snapshotOf } from '../prerender/pasted.js';
import { rangeOf } from '../text-range.js';

/*
 * Assertions here are on strings, numbers and booleans: a failed one on a shadow-DOM node would
 * be serialized whole for the report, which can hang the runner.
 */

interface Case {
  name: string;
  lang: string;
  rtl: boolean;
  src: string;
}

/** Two right-to-left languages, and the guard: the English fixture, left to right. */
const CASES: Case[] = [
  { name: 'Arabic, in a host dir="rtl"', lang: 'ar', rtl: true, src: '/fixtures/udhr/ar.json' },
  { name: 'Hebrew, in a host dir="rtl"', lang: 'he', rtl: true, src: '/fixtures/udhr/he.json' },
  { name: 'English, left to right (guard)', lang: 'en', rtl: false, src: '/fixtures/study.json' },
];

/** The fixture's items with the most to mirror: bars, a rotation, a progress bar. */
const MARKUP: Record<string, string> = {
  'impact-stat': 'data-id="share" data-animate="none"',
  'study-quote': 'data-id="first-voice second-voice" data-interval="1000"',
  'fundraise-cta': 'data-id="join"',
};

/** The element `tag` for `c`, in a host `<div dir lang>` on this page, once its card shows. */
async function card(tag: string, c: Case): Promise<HTMLElement> {
  const host = await fixture<HTMLDivElement>(
    `<div dir="${c.rtl ? 'rtl' : 'ltr'}" lang="${c.lang}">
      <${tag} data-src="${fresh(c.src)}" ${MARKUP[tag]}></${tag}>
    </div>`,
  );
  const el = host.firstElementChild as HTMLElement;
  await waitUntil(() => part(el, 'card'), `<${tag}> showed no card`, { timeout: 5000 });
  return el;
}

/** The content box of `el` (inside its border and padding), on the screen. */
function contentBox(el: Element): DOMRect {
  const style = el.ownerDocument.defaultView!.getComputedStyle(el);
  const px = (side: string) =>
    parseFloat(style.getPropertyValue(`border-${side}-width`)) +
    parseFloat(style.getPropertyValue(`padding-${side}`));
  const box = el.getBoundingClientRect();
  return new DOMRect(
    box.left + px('left'),
    box.top + px('top'),
    box.width - px('left') - px('right'),
    box.height - px('top') - px('bottom'),
  );
}

/** How far `inner` stands from the inline start of `outer`, and from its end, in px. */
function gaps(inner: DOMRect, outer: DOMRect, rtl: boolean): { start: number; end: number } {
  const [left, right] = [inner.left - outer.left, outer.right - inner.right];
  return rtl ? { start: right, end: left } : { start: left, end: right };
}

/** The box of the last line of `el`'s words: a ragged line shows which side the words start. */
function lastLine(el: Element): DOMRect {
  const range = el.ownerDocument.createRange();
  range.selectNodeContents(el);
  const lines = [...range.getClientRects()].filter((box) => box.width > 0);
  return lines[lines.length - 1];
}

/** The offset of `frame`'s page on this one: a frame's boxes are in its own page's pixels. */
const offsetOf = (doc: Document) => {
  const frame = doc.defaultView!.frameElement;
  return frame ? contentBox(frame) : new DOMRect();
};

/** What the screen shows of `box` (in `doc`'s pixels): one RGBA quadruple per CSS pixel. */
async function pixels(box: DOMRect, doc: Document = document) {
  const at = offsetOf(doc);
  const clip = {
    x: Math.round(at.left + box.left),
    y: Math.round(at.top + box.top),
    width: Math.round(box.width),
    height: Math.round(box.height),
  };
  const png = await executeServerCommand<string, typeof clip>('pixels', clip);
  const bytes = Uint8Array.from(atob(png!), (c) => c.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
  const canvas = new OffscreenCanvas(clip.width, clip.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0, clip.width, clip.height);
  const { data } = context.getImageData(0, 0, clip.width, clip.height);
  return {
    width: clip.width,
    height: clip.height,
    at: (x: number, y: number) =>
      data.subarray((y * clip.width + x) * 4, (y * clip.width + x) * 4 + 3),
  };
}

/** Ink of the accent (#9b1c31 on white: much more red than green), and dark ink (the icons). */
const accent = ([r, g]: Uint8ClampedArray) => r - g > 40;
const dark = ([r, g, b]: Uint8ClampedArray) => r + g + b < 3 * 110;

/** The columns where `ink` shows in each row of `box`, row by row. */
async function inkRows(box: DOMRect, ink: (p: Uint8ClampedArray) => boolean, doc?: Document) {
  const shot = await pixels(box, doc);
  return Array.from({ length: shot.height }, (_, y) =>
    Array.from({ length: shot.width }, (_, x) => x).filter((x) => ink(shot.at(x, y))),
  );
}

/** Which way a chevron points: its tip (the middle row's ink) to the right of its ends, or left. */
async function pointing(icon: Element): Promise<'left' | 'right'> {
  const rows = (await inkRows(icon.getBoundingClientRect(), dark, icon.ownerDocument)).filter(
    (row) => row.length,
  );
  const mean = (row: number[]) => row.reduce((a, b) => a + b, 0) / row.length;
  const tip = mean(rows[Math.floor(rows.length / 2)]);
  const ends = mean(rows[0]);
  return tip > ends ? 'right' : 'left';
}

/** The stat's bars: where the first one's line starts and ends, in its svg's content box. */
function firstBar(el: Element, rtl: boolean) {
  const svg = el.shadowRoot!.querySelector('[part~="bars"] svg')!;
  return gaps(svg.querySelector('line')!.getBoundingClientRect(), contentBox(svg), rtl);
}

/** The quotation mark: the accent's ink above the quote's words, as columns of the figure. */
async function quoteMark(el: Element) {
  const figure = part(el, 'quote')!;
  const top = figure.getBoundingClientRect();
  const words = part(el, 'text')!.getBoundingClientRect();
  const band = new DOMRect(top.left, top.top, top.width, words.top - top.top + 8);
  const rows = await inkRows(band, accent, el.ownerDocument);
  const columns = rows.flat();
  return {
    width: band.width,
    left: Math.min(...columns),
    right: band.width - 1 - Math.max(...columns),
    // The ink as one string per row, to compare a mirrored mark with the original.
    rows: rows.map((row) => row.join(' ')),
  };
}

/** The progress bar's middle row: which of its columns the filled part covers. */
async function progressFill(el: Element) {
  const bar = part(el, 'progress')!;
  const box = contentBox(bar);
  const row = new DOMRect(box.left + 4, box.top + box.height / 2, box.width - 8, 1);
  const [filled] = await inkRows(row, accent, el.ownerDocument);
  return { width: row.width, filled };
}

afterEach(closePages);

describe('right to left', () => {
  for (const c of CASES) {
    describe(c.name, () => {
      it('<impact-stat>: the figure and label start at the inline start, the bars grow from it', async () => {
        const el = await card('impact-stat', c);
        const value = part(el, 'value')!;
        expect(gaps(lastLine(value), contentBox(part(el, 'card')!), c.rtl).start).to.be.below(1);
        const label = part(el, 'label')!;
        const words = gaps(lastLine(label), contentBox(label), c.rtl);
        expect(words.start, 'the label at its start').to.be.below(1);
        expect(words.end, 'the label ragged at its end').to.be.above(20);
        // 41.7 against a baseline of 55: the first bar is three quarters of the way.
        const bar = firstBar(el, c.rtl);
        expect(bar.start, 'the first bar at the start').to.be.below(1);
        expect(bar.end, 'the first bar short of the end').to.be.above(10);
        await expect(el).to.be.accessible();
      });

      it('<impact-stat>: the figure reads in its digits’ order, and the sources in theirs', async () => {
        const el = await card('impact-stat', c);
        const shown = part(el, 'value')!.querySelector('[aria-hidden]')!;
        const figure = new Intl.NumberFormat(c.lang, {
          style: 'percent',
          minimumFractionDigits: 1,
        }).format(0.417);
        expect(shown.textContent).to.equal(figure);
        // Digits are written left to right in Arabic and Hebrew too.
        const digits = [...figure].filter((ch) => /\p{Nd}/u.test(ch));
        const lefts = digits.map((digit) => charBox(shown, digit).left);
        expect(lefts, `the digits of ${figure}`).to.deep.equal([...lefts].sort((a, b) => a - b));
        // The Latin source and the English title, isolated, each read left to right. (Which of
        // them comes first follows the element's own words around them: English ones, here.)
        const source = part(el, 'source')!;
        let after: Range | undefined;
        for (const words of ['Fixture survey, 2021', 'Fixture Study of Test Figures']) {
          const edges = charLefts((after = rangeOf(source, words, after)));
          expect(edges, `"${words}" reads left to right`).to.deep.equal(
            [...edges].sort((a, b) => a - b),
          );
        }
      });

      it('<study-quote>: the study cited in a right-to-left card keeps its year after it', async () => {
        // The second quote has no source of its own: it is cited as the study, "Title, 2021".
        const el = await card('study-quote', c);
        part(el, 'controls')!.querySelectorAll('button')[2].click();
        await waitUntil(() => part(el, 'source')?.textContent?.includes('Fixture Study'));
        const cite = part(el, 'source')!;
        const title = rangeOf(cite, 'Fixture Study of Test Figures');
        const year = rangeOf(cite, '2021', title);
        const [t, y] = [title.getBoundingClientRect(), year.getBoundingClientRect()];
        // Right to left, the year that follows the title stands at its left.
        expect(
          c.rtl ? t.left - y.right : y.left - t.right,
          'the year after the title',
        ).to.be.within(0, 20);
        const edges = charLefts(title);
        expect(edges, 'the title reads left to right').to.deep.equal(
          [...edges].sort((a, b) => a - b),
        );
        const both = c.rtl
          ? new DOMRect(y.left, t.top, t.right - y.left, t.height)
          : new DOMRect(t.left, t.top, y.right - t.left, t.height);
        expect(gaps(both, contentBox(cite), c.rtl).start, 'at the start').to.be.below(1);
        await expect(el).to.be.accessible();
      });

      it('<study-quote>: the mark and the words start at the inline start; Previous too, pointing back', async () => {
        const el = await card('study-quote', c);
        const text = part(el, 'text')!;
        const words = gaps(lastLine(text), contentBox(text), c.rtl);
        expect(words.start, 'the quote at its start').to.be.below(1);
        expect(words.end, 'the quote ragged at its end').to.be.above(20);
        const mark = await quoteMark(el);
        const [start, end] = c.rtl ? [mark.right, mark.left] : [mark.left, mark.right];
        expect(start, 'the mark at the start').to.be.below(12);
        expect(end, 'the mark far from the end').to.be.above(mark.width / 2);
        const [previous, , next] = part(el, 'controls')!.querySelectorAll('button');
        const [p, n] = [previous.getBoundingClientRect(), next.getBoundingClientRect()];
        expect(c.rtl ? p.left > n.right : p.right < n.left, 'Previous before Next').to.be.true;
        const back = c.rtl ? 'right' : 'left';
        expect(await pointing(previous.querySelector('svg')!), 'Previous').to.equal(back);
        expect(await pointing(next.querySelector('svg')!), 'Next').to.equal(
          c.rtl ? 'left' : 'right',
        );
        await expect(el).to.be.accessible();
      });

      it('<study-quote>: the keyboard goes through the controls in the card’s direction', async () => {
        const el = await card('study-quote', c);
        const text = () => part(el, 'text')!.textContent!.trim();
        const first = text();
        const buttons = [...part(el, 'controls')!.querySelectorAll('button')];
        buttons[0].focus();
        const order = [buttons[0].getBoundingClientRect()];
        for (const i of [1, 2]) {
          await sendKeys({ press: 'Tab' });
          expect(el.shadowRoot!.activeElement === buttons[i], `Tab to button ${i + 1}`).to.be.true;
          order.push(buttons[i].getBoundingClientRect());
        }
        const lefts = order.map((box) => box.left);
        const expected = [...lefts].sort((a, b) => (c.rtl ? b - a : a - b));
        expect(lefts, 'Tab goes the way the reading goes').to.deep.equal(expected);
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => text() !== first, 'Next showed no other quote');
        await sendKeys({ down: 'Shift' });
        await sendKeys({ press: 'Tab' });
        await sendKeys({ press: 'Tab' });
        await sendKeys({ up: 'Shift' });
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => text() === first, 'Previous did not go back');
        await expect(el).to.be.accessible();
      });

      it('<fundraise-cta>: the progress bar fills from the inline start, in every state', async () => {
        const el = await card('fundraise-cta', c);
        const heading = el.shadowRoot!.querySelector('h2')!;
        const words = gaps(lastLine(heading), contentBox(heading), c.rtl);
        expect(words.start, 'the heading at its start').to.be.below(1);
        const { width, filled } = await progressFill(el);
        // 3,250 of 5,000 raised: 65 % of the bar, from the start.
        expect(filled.length / width, 'the filled share').to.be.within(0.6, 0.7);
        const from = c.rtl ? width - 1 - Math.max(...filled) : Math.min(...filled);
        expect(from, 'the fill from the start').to.be.below(2);
        expect(filled.length, 'one filled run').to.equal(
          Math.max(...filled) - Math.min(...filled) + 1,
        );
        await expect(el).to.be.accessible();
        await openForm(el);
        await expect(el).to.be.accessible();
        signUpAs(el, 'Ada Fixture', `rtl-${Date.now()}@example.org`);
        await waitUntil(() => part(el, 'success'), 'no success', { timeout: 5000 });
        await expect(el).to.be.accessible();
      });
    });
  }

  it('<fundraise-cta> on a right-to-left page: its hidden trap field adds no sideways scroll', async () => {
    const root = document.documentElement;
    root.dir = 'rtl';
    try {
      const el = await card('fundraise-cta', CASES[0]);
      await openForm(el);
      const page = document.scrollingElement!;
      expect(page.scrollWidth, 'the page width').to.equal(page.clientWidth);
      // Still out of sight: nothing of it takes a click where it stands.
      const { left, top } = el.shadowRoot!.querySelector('.trap')!.getBoundingClientRect();
      const there = el.shadowRoot!.elementFromPoint(left + 0.5, top + 0.5);
      expect(!!there?.closest('.trap'), 'the trap under a click').to.be.false;
    } finally {
      root.removeAttribute('dir');
    }
  });

  it('<study-quote>: the mark in a right-to-left card is the left-to-right one mirrored', async () => {
    const [rtl, ltr] = [
      await card('study-quote', CASES[0]),
      await card('study-quote', { ...CASES[2], src: CASES[0].src }),
    ];
    const [mirrored, original] = [await quoteMark(rtl), await quoteMark(ltr)];
    const flip = (rows: string[], width: number) =>
      rows.map((row) =>
        row
          ? row
              .split(' ')
              .map((x) => width - 1 - Number(x))
              .reverse()
              .join(' ')
          : row,
      );
    expect(mirrored.width).to.equal(original.width);
    expect(mirrored.rows.join('\n')).to.equal(flip(original.rows, original.width).join('\n'));
  });
});

/**
 * What mirrors in every output, measured the same way on a card however it got there: the first
 * bar, the quotation mark and the progress bar, each from the inline start.
 */
const MIRRORED: Record<
  string,
  { id: string; from: (el: Element, rtl: boolean) => Promise<number> }
> = {
  'impact-stat': { id: 'share', from: async (el, rtl) => firstBar(el, rtl).start },
  'study-quote': {
    id: 'first-voice',
    from: async (el, rtl) => {
      const mark = await quoteMark(el);
      return rtl ? mark.right : mark.left;
    },
  },
  'fundraise-cta': {
    id: 'join',
    from: async (el, rtl) => {
      const { width, filled } = await progressFill(el);
      return rtl ? width - 1 - Math.max(...filled) : Math.min(...filled);
    },
  },
};

describe('right to left, pre-rendered and framed', () => {
  for (const [tag, { id, from }] of Object.entries(MIRRORED)) {
    for (const c of CASES) {
      it(`<${tag}> pre-rendered without script, ${c.name}: starts at the inline start`, async () => {
        const snippet = await snapshotOf({ tag, src: fresh(c.src), id, lang: c.lang });
        const page = await openPage(
          pasted(`<div dir="${c.rtl ? 'rtl' : 'ltr'}" lang="${c.lang}">${snippet}</div>`, {
            script: 'blocked',
          }),
        );
        const el = page.document.querySelector(tag)!;
        expect(!!part(el, 'card'), 'the pre-rendered card').to.be.true;
        expect(await from(el, c.rtl), 'from the start').to.be.below(12);
      });
    }

    it(`<${tag}> in dist/embed.html?lang=ar: its card mirrors`, async () => {
      const src = new URL(fresh(CASES[0].src), location.href).href;
      const query = new URLSearchParams({ tag, id, src, lang: 'ar' });
      const page = await openPage(`/recorded/open-web/embed.html?${query}`);
      const el = page.document.querySelector(tag)!;
      await waitUntil(() => part(el, 'card'), 'the frame showed no card', { timeout: 5000 });
      expect(part(el, 'card')!.matches(':dir(rtl)'), 'the card is right to left').to.be.true;
      expect(await from(el, true), 'from the right').to.be.below(12);
    });
  }
});

/** The left edge of each character of `range`, in the order they are written. */
function charLefts(range: Range): number[] {
  const { startContainer: node, startOffset: start, endOffset: end } = range;
  return Array.from({ length: end - start }, (_, i) => {
    const char = range.cloneRange();
    char.setStart(node, start + i);
    char.setEnd(node, start + i + 1);
    return char.getBoundingClientRect().left;
  });
}

/** The box of the first `char` in `el`'s words. */
const charBox = (el: Element, char: string) => rangeOf(el, char).getBoundingClientRect();
