/**
 * The package as npm publishes it: `npm pack` run in a fresh copy of the repository (the files git
 * tracks or would track, no dist/, no custom-elements.json), as a release from a clean checkout
 * runs it, so `prepack` must build. The tarball is then unpacked into throwaway apps, as an
 * install puts it, with its dependencies linked from this repository's node_modules: the test
 * reaches no registry.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  lstatSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { chromium } from 'playwright-core';
import { bundleAsApp } from '../../scripts/bundle-as-app.mjs';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium.mjs';
import { release } from '../../scripts/changelog-version.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const TAGS = ['impact-stat', 'study-quote', 'fundraise-cta'];

const work = mkdtempSync(join(tmpdir(), 'impact-widgets-package-'));
let tarball;
let packed;

/** A folder holding each package of this repository's node_modules as a link. */
function linkedNodeModules(dir) {
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (name === '.cache') continue;
    symlinkSync(join(ROOT, 'node_modules', name), join(dir, name));
  }
}

before(() => {
  const clone = join(work, 'clone');
  const files = execFileSync('git', ['ls-files', '-z', '-co', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((file) => file && existsSync(join(ROOT, file)));
  mkdirSync(clone);
  // One tar stream copies them with their folders and modes, as a checkout would have them.
  execFileSync(
    'sh',
    ['-c', `tar -C "$1" --null -T - -cf - | tar -C "$2" -xf -`, 'sh', ROOT, clone],
    {
      input: files.join('\0'),
    },
  );
  linkedNodeModules(join(clone, 'node_modules'));
  const output = execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
    cwd: clone,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The build's own lines (its sizes) come first on standard output; npm's JSON is the rest.
  const [result] = JSON.parse(output.slice(output.search(/^\[$/m)));
  tarball = join(work, result.filename);
  packed = result;
});

after(() => rmSync(work, { recursive: true, force: true }));

/** A throwaway app with the tarball unpacked at node_modules/impact-widgets. */
function appWithPackage(name) {
  const app = join(work, name);
  const target = join(app, 'node_modules/impact-widgets');
  rmSync(app, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
  return app;
}

/**
 * Links `names` and what they depend on into the app's node_modules as npm would hoist them, from
 * this repository's node_modules (a dependency's own nested copy stays inside it). Optional peer
 * dependencies are left out, as npm leaves them. Returns each linked package's folder.
 */
function linkDependencies(app, names) {
  const linked = new Map();
  const queue = names.map((name) => [name, ROOT]);
  while (queue.length > 0) {
    const [name, from] = queue.shift();
    // A dependency's own copy of a package is inside its folder already.
    if (linked.has(name) || (from !== ROOT && existsSync(join(from, 'node_modules', name))))
      continue;
    const source = join(ROOT, 'node_modules', name);
    linked.set(name, source);
    const target = join(app, 'node_modules', name);
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(source, target);
    const manifest = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
    const optional = manifest.peerDependenciesMeta ?? {};
    for (const dependency of [
      ...Object.keys(manifest.dependencies ?? {}),
      // The ones for this platform, as npm installs them (resvg's native binary).
      ...Object.keys(manifest.optionalDependencies ?? {}).filter((name) =>
        existsSync(join(ROOT, 'node_modules', name)),
      ),
      ...Object.keys(manifest.peerDependencies ?? {}).filter((peer) => !optional[peer]?.optional),
    ]) {
      queue.push([dependency, source]);
    }
  }
  return [...linked.values()];
}

/** An app that installed the tarball: the package and its dependencies, and `extra` beside. */
function installedApp(name, extra = []) {
  const app = appWithPackage(name);
  const folders = linkDependencies(app, [
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.entries(pkg.peerDependencies ?? {})
      .filter(([peer]) => !pkg.peerDependenciesMeta?.[peer]?.optional)
      .map(([peer]) => peer),
    ...extra,
  ]);
  return { app, folders: [join(app, 'node_modules/impact-widgets'), ...folders] };
}

/** The bytes of the files under `dir`, links not followed. */
function folderBytes(dir) {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) bytes += folderBytes(path);
    else if (entry.isFile()) bytes += lstatSync(path).size;
  }
  return bytes;
}

/** What `import.meta.resolve` gives for each specifier, from a script inside the app. */
const resolveIn = (app, specifiers) =>
  JSON.parse(
    execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `console.log(JSON.stringify(${JSON.stringify(specifiers)}.map((s) => import.meta.resolve(s))))`,
      ],
      { cwd: app, encoding: 'utf8' },
    ),
  ).map((url) => fileURLToPath(url));

