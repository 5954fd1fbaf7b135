/**
 * `npm run build`: both bundles and the per-element entries for apps that bundle (rollup; the
 * entries as unbundled ES modules under dist/esm/), the iframe embed (dist/embed.html and
 * dist/embed-resize.js), the embed builder of the demo (dist/builder/), type declarations,
 * custom-elements.json (from JSDoc) and the React and Vue types generated from it, dist/study.schema.json (the schema the loader validates
 * with, so the two never disagree), the snapshot command's renderer (dist/snapshot.mjs) and the
 * stylesheet its pre-rendered cards link (dist/impact-widgets.css), the Subresource Integrity
 * hashes of the bundles, embed-resize.js and that stylesheet (dist/integrity.json), then the sizes.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { minifyHTMLLiterals } from '@lit-labs/rollup-plugin-minify-html-literals/lib/minify-html-literals.js';
import { build } from 'esbuild';
import { reactTypes, svelteTypes, vscodeData, vueTypes } from './framework-types.mjs';
import { sharedStylesheet } from './scope-css.mjs';
import { writePlugin } from './wordpress-plugin.mjs';
import { sfntOfWoff } from './woff.mjs';

const run = (command, ...args) =>
  execFileSync(process.execPath, [`node_modules/${command}`, ...args], { stdio: 'inherit' });

rmSync('dist', { recursive: true, force: true });
run('rollup/dist/bin/rollup', '-c', '--silent');

// The iframe embed, for platforms that take an iframe but no script tag: dist/embed.html with its
// own script and stylesheet, and dist/embed-resize.js, the classic script that sizes the frames on
// a host page. embed.html loads the classic bundle beside it, so the frame runs the same copy of
// the elements a partner's page would; embed.js importing lit would bundle a second one, so it fails.
const embed = { bundle: true, minify: true, legalComments: 'none', logLevel: 'warning' };
await build({
  ...embed,
  entryPoints: ['src/embed/embed-resize.ts'],
  outfile: 'dist/embed-resize.js',
  format: 'iife',
  target: 'es2020',
});
await build({
  ...embed,
  entryPoints: ['src/embed/embed.ts', 'src/embed/embed.css'],
  outdir: 'dist',
  format: 'iife',
  target: 'es2022',
  sourcemap: true,
  tsconfig: 'tsconfig.json',
  plugins: [
    {
      name: 'no-lit',
      setup(builder) {
        builder.onResolve({ filter: /^(lit|@lit\/)/ }, ({ importer, path }) => ({
          errors: [
            { text: `${importer} imports ${path}; the embed page loads the bundle instead` },
          ],
        }));
      },
    },
  ],
});
// The comments explain the source; a reader's browser needs none of them.
writeFileSync(
  'dist/embed.html',
  readFileSync('src/embed/embed.html', 'utf8').replace(/\s*<!--[\s\S]*?-->/g, ''),
);

// The builder takes the elements from the package entry, left external and loaded from the built
// bundle beside it: its page then runs the one copy of the elements a partner loads. Any other
// import from src/ would bundle a second copy, so it fails the build; but for the snapshot
// command's plain modules that write what the builder offers as the command does (the pre-rendered
// snippet, the email card), and the theme and language rules they read. They stay leaves of the
// elements: an import from them of anything but one another and lit fails the build too.
const SRC = resolve('src') + sep;
const SHARED = [
  'snapshot/snippet.ts',
  'snapshot/card.ts',
  'snapshot/email.ts',
  'styles/theme.ts',
  'internal/lang.ts',
].map((file) => resolve(SRC, file));
const shared = (importer, path) =>
  SHARED.includes(resolve(dirname(importer), path.replace(/\.js$/, '.ts')));
await build({
  entryPoints: ['demo/builder/embed-builder.ts'],
  outfile: 'dist/builder/embed-builder.js',
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  legalComments: 'none',
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
  plugins: [
    {
      name: 'package-entry-external',
      setup(builder) {
        // Only the version of package.json goes into the page.
        builder.onLoad({ filter: /[\\/]package\.json$/ }, ({ path }) => ({
          contents: JSON.stringify({ version: JSON.parse(readFileSync(path, 'utf8')).version }),
          loader: 'json',
        }));
        builder.onResolve({ filter: /.*/ }, ({ path, importer }) => {
          if (importer.startsWith(SRC)) {
            if (path === 'lit' || shared(importer, path)) return undefined;
            return {
              errors: [
                { text: `${importer} imports ${path}; it may import only lit and its peers` },
              ],
            };
          }
          if (!/[\\/]src[\\/]/.test(path)) return undefined;
          if (/^\.\.\/\.\.\/src\/index\.js$/.test(path)) {
            return { path: '../impact-widgets.js', external: true };
          }
          if (shared(importer, path)) return undefined;
          return {
            errors: [{ text: `${importer} imports ${path}; import the package entry only` }],
          };
        });
      },
    },
  ],
});
run('typescript/bin/tsc', '-p', 'tsconfig.build.json');
run('@custom-elements-manifest/analyzer/cem.js', 'analyze', '--quiet');
// The frameworks' types for our tags (impact-widgets/react, /vue, /svelte) and VS Code's
// HTML completions, from the manifest.
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
mkdirSync('dist/types/frameworks');
writeFileSync('dist/types/frameworks/react.d.ts', reactTypes(manifest));
writeFileSync('dist/types/frameworks/vue.d.ts', vueTypes(manifest));
writeFileSync('dist/types/frameworks/svelte.d.ts', svelteTypes(manifest));
writeFileSync('dist/vscode.html-custom-data.json', vscodeData(manifest));
// The classic scripts' types: what each leaves on the page, for a tool that reads the exports.
writeFileSync(
  'dist/types/iife.d.ts',
  `/** The classic script defines the elements and this global, the package entry's exports. */
import type * as Entry from './index.js';
declare global {
  var ImpactWidgets: typeof Entry;
}
export {};
`,
);
writeFileSync(
  'dist/types/embed-resize.d.ts',
  '/** The classic script that sizes iframe embeds on a host page: it exports nothing. */\nexport {};\n',
);

