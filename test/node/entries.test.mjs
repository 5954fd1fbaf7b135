/**
 * The per-element entries (`impact-widgets/impact-stat`, `…/study-quote`, `…/fundraise-cta`) as an
 * app meets them: a tiny app imports an entry by name, esbuild or rollup bundles it through this
 * package's package.json (`exports`, `sideEffects`), and headless Chromium loads the result from a
 * loopback server that also serves the fixture document. Needs the built dist/.
 */
// The functions given to page.waitForFunction and page.evaluate run in the page.
/* global document, customElements */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { appFolder, bundleAsApp } from '../../scripts/bundle-as-app.mjs';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium.mjs';

const TAGS = ['impact-stat', 'study-quote', 'fundraise-cta'];
const BUNDLERS = ['esbuild', 'rollup'];
const fixture = readFileSync(new URL('../fixtures/study.json', import.meta.url), 'utf8');
const study = JSON.parse(fixture);

/** Each element on the test page, and a text of the fixture it shows once it has rendered. */
const ON_PAGE = {
  'impact-stat': { attributes: `data-id="share" data-animate="none"`, text: study.stats[0].label },
  'study-quote': { attributes: `data-id="first-voice"`, text: study.quotes[0].text },
  'fundraise-cta': { attributes: `data-id="join"`, text: study.ctas[0].heading },
};

const dir = appFolder('entries-app');
const hits = new Map();

/** `/NAME.js`: a bundle from the app folder; `/page/NAME`: a page that loads it; the document. */
const server = createServer((request, response) => {
  const url = new URL(request.url, 'http://localhost');
  const send = (status, type, body) => {
    response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    response.end(body);
  };
  const page = /^\/page\/([\w-]+)$/.exec(url.pathname);
  const script = /^\/([\w-]+\.js)$/.exec(url.pathname);
  if (url.pathname === '/study.json') {
    const key = url.searchParams.get('key');
    hits.set(key, (hits.get(key) ?? 0) + 1);
    send(200, 'application/json', fixture);
  } else if (page) {
    const elements = TAGS.map(
      (tag) => `<${tag} data-src="/study.json?key=${page[1]}" ${ON_PAGE[tag].attributes}></${tag}>`,
    );
    send(
      200,
      'text/html',
      `<!doctype html><html lang="en"><link rel="icon" href="data:,"><title>${page[1]}</title><body>${elements.join('')}<app-own></app-own><script type="module" src="/${page[1]}.js"></script></body></html>`,
    );
  } else if (script) {
    try {
      send(200, 'text/javascript', readFileSync(join(dir, script[1])));
    } catch {
      send(404, 'text/plain', 'not found');
    }
  } else {
    send(404, 'text/plain', 'not found');
  }
});

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

/**
 * Opens the page for bundle `name` and waits until every element its bundle defines has rendered
 * the fixture. Returns the tags defined, what each element shows, lit's version registries, and
 * the page's errors.
 */
async function load(name) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  try {
    await page.goto(`${origin}/page/${name}`);
    await page.waitForFunction(
      (texts) =>
        document.readyState === 'complete' &&
        Object.entries(texts).every(
          ([tag, text]) =>
            !customElements.get(tag) ||
            document.querySelector(tag).shadowRoot?.textContent.includes(text),
        ),
      Object.fromEntries(TAGS.map((tag) => [tag, ON_PAGE[tag].text])),
      { timeout: 15_000 },
    );
    return {
      errors,
      ...(await page.evaluate((tags) => {
        const own = document.querySelector('app-own');
        return {
          defined: tags.filter((tag) => customElements.get(tag)),
          // An element left undefined keeps its light DOM and gets no shadow root.
          shadowless: tags.filter((tag) => !document.querySelector(tag).shadowRoot),
          own: own.shadowRoot?.textContent ?? null,
          lit: {
            'lit-html': globalThis.litHtmlVersions?.length ?? 0,
            'lit-element': globalThis.litElementVersions?.length ?? 0,
            '@lit/reactive-element': globalThis.reactiveElementVersions?.length ?? 0,
          },
        };
      }, TAGS)),
    };
  } finally {
    await page.close();
  }
}