describe('npm pack from a fresh checkout', () => {
  it('builds first (prepack), so the tarball carries dist/, its types and custom-elements.json', () => {
    const files = packed.files.map((file) => file.path);
    for (const file of [
      'dist/impact-widgets.js',
      'dist/impact-widgets.iife.js',
      'dist/esm/index.js',
      'dist/types/index.d.ts',
      'dist/embed.html',
      'dist/cambodia-2015.json',
      'custom-elements.json',
      'LICENSE',
      'README.md',
      ...TAGS.map((tag) => `dist/esm/entries/${tag}.js`),
    ]) {
      assert.ok(files.includes(file), `${file} is in the tarball`);
    }
    console.log(
      `# tarball: ${(packed.size / 1024).toFixed(0)} KB packed, ${(packed.unpackedSize / 1024).toFixed(0)} KB unpacked, ${packed.entryCount} files`,
    );
  });

  it('ships the MIT licence that package.json names', () => {
    assert.equal(pkg.license, 'MIT');
    const licence = readFileSync(
      join(appWithPackage('licence'), 'node_modules/impact-widgets/LICENSE'),
      'utf8',
    );
    assert.match(licence, /^MIT License\n/);
    assert.match(licence, /Permission is hereby granted, free of charge/);
  });

  it('says where the project lives and who wrote it', () => {
    for (const field of ['repository', 'homepage', 'bugs', 'keywords', 'author']) {
      assert.ok(pkg[field], `package.json has "${field}"`);
    }
    assert.match(pkg.repository.url, /^git\+https:\/\/github\.com\/[\w-]+\/[\w-]+\.git$/);
    assert.ok(pkg.homepage.startsWith(pkg.repository.url.slice(4, -4)));
    assert.ok(pkg.bugs.url.startsWith(pkg.repository.url.slice(4, -4)));
  });
});

