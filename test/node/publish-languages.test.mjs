/**
 * `publish --lang km,en,ar`: a site in three languages from one document of real texts (the UDHR's
 * official translations, test/fixtures/multilingual.js), served over loopback by a static host.
 * Each language has its pages (the first at the site's root, the others under their folders),
 * each page says its language and direction, and links every version of itself, as each of them
 * links it; open-graph-scraper reads each page's locale. A page whose card lacks its language is
 * in the card's, and says so in the warnings; a page with no words of the site's in its language
 * says the site's words in another, marked so.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ogs from 'open-graph-scraper';
import { SITE_GROUP, SITE_KEYS } from '../../dist/publish.mjs';
import { article, multilingualDocument, standIns } from '../fixtures/multilingual.js';
import { refused, ROOT } from './cli-helpers.mjs';
import { publish, staticHost } from './publish-helpers.mjs';

const udhr = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/udhr.json'), 'utf8'));
const PATH = '/cards/';
/** The site's own words in English, which no Khmer page may show unmarked. */
const ENGLISH = ['Embed this card', 'Copy', 'Email card (newsletter HTML)', 'From'];

/** The document: Khmer gives the site's words, Arabic does not; Article 1's figure has no Khmer. */
const study = multilingualDocument(udhr, { km: { [SITE_GROUP]: standIns(udhr, 'km', SITE_KEYS) } });
const noKhmer = Object.entries(article(udhr, 'article1')).filter(([lang]) => lang !== 'km');
study.stats.push({
  id: 'article-1',
  value: 1,
  format: 'number',
  label: Object.fromEntries(noKhmer),
});

let folder;
let site;
let base;
let published;
before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'publish-languages-'));
  const src = join(folder, 'study.json');
  writeFileSync(src, JSON.stringify(study));
  const dir = join(folder, 'site');
  site = await staticHost(dir, PATH);
  base = `${site.origin}${PATH}`;
  published = await publish('--src', src, '--base-url', base, '-o', dir, '--lang', 'km,en,ar');
  assert.equal(published.status, 0, published.stderr);
});
after(async () => {
  await site?.close();
  rmSync(folder, { recursive: true, force: true });
});

/** Each language's folder: the first language's is the site's. */
const FOLDERS = { km: '', en: 'en/', ar: 'ar/' };
const pageUrl = (lang, id = 'article-3') => `${base}${FOLDERS[lang]}impact-stat/${id}/`;
const get = async (url) => {
  const response = await fetch(url);
  assert.equal(response.status, 200, url);
  return response.text();
};
/** The start tag of `<html>`. */
const htmlTag = (page) => /<html[^>]*>/.exec(page)[0];
/** The page's `<link rel="alternate" hreflang>`s, as [hreflang, href], sorted. */
const hreflangs = (page) =>
  [...page.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)]
    .map(([, lang, href]) => [lang, href])
    .sort();
const metas = (page, property) =>
  [...page.matchAll(new RegExp(`<meta property="${property}" content="([^"]+)">`, 'g'))].map(
    ([, content]) => content,
  );

