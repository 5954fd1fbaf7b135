/**
 * The email card of a document written in Khmer or in Arabic (UDHR Articles 1 and 3, from
 * test/fixtures/udhr.json; the element's own words stay English, which it has), as
 * `impact-widgets snapshot --as email --lang …` makes it for a partner: it says its language and
 * direction, an Arabic one aligns right in every cell (Outlook for Windows takes `dir` and `align`
 * from no parent) and passes caniemail, and each names a font stack with a font this machine's
 * fontconfig says covers the script.
 */
// The functions given to page.evaluate run in Chromium, with its globals.
/* global document, getComputedStyle */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { caniemail } from 'caniemail';
import { cardRig, cliAsync, TAGS } from './cli-helpers.mjs';

const CLIENTS = ['gmail.*', 'outlook.windows', 'apple-mail.*'];
const rig = cardRig('language-cards');
const udhr = JSON.parse(readFileSync(new URL('../fixtures/udhr.json', import.meta.url), 'utf8'));
/** Where each language's document is, once written. */
const documents = {};

/** A study whose texts are the UDHR's in `lang`, written in that language (study.locale). */
const udhrDocument = (lang) => ({
  version: 1,
  study: { id: 'udhr', title: 'UDHR test study', publisher: 'UN', year: 1948, locale: lang },
  stats: [{ id: 'rights', value: 2.2, format: 'percent', label: udhr.article3[lang] }],
  quotes: [{ id: 'article-1', text: udhr.article1[lang], author: 'UN General Assembly' }],
  ctas: [
    {
      id: 'rights',
      heading: udhr.article3[lang],
      body: udhr.article1[lang],
      button: { label: udhr.article3[lang], href: 'https://example.org/' },
    },
  ],
});

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
    for (const lang of ['km', 'ar']) {
      documents[lang] = join(rig.folder, `${lang}.json`);
      writeFileSync(documents[lang], JSON.stringify(udhrDocument(lang)));
    }
  });

  for (const tag of TAGS) {
    it(`${tag} in Arabic: lang and dir on the table, every cell aligned right, caniemail clean`, async () => {
      const { html } = await email(tag, documents.ar, 'ar');
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
      const { html } = await email('impact-stat', documents[lang], lang);
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

  it('in Khmer, left to right, with the Khmer text', async () => {
    const { html } = await email('study-quote', documents.km, 'km');
    const [outer] = tagsOf(html, 'table');
    assert.equal(`${outer.lang} ${outer.dir}`, 'km ltr');
    assert.ok(html.includes(udhr.article1.km));
    assert.equal(tagsOf(html, 'td').filter((td) => td.align).length, 0, 'no cell aligned');
  });
});
