import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

/**
 * lit-html creates a Trusted Types policy named "lit-html" as its module loads. A partner whose
 * CSP lists only its own policies, or whose page already runs Lit without 'allow-duplicates',
 * would see that throw and the whole bundle die. We rename the policy so a partner allows it with
 * `trusted-types impact-widgets`, and let a refused policy (a second copy of this bundle on the
 * page) leave lit without one instead of throwing; that copy defines no elements anyway.
 */
function renameTrustedTypesPolicy() {
  const pattern = /(\w+)\?\1\.createPolicy\("lit-html",(\{createHTML:(\w+)=>\3\})\):void 0/;
  let renamed = false;
  return {
    name: 'rename-trusted-types-policy',
    transform(code, id) {
      if (!/[\\/]lit-html[\\/]lit-html\.js$/.test(id)) return null;
      if (!pattern.test(code)) {
        this.error(
          'lit-html no longer creates its policy the way this build expects; update the pattern',
        );
      }
      renamed = true;
      const magic = code.replace(
        pattern,
        '(()=>{try{return $1?.createPolicy("impact-widgets",$2)}catch{}})()',
      );
      return { code: magic, map: null };
    },
    buildEnd() {
      if (!renamed)
        this.error('lit-html was not bundled, so its Trusted Types policy was not renamed');
    },
  };
}

/**
 * Conventions in src/ that exist for the bundle's size, each applied everywhere:
 * - Reactive properties go in `static properties` with a documented `declare` field each, not in
 *   `@property`/`@state` decorators: the decorators bring lit's decorator module (its standard
 *   decorator path included) and one helper per file from esbuild, and write each property out
 *   as a call. Measured: 2,451 B minified, 436 B brotli.
 */
const plugins = (format) => [
  minifyHTML(),
  // `development` is never a condition here: the bundle gets lit's production build.
  nodeResolve({ browser: true, exportConditions: ['production'] }),
  renameTrustedTypesPolicy(),
  esbuild({ include: /\.ts$/, target: 'es2022', tsconfig: './tsconfig.json', sourceMap: true }),
  terser({
    ecma: 2022,
    // module:true on the IIFE would drop its `var ImpactWidgets` global.
    module: format === 'es',
    format: { comments: false },
    // Class privates are `#name`, which terser shortens by itself; `__name` is for the fields of
    // plain objects that never leave the bundle (loader.ts's shared fetches).
    mangle: { properties: { regex: /^__/ } },
  }),
];

const input = 'src/index.ts';

/**
 * The bundles' source maps name each line's source file and position, without a copy of the
 * sources: with them the maps weighed 494 KB, and the image cards' fonts for Khmer, Arabic,
 * Thai, Devanagari and Hebrew took a browser-only install past its 5 MB (test/node/package.test.mjs).
 * The sources are this repository's src/, at the version's tag.
 */
const MAPS = { sourcemapExcludeSources: true };

/** The per-element entries (`impact-widgets/impact-stat`, ...), one per file in src/entries/. */
export const ENTRIES = ['impact-stat', 'study-quote', 'fundraise-cta'];

export default [
  {
    input,
    output: { file: 'dist/impact-widgets.js', format: 'es', sourcemap: true, ...MAPS },
    plugins: plugins('es'),
  },
  {
    input,
    output: {
      file: 'dist/impact-widgets.iife.js',
      format: 'iife',
      name: 'ImpactWidgets',
      sourcemap: true,
      ...MAPS,
    },
    plugins: plugins('iife'),
  },
  /**
   * The per-element entries, for apps that bundle: one ES module per source file under dist/esm/,
   * so that two entries share one define guard, one loader cache and one theme. lit stays a bare
   * import, so the app's bundler keeps one copy of it (and the app's lit owns its Trusted Types
   * policy). dist/esm/index.js, the same tree from the bundle's entry, is what `import
   * 'impact-widgets'` gets in Node (package.json's `node` condition): there lit's own Node build
   * stands in for the DOM the bundle's copy of lit needs as it loads. Only the templates are
   * minified: the app's minifier sees the whole app, and terser's `__` property mangling, done file
   * by file, would not agree between files. So the files read as the source does, less its types,
   * and carry no source maps: maps that held the sources would weigh 240 KB, about a twentieth of
   * a browser-only install (held under 5 MB by test/node/package.test.mjs).
   */
  {
    input: {
      index: input,
      ...Object.fromEntries(ENTRIES.map((tag) => [`entries/${tag}`, `src/entries/${tag}.ts`])),
    },
    external: (id) => /^(lit|@lit\/[\w-]+)(\/|$)/.test(id),
    output: {
      dir: 'dist/esm',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      entryFileNames: '[name].js',
    },
    plugins: [
      minifyHTML(),
      esbuild({ include: /\.ts$/, target: 'es2022', tsconfig: './tsconfig.json' }),
    ],
  },
  /**
   * The WordPress plugin's block editor script (wordpress/editor/): a classic script on the `wp.*`
   * globals, which WordPress loads before it, so it imports nothing at run time.
   */
  {
    input: 'wordpress/editor/editor.ts',
    output: { file: 'dist/wordpress/impact-widgets/build/editor.js', format: 'iife' },
    // Not minified: a plugin's reviewers read what it ships.
    plugins: [esbuild({ include: /\.ts$/, target: 'es2020', tsconfig: './tsconfig.json' })],
  },
];
