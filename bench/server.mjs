/**
 * The benchmark's own HTTP server, on 127.0.0.1 and an ephemeral port: it serves the built bundle,
 * the bench pages and the demo, and a study document whose answer can be held back (`delay`, for
 * the layout-stability test) and whose requests are counted per `key` (for the shared-data test).
 * Counting on the server, not in the page, is what proves how many requests left the browser.
 * `/demo/late.html?delay=<ms>&key=<key>` is the demo page itself with every element given a
 * `data-src` whose answer takes that long. `/demo/prerendered.html?delay=<ms>` is the demo with every
 * element pre-rendered by the snapshot command's renderer, and its bundle arriving that late.
 * `/bench/pages/first-card.html?mode=prerendered|script` is one card alone on a page, as a snippet
 * or as an element the script renders. Any file under `/dist/` takes `?delay=<ms>` too.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MIME_TYPES } from '../scripts/mime-types.mjs';
import { fileFor } from '../scripts/static-files.mjs';

const ROOT = resolve('.');
/** Only these folders are served: nothing else in the repository is a bench page's business. */
const SERVED = ['/dist/', '/bench/pages/', '/demo/'];
const MAX_DELAY_MS = 5000;
const ELEMENT = /<(impact-stat|study-quote|fundraise-cta)\b([^>]*)>([\s\S]*?)<\/\1>/g;
const CSS_URL = '/dist/impact-widgets.css';

/**
 * Starts the server. `hits(key)` is how many times `/data/study.json?key=<key>` was requested.
 * @returns {Promise<{origin: string, hits: (key: string) => number, close: () => Promise<void>}>}
 */
export async function startServer() {
  // The embedded default document as JSON (written by the build), so fetched and embedded data match.
  const study = readFileSync(join(ROOT, 'dist/cambodia-2015.json'));
  const { snapshot } = await import(pathToFileURL(join(ROOT, 'dist/snapshot.mjs')).href);
  const counts = new Map();
  const sockets = new Set();
  const page = (response, html) => {
    response.writeHead(200, { 'content-type': MIME_TYPES['.html'], 'cache-control': 'no-store' });
    response.end(html);
  };

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const delay = Math.min(Number(url.searchParams.get('delay')) || 0, MAX_DELAY_MS);
    // Cross-origin isolation gives pages 5 µs timers; everything they load is from this origin.
    response.setHeader('cross-origin-opener-policy', 'same-origin');
    response.setHeader('cross-origin-embedder-policy', 'require-corp');
    if (url.pathname === '/data/study.json') {
      const key = url.searchParams.get('key') ?? '';
      counts.set(key, (counts.get(key) ?? 0) + 1);
      setTimeout(() => {
        response.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          // The browser's HTTP cache must not hide a second request from the count.
          'cache-control': 'no-store',
        });
        response.end(study);
      }, delay);
      return;
    }
    if (url.pathname === '/demo/late.html') {
      const src = `/data/study.json?delay=${delay}&amp;key=${encodeURIComponent(url.searchParams.get('key') ?? 'late')}`;
      const demo = readFileSync(join(ROOT, 'demo/index.html'), 'utf8');
      page(
        response,
        demo.replace(
          ELEMENT,
          (_, tag, rest, inner) => `<${tag} data-src="${src}"${rest}>${inner}</${tag}>`,
        ),
      );
      return;
    }
    if (url.pathname === '/demo/prerendered.html') {
      // Each element as `npx impact-widgets snapshot` writes it, with the demo's attributes.
      const demo = readFileSync(join(ROOT, 'demo/index.html'), 'utf8')
        .replace(ELEMENT, (_, tag, rest) => {
          const attributes = Object.fromEntries(
            [...rest.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, name, value]) => [name, value]),
          );
          const { 'data-id': ids, 'data-theme': theme, ...others } = attributes;
          // One item: a snapshot shows the first of several, and the live element then does too.
          const id = ids?.split(/\s+/)[0];
          return snapshot({ tag, id, theme, attributes: others, cssUrl: CSS_URL }).html;
        })
        .replace('src="../dist/impact-widgets.js"', `src="/dist/impact-widgets.js?delay=${delay}"`)
        // The demo reserves a card's height for elements the script has not defined yet, as the
        // README advises for script snippets; a pre-rendered card holds its own place, and a
        // reserve would only change its height when the script defines it.
        .replace('</head>', '<style>impact-stat:not(:defined) { min-height: 0; }</style></head>');
      page(response, demo);
      return;
    }
    if (url.pathname === '/bench/pages/first-card.html') {
      const card =
        url.searchParams.get('mode') === 'prerendered'
          ? snapshot({ tag: 'impact-stat', cssUrl: CSS_URL }).html
          : '<impact-stat data-id="minors-2015"></impact-stat>';
      page(
        response,
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>impact-widgets bench: one card</title><script type="module" src="/dist/impact-widgets.js"></script></head><body>${card}</body></html>`,
      );
      return;
    }
    const file = servedFile(url.pathname);
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('Not found');
      return;
    }
    if (delay && url.pathname.startsWith('/dist/')) {
      await new Promise((done) => setTimeout(done, delay));
    }
    response.writeHead(200, {
      'content-type': MIME_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(response);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    hits: (key) => counts.get(key) ?? 0,
    close: () =>
      new Promise((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}

/** A file of the SERVED folders, found as the demo server finds its own (scripts/static-files.mjs). */
function servedFile(pathname) {
  const file = fileFor(ROOT, pathname);
  const served = file && SERVED.some((folder) => `${file.slice(ROOT.length)}/`.startsWith(folder));
  return served ? file : undefined;
}
