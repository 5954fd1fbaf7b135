/**
 * `npx impact-widgets publish`, run once as a partner runs it, and its site served over loopback
 * at its base URL by a static host (no CORS headers, as Netlify's). What reads it is what reads a
 * pasted link: open-graph-scraper, the Open Graph reader of real products; an oEmbed consumer
 * that does what WordPress does with a discovered provider; and Chromium, with JavaScript off and
 * on, under each page's own policy, checked by axe.
 */
// The functions given to page.evaluate run in Chromium, with its globals.
/* global document, window, customElements, axe */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ogs from 'open-graph-scraper';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium.mjs';
import { FIXTURE, ROOT } from './cli-helpers.mjs';
import { listen, publish, staticHost } from './publish-helpers.mjs';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
/** A project site's folder, as GitHub Pages serves one: the base URL has a path. */
const PATH = '/cards/';

let folder;
let site;
let base;
let service;
let blog;
let browser;
/** The sign-ups the stand-in service received: their Origin header and body. */
const signups = [];
/** The document published: the fixture's, its call to action signing up at the stand-in service. */
const study = JSON.parse(readFileSync(FIXTURE, 'utf8'));
/** Each kind's first item. */
const items = {
  'impact-stat': study.stats[0],
  'study-quote': study.quotes[0],
  'fundraise-cta': study.ctas[0],
};

before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'publish-'));
  const dir = join(folder, 'site');
  // A sign-up service on an origin of its own, answering CORS as a real one does: a sandboxed
  // frame's requests come from the opaque origin "null".
  service = await listen((request, response) => {
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'content-type, accept',
      'access-control-allow-methods': 'POST',
    };
    if (request.method === 'OPTIONS') return response.writeHead(204, cors).end();
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      signups.push({ origin: request.headers.origin, body: JSON.parse(body) });
      response.writeHead(201, { ...cors, 'content-type': 'application/json' });
      response.end('{"ok":true}');
    });
  });
  study.ctas[0].signup.endpoint = `${service.origin}/signups`;
  const src = join(folder, 'study.json');
  writeFileSync(src, JSON.stringify(study));
  // The host first, so that the site is published for the URL it is served at.
  site = await staticHost(dir, PATH);
  base = `${site.origin}${PATH}`;
  const published = await publish('--src', src, '--base-url', base, '-o', dir);
  assert.equal(published.status, 0, published.stderr);
  blog = await listen((request, response, url) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(url.pathname === '/partner' ? partnerPage : blogPage);
  });
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await Promise.all([site, service, blog].map((server) => server?.close()));
  rmSync(folder, { recursive: true, force: true });
});

/** Words of each kind's item that its card must show, straight from the document. */
const wordsOf = {
  'impact-stat': (stat) => [stat.label, stat.source.label],
  'study-quote': (quote) => [quote.text, quote.author],
  'fundraise-cta': (cta) => [cta.heading, cta.body],
};

const pageUrl = (tag) => `${base}${tag}/${items[tag].id}/`;

describe('publish: link previews (open-graph-scraper)', () => {
  for (const tag of ['impact-stat', 'study-quote', 'fundraise-cta']) {
    it(`reads the title, description, image and alt text of a ${tag} page`, async () => {
      const { result } = await ogs({ url: pageUrl(tag) });
      const [first, second] = wordsOf[tag](items[tag]);
      assert.ok(result.ogTitle.includes(tag === 'study-quote' ? second : first), result.ogTitle);
      // The card's words, its source included.
      for (const word of wordsOf[tag](items[tag])) {
        assert.ok(result.ogDescription.includes(word), `${word} in ${result.ogDescription}`);
      }
      assert.equal(result.ogUrl, pageUrl(tag));
      assert.equal(result.twitterCard, 'summary_large_image');
      const [image] = result.ogImage;
      assert.equal(image.url, `${pageUrl(tag)}card.png`);
      assert.deepEqual([image.width, image.height], ['1200', '630']);
      assert.ok(image.alt.includes(first), image.alt);
      assert.equal(result.twitterImage[0].alt, image.alt);

      // The image answers as a PNG of that size, under the weight previews drop.
      const response = await fetch(image.url);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'image/png');
      const png = Buffer.from(await response.arrayBuffer());
      assert.ok(png.length < 300_000, `${png.length} bytes`);
      // The PNG signature, then IHDR's width and height (PNG spec, section 11.2.2).
      assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10]);
      assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR');
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630]);
    });
  }
});

