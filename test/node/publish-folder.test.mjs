/**
 * `publish` into a folder that holds more than its own site: the organisation's own files stay,
 * byte for byte; its own files are updated, and its pages of items the document dropped go; a
 * file it did not write, or one changed since, is never replaced, and nothing is written through
 * a symbolic link. And `--lang` sets the pages' one language.
 */
import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { refused, ROOT } from './cli-helpers.mjs';
import { publish } from './publish-helpers.mjs';

const BASE = 'https://cards.example.org/study/';

/** A small study: one figure and two quotes, so that each publish is quick. */
const small = () => ({
  version: 1,
  study: { id: 'small', title: 'Small Study', publisher: 'Small Org', year: 2024, locale: 'en' },
  stats: [{ id: 'share', value: 50, format: 'percent', label: 'of small households took part' }],
  quotes: [
    { id: 'first', text: 'A first small quote.', author: 'Ada Small' },
    { id: 'second', text: 'A second small quote.', author: 'Ben Small' },
  ],
  ctas: [],
});

let folder;
before(() => (folder = mkdtempSync(join(tmpdir(), 'publish-folder-'))));
after(() => rmSync(folder, { recursive: true, force: true }));

/** Publishes `document` into `dir`. */
async function publishInto(dir, document, ...options) {
  const src = join(folder, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(src, JSON.stringify(document));
  return publish('--src', src, '--base-url', BASE, '-o', dir, ...options);
}

const read = (...path) => readFileSync(join(...path), 'utf8');

describe('publish: a folder with files of its own', () => {
  let dir;
  before(() => {
    dir = join(folder, 'site');
    mkdirSync(join(dir, 'impact-stat'), { recursive: true });
    // A custom domain for GitHub Pages, and a note in a folder publish also writes into.
    writeFileSync(join(dir, 'CNAME'), 'cards.example.org\n');
    writeFileSync(join(dir, 'impact-stat', 'notes.txt'), 'our own notes\n');
  });

  it('keeps the files it did not write, and updates its own when published again', async () => {
    const first = await publishInto(dir, small());
    assert.equal(first.status, 0, first.stderr);
    assert.ok(read(dir, 'study-quote/second/index.html').includes('A second small quote.'));

    const changed = small();
    changed.stats[0].label = 'of small households took part, counted again';
    changed.quotes.pop();
    const second = await publishInto(dir, changed);
    assert.equal(second.status, 0, second.stderr);
    assert.ok(read(dir, 'impact-stat/share/index.html').includes(changed.stats[0].label));
    assert.ok(read(dir, 'study.json').includes(changed.stats[0].label));
    // Its own page of the dropped quote is gone: it would go on saying it.
    assert.equal(existsSync(join(dir, 'study-quote/second')), false);
    assert.ok(existsSync(join(dir, 'study-quote/first/index.html')));
    assert.equal(read(dir, 'CNAME'), 'cards.example.org\n');
    assert.equal(read(dir, 'impact-stat', 'notes.txt'), 'our own notes\n');
  });

  it('refuses to replace a file it did not write, or one changed since, and writes nothing', async () => {
    const edited = `${read(dir, 'index.html')}<!-- our edit -->\n`;
    writeFileSync(join(dir, 'index.html'), edited);
    const before = read(dir, 'impact-stat/share/index.html');
    const changed = small();
    changed.stats[0].label = 'a label that must not be written';
    refused(await publishInto(dir, changed), join(dir, 'index.html'), 'changed');
    assert.equal(read(dir, 'index.html'), edited);
    assert.equal(read(dir, 'impact-stat/share/index.html'), before);

    // A file of the organisation's where publish would put one of its own.
    rmSync(join(dir, 'index.html'));
    writeFileSync(join(dir, 'index.html'), 'our own home page\n');
    mkdirSync(join(dir, 'study-quote', 'second'));
    writeFileSync(join(dir, 'study-quote', 'second', 'index.html'), 'our own page\n');
    const restored = small();
    refused(await publishInto(dir, restored), 'not written by publish');
    assert.equal(read(dir, 'index.html'), 'our own home page\n');
    assert.equal(read(dir, 'study-quote/second/index.html'), 'our own page\n');
  });

  it('never writes through a symbolic link', async () => {
    const own = join(folder, 'linked');
    const outside = join(folder, 'outside');
    mkdirSync(outside);
    mkdirSync(join(own, 'study-quote'), { recursive: true });
    symlinkSync(outside, join(own, 'impact-stat'));
    refused(await publishInto(own, small()), 'symbolic link');
    assert.deepEqual(readdirSync(outside), []);
    assert.deepEqual(readdirSync(own).sort(), ['impact-stat', 'study-quote']);
  });
});

describe('publish --lang', () => {
  it("sets the pages' one language: their lang, og:locale, their words and the cards'", async () => {
    const dir = join(folder, 'fr');
    // Real French, not ours: UDHR Article 3 in its official translation.
    const udhr = JSON.parse(read(ROOT, 'test/fixtures/udhr.json'));
    const document = small();
    document.stats[0].label = { en: udhr.article3.en, fr: udhr.article3.fr };
    const result = await publishInto(dir, document, '--lang', 'fr');
    assert.equal(result.status, 0, result.stderr);
    const page = read(dir, 'impact-stat/share/index.html');
    assert.match(page, /<html lang="fr">/);
    // ogp.me: the locale is language_TERRITORY.
    assert.match(page, /<meta property="og:locale" content="fr_FR">/);
    // The figure as French writes it, and the document's French words for it.
    const figure = new Intl.NumberFormat('fr', { style: 'percent' }).format(0.5);
    assert.ok(page.includes(`<title>${figure} ${udhr.article3.fr}`), page.slice(0, 800));
    assert.match(read(dir, 'index.html'), /<html lang="fr">/);
    assert.match(read(dir, 'impact-stat/share/embed.html'), /<html lang="fr">/);
    // One language: no other version to link.
    assert.doesNotMatch(page, /hreflang|og:locale:alternate/);
  });
});
