/**
 * Test server routes for pre-rendered cards, mounted before test/server.js's:
 *
 *   GET /api/snapshot?tag=…&id=…&src=…&lang=…&theme=…&as=…&width=…
 *       what `npx impact-widgets snapshot` prints (the real command, run in a child process): by
 *       default the snippet, its stylesheet linked from /built/impact-widgets.css; with as=email or
 *       as=svg, that card. A relative src is read from this server, by its absolute URL. Status
 *       422 with the command's stderr when it refuses.
 *   GET /built/FILE?delay=N
 *       dist/FILE after N milliseconds: a bundle that arrives late, as from a slow CDN.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function snapshotRoutes(ctx, next) {
  const { method, path, query } = ctx;
  if (method === 'GET' && path === '/api/snapshot') {
    const as = String(query.as ?? 'html');
    const args = ['snapshot', String(query.tag), '--as', as];
    if (as === 'html') args.push('--css-url', '/built/impact-widgets.css');
    for (const name of ['id', 'lang', 'theme', 'width']) {
      if (query[name]) args.push(`--${name}`, String(query[name]));
    }
    if (query.src) args.push('--src', new URL(String(query.src), ctx.origin).href);
    try {
      const { stdout } = await run(process.execPath, ['bin/impact-widgets.mjs', ...args]);
      ctx.body = stdout;
      ctx.type = 'text/html';
    } catch (error) {
      ctx.status = 422;
      ctx.type = 'text/plain';
      ctx.body = error.stderr;
    }
    return;
  }
  if (method === 'GET' && path.startsWith('/built/') && query.delay) {
    await sleep(Number(query.delay));
  }
  return next();
}