/**
 * What WordPress keeps of a discovered provider's html (wp-includes/embed.php,
 * wp_filter_oembed_result): wp_kses with only these tags and attributes, then the first
 * blockquote and one iframe, which gets WordPress's class, sandbox and secret.
 */
const KSES = {
  a: ['href'],
  blockquote: [],
  iframe: [
    'src',
    'width',
    'height',
    'frameborder',
    'marginwidth',
    'marginheight',
    'scrolling',
    'title',
  ],
};
function wordPressFilter(html, secret) {
  const kept = html.replace(/<(\/?)([a-z][a-z0-9-]*)([^>]*)>/gi, (whole, close, name, rest) => {
    const allowed = KSES[name.toLowerCase()];
    if (!allowed) return '';
    if (close) return `</${name}>`;
    const attributes = [...rest.matchAll(/([a-z-]+)\s*=\s*"([^"]*)"/gi)]
      .filter(([, key]) => allowed.includes(key.toLowerCase()))
      .map(([, key, value]) => ` ${key}="${value}"`);
    return `<${name}${attributes.join('')}>`;
  });
  const found = /(<blockquote>.*?<\/blockquote>)?.*(<iframe.*?><\/iframe>)/s.exec(kept);
  if (!found) return undefined;
  return `${found[1] ?? ''}${found[2]}`
    .replace(
      '<iframe',
      '<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"',
    )
    .replace(/ src="([^"]*)"/, ` src="$1#?secret=${secret}" data-secret="${secret}"`);
}