describe('publish --lang km,en,ar', () => {
  it('writes each language its pages, each saying its language and direction', async () => {
    assert.equal(htmlTag(await get(pageUrl('km'))), '<html lang="km">');
    assert.equal(htmlTag(await get(pageUrl('en'))), '<html lang="en">');
    assert.equal(htmlTag(await get(pageUrl('ar'))), '<html lang="ar" dir="rtl">');
    for (const [lang, folder] of Object.entries(FOLDERS)) {
      const page = await get(pageUrl(lang));
      // The figure's words in the page's language, and its card in it.
      assert.ok(page.includes(udhr.article3[lang]), lang);
      const card = /<div [^>]*part="card"[^>]*>/.exec(page)[0];
      assert.match(card, new RegExp(` lang="${lang}"`));
      assert.equal(card.includes(' dir="rtl"'), lang === 'ar', card);
      const index = await get(`${base}${folder}`);
      assert.equal(htmlTag(index), htmlTag(page));
      assert.ok(index.includes(udhr.article3[lang]), `${lang} index`);
    }
  });

  it("links every language version from each, itself included, and each links it back, with x-default the first language's", async () => {
    const expected = [
      ['ar', pageUrl('ar')],
      ['en', pageUrl('en')],
      ['km', pageUrl('km')],
      ['x-default', pageUrl('km')],
    ];
    for (const lang of Object.keys(FOLDERS)) {
      const listed = hreflangs(await get(pageUrl(lang)));
      assert.deepEqual(listed, expected, lang);
      // Symmetric: each version it names names it, under its language.
      for (const [other, url] of listed.filter(([tag]) => tag !== 'x-default')) {
        assert.ok(
          hreflangs(await get(url)).some(([tag, href]) => tag === lang && href === pageUrl(lang)),
          `${other} links ${lang}`,
        );
      }
    }
    const indexes = hreflangs(await get(base));
    assert.deepEqual(indexes, [
      ['ar', `${base}ar/`],
      ['en', `${base}en/`],
      ['km', base],
      ['x-default', base],
    ]);
  });

  it('gives link readers each page in its locale, the others as its alternates', async () => {
    const LOCALES = { km: 'km_KH', en: 'en_US', ar: 'ar_EG' };
    for (const [lang, locale] of Object.entries(LOCALES)) {
      const { result } = await ogs({ url: pageUrl(lang) });
      assert.equal(result.ogLocale, locale);
      assert.equal(result.ogUrl, pageUrl(lang));
      assert.ok(result.ogTitle.includes(udhr.article3[lang]), result.ogTitle);
      const others = Object.entries(LOCALES)
        .filter(([tag]) => tag !== lang)
        .map(([, other]) => other);
      assert.ok(others.includes(result.ogLocaleAlternate), result.ogLocaleAlternate);
      assert.deepEqual(
        metas(await get(pageUrl(lang)), 'og:locale:alternate').sort(),
        others.sort(),
      );
    }
  });

  it("says the site's words in the document's, and else marks the ones in another language", async () => {
    const km = await get(pageUrl('km'));
    const body = km.slice(km.indexOf('<body>'));
    const words = standIns(udhr, 'km', SITE_KEYS);
    assert.ok(body.includes(`<h2 id="embed">${words.embed}</h2>`), body.slice(0, 2000));
    for (const english of ENGLISH) assert.ok(!body.includes(`>${english}<`), english);
    // Arabic has none: the site's words are English, each said so.
    const ar = await get(pageUrl('ar'));
    for (const english of ENGLISH) {
      assert.ok(ar.includes(`<span lang="en">${english}</span>`), english);
    }
    assert.ok(
      published.stderr.includes(`the site has no words of its own in "ar"`),
      published.stderr,
    );
  });

  it("writes a page whose card lacks the language in the card's, and says so", async () => {
    const page = await get(pageUrl('km', 'article-1'));
    assert.equal(htmlTag(page), '<html lang="en">');
    assert.ok(page.includes(udhr.article1.en));
    assert.match(
      published.stderr,
      /warning: impact-stat\/article-1\/: the card has no "km" version, so this page is in "en"/,
    );
    // It is no Khmer version: the versions it and the others list are the two that are.
    const expected = [
      ['ar', pageUrl('ar', 'article-1')],
      ['en', pageUrl('en', 'article-1')],
      ['x-default', pageUrl('km', 'article-1')],
    ];
    for (const lang of Object.keys(FOLDERS)) {
      assert.deepEqual(hreflangs(await get(pageUrl(lang, 'article-1'))), expected, lang);
    }
  });

  it("answers oEmbed for each language's page, and lists every page in the sitemap", async () => {
    for (const lang of Object.keys(FOLDERS)) {
      const answer = JSON.parse(await get(`${pageUrl(lang)}oembed.json`));
      assert.ok(answer.html.includes(`src="${pageUrl(lang)}embed.html"`), answer.html);
      assert.ok(answer.title.includes(udhr.article3[lang]), answer.title);
      assert.match(await get(`${pageUrl(lang)}embed.html`), new RegExp(`<html lang="${lang}"`));
    }
    const listed = [...(await get(`${base}sitemap.xml`)).matchAll(/<loc>([^<]+)<\/loc>/g)].map(
      ([, url]) => url,
    );
    const pages = Object.keys(FOLDERS).flatMap((lang) => [
      `${base}${FOLDERS[lang]}`,
      pageUrl(lang, 'article-3'),
      pageUrl(lang, 'article-1'),
    ]);
    assert.deepEqual(listed.sort(), pages.sort());
  });
});

describe('publish --lang, refused', () => {
  it('refuses a value that is no language tag, or a language the document has no text in, with exit 2', async () => {
    const src = join(folder, 'refused.json');
    writeFileSync(src, JSON.stringify(study));
    const dir = join(folder, 'refused');
    for (const [lang, words] of [
      ['km,not a tag', ['--lang "not a tag"', 'BCP 47']],
      ['km,de', ['--lang "de"', 'no text in it', 'en, fr, km, ar']],
    ]) {
      const result = await publish('--src', src, '--base-url', base, '-o', dir, '--lang', lang);
      refused(result, ...words);
      assert.equal(result.status, 2);
    }
  });
});
