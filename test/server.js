/**
 * The test server's own routes, mounted into web-test-runner as koa middleware, so every browser
 * test talks to real HTTP on loopback instead of a stubbed `fetch`.
 *
 *   GET  /fixtures/study.json?…      the fixture document (any query string, to get a fresh cache key);
 *                                    &locale=TAG gives it that study.locale
 *   GET  /fixtures/languages.json?marked=km,ar  test/fixtures/languages.json (UDHR texts in en, fr,
 *                                    km, ar); with marked, test words for those languages in its
 *                                    messages: each element's English words in brackets (test/marked-words.mjs)
 *   GET  /fixtures/as-text.json      the same document served as text/plain
 *   GET  /fixtures/malformed.json    a truncated JSON body
 *   GET  /fixtures/bad-value.json    valid JSON whose stats[2].value is the string "2,2"
 *   GET  /fixtures/page.json         an HTML error page with status 200
 *   GET  /fixtures/status/:code      an empty answer with that status (404, 500, 503 …)
 *   GET  /fixtures/slow.json?ms=N    the document after N milliseconds
 *   GET  /fixtures/trickle.json?ms=N the document a byte at a time over N ms (default 30 s)
 *   GET  /fixtures/cross-origin      {url}: the document on a second loopback origin that sends no CORS headers;
 *                                    the same origin serves /cors/study.json and /cors/services-study.json?form=…
 *                                    with CORS headers, and counts its hits under their full URL (/api/hits)
 *   GET  /fixtures/services          {origin}: the sign-up service stand-ins' origin (see `services` below)
 *   GET  /fixtures/closed-port       {url}: a loopback URL where nothing listens (connection refused)
 *   GET  /fixtures/services-study.json  the fixture document whose call to action signs up with the
 *                                    Formspree stand-in, with consent words, a privacy notice and a contact
 *   POST /                           the Netlify stand-in: Netlify takes a site's forms at any path of
 *                                    the site itself; form-name "undetected-form" answers its 404 page
 *   GET  /api/service-log?key=…      what the stand-ins received (method, url, headers, body) mentioning key
 *   GET  /fixtures/hostile/NAME      hostile documents: big (2 MB), many (10,000 stats), deep (nested
 *                                    100,000 levels), proto and protovalue (__proto__/constructor keys), utf8 (invalid
 *                                    UTF-8 bytes), markup (<script>, <img onerror>, javascript: URLs),
 *                                    bidi (the text fields of a stat, the quotes, a call to action and
 *                                    the study open with an unclosed PDI and RLO)
 *   GET  /fixtures/hostile/quotes/NAME  the same, in a quote; /fixtures/hostile/ctas/NAME in a call to
 *                                    action (deep is the same document for every element)
 *   GET  /api/hits?path=…            how many times a path (with its query) was requested
 *   POST /api/signups?status=N&…     records the body; answers N (default 201) with ?body=… as JSON
 *                                    (or as ?type=…), and ?retry-after=… as that header
 *   GET  /api/received?key=…         the recorded POSTs whose body mentions key
 *   POST /api/reset                  forgets hits and POSTs
 *   GET  /api/cookies                {cookie}: the Cookie header the request came with ('' for none)
 *   POST /demo-api/signups           the demo's stand-in sign-up endpoint, the one `npm start` serves
 *                                    (scripts/demo-signups.mjs; its log line is dropped here)
 *   GET  /demo-api/card-image?…      the embed builder's image cards, as `npm start` serves them
 *                                    (scripts/demo-card-image.mjs), reading documents from this project
 *   GET  /demo/index.html?first=NAME the demo as served, with test/pages/NAME.js as its first script
 *   GET  /pages/NAME.html?csp=strict test/pages/NAME.html, under the strict partner CSP when asked
 *                                    (csp=lit-html: also allows the host's own lit-html policy;
 *                                    csp=services: connect-src also names the stand-ins' origin)
 *   GET  /built/FILE                 dist/FILE exactly as built (no dev-server transforms); also builder/FILE
 *   GET  /recorded/FILE              dist/FILE under the strict CSP; an HTML file with test/pages/record.js
 *                                    and axe-core first (for dist/embed.html, whose query string is its
 *                                    own); under /recorded/without-bundle/ the same, but no bundle
 *   GET  /recorded/open-web/FILE     the same, with connect-src in both policies also open to http://127.0.0.1:*
 *                                    (loopback standing in for the https: that embed.html's own policy allows)
 *   GET  /recorded/open-web/META/FILE  the same, with <meta name="impact-widgets-sources" content="META">
 *                                    (META URL-encoded) in the page's head
 *   GET  /pages/snippet?html=…       a blank page with the given markup pasted into its body (the embed
 *                                    builder's snippet, a README snippet); &csp=strict or &csp=services as
 *                                    above, &script=blocked runs no script (with or without a csp)
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createCardImages } from '../scripts/demo-card-image.mjs';
import { createDemoSignups } from '../scripts/demo-signups.mjs';
import { languagesDocument } from './marked-words.mjs';

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
  bidi() {
    // Every text field of the first stat, both quotes, the call to action and the study opens
    // with a PDI and a right-to-left override (U+2069 U+202E), and never closes them.
    const document = JSON.parse(fixture);
    const hostile = (item, fields) => {
      for (const field of fields) item[field] = `\u2069\u202e${item[field]}`;
    };
    const [stat] = document.stats;
    const [cta] = document.ctas;
    hostile(stat, ['label', 'context']);
    hostile(stat.baseline, ['label']);
    hostile(stat.source, ['label']);
    for (const quote of document.quotes) hostile(quote, ['text', 'author', 'role']);
    hostile(cta, ['heading', 'body']);
    hostile(cta.button, ['label']);
    hostile(cta.signup, ['success']);
    hostile(cta.signup.guide, ['label']);
    hostile(document.study, ['title']);
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
/** The demo's own routes (scripts/serve.mjs mounts the same), each answering `{status, headers, body}`. */
const DEMO_ROUTES = {
  '/demo-api/signups': createDemoSignups({ log: () => {} }),
  '/demo-api/card-image': createCardImages({ root: fileURLToPath(new URL('..', import.meta.url)) }),
};
/** Every request a sign-up service stand-in received. */
const serviceLog = [];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A second origin: with no CORS headers, the browser must refuse it to a page on the first; under
 * /cors/ (study.json, services-study.json) it allows any origin, so that only the page itself can
 * keep a document from there. Its hits count under its full URL.
 */
