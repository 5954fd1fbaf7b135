/**
 * `npm start`: builds the bundle, then serves the project on http://localhost:8000 (or the next
 * free port, printed) so the demo loads `dist/` exactly as a partner's page would.
 * A plain static server, keeping `npm start` free of dev-server transforms that a partner's page
 * would not have, plus the demo's two routes: the stand-in sign-up endpoint `/demo-api/signups`
 * (scripts/demo-signups.mjs), and the embed builder's image cards `/demo-api/card-image`
 * (scripts/demo-card-image.mjs). `--no-build` serves `dist/` as it is.
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

if (!process.argv.includes('--no-build')) {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}

const signups = createDemoSignups();
const cardImages = createCardImages({ root: ROOT });

/** The demo's own routes: each answers a request with `{status, headers, body}`. */
const ROUTES = { '/demo-api/signups': signups, '/demo-api/card-image': cardImages };

const server = createServer((request, response) => {
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
  if (pathname === '/') {
    response.writeHead(302, { location: '/demo/' });
    return response.end();
  }
  const file = fileFor(ROOT, pathname);
  if (!file) {
    response.writeHead(404, { 'content-type': 'text/plain' });
    return response.end('Not found');
  }
  response.writeHead(200, {
    'content-type': MIME_TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
  });
  createReadStream(file).pipe(response);
});

function listen(port) {
  server.once('error', (error) => {
    if (error.code === 'EADDRINUSE' && port < FIRST_PORT + 20) return listen(port + 1);
    throw error;
  });
  server.listen(port, () => {
    const note = port === FIRST_PORT ? '' : ` (port ${FIRST_PORT} was busy)`;
    console.log(
      `\nimpact-widgets demo: http://localhost:${port}/demo/${note}\nPress Ctrl+C to stop.`,
    );
  });
}

listen(FIRST_PORT);
