/**
 * Test words for the languages whose words no element ships (km, ar): every key of an element's
 * built-in English table, its English word in brackets ("[Source:]"). Plainly no translation, and
 * never one we could ship: a card in Khmer shows the organisation's real Khmer texts
 * (test/fixtures/udhr.json) between markers a test can find. The keys are read from the elements'
 * own tables (src/elements/*\/*.messages.ts, bundled for Node here as scripts/build.mjs bundles
 * the schema), so a key an element adds is covered without a list here to update.
 */
import { build } from 'esbuild';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = new URL('../', import.meta.url);
const OUT = fileURLToPath(new URL('node_modules/.cache/marked-words.mjs', ROOT));

/** Each element's table of words, as its module names it. */
const TABLES = {
  'impact-stat': ['impact-stat/impact-stat.messages.ts', 'statWords'],
  'study-quote': ['study-quote/study-quote.messages.ts', 'quoteWords'],
  'fundraise-cta': ['fundraise-cta/fundraise-cta.messages.ts', 'ctaWords'],
};

let tables;
async function builtTables() {
  if (tables) return tables;
  mkdirSync(fileURLToPath(new URL('node_modules/.cache/', ROOT)), { recursive: true });
  const imports = Object.values(TABLES)
    .map(([file, name]) => `export { ${name} } from './src/elements/${file}';`)
    .join('\n');
  await build({
    stdin: { contents: imports, resolveDir: fileURLToPath(ROOT), loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: OUT,
    logLevel: 'warning',
  });
  // A fresh URL each build, so a second run in one process reads the tables as they are now.
  const module = await import(`${pathToFileURL(OUT).href}?${Date.now()}`);
  tables = Object.fromEntries(
    Object.entries(TABLES).map(([tag, [, name]]) => [tag, module[name].en]),
  );
  return tables;
}

/** `messages` for `langs`: every element's every word, as "[English word]". */
export async function markedMessages(langs) {
  const english = await builtTables();
  const marked = Object.fromEntries(
    Object.entries(english).map(([tag, words]) => [
      tag,
      Object.fromEntries(Object.entries(words).map(([key, word]) => [key, `[${word}]`])),
    ]),
  );
  return Object.fromEntries(langs.map((lang) => [lang, marked]));
}

/** test/fixtures/languages.json, with marked words for `langs` when given. */
export async function languagesDocument(langs = []) {
  const document = JSON.parse(readFileSync(new URL('test/fixtures/languages.json', ROOT), 'utf8'));
  if (langs.length) document.messages = await markedMessages(langs);
  return document;
}
