/**
 * What the tests of `npx impact-widgets publish` share: a static host on loopback that serves a
 * published folder at its base URL as GitHub Pages or Netlify would (files as they are, no CORS
 * header, 404.html for a missing path), and the command run as a partner runs it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { MIME_TYPES } from '../../scripts/mime-types.mjs';
import { cliAsync } from './cli-helpers.mjs';

/** A loopback server; `handle(request, response, url)` answers. Resolves to its origin and close. */
export async function listen(handle) {
  const server = createServer((request, response) =>
    handle(request, response, new URL(request.url, 'http://127.0.0.1')),
  );
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * The headers of Netlify's `_headers` file in `dir` for every path (`/*`), the only rule publish
 * writes; none without the file.
 */
function netlifyHeaders(dir) {
  const file = join(dir, '_headers');
  if (!existsSync(file)) return {};
  const [, lines = ''] = /^\/\*\n((?: {2}.*\n?)*)/m.exec(readFileSync(file, 'utf8')) ?? [];
  return Object.fromEntries(
    lines
      .split('\n')
      .filter(Boolean)
      .map((line) => line.trim().split(/:\s*/, 2)),
  );
}

/**
 * A static host serving `dir` under `path` (a folder URL path such as `/cards/`), as a project
 * site is served. Its base URL is `${origin}${path}`. It sends no CORS header of its own, as
 * Netlify, but applies the site's `_headers` file, as Netlify does.
 */
export async function staticHost(dir, path) {
  return listen((request, response, url) => {
    const send = (status, file) => {
      response.writeHead(status, {
        ...netlifyHeaders(dir),
        'content-type': MIME_TYPES[extname(file)] ?? 'text/plain',
      });
      response.end(request.method === 'HEAD' ? undefined : readFileSync(file));
    };
    if (url.pathname.startsWith(path)) {
      const inside = normalize(join(dir, decodeURIComponent(url.pathname.slice(path.length))));
      if (inside.startsWith(dir + sep) || inside === dir) {
        const file =
          existsSync(inside) && statSync(inside).isDirectory()
            ? join(inside, 'index.html')
            : inside;
        if (existsSync(file) && statSync(file).isFile()) return send(200, file);
      }
    }
    send(404, join(dir, '404.html'));
  });
}

/** `publish`, with its arguments, in a child process. */
export const publish = (...args) => cliAsync('publish', ...args);
