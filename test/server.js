/**
 * The test server's own routes, mounted into web-test-runner as koa middleware, so every browser
 * test talks to real HTTP on loopback instead of a stubbed `fetch`.
 *
 *   GET  /fixtures/study.json?…      the fixture document (any query string, to get a fresh cache key)
 *   GET  /fixtures/as-text.json      the same document served as text/plain
 *   GET  /fixtures/malformed.json    a truncated JSON body
 *   GET  /fixtures/bad-value.json    valid JSON whose stats[2].value is the string "2,2"
 *   GET  /fixtures/page.json         an HTML error page with status 200
 *   GET  /fixtures/status/:code      an empty answer with that status (404, 500, 503 …)
 *   GET  /fixtures/slow.json?ms=N    the document after N milliseconds
 *   GET  /fixtures/trickle.json?ms=N the document a byte at a time over N ms (default 30 s)
 *   GET  /fixtures/cross-origin      {url}: the document on a second loopback origin that sends no CORS headers
 *   GET  /fixtures/hostile/NAME      hostile documents: big (2 MB), many (10,000 stats), deep (nested
 *                                    100,000 levels), proto and protovalue (__proto__/constructor keys), utf8 (invalid
 *                                    UTF-8 bytes), markup (<script>, <img onerror>, javascript: URLs)
 *   GET  /fixtures/hostile/quotes/NAME  the same, in a quote; /fixtures/hostile/ctas/NAME in a call to
 *                                    action (deep is the same document for every element)
 *   GET  /api/hits?path=…            how many times a path (with its query) was requested
 *   POST /api/signups?status=N&…     records the body; answers N (default 201) with ?body=… as JSON
 *   GET  /api/received?key=…         the recorded POSTs whose body mentions key
 *   POST /api/reset                  forgets hits and POSTs
 *   GET  /api/cookies                {cookie}: the Cookie header the request came with ('' for none)
 *   GET  /demo/index.html?first=NAME the demo as served, with test/pages/NAME.js as its first script
 *   GET  /pages/NAME.html?csp=strict test/pages/NAME.html, under the strict partner CSP when asked
 *                                    (csp=lit-html: also allows the host's own lit-html policy)
 *   GET  /built/FILE                 dist/FILE exactly as built (no dev-server transforms); also builder/FILE
 *   GET  /pages/snippet?html=…       a blank page with the given markup pasted into its body (the embed
 *                                    builder's snippet); &csp=strict as above, &script=blocked runs no script
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { PassThrough } from 'node:stream';

/** The strictest policy a partner might send: no inline script or style, Trusted Types enforced. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; " +
  "require-trusted-types-for 'script'; trusted-types impact-widgets";

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** `?csp=NAME` on a page: the strict policy, or the same for a host with its own `lit-html` policy. */
const CSP = {
  strict: STRICT_CSP,
  'lit-html': STRICT_CSP.replace(
    'trusted-types impact-widgets',
    'trusted-types lit-html impact-widgets',
  ),
};

const fixture = readFileSync(new URL('./fixtures/study.json', import.meta.url), 'utf8');

/** Documents that a careless or hostile host could serve, built once on demand. */
const hostile = {
  big() {
    const document = JSON.parse(fixture);
    document.stats[0].context = 'x'.repeat(2 * 1024 * 1024);
    return JSON.stringify(document);
  },
  many() {
    const document = JSON.parse(fixture);
    document.stats = Array.from({ length: 10_000 }, (_, i) => ({
      ...document.stats[1],
      id: `stat-${i}`,
      value: i,
    }));
    return JSON.stringify(document);
  },
  deep() {
    return fixture.replace(
      '"version": 1,',
      `"version": 1, "extra": ${'['.repeat(100_000)}${']'.repeat(100_000)},`,
    );
  },
  proto() {
    // JSON.parse makes these keys own properties, never prototypes.
    return fixture.replace(
      '"id": "households",',
      '"id": "households", "__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}},',
    );
  },
  protovalue() {
    // A value only "inherited" through a __proto__ key is no value.
    return fixture.replace(
      '"id": "reach", "value": 1200000,',
      '"id": "reach", "__proto__": {"value": 5},',
    );
  },
  utf8() {
    const [before, after] = fixture.split('households reached');
    return Buffer.concat([
      Buffer.from(before),
      Buffer.from([0x68, 0xff, 0xfe, 0xc3, 0x28]),
      Buffer.from(after),
    ]);
  },
  markup() {
    const document = JSON.parse(fixture);
    document.stats[0].label = '<script>window.pwned = 1</script>';
    document.stats[0].context = '<img src=x onerror="window.pwned = 2">';
    document.stats[0].source = { label: '<b>bold</b>', url: 'javascript:window.pwned = 3' };
    document.study.title = '<iframe src="javascript:window.pwned = 4"></iframe>';
    return JSON.stringify(document);
  },
};

