/**
 * The benchmark's own HTTP server, on 127.0.0.1 and an ephemeral port: it serves the built bundle,
 * the bench pages and the demo, and a study document whose answer can be held back (`delay`, for
 * the layout-stability test) and whose requests are counted per `key` (for the shared-data test).
 * Counting on the server, not in the page, is what proves how many requests left the browser.
 * `/demo/late.html?delay=<ms>&key=<key>` is the demo page itself with every stat given a `data-src`
 * whose answer takes that long.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { MIME_TYPES } from '../scripts/mime-types.mjs';

const ROOT = resolve('.');
/** Only these folders are served: nothing else in the repository is a bench page's business. */
const SERVED = ['/dist/', '/bench/pages/', '/demo/'];
const MAX_DELAY_MS = 5000;

/**
 * Starts the server. `hits(key)` is how many times `/data/study.json?key=<key>` was requested.
 * @returns {Promise<{origin: string, hits: (key: string) => number, close: () => Promise<void>}>}
 */
export async function startServer() {
  // The embedded default document as JSON (written by the build), so fetched and embedded data match.
  const study = readFileSync(join(ROOT, 'dist/cambodia-2015.json'));
  const counts = new Map();
  const sockets = new Set();

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    // Cross-origin isolation gives pages 5 µs timers; everything they load is from this origin.
    response.setHeader('cross-origin-opener-policy', 'same-origin');
    response.setHeader('cross-origin-embedder-policy', 'require-corp');
    if (url.pathname === '/data/study.json') {
      const key = url.searchParams.get('key') ?? '';
      counts.set(key, (counts.get(key) ?? 0) + 1);
      const delay = Math.min(Number(url.searchParams.get('delay')) || 0, MAX_DELAY_MS);
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
      const src = `/data/study.json?delay=${Number(url.searchParams.get('delay')) || 0}&amp;key=${encodeURIComponent(url.searchParams.get('key') ?? 'late')}`;
      const page = readFileSync(join(ROOT, 'demo/index.html'), 'utf8');
      response.writeHead(200, { 'content-type': MIME_TYPES['.html'], 'cache-control': 'no-store' });
      response.end(page.replaceAll('<impact-stat', `<impact-stat data-src="${src}"`));
      return;
    }
    const file = fileFor(url.pathname);
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('Not found');
      return;
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

function fileFor(pathname) {
  let path;
  try {
    path = normalize(join(ROOT, decodeURIComponent(pathname)));
  } catch {
    return undefined;
  }
  const relative = path.slice(ROOT.length);
  if (!path.startsWith(ROOT) || !SERVED.some((folder) => `${relative}/`.startsWith(folder))) {
    return undefined;
  }
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) return fileFor(`${pathname.replace(/\/$/, '')}/index.html`);
    return stats.isFile() ? path : undefined;
  } catch {
    return undefined;
  }
}