/** The oEmbed answer a consumer finds from the page's discovery link. */
async function discover(url) {
  const html = await (await fetch(url)).text();
  const link = [...html.matchAll(/<link\b[^>]*>/g)]
    .map(([tag]) =>
      Object.fromEntries([...tag.matchAll(/([a-z-]+)="([^"]*)"/g)].map(([, k, v]) => [k, v])),
    )
    .find(
      (attributes) =>
        attributes.rel === 'alternate' && attributes.type === 'application/json+oembed',
    );
  assert.ok(link, `no oEmbed discovery link in ${url}`);
  const response = await fetch(link.href.replaceAll('&amp;', '&'));
  assert.equal(response.status, 200);
  return response.json();
}

/** The blog post, as WordPress serves it: the filtered embeds, and wp-embed.js's resizing. */
let blogPage;

describe('publish: an oEmbed consumer that frames as WordPress does', () => {
  const tags = ['impact-stat', 'study-quote', 'fundraise-cta'];
  let page;
  let answers;
  before(async () => {
    answers = await Promise.all(tags.map((tag) => discover(pageUrl(tag))));
    const embeds = answers.map((answer, index) => wordPressFilter(answer.html, `s3cr3t${index}`));
    // wp-embed.js: a frame's height message, matched by its secret and its window, clamped.
    blogPage = `<!doctype html><html lang="en"><meta charset="utf-8"><title>A post</title><body>
      <main><h1>A post</h1>${embeds.map((embed) => `<figure>${embed}</figure>`).join('\n')}</main>
      <script>
        // What the frames report of their cards' errors (dist/embed-resize.js's message).
        window.frameErrors = [];
        addEventListener('message', ({ data }) => {
          if (data && data['impact-widgets:error']) frameErrors.push(data['impact-widgets:error'].message);
        });
        addEventListener('message', ({ data, source }) => {
          if (!data || !data.secret || data.message !== 'height') return;
          for (const frame of document.querySelectorAll('iframe[data-secret="' + data.secret + '"]')) {
            if (frame.contentWindow !== source) continue;
            let height = parseInt(data.value, 10);
            if (height > 1000) height = 1000;
            else if (~~height < 200) height = 200;
            frame.height = height;
          }
        });
      </script></body></html>`;
    page = await browser.newPage();
    await page.goto(`${blog.origin}/post`);
  });
  after(() => page?.close());

  it('answers the oEmbed fields, one iframe with a title that the filter keeps whole', () => {
    for (const [index, answer] of answers.entries()) {
      assert.equal(answer.type, 'rich');
      assert.equal(answer.version, '1.0');
      for (const field of ['title', 'provider_name', 'provider_url', 'html']) {
        assert.equal(typeof answer[field], 'string', field);
      }
      for (const field of ['width', 'height', 'cache_age', 'thumbnail_width', 'thumbnail_height']) {
        assert.equal(typeof answer[field], 'number', field);
      }
      assert.equal(answer.thumbnail_url, `${pageUrl(tags[index])}card.png`);
      assert.match(answer.html, /^<iframe [^>]*title="[^"]+"[^>]*><\/iframe>$/);
      // Nothing of it is lost to the filter but WordPress's own additions.
      const filtered = wordPressFilter(answer.html, 'x')
        .replace(' class="wp-embedded-content" sandbox="allow-scripts" security="restricted"', '')
        .replace('#?secret=x" data-secret="x"', '"');
      assert.equal(filtered, answer.html);
    }
  });

  for (const [index, tag] of tags.entries()) {
    it(`shows the whole ${tag} card in its sandboxed frame, sized by its height message`, async () => {
      const frame = page.locator('iframe').nth(index);
      const content = page.frames().find((child) => child.url().includes(`/${tag}/`));
      await content.locator(`${tag} [part~="card"]`).waitFor();
      const measure = async () => ({
        frame: Number(await frame.getAttribute('height')),
        page: await content.evaluate(() =>
          Math.ceil(document.documentElement.getBoundingClientRect().height),
        ),
        card: await content.evaluate(
          (tag) => document.querySelector(tag).getBoundingClientRect().bottom,
          tag,
        ),
      });
      const clamp = (height) => Math.min(Math.max(height, 200), 1000);
      let size = await measure();
      for (let tries = 0; tries < 50 && Math.abs(size.frame - clamp(size.page)) > 2; tries++) {
        await page.waitForTimeout(100);
        size = await measure();
      }
      assert.ok(Math.abs(size.frame - clamp(size.page)) <= 2, JSON.stringify(size));
      assert.ok(size.card <= size.frame + 2, JSON.stringify(size));
      // The sandbox is WordPress's: the frame's origin is opaque, and the card loaded all the same.
      assert.equal(await content.evaluate(() => window.origin), 'null');
      assert.deepEqual(await page.evaluate(() => window.frameErrors), []);
    });
  }

  it("signs a person up from the sandboxed frame, at the document's service", async () => {
    const content = page.frames().find((child) => child.url().includes('/fundraise-cta/'));
    const cta = study.ctas[0];
    await content.locator('fundraise-cta [part~="button"]').click();
    await content.locator('fundraise-cta input[name="name"]').fill('Ada Reader');
    await content.locator('fundraise-cta input[name="email"]').fill('ada@example.org');
    await content.locator('fundraise-cta form [part~="button"]').click();
    await content.getByText(cta.signup.success).waitFor();
    assert.equal(signups.length, 1);
    assert.equal(signups[0].origin, 'null');
    assert.equal(signups[0].body.email, 'ada@example.org');
    // The thank-you is a card too: the frame follows it.
    const frame = page.locator('iframe').nth(2);
    const height = await content.evaluate(
      () => document.documentElement.getBoundingClientRect().height,
    );
    await page.waitForFunction(
      ([height]) =>
        Math.abs(
          document.querySelectorAll('iframe')[2].height -
            Math.min(Math.max(Math.ceil(height), 200), 1000),
        ) <= 2,
      [height],
    );
    assert.ok(await frame.isVisible());
  });
});

/** A partner's page, on another origin, with a snippet copied from a share page. */
let partnerPage;

describe("publish: a share page's snippets", () => {
  let context;
  let page;
  before(async () => {
    context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    page = await context.newPage();
    await page.goto(pageUrl('impact-stat'), { waitUntil: 'networkidle' });
  });
  after(() => context?.close());

  it('copies each snippet with its button, and says so', async () => {
    const fields = page.locator('textarea');
    assert.equal(await fields.count(), 3);
    for (const [index, field] of (await fields.all()).entries()) {
      await page.locator('button[data-copy]').nth(index).click();
      assert.equal(
        await page.evaluate(() => navigator.clipboard.readText()),
        await field.inputValue(),
      );
    }
    assert.equal(await page.getByRole('status').textContent(), 'Copied.');
  });

  it("the iframe snippet, pasted into a partner's page, is sized to its card by embed-resize.js", async () => {
    const [, , iframe] = await page
      .locator('textarea')
      .evaluateAll((fields) => fields.map((field) => field.value));
    partnerPage = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Partner</title><body><main><h1>Partner</h1>${iframe}</main></body></html>`;
    const partner = await context.newPage();
    await partner.goto(`${blog.origin}/partner`, { waitUntil: 'networkidle' });
    const content = partner.frames().find((child) => child.url().endsWith('/embed.html'));
    await content.locator('impact-stat [part~="card"]').waitFor();
    const sizes = async () => ({
      frame: await partner
        .locator('iframe')
        .evaluate((frame) => frame.getBoundingClientRect().height),
      page: await content.evaluate(() => document.documentElement.getBoundingClientRect().height),
    });
    let size = await sizes();
    for (let tries = 0; tries < 50 && Math.abs(size.frame - size.page) > 2; tries++) {
      await partner.waitForTimeout(100);
      size = await sizes();
    }
    assert.ok(Math.abs(size.frame - size.page) <= 2, JSON.stringify(size));
    await partner.close();
  });
});

/** Every page of the site that a reader may open. */
const pages = () => [
  '',
  ...Object.entries(items).flatMap(([tag, item]) => [
    `${tag}/${item.id}/`,
    `${tag}/${item.id}/embed.html`,
  ]),
  'no/such/page',
];

describe('publish: every page without JavaScript', () => {
  let context;
  before(async () => (context = await browser.newContext({ javaScriptEnabled: false })));
  after(() => context?.close());

  for (const path of pages()) {
    it(`shows its cards' words: /${path}`, async () => {
      const page = await context.newPage();
      const response = await page.goto(`${base}${path}`);
      assert.equal(response.status(), path.startsWith('no/') ? 404 : 200);
      const shown = Object.entries(items).filter(
        ([tag]) => path === '' || path.startsWith(`${tag}/`),
      );
      for (const [tag, item] of shown) {
        for (const words of wordsOf[tag](item)) {
          const visible = page.getByText(words).filter({ visible: true });
          assert.ok((await visible.count()) >= 1, `${words} on /${path}`);
        }
      }
      if (path.startsWith('no/')) {
        assert.ok(await page.getByRole('link', { name: /cards/ }).isVisible());
      }
      await page.close();
    });
  }
});

