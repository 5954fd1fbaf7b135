/**
 * `publish` given what an attacker would write into a study document: every page of the site it
 * writes is opened in Chromium with its CSP switched off, so that only the escaping stands
 * between the document and the page, and nothing may run; every word comes back as text. Ids
 * that are no safe folder name, and a base URL that is no absolute http(s) URL, are refused
 * before anything is written.
 */
// The functions given to page.evaluate run in Chromium, with its globals.
/* global document, window, NodeFilter */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium.mjs';
import { FIXTURE, refused } from './cli-helpers.mjs';
import { publish, staticHost } from './publish-helpers.mjs';

/** Each would run, or end the element it is written in, if written into a page as markup. */
const RUN = 'window.top.ran=(window.top.ran||0)+1';
const HOSTILE = {
  script: `</script><script>${RUN}</script>`,
  image: `"><img src=x onerror="${RUN}">`,
  title: `</title><img src=x onerror="${RUN}">`,
  comment: `--><img src=x onerror="${RUN}"><!--`,
  url: `javascript:${RUN}`,
};

const study = JSON.parse(readFileSync(FIXTURE, 'utf8'));
study.study.title = `Study ${HOSTILE.title}`;
study.study.publisher = `Publisher ${HOSTILE.image}`;
study.study.url = HOSTILE.url;
study.stats[0].label = `households ${HOSTILE.script} ${HOSTILE.comment}`;
study.stats[0].source = { label: `Survey ${HOSTILE.image}`, url: HOSTILE.url, cited: true };
study.quotes[0].text = `Quoted ${HOSTILE.comment} ${HOSTILE.script}`;
study.quotes[0].author = `Ada ${HOSTILE.title}`;
study.quotes[0].source = { label: `Interview ${HOSTILE.script}`, url: HOSTILE.url };
study.ctas[0].heading = `Join ${HOSTILE.script}`;
study.ctas[0].body = `Body ${HOSTILE.title} ${HOSTILE.image}`;
study.ctas[0].button.href = HOSTILE.url;

let folder;
let dir;
let site;
let base;
let browser;

before(() => (folder = mkdtempSync(join(tmpdir(), 'publish-hostile-'))));
after(async () => {
  await browser?.close();
  await site?.close();
  rmSync(folder, { recursive: true, force: true });
});

/** The hostile document's site, published once and served at its base URL. */
async function publishHostile() {
  dir = join(folder, 'site');
  const src = join(folder, 'hostile.json');
  writeFileSync(src, JSON.stringify(study));
  site = await staticHost(dir, '/');
  base = `${site.origin}/`;
  const published = await publish('--src', src, '--base-url', base, '-o', dir);
  assert.equal(published.status, 0, published.stderr);
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
}

/** Every file of the site under `at`, as paths relative to the site's folder. */
const filesOf = (at) =>
  readdirSync(at, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? filesOf(join(at, entry.name))
      : [relative(dir, join(at, entry.name)).split('\\').join('/')],
  );