/** How many of an app bundle's modules are the file `path` (from the repository root). */
const copies = (modules, path) => modules.filter((module) => module.endsWith(path)).length;

for (const bundler of BUNDLERS) {
  describe(`each entry bundled by ${bundler}`, () => {
    for (const tag of TAGS) {
      it(`import 'impact-widgets/${tag}' defines <${tag}> and nothing else`, async () => {
        const name = `${bundler}-${tag}`;
        const { modules } = await bundleAsApp(dir, name, `import 'impact-widgets/${tag}';\n`, {
          bundler,
        });
        const result = await load(name);
        assert.deepEqual(result.errors, []);
        assert.deepEqual(result.defined, [tag]);
        assert.deepEqual(
          result.shadowless,
          TAGS.filter((other) => other !== tag),
        );
        // Came in through the package's exports, as the unbundled ES modules.
        assert.equal(copies(modules, `dist/esm/elements/${tag}/${tag}.define.js`), 1);
        assert.equal(copies(modules, 'dist/impact-widgets.js'), 0);
        for (const other of TAGS.filter((t) => t !== tag)) {
          assert.equal(copies(modules, `dist/esm/elements/${other}/${other}.js`), 0, other);
        }
      });
    }

    it('two entries and the app’s own Lit element share one lit, one loader cache and one define guard', async () => {
      const name = `${bundler}-two`;
      const source = [
        `import 'impact-widgets/impact-stat';`,
        `import 'impact-widgets/study-quote';`,
        `import { html, LitElement } from 'lit';`,
        `customElements.define('app-own', class extends LitElement {`,
        '  render() { return html`<p>own</p>`; }',
        `});`,
      ].join('\n');
      const { modules } = await bundleAsApp(dir, name, source, { bundler });
      for (const path of [
        'lit-html/lit-html.js',
        'lit-element/lit-element.js',
        '@lit/reactive-element/reactive-element.js',
        'dist/esm/internal/define.js',
        'dist/esm/data/loader.js',
        'dist/esm/styles/theme.js',
      ]) {
        assert.equal(copies(modules, path), 1, path);
      }
      const result = await load(name);
      assert.deepEqual(result.errors, []);
      assert.deepEqual(result.defined, ['impact-stat', 'study-quote']);
      assert.equal(result.own, 'own');
      assert.deepEqual(result.lit, {
        'lit-html': 1,
        'lit-element': 1,
        '@lit/reactive-element': 1,
      });
      // Both elements read the same data-src: one loader cache, so one request.
      assert.equal(hits.get(name), 1);
    });
  });
}

describe('the entries’ types', () => {
  it('resolve through the exports map and type the element classes', () => {
    const app = join(dir, 'types.ts');
    writeFileSync(
      app,
      [
        `import { ImpactStatElement } from 'impact-widgets/impact-stat';`,
        `import { StudyQuoteElement } from 'impact-widgets/study-quote';`,
        `import { FundraiseCtaElement, type SignupErrorDetail } from 'impact-widgets/fundraise-cta';`,
        `const stat: ImpactStatElement = document.createElement('impact-stat');`,
        `const quote: StudyQuoteElement = document.createElement('study-quote');`,
        `const cta: FundraiseCtaElement = document.createElement('fundraise-cta');`,
        `const cause: SignupErrorDetail['cause'] = 'network';`,
        // Fails to compile (an unused expectation) if an entry's types resolved to `any`.
        `// @ts-expect-error an element is not a number`,
        `export const wrong: number = new ImpactStatElement();`,
        `export { stat, quote, cta, cause };`,
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'bundler',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          skipLibCheck: true,
          types: [],
        },
        files: ['types.ts'],
      }),
    );
    const tsc = new URL('../../node_modules/typescript/bin/tsc', import.meta.url).pathname;
    try {
      execFileSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { stdio: 'pipe' });
    } catch (error) {
      assert.fail(`tsc: ${error.stdout}${error.stderr}`);
    }
  });
});
