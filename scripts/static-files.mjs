/**
 * Which file of the project a URL path names, for the demo server (scripts/serve.mjs), the
 * documents its image cards read (scripts/demo-card-image.mjs) and the bench's server
 * (bench/server.mjs): a file under `root`, a folder's index.html, and nothing in node_modules,
 * in a dotfile or dot-folder (`.git/`, `.ci/`, `.env`: a repository's and a machine's private
 * files, never a page's), or outside the project.
 */
import { statSync } from 'node:fs';
import { join, normalize, relative, resolve, sep } from 'node:path';

/** The file `urlPath` names under `root`, or `undefined` when there is none to serve. */
export function fileFor(root, urlPath) {
  try {
    // decodeURIComponent throws on a stray "%": that is no file, not a crash of the server.
    const path = normalize(join(root, decodeURIComponent(urlPath)));
    if (!path.startsWith(resolve(root) + sep)) return undefined;
    // Only the segments under root: the project itself may sit in a dot-folder (~/.cache/…).
    const segments = relative(resolve(root), path).split(sep);
    if (segments.some((segment) => segment === 'node_modules' || segment.startsWith('.')))
      return undefined;
    const stats = statSync(path);
    if (stats.isDirectory()) return fileFor(root, join(urlPath, 'index.html'));
    return stats.isFile() ? path : undefined;
  } catch {
    return undefined;
  }
}
