/**
 * Bundles a small app the way a partner's app would bundle this package: the app's source imports
 * `impact-widgets/impact-stat` (and the like) by name, and the bundler resolves it through this
 * package's package.json (`exports`, `sideEffects`) from the app's node_modules, where
 * `impact-widgets` links to this repository; lit resolves as it would from an installed package.
 * Used by test/node/entries.test.mjs (which tags an entry defines) and bench/size.mjs (what an
 * entry costs an app). Reads the built dist/, so run `node scripts/build.mjs` first.
 */
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { build } from 'esbuild';
import { rollup } from 'rollup';

const ROOT = resolve('.');

/** Lit's packages, for apps that load lit some other way (the bench's "minus lit" sizes). */
export const LIT_PACKAGES = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'];
const isLit = (id) => LIT_PACKAGES.some((name) => id === name || id.startsWith(`${name}/`));

/**
 * A fresh app folder under node_modules/.cache/, with node_modules/impact-widgets linked to this
 * repository. Each caller takes its own `name`, so a test and a bench can run side by side.
 */
export function appFolder(name) {
  const dir = join(ROOT, 'node_modules/.cache', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(ROOT, join(dir, 'node_modules/impact-widgets'), 'dir');
  return dir;
}

/** Each bundler as an app would call it: ES module output for the browser. */
const BUNDLERS = {
  async esbuild({ input, file, minify, external }) {
    const { metafile, warnings } = await build({
      entryPoints: [input],
      outfile: file,
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify,
      legalComments: 'none',
      external: external ? LIT_PACKAGES.flatMap((name) => [name, `${name}/*`]) : [],
      metafile: true,
      logLevel: 'silent',
    });
    // A warning such as "Ignoring this import because ... was marked as having no side effects"
    // is the very mistake these bundles are here to catch.
    if (warnings.length) throw new Error(`esbuild: ${warnings.map((w) => w.text).join('; ')}`);
    return Object.keys(metafile.inputs);
  },
  async rollup({ input, file, minify, external }) {
    if (minify) throw new Error('the rollup app bundle is not minified here; use esbuild');
    const bundle = await rollup({
      input,
      external: external ? isLit : [],
      plugins: [nodeResolve({ browser: true })],
      onwarn: (warning) => {
        throw new Error(`rollup: ${warning.message}`);
      },
    });
    try {
      const { output } = await bundle.write({ file, format: 'es' });
      return output.flatMap((chunk) => Object.keys(chunk.modules ?? {}));
    } finally {
      await bundle.close();
    }
  },
};

/**
 * Writes `source` as `<name>.app.js` in `dir` (from `appFolder`), bundles it with `bundler` into
 * `<name>.js` and returns the output's path and code, and the modules that went in (paths
 * relative to the repository when they are in it).
 */
export async function bundleAsApp(
  dir,
  name,
  source,
  { bundler = 'esbuild', minify = false, external = false } = {},
) {
  const input = join(dir, `${name}.app.js`);
  const file = join(dir, `${name}.js`);
  writeFileSync(input, source);
  const inputs = await BUNDLERS[bundler]({ input, file, minify, external });
  const modules = inputs.map((path) => resolve(path).replace(`${ROOT}/`, ''));
  return { file, code: readFileSync(file, 'utf8'), modules };
}