describe('CHANGELOG.md', () => {
  const changelog = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');

  it('has a dated entry, with its link, for the version in package.json', () => {
    const escaped = pkg.version.replace(/\./g, '\\.');
    assert.match(changelog, new RegExp(`^## \\[${escaped}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'));
    assert.match(changelog, new RegExp(`^\\[${escaped}\\]: https://`, 'm'));
  });

  it('npm version moves what Unreleased holds into the new version, dated', () => {
    assert.equal(pkg.scripts.version, 'node scripts/changelog-version.mjs && git add CHANGELOG.md');
    const next = release(changelog, '9.8.7', '2031-01-02');
    assert.match(next, /## \[Unreleased\]\n\n## \[9\.8\.7\] - 2031-01-02\n/);
    assert.match(next, /^\[Unreleased\]: .*\/compare\/v9\.8\.7\.\.\.HEAD$/m);
    assert.match(
      next,
      new RegExp(`^\\[9\\.8\\.7\\]: .*/compare/v${pkg.version}\\.\\.\\.v9\\.8\\.7$`, 'm'),
    );
    assert.throws(() => release(changelog, pkg.version, '2031-01-02'), /already has/);
  });
});

describe('the exports an app reaches for', () => {
  it('impact-widgets/cambodia-2015.json is the default document, beside its schema', async () => {
    const app = appWithPackage('json');
    const [document, schema] = resolveIn(app, [
      'impact-widgets/cambodia-2015.json',
      'impact-widgets/study.schema.json',
    ]);
    const parsed = JSON.parse(readFileSync(document, 'utf8'));
    assert.equal(parsed.$schema, './study.schema.json');
    assert.equal(join(document, '..', parsed.$schema), schema);
    assert.equal(parsed.study.id, 'cambodia-prevalence-2015');
  });

  it('impact-widgets/embed.html is the iframe page, with the files it loads beside it', () => {
    const app = appWithPackage('embed');
    const [page] = resolveIn(app, ['impact-widgets/embed.html']);
    const html = readFileSync(page, 'utf8');
    assert.match(html, /^<!doctype html>/i);
    for (const [, url] of html.matchAll(/\s(?:src|href)="([^"]+)"/g)) {
      assert.ok(existsSync(join(page, '..', url)), `${url} beside embed.html`);
    }
  });
});

describe('custom-elements.json in the tarball', () => {
  const manifest = () =>
    JSON.parse(
      readFileSync(
        join(appWithPackage('manifest'), 'node_modules/impact-widgets/custom-elements.json'),
        'utf8',
      ),
    );

  it('names only modules that ship', () => {
    const files = packed.files.map((file) => file.path);
    const { modules } = manifest();
    assert.ok(modules.length > 0);
    for (const module of modules) assert.ok(files.includes(module.path), module.path);
  });

  it('dist/vscode.html-custom-data.json gives VS Code each tag and its attributes, documented', () => {
    const app = appWithPackage('vscode');
    const [file] = resolveIn(app, ['impact-widgets/vscode.html-custom-data.json']);
    const data = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(data.version, 1.1);
    const declarations = manifest().modules.flatMap((module) => module.declarations ?? []);
    assert.deepEqual(data.tags.map((tag) => tag.name).sort(), [...TAGS].sort());
    for (const tag of data.tags) {
      const element = declarations.find((declaration) => declaration.tagName === tag.name);
      assert.equal(tag.description, element.summary);
      assert.deepEqual(
        tag.attributes.map(({ name, description }) => [name, description]),
        element.attributes.map(({ name, description }) => [name, description]),
      );
    }
  });

  it('defines each tag once, from its define module, and nothing else', () => {
    const { modules } = manifest();
    const definitions = modules.flatMap((module) =>
      (module.exports ?? [])
        .filter((entry) => entry.kind === 'custom-element-definition')
        .map((entry) => ({ ...entry, from: module.path })),
    );
    assert.deepEqual(definitions.map((d) => d.name).sort(), [...TAGS].sort());
    for (const { name, from, declaration } of definitions) {
      assert.equal(from, `dist/esm/elements/${name}/${name}.define.js`);
      const declared = modules
        .find((module) => module.path === declaration.module)
        ?.declarations.find((d) => d.name === declaration.name);
      assert.equal(declared?.tagName, name);
    }
  });
});

describe('every entry in plain Node, as server code imports it (Next.js, Astro)', () => {
  const ENTRIES = ['impact-widgets', ...TAGS.map((tag) => `impact-widgets/${tag}`)];
  const run = (app, code) =>
    execFileSync(process.execPath, ['--input-type=module', '-e', code], {
      cwd: app,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });

  for (const entry of ENTRIES) {
    it(`import '${entry}' does not throw, and defines no element`, () => {
      const { app } = installedApp('server');
      const defined = run(
        app,
        `await import('${entry}');
        // lit's Node build gives the server a registry; ours stays out of it.
        if (typeof customElements?.define !== 'function') throw new Error('no registry');
        console.log(JSON.stringify(${JSON.stringify(TAGS)}.filter((tag) => customElements.get(tag))));`,
      );
      assert.deepEqual(JSON.parse(defined), []);
    });
  }

  it('a server render (@lit-labs/ssr) sends the light-DOM fallback, with no shadow root', () => {
    const { app } = installedApp('server-render', ['@lit-labs/ssr']);
    const fallback = '2.2 % of people in the commercial sex trade were minors';
    const markup = run(
      app,
      `import 'impact-widgets';
      import { html } from 'lit';
      import { render } from '@lit-labs/ssr';
      import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
      console.log(collectResultSync(render(html\`<impact-stat data-id="minors-2015"><p>${fallback}</p></impact-stat>\`)));`,
    );
    assert.match(
      markup,
      new RegExp(`<impact-stat data-id="minors-2015"><p>${fallback}</p></impact-stat>`),
    );
    assert.doesNotMatch(markup, /shadowroot/i);
  });
});

describe('the snapshot command in an app that installed only the elements', () => {
  const cliIn = (app, ...args) =>
    spawnSync(
      process.execPath,
      [join(app, 'node_modules/impact-widgets/bin/impact-widgets.mjs'), ...args],
      {
        cwd: app,
      },
    );
  const text = ({ status, stdout, stderr }) => ({
    status,
    stdout: stdout.toString('utf8'),
    stderr: stderr.toString('utf8'),
  });
  // The image toolchain is an optional peer: installed by the app, at the versions we test with.
  const image = { svg: ['harfbuzzjs'], png: ['harfbuzzjs', '@resvg/resvg-js'] };
  const install = (names) => names.map((name) => `${name}@${pkg.devDependencies[name]}`).join(' ');

  it('the install holds neither harfbuzzjs nor resvg', () => {
    const { app } = installedApp('elements-only');
    for (const name of ['harfbuzzjs', '@resvg/resvg-js']) {
      assert.ok(pkg.peerDependenciesMeta[name].optional, name);
      assert.equal(existsSync(join(app, 'node_modules', name)), false, name);
    }
  });

  for (const format of ['svg', 'png']) {
    it(`--as ${format} prints the one command that installs what it draws with, and exits 2`, () => {
      const { app } = installedApp('elements-only');
      writeFileSync(
        join(app, 'package.json'),
        JSON.stringify({ dependencies: { 'impact-widgets': pkg.version } }),
      );
      const result = text(cliIn(app, 'snapshot', 'impact-stat', '--as', format));
      assert.equal(result.status, 2);
      assert.equal(result.stdout, '');
      const lines = result.stderr.trimEnd().split('\n');
      assert.equal(lines.length, 1, result.stderr);
      assert.ok(lines[0].endsWith(`: npm install --save-dev ${install(image[format])}`), lines[0]);
    });
  }

  // `npx impact-widgets` where no project installed it: npm unpacks it into its cache,
  // <cache>/_npx/<hash>/node_modules, beside a package.json where it notes what npx asked for
  // (libnpmexec). An `npm install` there is not one npx would load; `npx -p` adds them.
  const FROM_NPX = [
    ...['svg', 'png'].map((format) => ({
      title: `--as ${format}`,
      needs: image[format],
      args: ['snapshot', 'impact-stat', '--src', "Cambodia's study.json", '--as', format],
    })),
    {
      title: 'publish',
      needs: image.png,
      args: ['publish', '--base-url', 'https://cards.example.org/', '-o', 'share site'],
    },
  ];
  for (const { title, needs, args } of FROM_NPX) {
    it(`${title} run from npx's cache prints the npx -p command that brings them, and exits 2`, () => {
      const { app } = installedApp(`_npx/${title}`);
      writeFileSync(
        join(app, 'package.json'),
        JSON.stringify({
          dependencies: { 'impact-widgets': pkg.version },
          _npx: { packages: ['impact-widgets'] },
        }),
      );
      const result = text(cliIn(app, ...args));
      assert.equal(result.status, 2);
      assert.equal(result.stdout, '');
      const lines = result.stderr.trimEnd().split('\n');
      assert.equal(lines.length, 1, result.stderr);
      const [, command] = /: (npx .*)$/.exec(lines[0]) ?? [];
      assert.ok(command, lines[0]);
      // Read back as a POSIX shell reads it: npx, the packages, then the same arguments.
      const { stdout } = spawnSync('sh', ['-c', `printf '%s\\n' ${command}`], { encoding: 'utf8' });
      assert.deepEqual(stdout.trimEnd().split('\n'), [
        'npx',
        ...[`impact-widgets@${pkg.version}`, ...install(needs).split(' ')].flatMap((name) => [
          '-p',
          name,
        ]),
        'impact-widgets',
        ...args,
      ]);
    });
  }

  it('--as png draws once the app installs them', () => {
    const { app } = installedApp('with-image-tools', image.png);
    const { status, stdout, stderr } = cliIn(app, 'snapshot', 'impact-stat', '--as', 'png');
    assert.equal(status, 0, stderr.toString());
    // The PNG signature (RFC 2083, 3.1).
    assert.deepEqual([...stdout.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10]);
  });

  it('publish prints the one command that installs what its share images draw with, and exits 2', () => {
    const { app } = installedApp('elements-only');
    const args = ['publish', '--base-url', 'https://cards.example.org/', '-o', 'site'];
    const result = text(cliIn(app, ...args));
    assert.equal(result.status, 2);
    const lines = result.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, result.stderr);
    assert.ok(lines[0].endsWith(`: npm install --save-dev ${install(image.png)}`), lines[0]);
    assert.equal(existsSync(join(app, 'site')), false);
  });

  it('publish writes the site from the installed package once the app installs them', () => {
    const { app } = installedApp('with-image-tools', image.png);
    const args = ['publish', '--base-url', 'https://cards.example.org/', '-o', 'site'];
    const { status, stderr } = cliIn(app, ...args);
    assert.equal(status, 0, stderr.toString());
    for (const file of ['index.html', 'site.js', 'frame.js', 'impact-stat/minors-2015/card.png']) {
      assert.ok(existsSync(join(app, 'site', file)), file);
    }
  });

  for (const format of ['html', 'email']) {
    it(`--as ${format} needs no extra install`, () => {
      const { app } = installedApp('elements-only');
      const result = text(cliIn(app, 'snapshot', 'impact-stat', '--as', format));
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stderr, '');
      assert.match(result.stdout, /2\.2/);
    });
  }
});

