/**
 * Checks on the built `dist/` that need no browser: the published JSON Schema, the bundle
 * settings a partner relies on, the iframe embed's files, and the package's exports map against
 * what `npm pack` ships. Run by `npm test` after the build (`node --test test/node/`).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, it } from 'node:test';
import { Script } from 'node:vm';
import { brotliCompressSync } from 'node:zlib';
import Ajv2020 from 'ajv/dist/2020.js';

const root = new URL('../../', import.meta.url);
const read = (file) => readFileSync(new URL(`../../dist/${file}`, import.meta.url), 'utf8');
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const schema = JSON.parse(read('study.schema.json'));
const example = JSON.parse(read('cambodia-2015.json'));

describe('dist/study.schema.json', () => {
  const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

  it('is valid JSON Schema that accepts the default document', () => {
    assert.equal(validate(example), true, JSON.stringify(validate.errors));
  });

  it('rejects a stat whose value is a string', () => {
    const document = structuredClone(example);
    document.stats[2].value = '2,2';
    assert.equal(validate(document), false);
    assert.equal(validate.errors[0].instancePath, '/stats/2/value');
  });

  it('rejects an unknown stat format and a missing quote author', () => {
    const document = structuredClone(example);
    document.stats[0].format = 'ratio';
    delete document.quotes[0].author;
    assert.equal(validate(document), false);
    const paths = validate.errors.map((error) => error.instancePath);
    assert.ok(paths.includes('/stats/0/format'));
    assert.ok(paths.includes('/quotes/0'));
  });
});

describe('dist bundles', () => {
  for (const file of ['impact-widgets.js', 'impact-widgets.iife.js']) {
    const code = read(file);

    it(`${file} creates the Trusted Types policy "impact-widgets", never "lit-html"`, () => {
      assert.match(code, /createPolicy\("impact-widgets"/);
      assert.doesNotMatch(code, /"lit-html"/);
    });

    it(`${file} carries Lit's production build`, () => {
      assert.doesNotMatch(code, /Lit is in dev mode/);
      assert.doesNotMatch(code, /development/i);
    });

    it(`${file} points at its source map`, () => {
      assert.match(code, new RegExp(`//# sourceMappingURL=${file}\\.map\\s*$`));
      JSON.parse(read(`${file}.map`));
    });
  }

  it('the classic bundle exposes one global, ImpactWidgets', () => {
    assert.match(read('impact-widgets.iife.js'), /^var ImpactWidgets=/);
  });
});

describe('the iframe embed', () => {
  const resize = read('embed-resize.js');
  const page = read('embed.html');

  it('embed-resize.js is under 1 KB minified', () => {
    const bytes = Buffer.byteLength(resize);
    const brotli = brotliCompressSync(Buffer.from(resize)).length;
    assert.ok(bytes < 1024, `${bytes} B minified (${brotli} B brotli)`);
  });

  it('embed-resize.js is a classic script with nothing a strict CSP refuses', () => {
    // A module's import or export would not parse as a classic script.
    assert.doesNotThrow(() => new Script(resize));
    assert.doesNotMatch(resize, /\beval\(|\bFunction\(|setAttribute\(|innerHTML|cssText/);
  });

  it('integrity.json holds the hash of embed-resize.js, for the snippet', () => {
    const hash = `sha384-${createHash('sha384').update(resize).digest('base64')}`;
    assert.equal(JSON.parse(read('integrity.json'))['embed-resize.js'], hash);
  });

  it('embed.html has no inline script or style, and loads its files from its own folder', () => {
    assert.doesNotMatch(page, /<style|\sstyle=|<script(?![^>]*\ssrc=)/);
    const urls = [...page.matchAll(/\s(?:src|href)="([^"]+)"/g)].map(([, url]) => url);
    assert.deepEqual(urls.sort(), ['embed.css', 'embed.js', 'impact-widgets.iife.js']);
    for (const url of urls) assert.ok(existsSync(new URL(`../../dist/${url}`, import.meta.url)));
    assert.match(page, /http-equiv="Content-Security-Policy"/);
    assert.doesNotMatch(page, /<!--/, 'comments are stripped');
  });

  it('embed.js takes the elements from the bundle beside it, not a copy of its own', () => {
    const script = read('embed.js');
    assert.match(script, /\.ImpactWidgets\b/);
    assert.doesNotMatch(script, /litHtmlVersions|reactiveElementVersions|customElements\.define/);
    // Classic scripts both: a sandboxed frame (opaque origin) would need CORS for a module.
    assert.doesNotThrow(() => new Script(script));
    assert.doesNotMatch(page, /type="module"/);
  });
});

describe('package.json exports', () => {
  // Every file an export names, with its condition (`types`, `default`) or '' for a plain string.
  const targets = Object.entries(pkg.exports).flatMap(([name, target]) =>
    typeof target === 'string'
      ? [{ name, condition: '', path: target }]
      : Object.entries(target).map(([condition, path]) => ({ name, condition, path })),
  );
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  )[0].files.map((file) => file.path);

  it('points every export at a file that npm pack ships', () => {
    for (const { name, condition, path } of targets) {
      const file = normalize(path);
      assert.ok(existsSync(new URL(file, root)), `${name} ${condition}: ${path} was not built`);
      assert.ok(packed.includes(file), `${name} ${condition}: npm pack leaves ${path} out`);
    }
  });

  const entries = ['impact-stat', 'study-quote', 'fundraise-cta'];

  for (const tag of entries) {
    it(`impact-widgets/${tag} has types, and an unbundled module tree that npm pack ships whole`, () => {
      const target = pkg.exports[`./${tag}`];
      assert.equal(target.types, `./dist/types/entries/${tag}.d.ts`);
      assert.match(readFileSync(new URL(target.types, root), 'utf8'), /export \{ \w+Element \}/);
      // Follow the relative imports from the entry: every module is shipped, and the only bare
      // imports are lit's, which the app's bundler resolves to the app's one copy.
      const bare = new Set();
      const seen = new Set();
      const visit = (file) => {
        if (seen.has(file)) return;
        seen.add(file);
        assert.ok(packed.includes(file), `npm pack leaves ${file} out`);
        const code = readFileSync(new URL(file, root), 'utf8');
        assert.doesNotMatch(code, /litHtmlVersions|reactiveElementVersions/, `${file} bundles lit`);
        for (const [, specifier] of code.matchAll(
          /(?:^|\n)(?:import|export)[^'";]*['"]([^'"]+)['"]/g,
        )) {
          if (specifier.startsWith('.')) visit(join(dirname(file), specifier));
          else bare.add(specifier);
        }
      };
      visit(normalize(target.default));
      assert.ok(seen.has(`dist/esm/elements/${tag}/${tag}.define.js`));
      assert.deepEqual([...bare].sort(), ['lit']);
      assert.ok(pkg.dependencies.lit, 'lit is a dependency, so the app installs it');
    });
  }
});
