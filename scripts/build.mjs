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

// The schema module is TypeScript; bundle it for node to import.
mkdirSync('node_modules/.cache', { recursive: true });
const schemaModule = 'node_modules/.cache/study-schema.mjs';
await build({
  entryPoints: ['src/data/schema.ts'],
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile: schemaModule,
  logLevel: 'warning',
});
const { studyDocumentSchema } = await import(pathToFileURL(schemaModule).href);
const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://unpkg.com/impact-widgets/dist/study.schema.json',
  title: 'impact-widgets study document',
  description: 'One study: its headline stats, quotes and calls to action.',
  ...studyDocumentSchema,
};
writeFileSync('dist/study.schema.json', `${JSON.stringify(schema, null, 2)}\n`);

execFileSync(process.execPath, ['scripts/size.mjs'], { stdio: 'inherit' });
