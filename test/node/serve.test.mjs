/**
 * `npm start`'s server (scripts/serve.mjs, started with `--no-build`) over real HTTP: it serves the
 * demo, and its stand-in sign-up endpoint `/demo-api/signups` answers as a real endpoint of the
 * `<fundraise-cta>` contract would, and never writes a name or an email to its output; the embed
 * builder's image cards `/demo-api/card-image` are the command's images, and fetch nothing.
 * Needs `npm run build` first (dist/snapshot.mjs).
 */
// The functions given to page.evaluate and addInitScript run in Chromium, with its globals.
/* global document, window */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium.mjs';
import { freePort } from '../free-port.mjs';

const ROOT = new URL('../../', import.meta.url);

/** The line `npm start` prints, and the URL in it. */
const PRINTED = /impact-widgets demo: (http:\/\/\S+\/demo\/)/;

/**
 * Starts scripts/serve.mjs with `env`, waits for the URL it prints, and resolves to the process,
 * that URL and a getter of all it wrote.
 */
async function start(env = {}) {
  const child = spawn(process.execPath, ['scripts/serve.mjs', '--no-build'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '', PORT: String(await freePort()), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let written = '';
  child.stdout.on('data', (chunk) => (written += chunk));
  child.stderr.on('data', (chunk) => (written += chunk));
  // The server prints its URL (the next port, should ours have been taken meanwhile).
  const started = Date.now();
  while (!PRINTED.test(written)) {
    assert.equal(child.exitCode, null, `the server exited:\n${written}`);
    assert.ok(Date.now() - started < 15_000, `the server did not start:\n${written}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, url: PRINTED.exec(written)[1], output: () => written };
}

async function stop(child) {
  child.kill();
  if (child.exitCode === null) await once(child, 'exit');
}

let server;
/** The URL the server printed, and its origin. */
let printed;
let origin;
/** What the server wrote to its output. */
let output;
/** Every name and email this file sends, good or bad: none may reach the server's output. */
const typed = [];

before(async () => {
  const started = await start();
  server = started.child;
  printed = started.url;
  origin = new URL(printed).origin;
  output = started.output;
});

after(() => stop(server));

/** A complete sign-up as the element sends it; `name` and `email` are remembered in `typed`. */
function signup(overrides = {}) {
  const body = {
    name: `Reader ${randomUUID().slice(0, 8)}`,
    email: `reader-${randomUUID()}@example.org`,
    ctaId: 'start-fundraiser',
    pageUrl: 'http://localhost/demo/',
    submissionId: randomUUID(),
    consentAt: new Date().toISOString(),
    ...overrides,
  };
  typed.push(body.name, body.email);
  return body;
}

async function post(body, type = 'application/json', init = {}) {
  const encoded =
    typeof body === 'string'
      ? body
      : type === 'application/json'
        ? JSON.stringify(body)
        : new URLSearchParams(body).toString();
  const response = await fetch(`${origin}/demo-api/signups`, {
    method: 'POST',
    headers: { 'content-type': type },
    body: encoded,
    ...init,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

describe('npm start', () => {
  it('serves the demo page at the URL it prints, and sends / there', async () => {
    const page = await fetch(printed);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type'), /^text\/html/);
    const html = await page.text();
    for (const tag of ['impact-stat', 'study-quote', 'fundraise-cta']) {
      assert.ok(html.includes(`<${tag}`), `the demo has no <${tag}>`);
    }
    assert.match(html, /data-endpoint="\/demo-api\/signups"/);
    const root = await fetch(`${origin}/`, { redirect: 'manual' });
    assert.equal(root.status, 302);
    assert.equal(root.headers.get('location'), '/demo/');
  });

  it('answers a stray "%" in a path with 404, and keeps serving', async () => {
    assert.equal((await fetch(`${origin}/demo/%`)).status, 404);
    assert.equal((await fetch(`${origin}/demo/`)).status, 200);
  });

  it('listens on 127.0.0.1 only, unless HOST=0.0.0.0 opens it to the network', async () => {
    // Linux routes all of 127.0.0.0/8 to loopback: a server listening on every interface
    // answers at 127.0.0.2, one listening on 127.0.0.1 alone does not.
    const { port } = new URL(origin);
    assert.equal(new URL(printed).hostname, '127.0.0.1');
    for (const elsewhere of [`http://127.0.0.2:${port}/demo/`, `http://[::1]:${port}/demo/`]) {
      const error = await fetch(elsewhere).then(
        () => undefined,
        (refused) => refused,
      );
      assert.equal(error?.cause?.code, 'ECONNREFUSED', elsewhere);
    }
    const open = await start({ HOST: '0.0.0.0' });
    try {
      assert.match(open.output(), /open to the network/);
      assert.equal((await fetch(open.url)).status, 200, open.url);
      const { port: openPort } = new URL(open.url);
      assert.equal((await fetch(`http://127.0.0.2:${openPort}/demo/`)).status, 200);
    } finally {
      await stop(open.child);
    }
  });

  it('serves no dotfile or dot-folder, however the path is written', async () => {
    // Files that are there: the 404 is the server's choice, not a missing file.
    for (const file of ['.ci/run', '.gitignore', '.prettierrc.json']) {
      assert.ok(existsSync(new URL(file, ROOT)), file);
    }
    for (const path of [
      '/.git/config',
      '/.ci/run',
      '/.env',
      '/.gitignore',
      '/.prettierrc.json',
      '/.ci/',
      '/%2egit/config',
      '/%2Eci/run',
      '/%2e%63i/run',
      '/demo/%2e%2e/.ci/run',
      '/demo/..%2f.ci%2frun',
    ]) {
      const response = await fetch(`${origin}${path}`);
      assert.equal(response.status, 404, path);
    }
  });

  it('answers files with GET and HEAD only: 405 and Allow otherwise', async () => {
    for (const path of ['/demo/', '/dist/impact-widgets.js', '/no-such-file']) {
      for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
        const response = await fetch(`${origin}${path}`, { method });
        assert.equal(response.status, 405, `${method} ${path}`);
        assert.equal(response.headers.get('allow'), 'GET, HEAD');
      }
    }
    const head = await fetch(`${origin}/dist/impact-widgets.js`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.match(head.headers.get('content-type'), /^text\/javascript/);
    assert.equal(await head.text(), '');
  });

  it('sends X-Content-Type-Options: nosniff with every answer, and a CSP with its pages', async () => {
    const answers = [
      ['/demo/', 200, 'html'],
      ['/demo/builder.html', 200, 'html'],
      ['/dist/embed.html', 200, 'html'],
      ['/dist/impact-widgets.js', 200],
      ['/demo/demo.css', 200],
      ['/dist/cambodia-2015.json', 200],
      ['/', 302],
      ['/no-such-file', 404],
      ['/demo/%', 404],
      ['/demo-api/signups', 405],
      ['/demo-api/card-image?tag=impact-stat', 400],
      ['/demo-api/card-image?tag=impact-stat&as=svg', 200],
    ];
    for (const [path, status, html] of answers) {
      const response = await fetch(`${origin}${path}`, { redirect: 'manual' });
      assert.equal(response.status, status, path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      const csp = response.headers.get('content-security-policy');
      if (html) assert.match(csp ?? '', /default-src 'self'/, path);
      else assert.equal(csp, null, path);
    }
    const post = await fetch(`${origin}/demo/`, { method: 'POST' });
    assert.equal(post.headers.get('x-content-type-options'), 'nosniff');
  });
});

describe('the stand-in sign-up endpoint, /demo-api/signups', () => {
  it('takes a JSON sign-up: 201 with a small JSON body that repeats none of its details', async () => {
    const body = signup();
    const answer = await post(body);
    assert.equal(answer.status, 201);
    assert.match(answer.headers.get('content-type'), /^application\/json/);
    assert.deepEqual(answer.json(), {
      ok: true,
      submissionId: body.submissionId,
      duplicate: false,
    });
  });

  it('takes a urlencoded sign-up (data-encoding="form")', async () => {
    const body = signup();
    const answer = await post(body, 'application/x-www-form-urlencoded;charset=UTF-8');
    assert.equal(answer.status, 201);
    assert.equal(answer.json().submissionId, body.submissionId);
  });

  it('answers a resent submission id with success, and counts it once', async () => {
    const body = signup();
    assert.equal((await post(body)).status, 201);
    // A retry after a lost answer, or a queued resend, carries the same id and the same fields.
    const again = await post(body);
    assert.ok(again.status >= 200 && again.status < 300, `status ${again.status}`);
    assert.deepEqual(again.json(), { ok: true, submissionId: body.submissionId, duplicate: true });
    const counted = output()
      .split('\n')
      .filter((line) => line === `demo sign-up received: ${body.submissionId}`);
    assert.equal(counted.length, 1, output());
  });

  it('refuses an invalid email with 400 {error, field: "email"}', async () => {
    for (const email of ['not an address', 'reader@localhost', 'two@@example.org', '']) {
      const answer = await post(signup({ email }));
      assert.equal(answer.status, 400, email);
      const { error, field } = answer.json();
      assert.equal(field, 'email', email);
      assert.ok(typeof error === 'string' && error.length > 0);
    }
  });

  it('refuses a missing or blank name with 400 {error, field: "name"}', async () => {
    const noName = signup();
    delete noName.name;
    for (const body of [noName, signup({ name: '   ' }), signup({ name: 42 })]) {
      const answer = await post(body);
      assert.equal(answer.status, 400);
      const { error, field } = answer.json();
      assert.equal(field, 'name');
      assert.ok(typeof error === 'string' && error.length > 0);
    }
  });

  it('refuses a body that is not a sign-up object with 400 and an error', async () => {
    for (const text of ['{"name": "Trunc', '[]', 'null']) {
      const answer = await post(text);
      assert.equal(answer.status, 400, text);
      assert.ok(answer.json().error, text);
    }
  });

  it('refuses any method but POST with 405 and Allow: POST', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const answer = await fetch(`${origin}/demo-api/signups`, { method });
      assert.equal(answer.status, 405, method);
      assert.equal(answer.headers.get('allow'), 'POST');
      assert.ok((await answer.json()).error);
    }
  });

  it('refuses a body over its limit with 413, whether its length is declared or not', async () => {
    const big = signup({ pageUrl: `http://localhost/?${'x'.repeat(64 * 1024)}` });
    const declared = await post(big);
    assert.equal(declared.status, 413);
    assert.ok(declared.json().error);
    // Streamed in chunks, with no Content-Length to go by.
    const bytes = new TextEncoder().encode(JSON.stringify(big));
    const streamed = await post('', 'application/json', {
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 4096) controller.enqueue(bytes.slice(i, i + 4096));
          controller.close();
        },
      }),
      duplex: 'half',
    });
    assert.equal(streamed.status, 413);
    // The endpoint still answers the next sign-up.
    assert.equal((await post(signup())).status, 201);
  });

  it('refuses an unknown content type with 415', async () => {
    for (const type of ['text/plain', 'multipart/form-data; boundary=x', 'application/xml']) {
      const answer = await post(JSON.stringify(signup()), type);
      assert.equal(answer.status, 415, type);
      assert.ok(answer.json().error);
    }
  });

  it('writes no name or email to its output, only submission ids', () => {
    assert.ok(typed.length > 20);
    for (const value of typed.filter((v) => typeof v === 'string' && v.trim())) {
      assert.ok(!output().includes(value), `the server's output contains "${value}"`);
    }
    assert.match(output(), /demo sign-up received: [\w-]+/);
  });
});

