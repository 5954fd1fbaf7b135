/**
 * `npm start`: builds the bundle, then serves the project on http://localhost:8000 (or the next
 * free port, printed) so the demo loads `dist/` exactly as a partner's page would.
 * A plain static server, keeping `npm start` free of dev-server transforms that a partner's page
 * would not have, plus the one route the demo posts to: the stand-in sign-up endpoint
 * `/demo-api/signups` (scripts/demo-signups.mjs). `--no-build` serves `dist/` as it is.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { createDemoSignups } from './demo-signups.mjs';
import { MIME_TYPES } from './mime-types.mjs';

const ROOT = resolve('.');
const FIRST_PORT = Number(process.env.PORT ?? 8000);

if (!process.argv.includes('--no-build')) {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}

function fileFor(urlPath) {
  try {
    // decodeURIComponent throws on a stray "%": that is no file, not a crash of the server.
    const path = normalize(join(ROOT, decodeURIComponent(urlPath)));
    if (!path.startsWith(ROOT)) return undefined;
    const stats = statSync(path);
    if (stats.isDirectory()) return fileFor(join(urlPath, 'index.html'));
    return stats.isFile() ? path : undefined;
  } catch {
    return undefined;
  }
}

const signups = createDemoSignups();

const server = createServer((request, response) => {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  if (pathname === '/demo-api/signups') {
    // A request that broke off while its body was read has no one left to answer.
    return void signups(request).then(
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
  const file = fileFor(pathname);
  if (!file || pathname.includes('/node_modules/')) {
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