const crossOrigin = createServer(async (request, response) => {
  const url = `http://127.0.0.1:${crossOrigin.address().port}${request.url}`;
  hits.set(url, (hits.get(url) ?? 0) + 1);
  const { pathname, searchParams } = new URL(url);
  const cors = pathname.startsWith('/cors/');
  response.writeHead(200, {
    'content-type': 'application/json',
    ...(cors && { 'access-control-allow-origin': '*' }),
  });
  response.end(
    pathname === '/cors/services-study.json'
      ? await servicesStudy(searchParams.get('form'))
      : fixture,
  );
});
const crossOriginReady = new Promise((resolve) => {
  crossOrigin.listen(0, '127.0.0.1', () => resolve(crossOrigin.address().port));
});
crossOrigin.unref();

/**
 * Stand-ins for the sign-up services, on a second loopback origin, each answering as its
 * documentation (and /work/shared/research/signup-providers.md) says the real one does. What
 * matters most is CORS: Mailchimp's /subscribe/post, Google Forms, Brevo and Salesforce send no
 * CORS header, so a page can only post to them blind; Formspree, HubSpot, Basin and Kit answer the
 * preflight and let the page read their answers. Error bodies and status codes are the services'
 * own shapes; a service's own limits are reached through reserved ids (`missing`, `limited`) and
 * addresses at `.invalid`, which the real services refuse as undeliverable.
 *
 *   POST /mailchimp/subscribe/post?u=U&id=ID       HTML "Almost finished" page, no CORS
 *   POST /google/forms/d/e/ID/formResponse          HTML page, no CORS
 *   POST /brevo/serve/HASH                          HTML page, no CORS
 *   POST /salesforce/servlet/servlet.WebToLead      HTML page, no CORS
 *   POST /formspree/f/ID                            {next, ok}; 400 {error, errors[{code, field, message}]};
 *                                                   404 FORM_NOT_FOUND (ID missing); 429 (ID limited);
 *                                                   a 302 to an HTML page without Accept: application/json
 *   POST /hubspot/submissions/v3/integration/submit/PORTAL/GUID
 *                                                   {inlineMessage}; 400 {status, message, errors[{message:
 *                                                   "Error in 'fields.email'. …", errorType}]} for a bad
 *                                                   address or a field the form does not define; 404 (GUID
 *                                                   missing); 429 with a Retry-After it does not expose
 *                                                   (PORTAL limited)
 *   POST /basin/f/ID                                {success}; 422 {error} for a bad address
 *   POST /kit/forms/ID/subscriptions                {status: "success"}
 */