/** The hostile documents with the hostile values in a quote or a call to action instead of a stat. */
const edited = (change) => {
  const document = JSON.parse(fixture);
  change(document);
  return JSON.stringify(document);
};
const invalidUtf8 = (marker) => {
  const [before, after] = fixture.split(marker);
  return Buffer.concat([
    Buffer.from(before),
    Buffer.from([0x68, 0xff, 0xfe, 0xc3, 0x28]),
    Buffer.from(after),
  ]);
};
const PROTO_KEYS =
  '"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}},';
/**
 * big (2 MB), many (10,000), proto and protovalue (__proto__ keys), utf8 (invalid bytes) for the
 * first item of a kind: its id, the text field the big and many documents fill, and the JSON of a
 * required field the protovalue document hides behind __proto__ and the utf8 document breaks.
 */
function hostileIn(kind, id, field, required, words) {
  return {
    big: () => edited((d) => (d[kind][0][field] = 'x'.repeat(2 * 1024 * 1024))),
    many: () =>
      edited((d) => {
        d[kind] = Array.from({ length: 10_000 }, (_, i) => ({
          ...d[kind][0],
          id: `${kind}-${i}`,
          [field]: `Item ${i}`,
        }));
      }),
    proto: () => fixture.replace(`"id": "${id}",`, `"id": "${id}", ${PROTO_KEYS}`),
    protovalue: () => fixture.replace(`${required},`, `"__proto__": {${required}},`),
    utf8: () => invalidUtf8(words),
  };
}
const hostileItems = {
  quotes: {
    ...hostileIn('quotes', 'first-voice', 'text', '"author": "Ada Fixture"', 'second clause'),
    markup: () =>
      edited((d) => {
        Object.assign(d.quotes[0], {
          text: '<script>window.pwned = 1</script>',
          author: '<img src=x onerror="window.pwned = 2">',
          role: '<b>bold</b>',
          source: { label: '<i>italic</i>', url: 'javascript:window.pwned = 3' },
        });
        d.study.title = '<iframe src="javascript:window.pwned = 4"></iframe>';
      }),
  },
  ctas: {
    ...hostileIn('ctas', 'join', 'heading', '"heading": "Join the fixture"', 'the fixture'),
    markup: () =>
      edited((d) => {
        const [cta] = d.ctas;
        Object.assign(cta, {
          heading: '<script>window.pwned = 1</script>',
          body: '<img src=x onerror="window.pwned = 2">',
          button: { label: '<b>bold</b>', href: 'javascript:window.pwned = 3' },
        });
        cta.signup.success = '<iframe src="javascript:window.pwned = 4"></iframe>';
        cta.signup.guide = { label: '<i>guide</i>', url: 'javascript:window.pwned = 5' };
        // A second one whose only ways on are refused: no button at all.
        d.ctas.push({
          ...cta,
          id: 'refused',
          signup: { ...cta.signup, endpoint: 'javascript:window.pwned = 6' },
        });
      }),
  },
};

const hits = new Map();
const received = [];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A second origin with no CORS headers: the browser must refuse it to a page on the first. */
const crossOrigin = createServer((request, response) => {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(fixture);
});
const crossOriginReady = new Promise((resolve) => {
  crossOrigin.listen(0, '127.0.0.1', () => resolve(crossOrigin.address().port));
});
crossOrigin.unref();

