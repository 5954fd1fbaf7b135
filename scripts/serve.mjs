/**
 * `npm start`: builds the bundle, then serves the project on http://127.0.0.1:8000 (or the next
 * free port, printed) so the demo loads `dist/` exactly as a partner's page would.
 * A plain static server, keeping `npm start` free of dev-server transforms that a partner's page
 * would not have, plus the demo's two routes: the stand-in sign-up endpoint `/demo-api/signups`
 * (scripts/demo-signups.mjs), and the embed builder's image cards `/demo-api/card-image`
 * (scripts/demo-card-image.mjs). `--no-build` serves `dist/` as it is.
 *
 * It serves the whole project folder, so it listens on loopback only unless `HOST` says otherwise
 * (`HOST=0.0.0.0 npm start` opens it to the network), serves no dotfile (see static-files.mjs),
 * and sends the demo's pages with the strict Content-Security-Policy a partner's page may have.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import { extname, resolve } from 'node:path';
import { createCardImages } from './demo-card-image.mjs';
import { createDemoSignups } from './demo-signups.mjs';
import { MIME_TYPES } from './mime-types.mjs';
import { fileFor } from './static-files.mjs';

const ROOT = resolve('.');
const FIRST_PORT = Number(process.env.PORT ?? 8000);
const HOST = process.env.HOST || '127.0.0.1';

/**
 * The demo's pages (and any HTML file here) under a strict policy, so the demo shows the elements
 * need no more: scripts and styles from this origin only, no 'unsafe-inline' (Lit's adopted
 * stylesheets are no inline style). `connect-src https:`: the builder loads a document from any
 * URL a partner types, and its preview posts to the sign-up service the partner picks. No Trusted
 * Types: the builder reads a pasted embed code with DOMParser, which they would refuse.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self' https:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** Headers every answer carries: no content sniffing, so a file is only what its type says. */
const ALWAYS = { 'x-content-type-options': 'nosniff' };
/** Static files are read, never changed. */
const READ = ['GET', 'HEAD'];

if (!process.argv.includes('--no-build')) {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}

const signups = createDemoSignups();
const cardImages = createCardImages({ root: ROOT });

/** The demo's own routes: each answers a request with `{status, headers, body}`. */
const ROUTES = { '/demo-api/signups': signups, '/demo-api/card-image': cardImages };

const text = (response, status, body, headers = {}) => {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  response.end(body);
};

const server = createServer((request, response) => {
  for (const [name, value] of Object.entries(ALWAYS)) response.setHeader(name, value);
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  if (Object.hasOwn(ROUTES, pathname)) {
    // A request that broke off while its body was read has no one left to answer.
    return void ROUTES[pathname](request).then(
      ({ status, headers, body }) => {
        response.writeHead(status, { ...headers, 'cache-control': 'no-store' });
        response.end(body);
      },
      () => response.destroy(),
    );
  }
  if (!READ.includes(request.method)) {
    return text(response, 405, 'Files here are read with GET or HEAD.', { allow: READ.join(', ') });
  }
  if (pathname === '/') {
    response.writeHead(302, { location: '/demo/' });
    return response.end();
  }
  const file = fileFor(ROOT, pathname);
  if (!file) return text(response, 404, 'Not found');
  const type = MIME_TYPES[extname(file)] ?? 'application/octet-stream';
  response.writeHead(200, {
    'content-type': type,
    'cache-control': 'no-store',
    ...(type.startsWith('text/html') && { 'content-security-policy': CSP }),
  });
  if (request.method === 'HEAD') return response.end();
  createReadStream(file).pipe(response);
});

/** The hosts that listen on every interface, open to the network. */
const EVERYWHERE = ['0.0.0.0', '::'];

/** The address to print: a host that listens everywhere is visited on this machine as localhost. */
function urlOf(port) {
  const host = EVERYWHERE.includes(HOST) ? 'localhost' : HOST;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}/demo/`;
}

function listen(port) {
  server.once('error', (error) => {
    if (error.code === 'EADDRINUSE' && port < FIRST_PORT + 20) return listen(port + 1);
    throw error;
  });
  server.listen(port, HOST, () => {
    const note = port === FIRST_PORT ? '' : ` (port ${FIRST_PORT} was busy)`;
    const open = EVERYWHERE.includes(HOST) ? `\nListening on ${HOST}: open to the network.` : '';
    console.log(`\nimpact-widgets demo: ${urlOf(port)}${note}${open}\nPress Ctrl+C to stop.`);
  });
}

listen(FIRST_PORT);
