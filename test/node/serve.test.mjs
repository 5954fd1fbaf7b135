/**
 * `npm start`'s server (scripts/serve.mjs, started with `--no-build`) over real HTTP: it serves the
 * demo, and its stand-in sign-up endpoint `/demo-api/signups` answers as a real endpoint of the
 * `<fundraise-cta>` contract would, and never writes a name or an email to its output; the embed
 * builder's image cards `/demo-api/card-image` are the command's images, and fetch nothing.
 * Needs `npm run build` first (dist/snapshot.mjs).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';

const ROOT = new URL('../../', import.meta.url);

/** A port nobody listens on right now. */
async function freePort() {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address();
  probe.close();
  await once(probe, 'close');
  return port;
}

let server;
let origin;
let output = '';
/** Every name and email this file sends, good or bad: none may reach the server's output. */
const typed = [];

before(async () => {
  server = spawn(process.execPath, ['scripts/serve.mjs', '--no-build'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(await freePort()) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.on('data', (chunk) => (output += chunk));
  server.stderr.on('data', (chunk) => (output += chunk));
  // The server prints its URL (the next port, should ours have been taken meanwhile).
  const started = Date.now();
  while (!/localhost:\d+\/demo\//.test(output)) {
    assert.equal(server.exitCode, null, `the server exited:\n${output}`);
    assert.ok(Date.now() - started < 15_000, `the server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  origin = `http://localhost:${/localhost:(\d+)\/demo\//.exec(output)[1]}`;
});

after(async () => {
  server.kill();
  if (server.exitCode === null) await once(server, 'exit');
});

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
  it('serves the demo page and sends / there', async () => {
    const page = await fetch(`${origin}/demo/`);
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
    const counted = output
      .split('\n')
      .filter((line) => line === `demo sign-up received: ${body.submissionId}`);
    assert.equal(counted.length, 1, output);
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
      assert.ok(!output.includes(value), `the server's output contains "${value}"`);
    }
    assert.match(output, /demo sign-up received: [\w-]+/);
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