// The schema and the default document are TypeScript modules; bundle them for node to import.
mkdirSync('node_modules/.cache', { recursive: true });
const schemaModule = 'node_modules/.cache/study-schema.mjs';
const notesModule = 'node_modules/.cache/schema-notes.mjs';
const defaultModule = 'node_modules/.cache/default-document.mjs';
for (const [entry, outfile] of [
  ['src/data/schema.ts', schemaModule],
  ['src/data/schema-notes.ts', notesModule],
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
const { withNotes } = await import(pathToFileURL(notesModule).href);
const { DEFAULT_DOCUMENT } = await import(pathToFileURL(defaultModule).href);
const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://unpkg.com/impact-widgets/dist/study.schema.json',
  title: 'impact-widgets study document',
  description: 'One study: its headline stats, quotes and calls to action.',
  // The notes are for editors only, so they join the schema here and never the bundle.
  ...withNotes(studyDocumentSchema),
};
writeFileSync('dist/study.schema.json', `${JSON.stringify(schema, null, 2)}\n`);
// The default document as JSON: a complete example to start a partner's own document from.
writeFileSync(
  'dist/cambodia-2015.json',
  `${JSON.stringify({ $schema: './study.schema.json', ...DEFAULT_DOCUMENT }, null, 2)}\n`,
);

// The snapshot command's renderer (bin/impact-widgets.mjs): the elements with lit's server build
// and @lit-labs/ssr in one file, so `npx impact-widgets snapshot` needs no package but this one.
// Its templates and styles are minified as the bundle's are (rollup.config.js), so a pre-rendered
// card is the very markup the live element renders, styled by the very rules.
await build({
  // The image cards' renderers are dependencies, loaded only for `--as svg` and `--as png`:
  // resvg is a native module, and harfbuzzjs loads its WebAssembly from beside its own module.
  external: ['harfbuzzjs', '@resvg/resvg-js'],
  plugins: [
    {
      name: 'minify-html-literals',
      setup(builder) {
        builder.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async ({ path }) => {
          const code = readFileSync(path, 'utf8');
          const minified = await minifyHTMLLiterals(code, { fileName: path });
          return { contents: minified?.code ?? code, loader: 'ts' };
        });
      },
    },
  ],
  entryPoints: ['src/snapshot/snapshot.ts'],
  outfile: 'dist/snapshot.mjs',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  minifyWhitespace: true,
  legalComments: 'eof',
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
});
// The publish command's site maker (bin/publish.mjs): its share pages take their cards from the
// renderer above, imported from beside it at run time, so the two commands share one copy of the
// elements and Lit SSR. Any other import of the elements would bundle a second one, so it fails.
const RENDERER = resolve('src/snapshot/snapshot.ts');
await build({
  entryPoints: ['src/publish/publish.ts'],
  outfile: 'dist/publish.mjs',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  legalComments: 'none',
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
  plugins: [
    {
      name: 'renderer-external',
      setup(builder) {
        builder.onResolve({ filter: /^\./ }, ({ path, importer }) => {
          const file = resolve(dirname(importer), path.replace(/\.js$/, '.ts'));
          if (file === RENDERER) return { path: './snapshot.mjs', external: true };
          if (/[\\/](elements|controllers|data)[\\/]/.test(file)) {
            return {
              errors: [{ text: `${importer} imports ${path}; take the card from the renderer` }],
            };
          }
          return undefined;
        });
      },
    },
  ],
});
// What the published site serves beside the bundles: the share pages' stylesheet and copy
// buttons, and the frame script of their iframe pages.
await build({
  ...embed,
  entryPoints: [
    { in: 'src/publish/site.css', out: 'site' },
    { in: 'src/publish/site-page.ts', out: 'site' },
    { in: 'src/embed/card-frame.ts', out: 'frame' },
  ],
  outdir: 'dist/publish',
  format: 'iife',
  target: 'es2022',
  tsconfig: 'tsconfig.json',
});