describe("the embed builder's image cards, /demo-api/card-image", () => {
  const study = JSON.parse(readFileSync(new URL('dist/cambodia-2015.json', ROOT), 'utf8'));
  const image = (query) => fetch(`${origin}/demo-api/card-image?${new URLSearchParams(query)}`);

  /** A PNG's size, from its IHDR chunk: the first, right after the 8-byte signature. */
  function pngSize(bytes) {
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
    return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
  }

  it('draws a PNG at the width asked, as an attachment named for the item, with its alt text', async () => {
    const [stat] = study.stats;
    for (const [width, height] of [
      [1200, 630],
      [600, 315],
    ]) {
      const response = await image({ tag: 'impact-stat', id: stat.id, as: 'png', width });
      assert.equal(response.status, 200, await response.clone().text());
      assert.equal(response.headers.get('content-type'), 'image/png');
      assert.equal(
        response.headers.get('content-disposition'),
        `attachment; filename="impact-stat-${stat.id}.png"`,
      );
      assert.deepEqual(pngSize(Buffer.from(await response.arrayBuffer())), [width, height]);
      const alt = decodeURIComponent(response.headers.get('x-alt-text'));
      assert.ok(alt.includes(stat.label), alt);
    }
  });

  it('draws an SVG whose title is the alt text, from a document this server serves', async () => {
    const [cta] = study.ctas;
    const response = await image({
      tag: 'fundraise-cta',
      src: `${origin}/dist/cambodia-2015.json`,
      id: cta.id,
      as: 'svg',
      theme: 'dark',
      'data-raised': '1200',
      'data-goal': '5000',
    });
    const svg = await response.text();
    assert.equal(response.status, 200, svg);
    assert.equal(response.headers.get('content-type'), 'image/svg+xml');
    assert.equal(
      response.headers.get('content-disposition'),
      `attachment; filename="fundraise-cta-${cta.id}.svg"`,
    );
    // One root <svg> element, 1200×630, closed at the end.
    assert.match(
      svg,
      /^<svg [^>]*\bwidth="1200" height="630"[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/,
    );
    assert.ok(svg.trimEnd().endsWith('</svg>'));
    const title = /<title>([^<]*)<\/title>/.exec(svg)[1].replaceAll('&amp;', '&');
    const alt = decodeURIComponent(response.headers.get('x-alt-text'));
    assert.equal(title, alt);
    assert.ok(alt.startsWith(cta.heading), alt);
    // The builder's attributes reach the card: its progress bar.
    assert.match(alt, /1,200/);
  });

  it('answers bad input with 400 and one line saying why', async () => {
    for (const [query, reason] of [
      [{ tag: 'impact-nope', as: 'png' }, /unknown element "impact-nope"/],
      [{ tag: 'impact-stat', id: 'no-such-stat', as: 'png' }, /^id: .*no-such-stat/],
      [{ tag: 'impact-stat', as: 'html' }, /as "html" is not one of png, svg/],
      [{ tag: 'impact-stat' }, /as is missing/],
      [{ tag: 'impact-stat', as: 'png', theme: 'auto' }, /light or dark/],
      [{ tag: 'impact-stat', as: 'png', width: '12' }, /width "12"/],
      [{ tag: 'impact-stat', as: 'png', output: '/tmp/x.png' }, /unknown parameter "output"/],
      [{ tag: 'impact-stat', as: 'png', src: '/package.json' }, /\/package\.json: /],
    ]) {
      const response = await image(query);
      const text = await response.text();
      assert.equal(response.status, 400, JSON.stringify(query));
      assert.match(response.headers.get('content-type'), /^text\/plain/);
      assert.match(text, reason);
      assert.equal(text.trimEnd().split('\n').length, 1, text);
    }
  });

  it("refuses a document over 1 MB, or a text over 2,000 characters, in the command's words", async (t) => {
    const fixture = JSON.parse(readFileSync(new URL('test/fixtures/study.json', ROOT), 'utf8'));
    const quotes = Array.from({ length: 1200 }, (_, i) => ({
      ...fixture.quotes[0],
      id: `quote-${i}`,
      text: 'word '.repeat(200),
    }));
    const long = structuredClone(fixture);
    long.stats[1].label = 'x'.repeat(200_000);
    // Documents this server serves, so the route reads them: under the project, for this test only.
    const cases = [
      [{ ...fixture, quotes }, 'the document is over 1,000,000 bytes (1 MB)'],
      [long, '$.stats[1].label is 200,000 characters long'],
    ];
    for (const [document, reason] of cases) {
      const name = `test/fixtures/capped-${randomUUID()}.json`;
      const file = new URL(name, ROOT);
      writeFileSync(file, JSON.stringify(document));
      t.after(() => rmSync(file, { force: true }));
      const response = await image({ tag: 'impact-stat', src: `/${name}`, as: 'svg' });
      const text = await response.text();
      assert.equal(response.status, 400, text);
      assert.equal(text.trimEnd().split('\n').length, 1, text);
      assert.ok(text.startsWith(`src /${name}: ${reason}`), text);
      // The command refuses the same file in the same words.
      const command = spawnSync(
        process.execPath,
        ['bin/impact-widgets.mjs', 'snapshot', 'impact-stat', '--src', fileURLToPath(file)],
        { cwd: ROOT, encoding: 'utf8' },
      );
      assert.equal(command.status, 2);
      assert.equal(
        command.stderr.slice(command.stderr.indexOf(': ', 'impact-widgets: '.length)),
        text.slice(text.indexOf(': ')),
      );
    }
  });

  it('fetches no URL a request names, and reads no file outside the project', async () => {
    let requests = 0;
    const elsewhere = createHttpServer((request, response) => {
      requests += 1;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(study));
    }).listen(0, '127.0.0.1');
    await once(elsewhere, 'listening');
    try {
      const url = `http://127.0.0.1:${elsewhere.address().port}/study.json`;
      for (const src of [
        url,
        `${url.replace('http:', 'https:')}`,
        '/../../../../etc/passwd',
        '/node_modules/lit/package.json',
      ]) {
        const response = await image({ tag: 'impact-stat', src, as: 'svg' });
        assert.equal(response.status, 400, src);
        assert.match(await response.text(), /not on this server|no such document/, src);
      }
      assert.equal(requests, 0, 'the endpoint fetched the URL it was given');
    } finally {
      elsewhere.close();
    }
  });
});

