/**
 * The email card of a multilingual document (test/fixtures/languages.json: UDHR Articles 1 and 3
 * in en, fr, km and ar), `impact-widgets snapshot --as email --lang …`, run as a partner runs it:
 * it says its language and direction, an Arabic one aligns right in every cell (Outlook for
 * Windows takes `dir` and `align` from no parent) and passes caniemail, and each names a font
 * stack with a font this machine's fontconfig says covers the script. Khmer and Arabic words are
 * the test's markers (test/marked-words.mjs), never a translation.
 */
// The functions given to page.evaluate run in Chromium, with its globals.
/* global document, getComputedStyle */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { caniemail } from 'caniemail';
import { languagesDocument } from '../marked-words.mjs';
import { cardRig, cliAsync, TAGS } from './cli-helpers.mjs';

const CLIENTS = ['gmail.*', 'outlook.windows', 'apple-mail.*'];
const rig = cardRig('language-cards');
let marked;
let plain;
let fixture;

async function email(tag, src, lang) {
  const { status, stdout, stderr } = await cliAsync(
    'snapshot',
    tag,
    '--src',
    src,
    '--lang',
    lang,
    '--as',
    'email',
  );
  assert.equal(status, 0, stderr);
  return { html: stdout, stderr };
}

/** The start tags of `html` named `name`, each as its attributes. */
const tagsOf = (html, name) =>
  [...html.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'g'))].map(([, inside]) =>
    Object.fromEntries([...inside.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, k, v]) => [k, v])),
  );

/** The font families fontconfig says cover `lang` on this machine. */
const coveringFonts = (lang) =>
  new Set(
    execFileSync('fc-list', [`:lang=${lang}`, 'family'], { encoding: 'utf8' })
      .split(/[\n,]/)
      .map((family) => family.trim())
      .filter(Boolean),
  );

const families = (stack) => stack.split(',').map((family) => family.trim().replace(/^'|'$/g, ''));

describe('the email card of a multilingual document', () => {
  // After cardRig's own set-up, which makes the folder.
  before(async () => {
    fixture = languagesDocument();
    const write = async (name, langs) => {
      const path = join(rig.folder, `${name}.json`);
      writeFileSync(path, JSON.stringify(languagesDocument(langs)));
      return path;
    };
    marked = await write('marked', ['km', 'ar']);
    plain = await write('plain', []);
  });

  for (const tag of TAGS) {
    it(`${tag} in Arabic: lang and dir on the table, every cell aligned right, caniemail clean`, async () => {
      const { html } = await email(tag, marked, 'ar');
      const [outer, ...inner] = tagsOf(html, 'table');
      assert.equal(outer.lang, 'ar');
      assert.equal(outer.dir, 'rtl');
      assert.deepEqual(
        inner.filter((table) => table.dir !== 'rtl'),
        [],
        'every table right to left',
      );
      const cells = tagsOf(html, 'td');
      assert.deepEqual(
        cells.filter((td) => td.dir !== 'rtl' || (td.align !== 'right' && !td.width)),
        [],
        'every cell right to left, and aligned right (but the bars, which fill their width)',
      );
      const { success, issues } = caniemail({ clients: CLIENTS, html });
      const errors = [...issues.errors].flatMap(([client, found]) =>
        found.map(({ title }) => `${client} does not support ${title}`),
      );
      assert.deepEqual(errors, []);
      assert.equal(success, true);

      // As Chromium lays it out: each paragraph reads from the right, against the card's right edge.
      rig.pages.push(html);
      const page = await rig.browser.newPage({ viewport: { width: 800, height: 800 } });
      try {
        await page.goto(`${rig.server.origin}/page/${rig.pages.length - 1}`);
        const laid = await page.evaluate(() => {
          const inner = document.querySelector('table table');
          const edge = inner.getBoundingClientRect().right;
          return [...inner.querySelectorAll('p, h2, blockquote')].map((block) => {
            const range = document.createRange();
            range.selectNodeContents(block);
            const style = getComputedStyle(block);
            const gap = Math.round(edge - range.getBoundingClientRect().right);
            return `${style.direction} ${style.textAlign} ${gap <= 1 ? 'at the right edge' : `${gap}px from it`}`;
          });
        });
        assert.ok(laid.length > 0);
        for (const line of laid) assert.equal(line, 'rtl right at the right edge');
      } finally {
        await page.close();
      }
    });
  }

  for (const lang of ['km', 'ar']) {
    it(`names a font that covers the script, in ${lang}, wherever a font is named`, async () => {
      const covering = coveringFonts(lang);
      assert.ok(covering.size > 0, `fontconfig has a font for ${lang} (fonts-noto-core)`);
      const { html } = await email('impact-stat', marked, lang);
      const stacks = [...html.matchAll(/font-family:([^;"]+)/g)].map(([, stack]) => stack);
      assert.ok(stacks.length > 0);
      // Georgia's quotation mark is decoration, in every language's card.
      for (const stack of stacks.filter((stack) => !stack.startsWith('Georgia'))) {
        assert.ok(
          families(stack).some((family) => covering.has(family)),
          `${stack} names none of ${[...covering].join(', ')}`,
        );
      }
    });
  }

  it('in Khmer, left to right and in the Khmer words and texts', async () => {
    const { html } = await email('study-quote', marked, 'km');
    const [outer] = tagsOf(html, 'table');
    assert.equal(`${outer.lang} ${outer.dir}`, 'km ltr');
    assert.ok(html.includes(fixture.quotes[0].text.km));
    assert.equal(tagsOf(html, 'td').filter((td) => td.align).length, 0, 'no cell aligned');
  });

  it('for a Khmer reader with no Khmer words, the whole card in English, said so, and one warning', async () => {
    const { html, stderr } = await email('impact-stat', plain, 'km');
    const [outer] = tagsOf(html, 'table');
    assert.equal(`${outer.lang} ${outer.dir}`, 'en ltr');
    assert.ok(html.includes(fixture.stats[0].label.en));
    const warnings = stderr.trimEnd().split('\n');
    assert.equal(warnings.length, 1, stderr);
    assert.match(warnings[0], /<impact-stat>.*"km"/);
  });
});