describe('publish: a hostile document', () => {
  before(publishHostile);
  it('writes no page where any of its words runs, or becomes an element, a link or a comment', async () => {
    // Without the pages' own policy: only the escaping is tested.
    const context = await browser.newContext({ bypassCSP: true });
    const pages = filesOf(dir).filter((file) => file.endsWith('.html'));
    assert.ok(pages.length >= 20, pages.join(' '));
    for (const path of pages) {
      const page = await context.newPage();
      // By load, every script and image handler of the page has run, and the bundle's cards.
      await page.goto(`${base}${path}`, { waitUntil: 'load' });
      const found = await page.evaluate(() => {
        // Every node, in the document and in every shadow root.
        const nodes = [];
        const walk = (root) => {
          const walker = document.createTreeWalker(
            root,
            NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_COMMENT,
          );
          for (let node = walker.currentNode; node; node = walker.nextNode()) {
            nodes.push(node);
            if (node.shadowRoot) walk(node.shadowRoot);
          }
        };
        walk(document);
        return {
          ran: window.ran,
          images: nodes.filter((node) => node.localName === 'img').length,
          // Lit's own markers (`<!--?lit$…$-->`, `<!--?-->`, `<!---->`) are no words of the document.
          comments: nodes
            .filter((node) => node.nodeType === 8 && !/^\??(lit\$\d+\$)?$/.test(node.data))
            .map((node) => node.data),
          links: nodes.filter((node) => /^\s*javascript:/i.test(node.getAttribute?.('href') ?? ''))
            .length,
          scripts: nodes
            .filter((node) => node.localName === 'script')
            .map((node) => node.src || node.type),
        };
      });
      assert.equal(found.ran, undefined, `ran on ${path}`);
      assert.equal(found.images, 0, `img on ${path}`);
      assert.deepEqual(found.comments, [], `comments on ${path}`);
      assert.equal(found.links, 0, `javascript: link on ${path}`);
      // Only the site's own scripts, and data blocks.
      for (const script of found.scripts) {
        assert.match(
          script,
          /^(http:\/\/127\.0\.0\.1:\d+\/[\w./-]+\.js|application\/(ld\+)?json)$/,
          path,
        );
      }
      await page.close();
    }
    await context.close();
  });

  it('keeps every hostile word as text: in the title, the meta tags, the JSON-LD and the card', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}impact-stat/${study.stats[0].id}/`, { waitUntil: 'networkidle' });
    const read = await page.evaluate(() => ({
      title: document.title,
      description: document.querySelector('meta[name="description"]').content,
      ogTitle: document.querySelector('meta[property="og:title"]').content,
      siteName: document.querySelector('meta[property="og:site_name"]').content,
      jsonLd: JSON.parse(document.querySelector('script[type="application/ld+json"]').text),
      card: document.querySelector('impact-stat').shadowRoot.textContent,
    }));
    const { label, source } = study.stats[0];
    assert.ok(read.title.includes(label) && read.title.includes(study.study.title), read.title);
    assert.ok(read.ogTitle.includes(label), read.ogTitle);
    assert.ok(read.description.includes(label) && read.description.includes(source.label));
    assert.equal(read.siteName, study.study.publisher);
    assert.ok(read.jsonLd.text.includes(label));
    // A figure the study only cites says where it first appeared.
    assert.equal(read.jsonLd.firstAppearance.name, source.label);
    assert.equal(read.jsonLd.firstAppearance.url, undefined);
    assert.equal(read.jsonLd.appearance.url, undefined);
    assert.ok(read.card.includes(label), read.card);
    await page.close();
  });

  it("answers oEmbed html that is one iframe, whatever the item's words", () => {
    for (const [tag, item] of [
      ['impact-stat', study.stats[0]],
      ['study-quote', study.quotes[0]],
      ['fundraise-cta', study.ctas[0]],
    ]) {
      const answer = JSON.parse(readFileSync(join(dir, tag, item.id, 'oembed.json'), 'utf8'));
      // Two tags, the iframe's start and end: no other markup, and no quote ending an attribute.
      assert.equal(answer.html.split('<').length - 1, 2, answer.html);
      assert.match(answer.html, /^<iframe( [a-z]+="[^"<>]*")+><\/iframe>$/);
    }
  });
});

describe('publish: what it refuses before writing anything', () => {
  /** publish of the fixture changed by `change`, into a folder of its own. */
  async function refusedPublish(change, ...options) {
    const own = mkdtempSync(join(folder, 'refused-'));
    const document = structuredClone(JSON.parse(readFileSync(FIXTURE, 'utf8')));
    change(document);
    writeFileSync(join(own, 'study.json'), JSON.stringify(document));
    const result = await publish(
      '--src',
      join(own, 'study.json'),
      '-o',
      join(own, 'site'),
      ...options,
    );
    // Nothing written: not the folder, nor anything beside or above it.
    assert.equal(existsSync(join(own, 'site')), false, 'the folder was made');
    assert.deepEqual(readdirSync(own), ['study.json']);
    return result;
  }

  const IDS = [
    ['../x', (doc) => (doc.stats[1].id = '../x'), 'stats[1]'],
    ['a/b', (doc) => (doc.quotes[0].id = 'a/b'), 'quotes[0]'],
    ['%2e', (doc) => (doc.ctas[0].id = '%2e'), 'ctas[0]'],
    ['..', (doc) => (doc.stats[0].id = '..'), 'stats[0]'],
    ['two items with one id', (doc) => (doc.stats[2].id = doc.stats[0].id), 'stats[2]'],
    [
      'two ids that differ in case only',
      (doc) => (doc.quotes[1].id = doc.quotes[0].id.toUpperCase()),
      'quotes[1]',
    ],
  ];
  for (const [name, change, item] of IDS) {
    it(`refuses an id that is no safe folder name, naming the item: ${name}`, async () => {
      const result = await refusedPublish(change, '--base-url', 'https://example.org/');
      refused(result, item);
    });
  }

  it('refuses an empty id, naming it', async () => {
    const result = await refusedPublish(
      (doc) => (doc.stats[0].id = ''),
      '--base-url',
      'https://example.org/',
    );
    refused(result, 'stats[0].id');
  });

  for (const url of ['/cards/', 'cards', 'ftp://example.org/', 'javascript:alert(1)', 'https://']) {
    it(`refuses a base URL that is no absolute http(s) URL: ${url}`, async () => {
      const result = await refusedPublish(() => {}, '--base-url', url);
      refused(result, '--base-url');
      assert.equal(result.status, 2);
    });
  }

  it('refuses to run without --base-url or -o', async () => {
    refused(await refusedPublish(() => {}), '--base-url');
    const result = await publish('--base-url', 'https://example.org/');
    refused(result, '-o');
    assert.equal(result.status, 2);
  });
});