describe("the demo's pages in Chromium, under the server's Content-Security-Policy", () => {
  let browser;
  before(async () => {
    browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  });
  after(() => browser?.close());

  /** A page of the server, with every CSP violation and page error it meets recorded. */
  async function open(path) {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    await page.exposeFunction('reportViolation', (violation) => problems.push(violation));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        window.reportViolation(`${event.effectiveDirective} refused ${event.blockedURI}`),
      ),
    );
    const response = await page.goto(`${origin}${path}`);
    assert.ok(response.headers()['content-security-policy'], `${path} has no CSP`);
    return { page, problems };
  }

  it('enforce it: an inline script on the page is refused', async () => {
    const { page, problems } = await open('/demo/');
    try {
      const ran = await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.inlineRan = true';
        document.head.append(script);
        return window.inlineRan === true;
      });
      assert.equal(ran, false);
      // The violation is reported as an event, after the script was refused.
      for (let tries = 0; tries < 40 && !problems.length; tries += 1) await page.waitForTimeout(50);
      assert.ok(
        problems.some((problem) => problem.startsWith('script-src')),
        problems.join('\n'),
      );
    } finally {
      await page.close();
    }
  });

  it('the demo page: every card renders and a sign-up goes through, nothing refused', async () => {
    const { page, problems } = await open('/demo/');
    try {
      for (const tag of ['impact-stat', 'study-quote', 'fundraise-cta']) {
        await page.locator(`${tag} [part~="card"]`).first().waitFor();
      }
      const cta = page.locator('fundraise-cta').first();
      await cta.locator('[part~="button"]').click();
      await cta.locator('input[name="name"]').fill('Demo Reader');
      await cta.locator('input[name="email"]').fill(`csp-${randomUUID()}@example.org`);
      await cta.locator('form button').click();
      await cta.locator('[part~="success"]').waitFor();
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  it('the embed builder: each element and snippet, a loaded document, a paste and the image, nothing refused', async () => {
    const { page, problems } = await open('/demo/builder.html');
    try {
      const builder = page.locator('embed-builder');
      await builder.locator('[part~="snippet"]').waitFor();
      await builder.locator('input[name="src"]').fill('/dist/cambodia-2015.json');
      await builder.locator('input[name="src"]').press('Enter');
      await builder.locator('[part~="message"]', { hasText: /loaded/i }).waitFor();
      for (const tag of ['impact-stat', 'study-quote', 'fundraise-cta']) {
        await builder.locator('select[name="element"]').selectOption(tag);
        for (const snippet of ['module', 'classic', 'prerendered', 'iframe']) {
          await builder.locator('select[name="snippet"]').selectOption(snippet);
          await builder.locator(`[part~="preview"] ${tag}`).waitFor({ state: 'attached' });
        }
        // The image, drawn by /demo-api/card-image, and its alt text.
        await builder.locator('[part~="alt"]').waitFor();
      }
      await builder
        .locator('textarea')
        .fill(
          '<form action="https://formspree.io/f/xyzzy" method="POST"><input type="email" name="email"></form>',
        );
      await builder.getByRole('button', { name: 'Fill in from the pasted code' }).click();
      await builder.locator('[part~="recognised"]', { hasText: /formspree/i }).waitFor();
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});

describe("the bench's server, which finds files with the demo server's fileFor", () => {
  it('still serves the bench pages, the demo and dist/, and no dotfile', async () => {
    const { startServer } = await import(new URL('bench/server.mjs', ROOT).href);
    const bench = await startServer();
    try {
      for (const path of [
        '/bench/pages/blank.html',
        '/bench/pages/stats.js',
        '/demo/',
        '/demo/demo.css',
        '/dist/impact-widgets.js',
        '/dist/cambodia-2015.json',
      ]) {
        assert.equal((await fetch(`${bench.origin}${path}`)).status, 200, path);
      }
      for (const path of ['/.ci/run', '/%2egitignore', '/dist/../.ci/run']) {
        assert.equal((await fetch(`${bench.origin}${path}`)).status, 404, path);
      }
    } finally {
      await bench.close();
    }
  });
});
