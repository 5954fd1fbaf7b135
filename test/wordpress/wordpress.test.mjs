/**
 * The WordPress plugin in a real WordPress (test/wordpress/rig.mjs, from scripts/wordpress-rig.sh),
 * driven in Chromium as its people use it: an administrator installs the built zip and sets it
 * up, an Author writes posts with the blocks, the shortcodes and Custom HTML, and visitors read
 * them with and without JavaScript, and in a feed. One WordPress for the whole file.
 *
 * Needs `npm run build` first (dist/impact-widgets-wordpress.zip). Without the rig the tests are
 * skipped, saying so; on CI (CI=true) a missing rig fails.
 */
// The functions given to page.evaluate run in Chromium, with its globals.
/* global document, window, customElements */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium.mjs';
import { missingRig, startWordPress } from './rig.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ZIP = join(ROOT, 'dist/impact-widgets-wordpress.zip');
const PLUGIN = join(ROOT, 'dist/wordpress/impact-widgets');
const STUDY = JSON.parse(readFileSync(join(ROOT, 'dist/cambodia-2015.json'), 'utf8'));
const item = (kind, id) => STUDY[kind].find((entry) => entry.id === id);

/** A stat's figure as the platform's Intl writes it for the site's language (en-US). */
const figure = (stat) =>
  new Intl.NumberFormat('en-US', {
    style: 'percent',
    minimumFractionDigits: stat.decimals,
    maximumFractionDigits: stat.decimals,
  }).format(stat.value / 100);
const CITATION = `${STUDY.study.title}, ${STUDY.study.year}`;
/** The card site's files, as a static host types them. */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
};

/** Markup's text, as a reader (or a feed reader) gets it: no tags, entities decoded, spaces squashed. */
const text = (html) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#(\d+);/g, (_, code) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');

const missing = missingRig();
const SKIPPED = `WORDPRESS TESTS SKIPPED: ${missing}; set the rig up with \`bash scripts/wordpress-rig.sh\` (root, Debian)`;