describe('publish: every page with JavaScript, under its own policy', () => {
  let context;
  before(async () => {
    context = await browser.newContext();
    // Before any script of the page: what its policy blocks, and how far its layout shifts.
    await context.addInitScript(() => {
      window.violations = [];
      window.shift = 0;
      document.addEventListener('securitypolicyviolation', (event) =>
        window.violations.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          if (!entry.hadRecentInput) window.shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
  });
  after(() => context?.close());

  for (const path of pages()) {
    it(`shows one card each, moves nothing, breaks no rule and passes axe: /${path}`, async () => {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
      const shown = Object.keys(items).filter((tag) => path === '' || path.startsWith(`${tag}/`));
      await page.evaluate(
        (tags) => Promise.all(tags.map((tag) => customElements.whenDefined(tag))),
        shown,
      );
      await page.waitForTimeout(300);
      for (const tag of shown) {
        const elements = page.locator(tag);
        const kind = { 'impact-stat': 'stats', 'study-quote': 'quotes', 'fundraise-cta': 'ctas' }[
          tag
        ];
        assert.equal(await elements.count(), path === '' ? study[kind].length : 1);
        for (const element of await elements.all()) {
          // The live card, and none of the words written for browsers without the card.
          assert.equal(await element.locator('[part~="card"]').count(), 1, `${tag} on /${path}`);
          assert.equal(await element.locator('> p').filter({ visible: true }).count(), 0);
        }
      }
      assert.deepEqual(await page.evaluate(() => window.violations), []);
      assert.equal(await page.evaluate(() => window.shift), 0);
      assert.deepEqual(errors, []);
      await page.evaluate(AXE);
      // A frame's page is part of the page that frames it, under that page's headings.
      const rules = path.endsWith('embed.html')
        ? { 'page-has-heading-one': { enabled: false } }
        : {};
      const { violations } = await page.evaluate((rules) => axe.run({ rules }), rules);
      assert.deepEqual(
        violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target).join(', ')}`),
        [],
      );
      await page.close();
    });
  }
});