// The image cards' fonts (src/snapshot/image.ts): a partner's machine may have none. Noto Sans,
// under the SIL Open Font License (each family's licence file goes with it): from @fontsource in
// the subsets for Latin, Greek, Cyrillic and Vietnamese scripts (regular, bold, and italic for
// cited titles) and Hebrew, and from @expo-google-fonts for Khmer, Arabic, Thai and Devanagari
// (regular and bold; those scripts have no italic). HarfBuzz shapes with them, and reads no WOFF,
// so each is written as the TrueType file it is, brotli-compressed: about 60% smaller, which the
// package's size cap needs, and Node unpacks it with no dependency. fonts.json lists each file
// with the characters HarfBuzz finds in it, so a card with words no font can draw is refused
// rather than drawn with holes, and the image takes each character from the first that has it.
const fonts = [];
mkdirSync('dist/fonts');
const hb = await import('harfbuzzjs');
const fontsource = (name) => `node_modules/@fontsource/${name}`;
const expo = (name) => `node_modules/@expo-google-fonts/${name}`;
/** Each family, in the order the image tries them: Latin first, as the card's own words are. */
const FAMILIES = [
  ...['latin', 'latin-ext', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext', 'vietnamese'].map(
    (subset) => ({
      family: `noto-sans-${subset}`,
      licence: `${fontsource('noto-sans')}/LICENSE`,
      styles: [
        [400, 'normal'],
        [700, 'normal'],
        [400, 'italic'],
      ],
      source: (weight, style) =>
        `${fontsource('noto-sans')}/files/noto-sans-${subset}-${weight}-${style}.woff`,
    }),
  ),
  {
    family: 'noto-sans-hebrew',
    licence: `${fontsource('noto-sans-hebrew')}/LICENSE`,
    styles: [
      [400, 'normal'],
      [700, 'normal'],
    ],
    source: (weight) =>
      `${fontsource('noto-sans-hebrew')}/files/noto-sans-hebrew-hebrew-${weight}-normal.woff`,
  },
  ...['khmer', 'arabic', 'thai', 'devanagari'].map((script) => {
    const name = script[0].toUpperCase() + script.slice(1);
    return {
      family: `noto-sans-${script}`,
      licence: `${expo(`noto-sans-${script}`)}/LICENSE_FONT`,
      styles: [
        [400, 'normal'],
        [700, 'normal'],
      ],
      source: (weight) =>
        `${expo(`noto-sans-${script}`)}/${weight === 400 ? '400Regular' : '700Bold'}/NotoSans${name}_${weight === 400 ? '400Regular' : '700Bold'}.ttf`,
    };
  }),
];
/** Code points as CSS's unicode-range writes them: `U+0000-00FF,U+0131`. */
const ranges = (points) => {
  const spans = [];
  for (const point of [...points].sort((a, b) => a - b)) {
    const last = spans.at(-1);
    if (last && point === last[1] + 1) last[1] = point;
    else spans.push([point, point]);
  }
  const hex = (point) => point.toString(16).toUpperCase().padStart(4, '0');
  return spans.map(([from, to]) => `U+${hex(from)}${to > from ? `-${hex(to)}` : ''}`).join(',');
};
for (const { family, licence, styles, source } of FAMILIES) {
  for (const [weight, style] of styles) {
    const read = readFileSync(source(weight, style));
    const sfnt = read.toString('latin1', 0, 4) === 'wOFF' ? sfntOfWoff(read) : read;
    const face = new hb.Face(new hb.Blob(sfnt));
    const file = `${family}-${weight}-${style}.ttf.br`;
    writeFileSync(
      `dist/fonts/${file}`,
      brotliCompressSync(sfnt, {
        params: {
          [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
          [zlib.BROTLI_PARAM_SIZE_HINT]: sfnt.length,
        },
      }),
    );
    fonts.push({ file, family, weight, style, unicodeRange: ranges(face.collectUnicodes()) });
  }
  const licensed = family.replace(/-(latin|greek|cyrillic|vietnamese).*/, '');
  copyFileSync(licence, `dist/fonts/${licensed}.OFL.txt`);
}
writeFileSync('dist/fonts/fonts.json', `${JSON.stringify(fonts, null, 2)}\n`);

// The stylesheet a pre-rendered card links, from the same elements' own styles.
const { ELEMENTS } = await import(pathToFileURL('dist/snapshot.mjs').href);
writeFileSync('dist/impact-widgets.css', sharedStylesheet(ELEMENTS));

// The hashes a partner's `integrity` attribute carries: the embed builder reads them from here, and
// the snapshot command pins its stylesheet link with the last.
const integrity = Object.fromEntries(
  ['impact-widgets.js', 'impact-widgets.iife.js', 'embed-resize.js', 'impact-widgets.css'].map(
    (file) => [
      file,
      `sha384-${createHash('sha384')
        .update(readFileSync(`dist/${file}`))
        .digest('base64')}`,
    ],
  ),
);
writeFileSync('dist/integrity.json', `${JSON.stringify(integrity, null, 2)}\n`);

// The WordPress plugin, from the files above: dist/wordpress/impact-widgets/ and its zip.
writePlugin();

execFileSync(process.execPath, ['scripts/size.mjs'], { stdio: 'inherit' });