if (missing && process.env.CI) {
  describe('WordPress rig', () => {
    it('is set up on CI, where the WordPress tests must run', () => {
      assert.fail(`${missing}: .ci/run runs scripts/wordpress-rig.sh before npm test`);
    });
  });
} else if (missing) {
  console.error(`\n*** ${SKIPPED} ***\n`);
  it('WordPress plugin in a real WordPress', { skip: SKIPPED });
} else {
  describe('WordPress plugin', () => {
    let wp;
    let browser;
    let admin;
    let author;
    let cards;
    const posts = {};

    before(async () => {
      wp = await startWordPress();
      wp.php(
        `wp_insert_user( array( 'user_login' => 'author', 'user_pass' => 'author-password', 'user_email' => 'author@example.org', 'role' => 'author' ) );`,
      );
      browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
      admin = await logIn('admin', 'admin-password');
      author = await logIn('author', 'author-password');
    });

    after(async () => {
      await browser?.close();
      await wp?.stop();
      cards?.server.close();
      if (cards) rmSync(cards.dir, { recursive: true, force: true });
    });

    /** A browser context logged in as `user`, through wp-login.php's own form. */
    async function logIn(user, password) {
      const context = await browser.newContext({ reducedMotion: 'reduce' });
      const page = await context.newPage();
      await page.goto(`${wp.url}/wp-login.php`);
      await page.fill('#user_login', user);
      await page.fill('#user_pass', password);
      // Logged in once WordPress redirects; the dashboard it lands on need not finish loading.
      await Promise.all([
        page
          .waitForURL(/\/wp-admin\//, { waitUntil: 'commit', timeout: 60_000 })
          .catch(async (error) => {
            // Say what WordPress answered instead (its login error, or nothing yet), and what it logged.
            const shown = await page
              .locator('body')
              .innerText({ timeout: 1000 })
              .catch(() => '');
            throw new Error(
              `${user} was not logged in at ${page.url()}: ${shown.slice(0, 600)}\n${wp.debugLog()}\n${wp.serverLog().slice(-2000)}`,
              { cause: error },
            );
          }),
        page.click('#wp-submit'),
      ]);
      await page.close();
      return context;
    }

    /** A post published through the REST API as `context`'s user, as the block editor saves. */
    async function publish(context, title, content) {
      const page = await context.newPage();
      await page.goto(`${wp.url}/wp-admin/`);
      const nonce = await (
        await page.request.get(`${wp.url}/wp-admin/admin-ajax.php?action=rest-nonce`)
      ).text();
      const response = await page.request.post(`${wp.url}/?rest_route=/wp/v2/posts`, {
        headers: { 'X-WP-Nonce': nonce },
        data: { title, content, status: 'publish' },
      });
      assert.equal(response.status(), 201, await response.text());
      const post = await response.json();
      const saved = await page.request.get(
        `${wp.url}/?rest_route=/wp/v2/posts/${post.id}&context=edit`,
        { headers: { 'X-WP-Nonce': nonce } },
      );
      await page.close();
      return { id: post.id, link: post.link, raw: (await saved.json()).content.raw };
    }

    /** A visitor's page (no cookies) with the URLs of the bundle requests it made. */
    async function visit(url, options = {}) {
      const context = await browser.newContext({ reducedMotion: 'reduce', ...options });
      const page = await context.newPage();
      const bundles = [];
      page.on('request', (request) => {
        if (/\/impact-widgets\/dist\/impact-widgets\.js(\?|$)/.test(request.url()))
          bundles.push(request.url());
      });
      await page.goto(url, { waitUntil: 'load' });
      return { page, bundles, close: () => context.close() };
    }

    it('php -l passes on every PHP file of the plugin', () => {
      const php = (dir) =>
        readdirSync(dir).flatMap((name) => {
          const path = join(dir, name);
          return statSync(path).isDirectory() ? php(path) : extname(name) === '.php' ? [path] : [];
        });
      const files = php(PLUGIN);
      assert.ok(files.length >= 9, `PHP files: ${files}`);
      for (const file of files) {
        const lint = spawnSync('php', ['-l', file], { encoding: 'utf8' });
        assert.equal(lint.status, 0, lint.stdout + lint.stderr);
      }
    });

    it('an administrator installs the built zip through Plugins → Add New → Upload, and activates it', async () => {
      const page = await admin.newPage();
      await page.goto(`${wp.url}/wp-admin/plugin-install.php?tab=upload`);
      await page.setInputFiles('#pluginzip', ZIP);
      await Promise.all([page.waitForLoadState('load'), page.click('#install-plugin-submit')]);
      await page.getByText('Plugin installed successfully.').waitFor();
      await Promise.all([
        page.waitForURL(/plugins\.php/),
        page.getByRole('link', { name: 'Activate Plugin' }).click(),
      ]);
      await page.getByText('Plugin activated.').waitFor();
      assert.deepEqual(
        JSON.parse(wp.php(`echo wp_json_encode( get_option( 'active_plugins' ) );`)),
        ['impact-widgets/impact-widgets.php'],
      );
      await page.close();
    });

    it('an Author, without unfiltered_html, saves each block, each shortcode and a Custom HTML <impact-stat>', async () => {
      assert.equal(
        wp.php(
          `echo user_can( get_user_by( 'login', 'author' ), 'unfiltered_html' ) ? 'yes' : 'no';`,
        ),
        'no',
      );
      const content = [
        '<!-- wp:impact-widgets/impact-stat {"id":"minors-2015"} /-->',
        '<!-- wp:impact-widgets/study-quote {"id":"ed-wilson"} /-->',
        '<!-- wp:impact-widgets/fundraise-cta {"id":"start-fundraiser","endpoint":"https://signup.example/subscribe"} /-->',
        '<!-- wp:shortcode -->[impact_stat id="under-15-2015"]<!-- /wp:shortcode -->',
        '<!-- wp:shortcode -->[study_quote id="sharon-cohn-wu"]<!-- /wp:shortcode -->',
        '<!-- wp:shortcode -->[fundraise_cta id="start-fundraiser" endpoint="https://signup.example/other" provider="custom"]<!-- /wp:shortcode -->',
        '<!-- wp:html --><impact-stat data-id="reduction-2012-2015" data-animate="none" data-bogus="x" onclick="alert(1)" data-source-url="javascript:alert(1)"></impact-stat><script>alert(2)</script><!-- /wp:html -->',
        '<!-- wp:html --><study-quote data-id="pol-phie-they" data-theme="dark"></study-quote><!-- /wp:html -->',
      ].join('\n\n');
      posts.all = await publish(author, 'Every element', content);
      const { raw } = posts.all;
      // The tag and its documented attributes survive the Author's filter...
      assert.match(raw, /<impact-stat data-id="reduction-2012-2015" data-animate="none"/);
      // ...while what kses strips from anyone without unfiltered_html is still stripped.
      assert.doesNotMatch(raw, /onclick|data-bogus|javascript:|<script/);
      assert.match(raw, /\[fundraise_cta id="start-fundraiser"/);
    });

    it('a visitor with JavaScript sees every card rendered, from one bundle request', async () => {
      const { page, bundles, close } = await visit(posts.all.link);
      const expected = [
        ['impact-stat', 'minors-2015', figure(item('stats', 'minors-2015'))],
        ['study-quote', 'ed-wilson', item('quotes', 'ed-wilson').author],
        ['fundraise-cta', 'start-fundraiser', item('ctas', 'start-fundraiser').heading],
        ['impact-stat', 'under-15-2015', figure(item('stats', 'under-15-2015'))],
        ['study-quote', 'sharon-cohn-wu', item('quotes', 'sharon-cohn-wu').author],
        ['impact-stat', 'reduction-2012-2015', figure(item('stats', 'reduction-2012-2015'))],
      ];
      for (const [tag, id, words] of expected) {
        await page.waitForFunction(
          ([tag, id, words]) =>
            customElements.get(tag) &&
            document
              .querySelector(`${tag}[data-id="${id}"]`)
              ?.shadowRoot?.textContent.includes(words),
          [tag, id, words],
          { timeout: 10_000 },
        );
      }
      assert.equal(await page.locator('fundraise-cta').count(), 2);
      assert.equal(bundles.length, 1, `bundle requests: ${bundles}`);
      // One module script, loaded from the plugin: no inline script of ours.
      const scripts = await page.$$eval(
        'script[src*="impact-widgets/dist/impact-widgets.js"]',
        (found) => found.map((script) => script.type),
      );
      assert.deepEqual(scripts, ['module']);
      await close();
    });

    it('a page without an element requests no bundle', async () => {
      const plain = await publish(
        author,
        'No cards here',
        '<!-- wp:paragraph --><p>Just words.</p><!-- /wp:paragraph -->',
      );
      const { page, bundles, close } = await visit(plain.link);
      assert.ok((await page.content()).includes('Just words.'));
      assert.deepEqual(bundles, []);
      await close();
    });

    it('with JavaScript off, the HTML has each card’s words', async () => {
      const { page, bundles, close } = await visit(posts.all.link, { javaScriptEnabled: false });
      const read = async (tag, id) =>
        (await page.locator(`${tag}[data-id="${id}"]`).first().innerText()).replace(/\s+/g, ' ');
      // The block's and the shortcode's; the Custom HTML one kept an attribute (data-source-url,
      // its javascript: dropped) that may change its words, so it has the words its author wrote.
      for (const id of ['minors-2015', 'under-15-2015']) {
        const stat = item('stats', id);
        const words = await read('impact-stat', id);
        assert.ok(words.includes(`${figure(stat)} ${stat.label}`), words);
        assert.ok(words.includes(stat.source.label), words);
        assert.ok(words.includes(CITATION), words);
      }
      // The block's, the shortcode's, and the Custom HTML one the plugin filled in.
      for (const id of ['ed-wilson', 'sharon-cohn-wu', 'pol-phie-they']) {
        const quote = item('quotes', id);
        const words = await read('study-quote', id);
        assert.ok(words.includes(quote.text.replace(/\s+/g, ' ')), words);
        assert.ok(words.includes(`— ${quote.author}, ${quote.role}`), words);
      }
      // A shortcode's words sit in the theme's layout as a block's do.
      const left = async (selector) => (await page.locator(selector).first().boundingBox()).x;
      assert.equal(
        await left('study-quote[data-id="sharon-cohn-wu"] > p'),
        await left('impact-stat[data-id="minors-2015"] > p'),
      );
      const cta = item('ctas', 'start-fundraiser');
      const words = await read('fundraise-cta', 'start-fundraiser');
      assert.ok(words.includes(cta.heading) && words.includes(cta.body), words);
      assert.ok(bundles.length <= 1);
      await close();
    });

    it('the RSS feed item carries the figure and its citation as text', async () => {
      const feed = await (await fetch(`${wp.url}/?feed=rss2`)).text();
      const entry = feed
        .split('<item>')
        .find((part) => part.includes('<title>Every element</title>'));
      assert.ok(entry, feed.slice(0, 500));
      const encoded = /<content:encoded><!\[CDATA\[([\s\S]*?)\]\]><\/content:encoded>/.exec(
        entry,
      )[1];
      const words = text(encoded);
      const stat = item('stats', 'minors-2015');
      assert.ok(words.includes(`${figure(stat)} ${stat.label}`), words);
      assert.ok(words.includes(CITATION), words);
    });

    it('a document that cannot be read gives a plain fallback, a note for editors only, and no PHP warning', async () => {
      // A loopback address on another port: WordPress's safe HTTP API refuses it.
      const post = await publish(
        author,
        'Unreadable',
        '[impact_stat id="minors-2015" src="http://127.0.0.1:9/study.json"]',
      );
      const visitor = await (await fetch(post.link)).text();
      assert.match(
        visitor,
        /<impact-stat data-id="minors-2015" data-src="http:\/\/127\.0\.0\.1:9\/study\.json"><p>This card could not be shown\.<\/p><\/impact-stat>/,
      );
      assert.doesNotMatch(visitor, /impact-widgets-notice/);
      const page = await author.newPage();
      await page.goto(post.link);
      const note = await page.locator('.impact-widgets-notice').innerText();
      assert.match(note, /could not be read/);
      await page.close();
      assert.doesNotMatch(wp.debugLog(), /plugins\/impact-widgets\//);
    });

    it('in the block editor, an Author inserts a block, picks an item in its picker, saves and views it', async () => {
      const page = await author.newPage();
      await page.goto(`${wp.url}/wp-admin/post-new.php`);
      await page.waitForFunction(
        () => window.wp?.blocks?.getBlockType('impact-widgets/impact-stat'),
        null,
        { timeout: 60_000 },
      );
      await page.evaluate(() => {
        const { data, blocks } = window.wp;
        if (data.select('core/edit-post').isFeatureActive('welcomeGuide')) {
          data.dispatch('core/edit-post').toggleFeature('welcomeGuide');
        }
        const block = blocks.createBlock('impact-widgets/impact-stat');
        data.dispatch('core/block-editor').insertBlocks(block);
        data.dispatch('core/block-editor').selectBlock(block.clientId);
        data.dispatch('core/edit-post').openGeneralSidebar('edit-post/block');
      });
      const stat = item('stats', 'under-15-2015');
      // The picker lists the document's stats, read from the site.
      const picker = page.getByLabel('Item', { exact: true });
      await picker.locator(`option[value="${stat.id}"]`).waitFor({ state: 'attached' });
      await picker.selectOption(stat.id);
      // The live preview is the element itself.
      await page.waitForFunction(
        ([id, words]) =>
          document
            .querySelector(`impact-stat[data-id="${id}"]`)
            ?.shadowRoot?.textContent.includes(words),
        [stat.id, figure(stat)],
        { timeout: 10_000 },
      );
      const link = await page.evaluate(async () => {
        const { data } = window.wp;
        data.dispatch('core/editor').editPost({ title: 'From the editor', status: 'publish' });
        await data.dispatch('core/editor').savePost();
        return data.select('core/editor').getCurrentPost().link;
      });
      await page.close();
      const html = await (await fetch(link)).text();
      assert.match(
        html,
        new RegExp(
          `<impact-stat data-id="${stat.id}"><p><strong>${figure(stat)}</strong> ${stat.label}</p>`,
        ),
      );
    });

    it('a pasted share page URL from the card site becomes a frame of its card, sized by the card', async () => {
      // The card site as `npx impact-widgets publish` writes it, served on another origin.
      const dir = mkdtempSync(join(tmpdir(), 'impact-cards-'));
      const server = createServer((request, response) => {
        const path = new URL(request.url, 'http://cards.test').pathname;
        const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
        if (path.includes('..') || !existsSync(file) || !statSync(file).isFile()) {
          return response.writeHead(404).end();
        }
        response.writeHead(200, {
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        });
        response.end(readFileSync(file));
      }).listen(0, '127.0.0.1');
      await once(server, 'listening');
      cards = { server, dir };
      const site = `http://127.0.0.1:${server.address().port}/`;
      const published = spawnSync(
        process.execPath,
        [join(ROOT, 'bin/impact-widgets.mjs'), 'publish', '--base-url', site, '-o', dir],
        { encoding: 'utf8' },
      );
      assert.equal(published.status, 0, published.stdout + published.stderr);
      const share = `${site}impact-stat/minors-2015/`;
      const oembed = JSON.parse(
        readFileSync(join(dir, 'impact-stat/minors-2015/oembed.json'), 'utf8'),
      );
      const embedPage = /\ssrc="([^"]+)"/.exec(oembed.html)[1];

      // The administrator names the card site on the settings page, which sends its nonce.
      const settings = await admin.newPage();
      await settings.goto(`${wp.url}/wp-admin/options-general.php?page=impact-widgets`);
      await settings.getByLabel('Card site URL').fill(site);
      await Promise.all([settings.waitForURL(/settings-updated=true/), settings.click('#submit')]);
      await settings.close();

      const post = await publish(
        author,
        'A card',
        `<!-- wp:paragraph --><p>Our card:</p><!-- /wp:paragraph -->\n\n${share}\n`,
      );
      const { page, close } = await visit(post.link);
      const frame = page.locator('iframe[data-impact-embed]');
      assert.equal(await frame.getAttribute('src'), embedPage);
      assert.equal(await frame.getAttribute('title'), oembed.title);
      assert.equal(
        await page.locator('script[src*="impact-widgets/dist/embed-resize.js"][defer]').count(),
        1,
      );
      // Sized by the card: the height its page has at the frame's width, not the placeholder's.
      const cardPage = await page.context().newPage();
      await cardPage.setViewportSize({
        width: Number(await frame.getAttribute('width')),
        height: 900,
      });
      await cardPage.goto(embedPage);
      await cardPage.waitForFunction(() =>
        document.querySelector('impact-stat')?.shadowRoot?.textContent.includes('%'),
      );
      const height = await cardPage.evaluate(
        () => document.documentElement.getBoundingClientRect().height,
      );
      await page.waitForFunction(
        () => document.querySelector('iframe[data-impact-embed]').style.height !== '',
      );
      const sized = parseFloat(await frame.evaluate((element) => element.style.height));
      assert.ok(Math.abs(sized - height) <= 2, `frame ${sized}px, card ${height}px`);
      assert.notEqual(sized, Number(await frame.getAttribute('height')));
      await close();
    });

    it('the settings page refuses a request without its nonce, and an Author', async () => {
      const before = wp.php(`echo wp_json_encode( get_option( 'impact_widgets_options' ) );`);
      const page = await admin.newPage();
      const refused = await page.request.post(`${wp.url}/wp-admin/options.php`, {
        form: {
          option_page: 'impact_widgets',
          action: 'update',
          'impact_widgets_options[document_url]': 'https://refused.example/study.json',
        },
        maxRedirects: 0,
      });
      assert.equal(refused.status(), 403);
      assert.equal(
        wp.php(`echo wp_json_encode( get_option( 'impact_widgets_options' ) );`),
        before,
      );
      await page.close();
      const authorPage = await author.newPage();
      const response = await authorPage.goto(
        `${wp.url}/wp-admin/options-general.php?page=impact-widgets`,
      );
      assert.equal(response.status(), 403);
      await authorPage.close();
    });

    it('uninstalling removes the options', () => {
      assert.notEqual(
        wp.php(`echo wp_json_encode( get_option( 'impact_widgets_options' ) );`),
        'false',
      );
      wp.php(`require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
deactivate_plugins( 'impact-widgets/impact-widgets.php' );
delete_plugins( array( 'impact-widgets/impact-widgets.php' ) );`);
      assert.equal(
        wp.php(`echo wp_json_encode( get_option( 'impact_widgets_options' ) );`),
        'false',
      );
    });
  });
}
