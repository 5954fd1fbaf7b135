/**
 * Each element's own words, its built-in English table by tag, read from the elements' modules
 * (src/elements/*\/*.messages.ts, bundled for Node as build.mjs bundles the schema): for the
 * README's list of the keys a document's `messages` give, and the tests' marked words.
 */
import { buildSync } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = `${ROOT}node_modules/.cache/element-words.cjs`;

/** Each element's table of words, as its module names it. */
const TABLES = {
  'impact-stat': ['impact-stat/impact-stat.messages.ts', 'statWords'],
  'study-quote': ['study-quote/study-quote.messages.ts', 'quoteWords'],
  'fundraise-cta': ['fundraise-cta/fundraise-cta.messages.ts', 'ctaWords'],
};

/** `{tag: {key: English word}}`, from the source as it is now. */
export function elementWords() {
  mkdirSync(`${ROOT}node_modules/.cache`, { recursive: true });
  const contents = Object.values(TABLES)
    .map(([file, name]) => `export { ${name} } from './src/elements/${file}';`)
    .join('\n');
  buildSync({
    stdin: { contents, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    outfile: OUT,
    logLevel: 'warning',
  });
  const require = createRequire(import.meta.url);
  delete require.cache[OUT];
  const module = require(OUT);
  return Object.fromEntries(
    Object.entries(TABLES).map(([tag, [, name]]) => [tag, module[name].en]),
  );
}
