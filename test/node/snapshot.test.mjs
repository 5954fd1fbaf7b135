/**
 * `npx impact-widgets snapshot`, run as a partner runs it (bin/impact-widgets.mjs in a child
 * process), against the built dist/: what it prints, what it refuses, and that its card says what
 * the live element says, word for word, in Chromium.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium.mjs';
import { sharedStylesheet } from '../../scripts/scope-css.mjs';
import { cli, cliAsync, FIXTURE, refused, ROOT, serve, TAGS } from './cli-helpers.mjs';

const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
/** The stylesheet's Subresource Integrity hash, which pins the snippet's link to it. */
const CSS_HASH = `sha384-${createHash('sha384')
  .update(readFileSync(join(ROOT, 'dist/impact-widgets.css')))
  .digest('base64')}`;

/** Pages for Chromium, served at /page/N. */
const pages = [];
let origin;
let server;

before(async () => {
  server = await serve(pages);
  origin = server.origin;
});
after(() => server.close());

describe('impact-widgets snapshot', () => {
  it('prints the element, its card in a declarative shadow root, and the fallback', () => {
    const { status, stdout, stderr } = cli('snapshot', 'impact-stat');
    assert.equal(status, 0, stderr);
    assert.equal(stderr, '');
    const css = `https://unpkg.com/impact-widgets@${version}/dist/impact-widgets.css`;
    assert.ok(
      stdout.startsWith(
        `<impact-stat data-id="minors-2015"><template shadowrootmode="open"><link rel="stylesheet" href="${css}" integrity="${CSS_HASH}" crossorigin="anonymous"><div class="card" part="card"`,
      ),
      stdout,
    );
    // What a strict CSP blocks, and what only a hydration would read.
    assert.doesNotMatch(stdout, /<style|\sstyle=|<!--|<\?/);
    const light = stdout.slice(stdout.indexOf('</template>'));
    assert.match(light, /<p>2\.2%<\/p>/);
    assert.match(light, /Cambodia Prevalence Study, 2015/);
    assert.ok(stdout.endsWith('</impact-stat>\n'));
  });

  it('writes the same snippet to a file with -o, and sets language, theme and stylesheet', () => {
    const folder = mkdtempSync(join(tmpdir(), 'snapshot-'));
    try {
      const args = ['snapshot', 'study-quote', '--id', 'sharon-cohn-wu', '--lang', 'fr'];
      const more = ['--theme', 'dark', '--css-url', '/assets/impact-widgets.css'];
      const printed = cli(...args, ...more);
      const written = cli(...args, ...more, '-o', join(folder, 'quote.html'));
      assert.equal(written.status, 0, written.stderr);
      assert.equal(written.stdout, '');
      assert.equal(readFileSync(join(folder, 'quote.html'), 'utf8'), printed.stdout);
      assert.ok(
        printed.stdout.startsWith(
          `<study-quote data-id="sharon-cohn-wu" data-theme="dark" lang="fr"><template shadowrootmode="open"><link rel="stylesheet" href="/assets/impact-widgets.css" integrity="${CSS_HASH}" crossorigin="anonymous">`,
        ),
      );
    } finally {
      rmSync(folder, { recursive: true });
    }
  });

  it("keeps Intl's no-break spaces, in the card and its fallback", () => {
    const { status, stdout, stderr } = cli('snapshot', 'impact-stat', '--lang', 'fr');
    assert.equal(status, 0, stderr);
    // 2.2, one decimal: the embedded study's first stat, as the platform writes it in French.
    const figure = new Intl.NumberFormat('fr', {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(0.022);
    assert.match(figure, /\u00a0|\u202f/);
    assert.ok(stdout.includes(`<span class="sr">${figure}</span>`), stdout);
    assert.ok(stdout.includes(`<p>${figure}</p>`), stdout);
  });

  it('explains itself with --help', () => {
    const { status, stdout } = cli('--help');
    assert.equal(status, 0);
    assert.match(stdout, /Usage: impact-widgets snapshot <tag>/);
  });

  describe('refuses bad input with one line on stderr, and writes nothing', () => {
    const cases = [
      [['nothing'], 'unknown command "nothing"'],
      [[], 'no command given'],
      [['snapshot'], 'no element given', 'impact-stat, study-quote, fundraise-cta'],
      [['snapshot', 'impact-card'], 'unknown element "impact-card"'],
      [['snapshot', 'impact-stat', 'minors-2015'], 'unexpected argument "minors-2015"'],
      [['snapshot', 'impact-stat', '--colour', 'red'], 'unknown option --colour'],
      [['snapshot', 'impact-stat', '--id'], '--id needs a value'],
      [['snapshot', 'impact-stat', '--id', ''], '--id is empty'],
      [['snapshot', 'impact-stat', '--theme', 'pink'], '--theme "pink"', 'light, dark, auto'],
      [['snapshot', 'impact-stat', '--as', 'jpeg'], '--as "jpeg"', 'html, email, svg, png'],
      [['snapshot', 'impact-stat', '--lang', 'en_GB'], '--lang "en_GB"', 'BCP 47'],
      [['snapshot', 'impact-stat', '--id', 'nope'], '--id', 'no stat with id "nope"'],
      [
        ['snapshot', 'fundraise-cta', '--src', FIXTURE, '--id', 'nope'],
        'no call to action with id "nope"',
      ],
      [
        ['snapshot', 'impact-stat', '--src', 'no-such-file.json'],
        'no-such-file.json could not be read',
        'no such file',
      ],
      [['snapshot', 'impact-stat', '--src', join(ROOT, 'README.md')], 'README.md is not JSON'],
      [
        ['snapshot', 'impact-stat', '--src', join(ROOT, 'package.json')],
        'package.json: study: required',
      ],
    ];
    for (const [args, ...words] of cases) {
      it(`impact-widgets ${args.join(' ')}`, () => {
        const folder = mkdtempSync(join(tmpdir(), 'snapshot-'));
        try {
          refused(
            cli(...args, ...(args.length > 1 ? ['-o', join(folder, 'out.html')] : [])),
            ...words,
          );
          assert.deepEqual(readdirSync(folder), [], 'files written');
        } finally {
          rmSync(folder, { recursive: true });
        }
      });
    }

    it('a document URL that answers 404, or is not a study document, or cannot be reached', async () => {
      refused(
        await cliAsync('snapshot', 'impact-stat', '--src', `${origin}/missing.json`),
        'answered HTTP 404',
      );
      refused(
        await cliAsync('snapshot', 'impact-stat', '--src', `${origin}/broken.json`),
        '/broken.json: study: required',
      );
      refused(
        await cliAsync('snapshot', 'impact-stat', '--src', 'http://127.0.0.1:9/study.json'),
        'could not be reached',
      );
    });

    it('an output file that cannot be written leaves nothing behind', () => {
      const folder = mkdtempSync(join(tmpdir(), 'snapshot-'));
      try {
        refused(
          cli('snapshot', 'impact-stat', '-o', join(folder, 'missing/out.html')),
          'could not be written',
        );
        assert.deepEqual(readdirSync(folder), []);
      } finally {
        rmSync(folder, { recursive: true });
      }
    });
  });
});

describe('dist/impact-widgets.css', () => {
  it("holds each element's own stylesheets, scoped to it, and nothing else", async () => {
    const { ELEMENTS } = await import(join(ROOT, 'dist/snapshot.mjs'));
    assert.deepEqual(Object.keys(ELEMENTS), TAGS);
    assert.equal(
      readFileSync(join(ROOT, 'dist/impact-widgets.css'), 'utf8'),
      sharedStylesheet(ELEMENTS),
    );
  });
});

describe("the snapshot's card and the live element's", () => {
  let browser;
  before(async () => {
    browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  });
  after(() => browser?.close());

  /** The card's words in a page at `path`, whitespace collapsed, once the card is there. */
  async function cardText(path, tag, { script = false } = {}) {
    const page = await browser.newPage();
    try {
      // The final figure at once: the live stat counts up otherwise, and the snapshot never does.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(`${origin}${path}`);
      if (script) await page.addScriptTag({ url: '/dist/impact-widgets.js', type: 'module' });
      const card = page.locator(`${tag} [part~="card"]`).first();
      await card.waitFor({ timeout: 10_000 });
      return (await card.textContent()).replace(/\s+/g, ' ').trim();
    } finally {
      await page.close();
    }
  }

  const cases = [
    ...TAGS.map((tag) => [tag, []]),
    ['impact-stat', ['--id', 'reduction-2012-2015', '--lang', 'fr']],
    ['study-quote', ['--id', 'pol-phie-they', '--lang', 'fr']],
    ['impact-stat', ['--src', '/study.json', '--id', 'share']],
    ['study-quote', ['--src', '/study.json', '--id', 'first-voice', '--lang', 'fr']],
    ['fundraise-cta', ['--src', '/study.json', '--lang', 'fr']],
  ];
  for (const [tag, args] of cases) {
    it(`say the same words: ${tag} ${args.join(' ')}`, async () => {
      // A document URL as the page names it; the command reads it from this server.
      const resolved = args.map((arg) => (arg.startsWith('/') ? origin + arg : arg));
      const { status, stdout, stderr } = await cliAsync('snapshot', tag, ...resolved);
      assert.equal(status, 0, stderr);
      // The same element with and without its pre-rendered root: the second is the live card.
      const live = stdout.replace(/<template shadowrootmode="open">[\s\S]*<\/template>/, '');
      pages.push(stdout, live);
      const [snapshot, rendered] = [pages.length - 2, pages.length - 1];
      const prerendered = await cardText(`/page/${snapshot}`, tag);
      const words = await cardText(`/page/${rendered}`, tag, { script: true });
      assert.ok(prerendered.length > 20, prerendered);
      assert.equal(prerendered, words);
    });
  }
});
