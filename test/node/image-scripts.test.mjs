/**
 * The image cards in Khmer, Arabic, Thai and Devanagari, against independent judges: the glyphs
 * we draw are those Debian's own HarfBuzz build (`hb-shape`) shapes from the same font and words,
 * and tesseract reads our PNG about as well as it reads Chromium's rendering of the same words
 * in the same font. The words are the UDHR's (test/fixtures/udhr.json), never ours. Also: Khmer's
 * vowel below a subscript is drawn below it, lines break between words where no space separates
 * them, no text runs past the image, and right to left the card mirrors and keeps a Latin name
 * and a number in the order Chromium gives them.
 *
 * Needs `npm run build` (dist/), and hb-shape (libharfbuzz-bin) and tesseract with its khm, ara,
 * tha and hin data (.ci/run installs them). Without them the tests are skipped, saying so; on CI
 * (CI=true) a missing tool fails.
 */
// The functions given to page.evaluate run in Chromium, with its globals.
/* global document */
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { brotliDecompressSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import { cardRig, cli, refused, ROOT } from './cli-helpers.mjs';

const UDHR = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/udhr.json'), 'utf8'));
/** Each script's words (Article 3, or Article 1 where the fixture has no Article 3) and OCR data. */
const SCRIPTS = [
  { lang: 'km', dir: 'ltr', ocr: 'khm', text: UDHR.article3.km },
  { lang: 'ar', dir: 'rtl', ocr: 'ara', text: UDHR.article3.ar },
  { lang: 'th', dir: 'ltr', ocr: 'tha', text: UDHR.article1.th },
  { lang: 'hi', dir: 'ltr', ocr: 'hin', text: UDHR.article3.hi },
];
/**
 * How much worse our PNG's character error rate may be than Chromium's. Measured on this machine
 * (tesseract 5, Debian's data): ours and Chromium's differ by at most 0.02 for these four texts.
 */
const OCR_MARGIN = 0.05;
const run = promisify(execFile);

const tesseract = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
/** A font for a script the package ships none for, from Debian's fonts-noto-core. */
const ETHIOPIC = '/usr/share/fonts/truetype/noto/NotoSansEthiopic-Regular.ttf';
const missing = [
  spawnSync('hb-shape', ['--version']).status !== 0 && 'hb-shape (apt libharfbuzz-bin)',
  !existsSync(ETHIOPIC) && `${ETHIOPIC} (apt fonts-noto-core)`,
  tesseract.status !== 0 && 'tesseract (apt tesseract-ocr)',
  ...SCRIPTS.filter(({ ocr }) => tesseract.status === 0 && !tesseract.stdout.includes(ocr)).map(
    ({ ocr }) => `tesseract's ${ocr} data (apt tesseract-ocr-${ocr})`,
  ),
]
  .filter(Boolean)
  .join(', ');

if (missing && process.env.CI) {
  describe('the image cards in complex scripts', () => {
    it('have their judges on CI, where these tests must run', () => {
      assert.fail(`missing ${missing}: .ci/run installs them`);
    });
  });
} else if (missing) {
  const skipped = `IMAGE SCRIPT TESTS SKIPPED: missing ${missing}`;
  console.warn(`\n*** ${skipped} ***\n`);
  it('image cards in complex scripts', { skip: skipped });
} else {
  suite();
}

function suite() {
  const rig = cardRig('image-scripts');
  let renderer;
  before(async () => {
    renderer = await import(join(ROOT, 'dist/snapshot.mjs'));
  });
  // Black on white, as the Chromium page the OCR compares with.
  const palette = {
    accent: '#9b1c31',
    'on-accent': '#ffffff',
    text: '#000000',
    muted: '#555555',
    surface: '#ffffff',
    border: '#cccccc',
  };

  /**
   * One paragraph on a card, laid out as the image cards lay it out: a call to action's body
   * text (36 px at 1200 wide), or another part's look.
   */
  const body = ({ text, lang, dir }, width = 1200, [tag, name] = ['fundraise-cta', 'body']) =>
    renderer.imageLayout({
      tag,
      blocks: [{ name, tag: 'p', runs: [{ text }], figures: [], hidden: false }],
      palette,
      width,
      alt: text,
      lang,
      dir,
    });

  /** A shipped font (dist/fonts/*.ttf.br) as the TrueType file it is, for hb-shape and Chromium. */
  const fontFile = (name) => {
    const path = join(rig.folder, name.replace(/\.br$/, ''));
    writeFileSync(path, brotliDecompressSync(readFileSync(join(ROOT, 'dist/fonts', name))));
    return path;
  };

  /** An SVG's pixels, as resvg (the PNG's renderer) draws them: RGBA rows. */
  const pixels = (svg) => {
    const image = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
    return { width: image.width, height: image.height, data: image.pixels };
  };
  const dark = ({ data }, i) => data[i * 4] + data[i * 4 + 1] + data[i * 4 + 2] < 384;

  /** Levenshtein distance over code points. */
  const distance = (a, b) => {
    [a, b] = [[...a], [...b]];
    let row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      for (let j = 1; j <= b.length; j++) {
        next[j] = Math.min(
          row[j] + 1,
          next[j - 1] + 1,
          row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
        );
      }
      row = next;
    }
    return row[b.length];
  };
  /** The character error rate of tesseract's reading of a PNG, spaces aside. */
  const errorRate = async (png, ocr, text) => {
    const file = join(rig.folder, `${ocr}-${Math.random().toString(36).slice(2)}.png`);
    writeFileSync(file, png);
    const { stdout } = await run('tesseract', [file, '-', '-l', ocr, '--psm', '6']);
    const plain = (words) => words.normalize('NFC').replace(/\s+/g, '');
    return distance(plain(stdout), plain(text)) / [...plain(text)].length;
  };

  /** The same words in Chromium, in the same font, size, line height and width: a PNG. */
  async function inChromium({ text, lang, dir }, font, { size, line, width }) {
    const page = await rig.browser.newPage({ viewport: { width: 1200, height: 630 } });
    try {
      const data = readFileSync(font).toString('base64');
      await page.setContent(
        `<!doctype html><html lang="${lang}" dir="${dir}"><meta charset="utf-8"><style>
          @font-face { font-family: judged; src: url(data:font/ttf;base64,${data}); }
          body { margin: 0; background: #fff; color: #000; }
          p { margin: 150px 72px; width: ${width}px; font: ${size}px/${line} judged; }
        </style><p>${text}</p></html>`,
      );
      await page.evaluate(() => document.fonts.ready);
      return await page.screenshot({ type: 'png' });
    } finally {
      await page.close();
    }
  }

  describe('the image cards in Khmer, Arabic, Thai and Devanagari', () => {
    for (const script of SCRIPTS) {
      it(`${script.lang}: every glyph, cluster and offset is hb-shape's, from the same font and words`, async () => {
        const { blocks } = await body(script);
        const [{ lines }] = blocks;
        for (const line of lines) {
          for (const item of line.items) {
            const font = fontFile(item.font);
            const { stdout } = await run('hb-shape', [
              `--font-file=${font}`,
              `--text=${item.text}`,
              `--direction=${item.direction}`,
              `--language=${script.lang}`,
              '--no-glyph-names',
              '--output-format=json',
            ]);
            const expected = JSON.parse(stdout).map(({ g, cl, dx, dy, ax }) => [g, cl, dx, dy, ax]);
            // hb-shape counts clusters in code points from the start of its text.
            const ours = item.glyphs.map(({ id, cluster, dx, dy, ax }) => [
              id,
              Array.from(item.text.slice(0, cluster - item.start)).length,
              dx,
              dy,
              ax,
            ]);
            assert.deepEqual(ours, expected, `${item.font}: ${item.text}`);
          }
        }
      });

      it(`${script.lang}: tesseract reads our PNG about as well as Chromium's, in the same font`, async () => {
        const { svg, blocks } = await body(script);
        const [{ lines }] = blocks;
        const fonts = new Set(lines.flatMap((line) => line.items.map((item) => item.font)));
        assert.equal(fonts.size, 1, [...fonts].join(', '));
        const font = fontFile([...fonts][0]);
        const ours = await renderer.imagePng(svg);
        const chromium = await inChromium(script, font, { size: 36, line: 1.4, width: 1040 });
        const [ourRate, chromiumRate] = await Promise.all([
          errorRate(ours, script.ocr, script.text),
          errorRate(chromium, script.ocr, script.text),
        ]);
        console.log(
          `# ${script.lang} OCR character error rate: ours ${ourRate.toFixed(3)}, Chromium ${chromiumRate.toFixed(3)}`,
        );
        assert.ok(
          ourRate <= chromiumRate + OCR_MARGIN,
          `ours ${ourRate.toFixed(3)} > Chromium's ${chromiumRate.toFixed(3)} + ${OCR_MARGIN}`,
        );
      });
    }

    it('km: a vowel below a subscript consonant (ុ under ្ន in ក្នុង) is drawn below it', async () => {
      // From Article 1's ក្នុង: the letters with their subscript, then with the vowel under it.
      const word = UDHR.article1.km.match(/ក្នុ/)[0];
      const drawn = async (text) => pixels((await body({ text, lang: 'km', dir: 'ltr' })).svg);
      const [without, withVowel] = [await drawn(word.slice(0, -1)), await drawn(word)];
      let inkBottom = -1;
      let vowelTop = Infinity;
      let vowelPixels = 0;
      for (let i = 0; i < without.width * without.height; i++) {
        if (i % without.width < 40) continue; // the accent border
        const y = Math.floor(i / without.width);
        if (dark(without, i)) inkBottom = Math.max(inkBottom, y);
        else if (dark(withVowel, i)) {
          vowelTop = Math.min(vowelTop, y);
          vowelPixels++;
        }
      }
      assert.ok(vowelPixels > 20, `the vowel draws ${vowelPixels} px`);
      assert.ok(
        vowelTop >= inkBottom - 2,
        `the vowel's top (row ${vowelTop}) is below the subscript's bottom (row ${inkBottom})`,
      );
    });

    it('km and th: lines break between words, where no space separates them, and never past the edge', async () => {
      for (const lang of ['km', 'th']) {
        // Article 1's longest stretch without a space, as large as a stat's figure: 190 px.
        const [text] = UDHR.article1[lang].split(' ').sort((a, b) => b.length - a.length);
        const { blocks } = await body({ text, lang, dir: 'ltr' }, 1200, ['impact-stat', 'value']);
        const words = new Set(
          [...new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)].map(
            ({ index }) => index,
          ),
        );
        let at = 0;
        const { lines } = blocks[0];
        assert.ok(lines.length > 1, `${lang}: ${lines.length} lines`);
        for (const line of lines) {
          at = text.indexOf(line.text, at);
          assert.ok(words.has(at), `${lang}: a line starts at ${at}, inside a word: ${line.text}`);
          for (const item of line.items) {
            assert.ok(item.x >= 16 + 72 - 0.5 && item.x + item.width <= 1200 - 72 + 0.5, line.text);
          }
          at += line.text.length;
        }
      }
    });

    it('a word wider than a line breaks between its letters, inside the image', async () => {
      const text = 'Supercalifragilisticexpialidocious';
      const { blocks } = await body({ text, lang: 'en', dir: 'ltr' }, 1200, [
        'impact-stat',
        'value',
      ]);
      const { lines } = blocks[0];
      assert.ok(lines.length > 1, `${lines.length} lines`);
      assert.equal(lines.map((line) => line.text).join(''), text);
      for (const item of lines.flatMap((line) => line.items)) {
        assert.ok(item.x >= 16 + 72 - 0.5 && item.x + item.width <= 1200 - 72 + 0.5, item.text);
      }
    });

    /** The pixels of `tag`'s SVG card, from the fixture document as `edit` changes it. */
    const drawn = (tag, name, edit) => {
      const src = rig.documentFile(name, edit);
      const out = join(rig.folder, `${name}.svg`);
      const result = cli('snapshot', tag, '--src', src, '--as', 'svg', '-o', out);
      assert.equal(result.status, 0, result.stderr);
      return pixels(readFileSync(out, 'utf8'));
    };

    it('--font adds a font for a script the package ships none for: Ethiopic', () => {
      const src = rig.documentFile('ethiopic', (document) => {
        // The first letters of the Ethiopic syllabary: no words, only the characters.
        document.quotes[0].text = 'ሀ ለ ሐ መ';
      });
      const out = join(rig.folder, 'ethiopic.svg');
      const args = ['snapshot', 'study-quote', '--src', src, '--as', 'svg', '-o', out];
      refused(cli(...args), 'cannot draw "ሀ" (U+1200), "ለ" (U+1208), "ሐ" (U+1210), "መ" (U+1218)');
      const drawn = cli(...args, '--font', ETHIOPIC);
      assert.equal(drawn.status, 0, drawn.stderr);
      const withEthiopic = pixels(readFileSync(out, 'utf8'));
      // The letters are drawn: the quote's first line has ink where the Latin card has its words.
      let ink = 0;
      for (let i = 0; i < withEthiopic.width * withEthiopic.height; i++) {
        if (i % withEthiopic.width > 40 && dark(withEthiopic, i)) ink++;
      }
      assert.ok(ink > 2000, `${ink} dark px`);
    });

    it('--font refuses a missing file, or one that is no font, with exit code 2', () => {
      for (const [font, words] of [
        [join(rig.folder, 'no-such.ttf'), 'could not be read (ENOENT)'],
        [join(ROOT, 'package.json'), 'is not a TrueType or OpenType font'],
      ]) {
        for (const command of [
          ['snapshot', 'impact-stat', '--as', 'png', '-o', join(rig.folder, 'refused.png')],
          ['publish', '--base-url', 'https://cards.example.org/', '-o', join(rig.folder, 'site')],
        ]) {
          const result = cli(...command, '--font', font);
          assert.equal(result.status, 2, result.stderr);
          refused(result, '--font', words);
        }
      }
      assert.ok(!readdirSync(rig.folder).some((name) => name === 'refused.png' || name === 'site'));
    });

    it('no text runs past the image: a long Khmer quote keeps clear of every edge', () => {
      const image = drawn('study-quote', 'long-khmer', (document) => {
        document.study.locale = 'km';
        document.quotes[0].text = UDHR.article1.km;
      });
      const { width, height } = image;
      let [top, bottom, right] = [height, -1, -1];
      for (let i = 0; i < width * height; i++) {
        const x = i % width;
        if (x < 20 || !dark(image, i)) continue;
        const y = Math.floor(i / width);
        [top, bottom, right] = [Math.min(top, y), Math.max(bottom, y), Math.max(right, x)];
      }
      assert.ok(top > 16 && bottom < height - 16 && right < width - 16, { top, bottom, right });
    });

    it('ar: the card mirrors, and a Latin name and a number sit where Chromium puts them', async () => {
      const text = `${UDHR.article3.ar} (IJM 2015)`;
      const { blocks } = await body({ text, lang: 'ar', dir: 'rtl' });
      const items = blocks[0].lines.flatMap((line) => line.items);
      const xOf = (words) => items.find((item) => item.text.includes(words)).x;
      const page = await rig.browser.newPage();
      let chromium;
      try {
        await page.setContent(
          `<!doctype html><html lang="ar" dir="rtl"><meta charset="utf-8"><p style="font-size:20px">${text}</p></html>`,
        );
        chromium = await page.evaluate(
          (words) => {
            const node = document.querySelector('p').firstChild;
            return Object.fromEntries(
              words.map((word) => {
                const range = document.createRange();
                const at = node.data.indexOf(word);
                range.setStart(node, at);
                range.setEnd(node, at + word.length);
                return [word, range.getBoundingClientRect().x];
              }),
            );
          },
          ['IJM', '2015', 'لكل'],
        );
      } finally {
        await page.close();
      }
      const order = (x) => ['IJM', '2015', 'لكل'].sort((a, b) => x(a) - x(b)).join(' ');
      assert.equal(
        order(xOf),
        order((word) => chromium[word]),
      );
    });

    it('ar: the accent border, the bars and the text stand at the right', () => {
      const image = drawn('impact-stat', 'arabic-stat', (document) => {
        document.study.locale = 'ar';
        document.stats[0].label = UDHR.article3.ar;
      });
      const { width, height } = image;
      const middle = (height / 2) * width;
      assert.ok(dark(image, middle + width - 4), 'the accent border at the right');
      assert.ok(!dark(image, middle + 4), 'none at the left');
      // The figure and the shorter bar, in the accent: both end at the content's right edge.
      const accent = (i) => image.data[i * 4] > 120 && image.data[i * 4 + 1] < 80;
      let [left, right] = [width, -1];
      for (let i = 0; i < width * height; i++) {
        const x = i % width;
        if (x >= width - 20 || !accent(i)) continue;
        [left, right] = [Math.min(left, x), Math.max(right, x)];
      }
      const edge = width - 16 - 72;
      assert.ok(right > edge - 8 && right <= edge + 2, `right ${right}`);
      // The accent bar is 41.7 of 55.0's full length: it starts a quarter of the way in.
      assert.ok(left > 16 + 72 + 200, `left ${left}`);
    });
  });
}
