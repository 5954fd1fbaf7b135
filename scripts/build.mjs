/**
 * `npm run build`: both bundles (rollup), type declarations, custom-elements.json (from JSDoc),
 * dist/study.schema.json (the schema the loader validates with, so the two never disagree), then
 * the sizes.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const run = (command, ...args) =>
  execFileSync(process.execPath, [`node_modules/${command}`, ...args], { stdio: 'inherit' });

rmSync('dist', { recursive: true, force: true });
run('rollup/dist/bin/rollup', '-c', '--silent');
run('typescript/bin/tsc', '-p', 'tsconfig.build.json');
run('@custom-elements-manifest/analyzer/cem.js', 'analyze', '--quiet');

// The schema and the default document are TypeScript modules; bundle them for node to import.
mkdirSync('node_modules/.cache', { recursive: true });
const schemaModule = 'node_modules/.cache/study-schema.mjs';
const defaultModule = 'node_modules/.cache/default-document.mjs';
for (const [entry, outfile] of [
  ['src/data/schema.ts', schemaModule],
  ['src/data/default-document.ts', defaultModule],
]) {
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    logLevel: 'warning',
  });
}
const { studyDocumentSchema } = await import(pathToFileURL(schemaModule).href);
const { DEFAULT_DOCUMENT } = await import(pathToFileURL(defaultModule).href);
const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://unpkg.com/impact-widgets/dist/study.schema.json',
  title: 'impact-widgets study document',
  description: 'One study: its headline stats, quotes and calls to action.',
  ...studyDocumentSchema,
};
writeFileSync('dist/study.schema.json', `${JSON.stringify(schema, null, 2)}\n`);
// The default document as JSON: a complete example to start a partner's own document from.
writeFileSync(
  'dist/cambodia-2015.json',
  `${JSON.stringify({ $schema: './study.schema.json', ...DEFAULT_DOCUMENT }, null, 2)}\n`,
);

execFileSync(process.execPath, ['scripts/size.mjs'], { stdio: 'inherit' });