const NO_CORS = ['/mailchimp/', '/google/', '/brevo/', '/salesforce/'];
/** The fields the HubSpot stand-in's form defines; new HubSpot forms refuse any other. */
const HUBSPOT_FIELDS = ['email', 'firstname', 'lastname', 'submission_id'];

function parseBody(type = '', text) {
  if (type.startsWith('application/json')) {
    try {
      return JSON.parse(text);
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}

const services = createServer(async (request, response) => {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  const body = Buffer.concat(chunks).toString('utf8');
  const { headers, method } = request;
  const url = new URL(request.url, 'http://stand-in');
  const pick = (...names) => Object.fromEntries(names.map((name) => [name, headers[name] ?? '']));
  serviceLog.push({
    method,
    url: request.url,
    headers: pick('origin', 'content-type', 'accept', 'sec-fetch-mode', 'sec-fetch-dest'),
    body,
  });
  const cors = !NO_CORS.some((prefix) => url.pathname.startsWith(prefix));
  const allow = cors && headers.origin ? { 'access-control-allow-origin': headers.origin } : {};
  const answer = (status, data, extra = {}) => {
    const html = typeof data === 'string';
    response.writeHead(status, {
      'content-type': html ? 'text/html; charset=utf-8' : 'application/json',
      ...allow,
      ...extra,
    });
    response.end(html ? data : JSON.stringify(data));
  };
  const page = (title) => `<!doctype html><title>${title}</title><h1>${title}</h1>`;
  if (method === 'OPTIONS') {
    // Only the services that document cross-origin requests answer a preflight.
    if (!cors) return answer(403, page('Forbidden'));
    return answer(204, '', {
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': headers['access-control-request-headers'] ?? '',
    });
  }
  if (method !== 'POST') return answer(405, page('Method Not Allowed'));
  const fields = parseBody(headers['content-type'], body);
  const parts = url.pathname.split('/');
  const bad = (address) => String(address ?? '').endsWith('.invalid');
  switch (parts[1]) {
    case 'mailchimp':
      return answer(200, page('Almost finished... We need to confirm your email address.'));
    case 'google':
      return answer(200, page('Your response has been recorded.'));
    case 'brevo':
      return answer(200, page('Your subscription has been successful.'));
    case 'salesforce':
      return answer(200, page('Thank you'));
    case 'formspree': {
      if (!/application\/json/.test(headers.accept ?? '')) {
        return answer(302, page('Thanks!'), { location: '/formspree/thanks' });
      }
      const id = parts[3];
      if (id === 'missing') {
        return answer(404, {
          error: 'Form not found',
          errors: [{ code: 'FORM_NOT_FOUND', message: 'Form not found' }],
        });
      }
      if (id === 'limited') return answer(429, { error: 'Too Many Requests' });
      if (bad(fields.email)) {
        return answer(400, {
          error: 'Validation errors',
          errors: [{ code: 'TYPE_EMAIL', field: 'email', message: 'should be an email' }],
        });
      }
      return answer(200, { next: '/thanks', ok: true });
    }
    case 'hubspot': {
      const [portal, guid] = parts.slice(-2);
      if (guid === 'missing') return answer(404, { status: 'error', message: 'Not Found' });
      // HubSpot documents the limit, not its headers: Retry-After goes unexposed to the page.
      if (portal === 'limited') {
        return answer(
          429,
          { status: 'error', message: 'You have reached your ten_secondly_rolling limit.' },
          { 'retry-after': '3' },
        );
      }
      const sent = Array.isArray(fields.fields) ? fields.fields : [];
      const errors = sent.flatMap(({ name, value }) =>
        !HUBSPOT_FIELDS.includes(name)
          ? [
              {
                message: `Error in 'fields.${name}'. This field was not defined in the form definition.`,
                errorType: 'FIELD_NOT_IN_FORM_DEFINITION',
              },
            ]
          : name === 'email' && bad(value)
            ? [
                {
                  message: "Error in 'fields.email'. Invalid email address",
                  errorType: 'INVALID_EMAIL',
                },
              ]
            : [],
      );
      if (errors.length) {
        return answer(400, {
          status: 'error',
          message: 'The request is not valid',
          correlationId: '00000000-0000-4000-8000-000000000000',
          errors,
        });
      }
      return answer(200, { inlineMessage: 'Thanks for submitting the form.' });
    }
    case 'basin':
      if (bad(fields.email)) return answer(422, { error: 'Email address is not valid' });
      return answer(200, { success: true });
    case 'kit':
      return answer(200, { status: 'success', redirect_url: '' });
  }
  return answer(404, page('Not Found'));
});
const servicesReady = new Promise((resolve) => {
  services.listen(0, '127.0.0.1', () => resolve(services.address().port));
});
services.unref();
void servicesReady.then((port) => {
  CSP.services = STRICT_CSP.replace(
    "connect-src 'self'",
    `connect-src 'self' http://127.0.0.1:${port}`,
  );
});

/** The fixture document whose call to action signs up with the Formspree stand-in's form FORM. */
async function servicesStudy(form) {
  const document = JSON.parse(fixture);
  Object.assign(document.ctas[0].signup, {
    endpoint: `http://127.0.0.1:${await servicesReady}/formspree/f/${form ?? 'xdoc'}`,
    provider: 'formspree',
    fields: 'name:full_name',
    consent: 'Yes, email me about starting a fundraiser.',
    privacyUrl: 'https://example.org/privacy',
    contact: { label: 'Write to the fundraising team', url: 'mailto:team@example.org' },
  });
  return JSON.stringify(document);
}

/** A loopback port where nothing listens: a request there is refused before it leaves. */
async function closedPort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

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
      case '/fixtures/study.json': {
        if (!query.locale) return send(ctx, 200, fixture);
        const document = JSON.parse(fixture);
        document.study.locale = String(query.locale);
        return send(ctx, 200, JSON.stringify(document));
      }
      case '/fixtures/languages.json': {
        const marked = String(query.marked ?? '')
          .split(',')
          .filter(Boolean);
        return send(ctx, 200, JSON.stringify(languagesDocument(marked)));
      }
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
      case '/fixtures/services':
        return send(
          ctx,
          200,
          JSON.stringify({ origin: `http://127.0.0.1:${await servicesReady}` }),
        );
      case '/fixtures/closed-port':
        return send(ctx, 200, JSON.stringify({ url: `http://127.0.0.1:${await closedPort()}/` }));
      case '/fixtures/services-study.json':
        return send(ctx, 200, await servicesStudy(query.form));
      case '/api/service-log': {
        const key = String(query.key ?? '');
        return send(
          ctx,
          200,
          JSON.stringify(serviceLog.filter((r) => r.url.includes(key) || r.body.includes(key))),
        );
      }
      case '/pages/snippet': {
        if (query.csp === 'services') await servicesReady;
        // Scripts blocked as a policy of its own, which the browser enforces beside any other.
        const policies = [
          Object.hasOwn(CSP, query.csp ?? '') && CSP[query.csp],
          query.script === 'blocked' && "script-src 'none'",
        ].filter(Boolean);
        if (policies.length) ctx.set('content-security-policy', policies.join(', '));
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
    const recorded =
      /^\/recorded\/(?:(without-bundle\/)|(open-web\/)(?:([^/]+)\/)?)?([\w.-]+\.(html|js|css|map))$/.exec(
        path,
      );
    if (recorded) {
      const [, withoutBundle, openWeb, sources, name, extension] = recorded;
      if (withoutBundle && name.startsWith('impact-widgets.')) {
        return send(ctx, 404, '', 'text/plain');
      }
      let body;
      try {
        body = readFileSync(new URL(`../dist/${name}`, import.meta.url), 'utf8');
      } catch {
        return send(ctx, 404, 'no such file', 'text/plain');
      }
      // The loopback origins stand in for the https: origins embed.html's own policy allows.
      const open = (policy) =>
        openWeb ? policy.replace(/connect-src [^;"]*/, '$& http://127.0.0.1:*') : policy;
      ctx.set('content-security-policy', open(STRICT_CSP));
      if (extension === 'html') {
        const first = ['/pages/record.js', '/node_modules/axe-core/axe.min.js'];
        const scripts = first.map((src) => `<script src="${src}"></script>`).join('');
        const content =
          sources && decodeURIComponent(sources).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
        const meta = content ? `<meta name="impact-widgets-sources" content="${content}">` : '';
        body = open(body).replace('<head>', `<head>\n${scripts}${meta}`);
      }
      return send(ctx, 200, body, TYPES[`.${extension}`]);
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
        if (query.csp === 'services') await servicesReady;
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
    if (query['retry-after']) ctx.set('retry-after', String(query['retry-after']));
    return send(
      ctx,
      Number(query.status ?? 201),
      query.body ?? JSON.stringify({ ok: true }),
      query.type ?? 'application/json',
    );
  }
  if (method === 'POST' && path === '/') {
    // The Netlify stand-in: the site itself takes the post, same-origin, and answers HTML.
    const body = await readBody(ctx);
    serviceLog.push({
      method,
      url,
      headers: {
        origin: ctx.get('origin'),
        'content-type': ctx.get('content-type'),
        accept: ctx.get('accept'),
        'sec-fetch-mode': ctx.get('sec-fetch-mode'),
        'sec-fetch-dest': ctx.get('sec-fetch-dest'),
      },
      body,
    });
    const name = new URLSearchParams(body).get('form-name');
    // A form Netlify did not detect at deploy time gets the site's 404 page.
    if (!name || name === 'undetected-form') {
      return send(ctx, 404, '<!doctype html><title>Page not found</title>', 'text/html');
    }
    return send(
      ctx,
      200,
      '<!doctype html><title>Success</title><h1>Thank you! Your form submission has been received.</h1>',
      'text/html',
    );
  }
  if (Object.hasOwn(DEMO_ROUTES, path)) {
    const { status, headers, body } = await DEMO_ROUTES[path](ctx.req);
    ctx.set(headers);
    return send(ctx, status, body, headers['content-type']);
  }
  if (method === 'POST' && path === '/api/reset') {
    hits.clear();
    received.length = 0;
    serviceLog.length = 0;
    return send(ctx, 204, '');
  }
  return next();
}