async function readBody(ctx) {
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function send(ctx, status, body, type = 'application/json') {
  ctx.status = status;
  ctx.type = type;
  ctx.body = body;
}

export async function testRoutes(ctx, next) {
  const { method, path, query, url } = ctx;
  if (path.startsWith('/fixtures/') || path.startsWith('/api/signups')) {
    hits.set(url, (hits.get(url) ?? 0) + 1);
  }
  if (method === 'GET') {
    switch (path) {
      case '/fixtures/study.json':
        return send(ctx, 200, fixture);
      case '/fixtures/as-text.json':
        return send(ctx, 200, fixture, 'text/plain');
      case '/fixtures/malformed.json':
        return send(ctx, 200, fixture.slice(0, 120));
      case '/fixtures/bad-value.json': {
        const document = JSON.parse(fixture);
        document.stats[2].value = '2,2';
        return send(ctx, 200, JSON.stringify(document));
      }
      case '/fixtures/page.json':
        return send(
          ctx,
          200,
          '<!doctype html><title>Oops</title><h1>Server error</h1>',
          'text/html',
        );
      case '/fixtures/slow.json':
        await sleep(Number(query.ms ?? 1000));
        return send(ctx, 200, fixture);
      case '/fixtures/trickle.json': {
        // Headers at once, then a body that takes its time: only a timeout that covers reading
        // the body stops this.
        const bytes = Buffer.from(fixture);
        const body = new PassThrough();
        let sent = 0;
        const timer = setInterval(
          () => {
            if (sent < bytes.length) body.write(bytes.subarray(sent, ++sent));
            else body.end();
          },
          Number(query.ms ?? 30_000) / bytes.length,
        );
        body.on('close', () => clearInterval(timer));
        ctx.req.on('close', () => body.destroy());
        return send(ctx, 200, body);
      }
      case '/fixtures/cross-origin':
        return send(
          ctx,
          200,
          JSON.stringify({ url: `http://127.0.0.1:${await crossOriginReady}/study.json` }),
        );
      case '/pages/snippet': {
        const csp =
          query.script === 'blocked' ? "script-src 'none'" : query.csp === 'strict' && STRICT_CSP;
        if (csp) ctx.set('content-security-policy', csp);
        const head =
          '<meta charset="utf-8"><title>Pasted snippet</title><script src="/pages/record.js"></script>';
        return send(
          ctx,
          200,
          `<!doctype html><html lang="en"><head>${head}</head><body>${query.html ?? ''}</body></html>`,
          'text/html',
        );
      }
      case '/api/cookies':
        return send(ctx, 200, JSON.stringify({ cookie: ctx.get('cookie') }));
      case '/api/hits':
        return send(ctx, 200, JSON.stringify({ count: hits.get(query.path) ?? 0 }));
      case '/api/received': {
        const key = String(query.key ?? '');
        return send(ctx, 200, JSON.stringify(received.filter((r) => r.body.includes(key))));
      }
    }
    // Instrumentation must run before the bundle, so it is injected rather than the demo copied.
    if (path === '/demo/index.html' && /^[\w-]+$/.test(query.first ?? '')) {
      const demo = readFileSync(new URL('../demo/index.html', import.meta.url), 'utf8');
      const first = `<head>\n    <script src="/pages/${query.first}.js"></script>`;
      return send(ctx, 200, demo.replace('<head>', first), 'text/html');
    }
    const hostileName = /^\/fixtures\/hostile\/(\w+)$/.exec(path)?.[1];
    if (hostileName && Object.hasOwn(hostile, hostileName))
      return send(ctx, 200, hostile[hostileName]());
    const [, kind, itemName] = /^\/fixtures\/hostile\/(quotes|ctas)\/(\w+)$/.exec(path) ?? [];
    if (kind && Object.hasOwn(hostileItems[kind], itemName))
      return send(ctx, 200, hostileItems[kind][itemName]());
    const file = /^\/(pages|built)\/((?:builder\/)?[\w.-]+)$/.exec(path);
    if (file) {
      const folder = file[1] === 'pages' ? './pages/' : '../dist/';
      try {
        const body = readFileSync(new URL(folder + file[2], import.meta.url));
        if (Object.hasOwn(CSP, query.csp ?? '')) ctx.set('content-security-policy', CSP[query.csp]);
        return send(ctx, 200, body, TYPES[file[2].slice(file[2].lastIndexOf('.'))] ?? 'text/plain');
      } catch {
        return send(ctx, 404, 'no such file', 'text/plain');
      }
    }
    const status = /^\/fixtures\/status\/(\d{3})$/.exec(path);
    if (status) return send(ctx, Number(status[1]), '', 'text/plain');
  }
  if (method === 'POST' && path === '/api/signups') {
    const body = await readBody(ctx);
    received.push({ url, type: ctx.get('content-type'), body });
    if (query.delay) await sleep(Number(query.delay));
    return send(ctx, Number(query.status ?? 201), query.body ?? JSON.stringify({ ok: true }));
  }
  if (method === 'POST' && path === '/api/reset') {
    hits.clear();
    received.length = 0;
    return send(ctx, 204, '');
  }
  return next();
}