describe('a browser-only install', () => {
  it('is the package, lit and what lit needs: under 5 MB', () => {
    const { folders } = installedApp('browser-only');
    const bytes = folders.reduce((sum, folder) => sum + folderBytes(folder), 0);
    console.log(
      `# browser-only install: ${(bytes / 1024 / 1024).toFixed(2)} MB in ${folders.length} packages`,
    );
    assert.ok(bytes < 5 * 1024 * 1024, `${bytes} B`);
  });
});

describe('an app with its own Lit', () => {
  // npm aliases of older lits, devDependencies of this repository (their own lit-html and
  // lit-element resolve to the ones hoisted here, as an app's install would dedupe them).
  const CASES = [
    { app: 'lit 3.3.0: in our range, so one copy, the app’s', own: 'lit-3-3-0' },
    { app: 'lit 3.1.4: below our range, so npm installs ours inside us', own: 'lit-3-1' },
  ];
  /** Whether npm would let the app's lit serve us: `version` satisfies our caret range. */
  const inRange = (version) => {
    const [, ...floor] = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(pkg.dependencies.lit).map(Number);
    const [major, ...rest] = version.split('.').map(Number);
    const cmp = [major, ...rest].findIndex((part, i) => part !== floor[i]);
    return major === floor[0] && (cmp === -1 || [major, ...rest][cmp] > floor[cmp]);
  };
  const server = createServer();
  let browser;
  let origin;

  before(async () => {
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${server.address().port}`;
    browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    server.close();
  });

  for (const { app: title, own } of CASES) {
    it(`${title}; both render`, async () => {
      const { version } = JSON.parse(
        readFileSync(join(ROOT, 'node_modules', own, 'package.json'), 'utf8'),
      );
      const nested = !inRange(version);
      const app = appWithPackage(own);
      linkDependencies(app, ['lit-html', 'lit-element', '@lit/reactive-element']);
      symlinkSync(join(ROOT, 'node_modules', own), join(app, 'node_modules/lit'));
      if (nested) {
        mkdirSync(join(app, 'node_modules/impact-widgets/node_modules'));
        symlinkSync(
          join(ROOT, 'node_modules/lit'),
          join(app, 'node_modules/impact-widgets/node_modules/lit'),
        );
      }
      const source = [
        `import 'impact-widgets/impact-stat';`,
        `import { html, LitElement } from 'lit';`,
        `customElements.define('app-own', class extends LitElement {`,
        '  render() { return html`<p>own</p>`; }',
        `});`,
      ].join('\n');
      const { code, modules } = await bundleAsApp(app, 'app', source);
      const lits = modules.filter((module) =>
        /node_modules\/lit(-3-[\d-]+)?\/index\.js$/.test(module),
      );
      assert.deepEqual(
        lits.sort(),
        nested
          ? ['node_modules/lit-3-1/index.js', 'node_modules/lit/index.js']
          : [`node_modules/${own}/index.js`],
      );
      server.removeAllListeners('request');
      server.on('request', (request, response) => {
        const js = request.url === '/app.js';
        response.writeHead(200, { 'content-type': js ? 'text/javascript' : 'text/html' });
        response.end(
          js
            ? code
            : `<!doctype html><html lang="en"><title>app</title><body><impact-stat data-value="2.2" data-format="percent" data-label="minors" data-animate="none"></impact-stat><app-own></app-own><script type="module" src="/app.js"></script></body></html>`,
        );
      });
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      try {
        await page.goto(origin);
        /* global document */
        await page.waitForFunction(() =>
          ['impact-stat', 'app-own'].every(
            (tag) => document.querySelector(tag).shadowRoot?.textContent,
          ),
        );
        const shown = await page.evaluate(() => ({
          stat: document.querySelector('impact-stat').shadowRoot.textContent,
          own: document.querySelector('app-own').shadowRoot.textContent,
        }));
        assert.match(shown.stat, /minors/);
        assert.equal(shown.own, 'own');
        assert.deepEqual(errors, []);
      } finally {
        await page.close();
      }
    });
  }
});

describe('the README’s framework examples, in apps that installed the tarball', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  /** The code block under `<!-- compiled by test/node/package.test.mjs: NAME -->`. */
  const example = (name) => {
    const block = new RegExp(
      `<!-- compiled by test/node/package\\.test\\.mjs: ${name} -->\\s*\`\`\`\\w+\\n([\\s\\S]*?)\`\`\``,
    ).exec(readme);
    assert.ok(block, `README.md has the ${name} example`);
    return block[1];
  };
  const TSCONFIG = {
    strict: true,
    noEmit: true,
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'bundler',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    skipLibCheck: false,
    types: [],
  };
  const node = (script, args, cwd) => {
    try {
      return execFileSync(process.execPath, [join(ROOT, 'node_modules', script), ...args], {
        cwd,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      throw new Error(`${script}:\n${error.stdout}${error.stderr}`, { cause: error });
    }
  };
  const bundle = (app, entry) =>
    esbuild({
      entryPoints: [join(app, entry)],
      bundle: true,
      write: false,
      format: 'esm',
      jsx: 'automatic',
      logLevel: 'silent',
    }).then(({ outputFiles: [file] }) => file.text);

  it('React 19: the TSX type-checks with no declarations of its own, and builds', async () => {
    const { app } = installedApp('react-app', [
      'react',
      'react-dom',
      '@types/react',
      '@types/react-dom',
    ]);
    writeFileSync(join(app, 'app.tsx'), example('react'));
    // The types are not `any`: each of these must be an error.
    writeFileSync(
      join(app, 'wrong.tsx'),
      [
        `import type {} from 'impact-widgets/react';`,
        `// @ts-expect-error impact-ready's detail has no such field`,
        `export const a = <impact-stat onimpact-ready={(event) => event.detail.nope} />;`,
        `// @ts-expect-error not one of the stat formats`,
        `export const b = <impact-stat data-format="ratio" />;`,
        `// @ts-expect-error a call to action's signup detail says how it was delivered`,
        `export const c = <fundraise-cta onimpact-signup={(event) => event.detail.delivery === 'posted'} />;`,
      ].join('\n'),
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { ...TSCONFIG, jsx: 'react-jsx' },
        files: ['app.tsx', 'wrong.tsx'],
      }),
    );
    node('typescript/bin/tsc', ['-p', 'tsconfig.json'], app);
    const code = await bundle(app, 'app.tsx');
    for (const tag of TAGS) assert.ok(code.includes(`define("${tag}"`), tag);
  });

  it('Vue 3: the single-file component type-checks (vue-tsc) with no declarations of its own, and builds', async () => {
    const { app } = installedApp('vue-app', ['vue', 'vue-tsc']);
    writeFileSync(join(app, 'App.vue'), example('vue'));
    // The types are not `any`: the same component reading a field the detail lacks fails.
    writeFileSync(
      join(app, 'Wrong.vue'),
      example('vue').replace('event.detail.id', 'event.detail.nope'),
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: TSCONFIG, include: ['*.vue'] }),
    );
    let errors;
    assert.throws(
      () => node('vue-tsc/bin/vue-tsc.js', ['-p', 'tsconfig.json'], app),
      (error) => {
        errors = error.message.split('\n').filter((line) => /error TS/.test(line));
        return true;
      },
    );
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0], /^Wrong\.vue\(.*Property 'nope' does not exist/);
    // Built as @vitejs/plugin-vue builds it, with the isCustomElement the README gives.
    const { parse, compileScript } = await import('vue/compiler-sfc');
    const isCustomElement = (tag) => /^(impact-stat|study-quote|fundraise-cta)$/.test(tag);
    const { descriptor } = parse(example('vue'), {
      filename: 'App.vue',
      templateParseOptions: { isCustomElement },
    });
    const script = compileScript(descriptor, {
      id: 'app',
      inlineTemplate: true,
      templateOptions: { compilerOptions: { isCustomElement } },
    });
    writeFileSync(join(app, 'App.ts'), script.content);
    writeFileSync(
      join(app, 'main.ts'),
      `import { createApp } from 'vue';\nimport App from './App.ts';\ncreateApp(App).mount('#results');\n`,
    );
    const code = await bundle(app, 'main.ts');
    for (const tag of TAGS) assert.ok(code.includes(`define("${tag}"`), tag);
    assert.doesNotMatch(code, /resolveComponent\("impact-stat"/);
  });
  it('Svelte 5: the component type-checks (svelte-check) with no declarations of its own, and builds', async () => {
    const { app } = installedApp('svelte-app', ['svelte', 'svelte-check']);
    writeFileSync(join(app, 'App.svelte'), example('svelte'));
    // The types are not `any`: the same component reading a field the detail lacks fails.
    writeFileSync(
      join(app, 'Wrong.svelte'),
      example('svelte').replace('event.detail.id', 'event.detail.nope'),
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { ...TSCONFIG, verbatimModuleSyntax: true } }),
    );
    let output;
    assert.throws(
      () =>
        node(
          'svelte-check/bin/svelte-check',
          [
            '--workspace',
            app,
            '--tsconfig',
            'tsconfig.json',
            '--output',
            'machine',
            '--fail-on-warnings',
          ],
          app,
        ),
      (error) => {
        output = error.message;
        return true;
      },
    );
    const problems = output.split('\n').filter((line) => /^\d+ (ERROR|WARNING) /.test(line));
    assert.equal(problems.length, 1, output);
    assert.match(problems[0], /^\d+ ERROR "Wrong\.svelte" .*Property 'nope' does not exist/);
    // Built as vite-plugin-svelte builds it.
    const { compile } = await import('svelte/compiler');
    writeFileSync(
      join(app, 'App.js'),
      compile(example('svelte'), { filename: 'App.svelte' }).js.code,
    );
    writeFileSync(
      join(app, 'main.js'),
      `import { mount } from 'svelte';\nimport App from './App.js';\nmount(App, { target: document.body });\n`,
    );
    const code = await bundle(app, 'main.js');
    for (const tag of TAGS) assert.ok(code.includes(`define("${tag}"`), tag);
  });

  it('Angular 21: the standalone component compiles (ngc, strictTemplates) with typed $event.detail, and builds', async () => {
    const { app } = installedApp('angular-app', ['@angular/core']);
    const component = example('angular');
    writeFileSync(join(app, 'app.ts'), component);
    // The event types are not `any`: the same component reading a field the detail lacks fails.
    writeFileSync(
      join(app, 'wrong.ts'),
      component.replace('$event.detail.id', () => '$event.detail.nope'),
    );
    // And the template is checked: without the schema, Angular knows none of the three tags.
    writeFileSync(
      join(app, 'no-schema.ts'),
      component.replace(/^\s*schemas: \[CUSTOM_ELEMENTS_SCHEMA\],\n/m, ''),
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { ...TSCONFIG, noEmit: false, outDir: 'out' },
        files: ['app.ts', 'wrong.ts', 'no-schema.ts'],
        angularCompilerOptions: { strictTemplates: true },
      }),
    );
    // What ngc runs, in this process: one program for the three files, then its output.
    const { readConfiguration, createProgram, createCompilerHost, defaultGatherDiagnostics } =
      await import('@angular/compiler-cli');
    const { rootNames, options } = readConfiguration(join(app, 'tsconfig.json'));
    const program = createProgram({ rootNames, options, host: createCompilerHost({ options }) });
    // Each error's file, code and first line (NG8001's next lines say what to do about it).
    const errors = defaultGatherDiagnostics(program).map(({ file, code, messageText }) => {
      const [first] = (messageText.messageText ?? messageText).split('\n');
      return `${file ? file.fileName.slice(app.length + 1) : '-'} ${code}: ${first}`;
    });
    // ngtsc reports its own errors as -99 followed by the code (NG8001 is -998001).
    assert.deepEqual(
      errors.sort(),
      [
        ...TAGS.map((tag) => `no-schema.ts -998001: '${tag}' is not a known element:`),
        `wrong.ts 2339: Property 'nope' does not exist on type '{ id?: string | undefined; }'.`,
      ].sort(),
    );
    program.emit();
    // Compiled ahead of time, as `ng build` ships it, not left to a compiler in the browser.
    const emitted = readFileSync(join(app, 'out/app.js'), 'utf8');
    assert.ok(emitted.includes('ɵɵdefineComponent({ type: Results,'), 'the template is compiled');
    const code = await bundle(app, 'out/app.js');
    for (const tag of TAGS) assert.ok(code.includes(`define("${tag}"`), tag);
  });
});

describe('the checks the ecosystem runs, on the tarball', () => {
  const check = (bin, args) =>
    spawnSync(process.execPath, [join(ROOT, 'node_modules', bin), ...args], { encoding: 'utf8' });

  it('publint --strict finds nothing', () => {
    const { status, stdout, stderr } = check('publint/src/cli.js', ['--strict', tarball]);
    assert.equal(status, 0, stdout + stderr);
    assert.match(stdout, /All good!/);
  });

  it('@arethetypeswrong/cli finds no problem under the ESM-only profile', () => {
    // The stylesheet and the iframe page are files to link, not modules to import.
    const { status, stdout, stderr } = check('@arethetypeswrong/cli/dist/index.js', [
      tarball,
      '--profile',
      'esm-only',
      '--exclude-entrypoints',
      'impact-widgets.css',
      'embed.html',
      '--format',
      'ascii',
    ]);
    assert.equal(status, 0, stdout + stderr);
    // Each kind of problem it saw is one line with its link; the profile leaves CommonJS out.
    const problems = stdout.split('\n').filter((line) => /docs\/problems\//.test(line));
    assert.deepEqual(
      problems.filter((line) => !line.startsWith('(ignored per resolution)')),
      [],
    );
  });
});
