/**
 * The email and image cards of a document whose words open a PDI and a right-to-left override
 * (U+2069 U+202E) and never close them: `impact-widgets snapshot --as email|svg`, run as a partner
 * runs it, against the built dist/. The hostile words may read backwards, as their author asked;
 * every word after them still reads left to right, in its place, as Chromium lays out the email
 * and the alt text (which a browser shows when the image does not load). The image draws the
 * card as it draws the same card without the controls.
 */
// The functions given to page.evaluate run in Chromium, with its globals.
/* global document, NodeFilter, Range */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { caniemail } from 'caniemail';
import { cardRig, cliAsync } from './cli-helpers.mjs';

const HOSTILE = '\u2069\u202e';
const CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

const rig = cardRig('bidi-cards');
const { pages, documentFile } = rig;

/**
 * The fixture with the study's title and the text fields of its first stat and its quotes opening
 * with `prefix`, written to a file for --src.
 */
const openedWith = (name, prefix) =>
  documentFile(name, (document) => {
    const open = (item, fields) => {
      for (const field of fields) item[field] = prefix + item[field];
    };
    const [stat] = document.stats;
    open(stat, ['label', 'context']);
    open(stat.baseline, ['label']);
    open(stat.source, ['label']);
    for (const quote of document.quotes) open(quote, ['text', 'author', 'role']);
    open(document.study, ['title']);
  });

/**
 * Lays out `body` in Chromium and asserts that `sequence` reads left to right on one line of it,
 * each piece after the one before, and each piece of ours (not in `hostile`) left to right itself.
 */
async function expectInOrder(body, sequence, hostile) {
  pages.push(body);
  const page = await rig.browser.newPage({ viewport: { width: 1800, height: 800 } });
  try {
    await page.goto(`${rig.server.origin}/page/${pages.length - 1}`);
    const problems = await page.evaluate(
      ({ sequence, hostile }) => {
        const found = [];
        let last;
        let right = -Infinity;
        let top;
        for (const words of sequence) {
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          let range;
          for (let node = walker.nextNode(); node && !range; node = walker.nextNode()) {
            const whole = document.createRange();
            whole.selectNodeContents(node);
            if (last && whole.compareBoundaryPoints(Range.END_TO_END, last) <= 0) continue;
            const at = node.data.indexOf(words, last?.endContainer === node ? last.endOffset : 0);
            if (at < 0) continue;
            range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + words.length);
          }
          if (!range) return [...found, `"${words}" is not there`];
          const box = range.getBoundingClientRect();
          if (box.left < right - 0.5) found.push(`"${words}" before what comes before it`);
          top ??= box.top;
          if (Math.abs(box.top - top) > 2) found.push(`"${words}" on another line`);
          if (!hostile.includes(words)) {
            const lefts = [...words].map((_, i) => {
              const char = range.cloneRange();
              char.setStart(range.startContainer, range.startOffset + i);
              char.setEnd(range.startContainer, range.startOffset + i + 1);
              return char.getBoundingClientRect().left;
            });
            if (lefts.some((left, i) => i && left < lefts[i - 1])) {
              found.push(`"${words}" reads right to left`);
            }
          }
          [last, right] = [range, box.right];
        }
        return found;
      },
      { sequence, hostile },
    );
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
}

async function snapshot(tag, src, ...args) {
  const result = await cliAsync('snapshot', tag, '--src', src, ...args);
  assert.equal(result.status, 0, result.stderr);
  return result;
}

const STUDY = 'Fixture Study of Test Figures';

describe('words that cannot turn the card around, in the email and image cards', () => {
  it('the email: "Source:", the source, " · ", the study and its year stay in order', async () => {
    const src = openedWith('hostile-stat', HOSTILE);
    const { stdout: html } = await snapshot('impact-stat', src, '--id', 'share', '--as', 'email');
    const { success } = caniemail({
      clients: ['gmail.*', 'outlook.windows', 'apple-mail.*'],
      html,
    });
    assert.equal(success, true, 'caniemail');
    await expectInOrder(
      html,
      ['Source:', 'Fixture survey', '·', STUDY, '2021'],
      ['Fixture survey', STUDY],
    );
  });

  it("the email: a quote cited as the study keeps the study's year after its title", async () => {
    const src = openedWith('hostile-quote', HOSTILE);
    const { stdout: html } = await snapshot(
      'study-quote',
      src,
      '--id',
      'second-voice',
      '--as',
      'email',
    );
    await expectInOrder(html, [STUDY, '2021'], [STUDY]);
  });

  it('the image: its alt text and title keep the card in order; it draws as without the controls', async () => {
    const hostile = await snapshot(
      'impact-stat',
      openedWith('hostile-image', HOSTILE),
      '--id',
      'share',
      '--as',
      'svg',
    );
    const clean = await snapshot(
      'impact-stat',
      openedWith('clean-image', ''),
      '--id',
      'share',
      '--as',
      'svg',
    );
    const alt = /^impact-widgets: alt text: (.*)\n$/.exec(hostile.stderr)?.[1];
    assert.ok(alt, hostile.stderr);
    const line = ['41.7%', 'down from', 'Source:', 'Fixture survey', '·', STUDY, '2021'];
    const words = ['of fixture households took part', 'in 2018', 'Fixture survey', STUDY];
    // As a browser shows an alt text, and an SVG's title: as a line of text.
    await expectInOrder(`<p>${alt.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`, line, words);
    assert.ok(
      hostile.stdout.includes(`<title>${alt.replace(/&/g, '&amp;').replace(/</g, '&lt;')}`),
    );
    const drawing = (svg) => svg.replace(/<title>[^<]*<\/title>/, '');
    assert.equal(drawing(hostile.stdout), drawing(clean.stdout));
    // The alt text says what the clean card's says, with the same words.
    const cleanAlt = /^impact-widgets: alt text: (.*)\n$/.exec(clean.stderr)?.[1];
    assert.equal(alt.replace(CONTROLS, ''), cleanAlt);
  });
});
