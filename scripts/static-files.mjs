/**
 * Which file of the project a URL path names, for the demo server (scripts/serve.mjs) and the
 * documents its image cards read (scripts/demo-card-image.mjs): a file under `root`, a folder's
 * index.html, and nothing in node_modules or outside the project.
 */
import { statSync } from 'node:fs';
import { join, normalize, resolve, sep } from 'node:path';

/** The file `urlPath` names under `root`, or `undefined` when there is none to serve. */
export function fileFor(root, urlPath) {
  try {
    // decodeURIComponent throws on a stray "%": that is no file, not a crash of the server.
    const path = normalize(join(root, decodeURIComponent(urlPath)));
    if (!path.startsWith(resolve(root) + sep) || path.split(sep).includes('node_modules'))
      return undefined;
    const stats = statSync(path);
    if (stats.isDirectory()) return fileFor(root, join(urlPath, 'index.html'));
    return stats.isFile() ? path : undefined;
  } catch {
    return undefined;
  }
}
