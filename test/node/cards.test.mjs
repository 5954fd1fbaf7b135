/**
 * The email and image cards, `impact-widgets snapshot --as email|svg|png`, run as a partner runs
 * them, against the built dist/. The email passes caniemail's data for Gmail, Outlook for Windows
 * and Apple Mail, and shows in Chromium every word of the live card, in the live card's colours
 * for its theme; the images are decoded by Chromium (not by the resvg that drew them) and
 * measured; and what either cannot carry is refused.
 */
// The functions given to page.evaluate run in Chromium, with its globals.
/* global document, getComputedStyle, Image, OffscreenCanvas */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { caniemail } from 'caniemail';
import { cardRig, cli, cliAsync, cliBytes, FIXTURE, refused } from './cli-helpers.mjs';

const THEMES = ['light', 'dark'];
const CLIENTS = ['gmail.*', 'outlook.windows', 'apple-mail.*'];

/**
 * What the email may do that caniemail calls unsupported, because the client that ignores it
 * loses only looks, never a word or a link: round corners (the card and its button) are square
 * in Outlook for Windows. Nothing else is excused; the last email test shows the email has no
 * other error.
 */
const rig = cardRig('cards');
const { pages, documentFile } = rig;

/** A page of ours in Chromium, at `width` px, with `body` in it. */
async function open(body, width = 1000) {
  pages.push(body);
  const page = await rig.browser.newPage({ viewport: { width, height: 800 } });
  // The live stat counts up otherwise: its final figure at once, as in a snapshot.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${rig.server.origin}/page/${pages.length - 1}`);
  return page;
}

const collapse = (text) => text.replace(/\s+/g, ' ').trim();

/**
 * The live element's card in Chromium: each part's words in the card's order (the figure's
 * once, as a screen reader has it), and its theme's colours as Chromium computed them.
 */
async function liveCard({ tag, id, src, lang, theme }) {
  const attributes = Object.entries({ 'data-src': src, 'data-id': id, 'data-theme': theme, lang })
    .filter(([, value]) => value)
    .map(([name, value]) => ` ${name}="${value}"`)
    .join('');
  const page = await open(`<${tag}${attributes}></${tag}>`);
  try {
    await page.addScriptTag({ url: '/dist/impact-widgets.js', type: 'module' });
    await page.locator(`${tag} [part~="card"]`).waitFor({ timeout: 10_000 });
    return await page.evaluate((tag) => {
      const card = document.querySelector(tag).shadowRoot.querySelector('[part~="card"]');
      const text = (element) => element.textContent.replace(/\s+/g, ' ').trim();
      const parts = [...card.querySelectorAll('[part], .raised')]
        .filter((element) => !/^(card|quote|bars|progress)$/.test(element.getAttribute('part')))
        .map((element) =>
          element.matches('[part~="value"]') ? text(element.querySelector('.sr')) : text(element),
        )
        .filter(Boolean);
      const style = getComputedStyle(card);
      const accent = {
        'impact-stat': () => getComputedStyle(card.querySelector('[part~="value"]')).color,
        'study-quote': () => getComputedStyle(card.querySelector('figure'), '::before').color,
        'fundraise-cta': () => getComputedStyle(card.querySelector('h2')).color,
      };
      return { parts, surface: style.backgroundColor, text: style.color, accent: accent[tag]() };
    }, tag);
  } finally {
    await page.close();
  }
}

/** The theme's colours, as Chromium computes them on a live stat: its figure is the accent. */
const palettes = {};
async function palette(theme) {
  palettes[theme] ??= await (async () => {
    const page = await open(`<impact-stat data-theme="${theme}"></impact-stat>`);
    try {
      await page.addScriptTag({ url: '/dist/impact-widgets.js', type: 'module' });
      await page.locator('impact-stat [part~="source"]').waitFor({ timeout: 10_000 });
      return await page.evaluate(() => {
        const card = document.querySelector('impact-stat').shadowRoot.firstElementChild;
        const colour = (selector) =>
          getComputedStyle(selector ? card.querySelector(selector) : card).color;
        return {
          surface: getComputedStyle(card).backgroundColor,
          text: colour(),
          accent: colour('[part~="value"]'),
          muted: colour('[part~="source"]'),
        };
      });
    } finally {
      await page.close();
    }
  })();
  return palettes[theme];
}

/** Asserts that `text` holds each of `parts`, whole and in order. */
function holdsInOrder(text, parts) {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    assert.ok(at >= 0, `"${part}" (in order) in:\n${text}`);
    from = at + part.length;
  }
}

const EMAILS = [
  { tag: 'impact-stat', theme: 'light' },
  // A figure the study reports but did not measure: "…, as cited in …".
  { tag: 'impact-stat', id: 'minors-early-2000s', theme: 'dark' },
  // A baseline with its bars, and a linked source.
  { tag: 'impact-stat', id: 'share', src: '/study.json', lang: 'fr', theme: 'light' },
  { tag: 'study-quote', theme: 'dark' },
  { tag: 'study-quote', id: 'first-voice', src: '/study.json', lang: 'fr', theme: 'light' },
  // A sign-up form in the live card, its button.href in the email; a progress bar.
  { tag: 'fundraise-cta', id: 'join', src: '/study.json', theme: 'light' },
  { tag: 'fundraise-cta', id: 'join', src: '/study.json', theme: 'dark' },
];

const argsOf = ({ id, src, lang, theme }) =>
  Object.entries({ id, src: src && rig.server.origin + src, lang, theme }).flatMap(
    ([name, value]) => (value ? [`--${name}`, value] : []),
  );

describe('impact-widgets snapshot --as email', () => {
  const emails = new Map();
  /** The command's email for a case, run once. */
  async function email(card) {
    if (!emails.has(card)) {
      const result = await cliAsync('snapshot', card.tag, '--as', 'email', ...argsOf(card));
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stderr, '');
      emails.set(card, result.stdout);
    }
    return emails.get(card);
  }

  for (const card of EMAILS) {
    const name = `${card.tag} ${card.id ?? ''} ${card.lang ?? ''} ${card.theme}`;

    it(`is newsletter-safe HTML: ${name}`, async () => {
      const html = await email(card);
      assert.match(html, /^<table role="presentation"[^>]* width="600"[^>]*>/);
      assert.doesNotMatch(html, /<(style|script|link|svg|template|form|input|button|img)\b/i);
      assert.doesNotMatch(html, /\sclass=|\sid=/, 'inline styles only');
      const styles = [...html.matchAll(/\sstyle="([^"]*)"/g)].map((match) => match[1]);
      assert.ok(styles.length > 5);
      for (const style of styles) {
        assert.doesNotMatch(style, /var\(|--|flex|grid|position\s*:|float\s*:/, style);
      }
      const links = [...html.matchAll(/\shref="([^"]*)"/g)].map((match) => match[1]);
      for (const href of links) assert.match(href, /^(https?:\/\/|mailto:)/, href);
    });

    it(`passes caniemail for Gmail, Outlook for Windows and Apple Mail: ${name}`, async () => {
      const { success, issues } = caniemail({ clients: CLIENTS, html: await email(card) });
      const errors = [...issues.errors].flatMap(([client, found]) =>
        found.map(({ title }) => `${client} does not support ${title}`),
      );
      assert.deepEqual(errors, []);
      assert.equal(success, true);
    });

    it(`shows the live card's words, in order, in its theme's colours: ${name}`, async () => {
      const live = await liveCard({ ...card, src: card.src && rig.server.origin + card.src });
      const page = await open(await email(card));
      try {
        const shown = await page.evaluate(() => {
          const table = document.body.firstElementChild;
          const colours = new Set(
            [...table.querySelectorAll('*')].flatMap((element) => {
              const style = getComputedStyle(element);
              return [style.color, style.backgroundColor];
            }),
          );
          return {
            text: table.textContent,
            width: table.getBoundingClientRect().width,
            surface: getComputedStyle(table).backgroundColor,
            colour: getComputedStyle(table.querySelector('td')).color,
            colours: [...colours],
          };
        });
        assert.ok(live.parts.length >= 3, live.parts.join(' | '));
        holdsInOrder(collapse(shown.text), live.parts);
        assert.ok(shown.width <= 600, `${shown.width} px wide`);
        assert.equal(shown.surface, live.surface);
        assert.equal(shown.colour, live.text);
        assert.ok(shown.colours.includes(live.accent), `the accent ${live.accent}`);
      } finally {
        await page.close();
      }
    });
  }

  it('keeps the citation in the live card\'s words: "Source: X · Study, year"', async () => {
    const html = await email(EMAILS[0]);
    const page = await open(html);
    try {
      const text = collapse(await page.locator('table').first().textContent());
      assert.ok(
        text.includes(
          'Source: International Justice Mission (IJM) · Cambodia Prevalence Study, 2015',
        ),
        text,
      );
    } finally {
      await page.close();
    }
  });

  it('keeps ", as cited in" for a figure the study only reports', async () => {
    const html = await email(EMAILS[1]);
    assert.ok(
      html.includes(
        'Source: Research reported by the Cambodian government, as cited in <cite style="font-style:italic">Cambodia Prevalence Study, 2015</cite>',
      ),
      html,
    );
  });

  it("makes a call to action's button a link to its button.href", async () => {
    const html = await email(EMAILS[5]);
    const { ctas } = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    assert.match(
      html,
      new RegExp(
        `<td bgcolor="#[\\da-f]{6}"[^>]*><a href="${ctas[0].button.href}"[^>]*>Sign up</a>`,
      ),
    );
  });

  it('fits a narrow screen: 100% wide up to 600 px', async () => {
    const page = await open(await email(EMAILS[3]), 360);
    try {
      const { width, scroll } = await page.evaluate(() => ({
        width: document.body.firstElementChild.getBoundingClientRect().width,
        scroll: document.documentElement.scrollWidth,
      }));
      assert.ok(width <= 360 && scroll <= 360, `${width} px wide, scrolls to ${scroll}`);
    } finally {
      await page.close();
    }
  });

  it('draws the baseline bars and the progress bar as table cells, in proportion', async () => {
    const bars = await email(EMAILS[2]);
    const { stats, ctas } = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    const [share] = stats;
    const longer = Math.max(share.value, share.baseline.value);
    assert.ok(bars.includes(`<td width="${+((share.value / longer) * 100).toFixed(2)}%"`), bars);
    const progress = await email(EMAILS[5]);
    const { raised, goal } = ctas[0].progress;
    assert.ok(progress.includes(`<td width="${(raised / goal) * 100}%"`), progress);
  });

  describe('refuses what an email cannot carry', () => {
    it('a call to action without a button.href', () => {
      const file = join(rig.folder, 'out.html');
      refused(cli('snapshot', 'fundraise-cta', '--as', 'email', '-o', file), 'button.href');
      assert.ok(!readdirSync(rig.folder).includes('out.html'));
    });

    it('a call to action whose button.href is relative', () => {
      const src = documentFile('relative-href', (document) => {
        document.ctas[0].button.href = '/join';
      });
      refused(
        cli('snapshot', 'fundraise-cta', '--src', src, '--as', 'email'),
        'button.href "/join"',
        'absolute http(s) or mailto',
      );
    });

    it('a relative source link: the words stay, unlinked, and a warning says so', () => {
      const src = documentFile('relative-source', (document) => {
        document.stats[0].source.url = '/survey';
      });
      const { status, stdout, stderr } = cli(
        'snapshot',
        'impact-stat',
        '--src',
        src,
        '--id',
        'share',
        '--as',
        'email',
      );
      assert.equal(status, 0, stderr);
      assert.match(stderr, /^impact-widgets: warning: "\/survey" is not an absolute/);
      assert.equal(stderr.trimEnd().split('\n').length, 1);
      assert.ok(stdout.includes('Source: Fixture survey, 2021 · '), stdout);
      assert.doesNotMatch(stdout, /<a /);
    });
  });
});

/** PNG's eight-byte signature. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * An image decoded by Chromium and measured: its size, its bottom-right pixel, and for each of
 * the theme's colours, how many pixels have it (give or take anti-aliasing) and the rows they
 * span. The card's left edge (its accent stripe) is left out of the counts.
 */
async function measure(bytes, type, colours) {
  const page = await rig.browser.newPage();
  try {
    return await page.evaluate(
      async ({ url, colours }) => {
        const image = new Image();
        image.src = url;
        await image.decode();
        const { naturalWidth: width, naturalHeight: height } = image;
        const canvas = new OffscreenCanvas(width, height);
        const context = canvas.getContext('2d');
        context.drawImage(image, 0, 0);
        const { data } = context.getImageData(0, 0, width, height);
        const targets = Object.entries(colours).map(([name, css]) => [
          name,
          css.match(/\d+/g).slice(0, 3).map(Number),
        ]);
        const found = Object.fromEntries(
          targets.map(([name]) => [name, { pixels: 0, top: height, bottom: -1 }]),
        );
        for (let y = 0; y < height; y++) {
          for (let x = Math.ceil(width * 0.03); x < width; x++) {
            const i = (y * width + x) * 4;
            for (const [name, [r, g, b]] of targets) {
              if (
                Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) <
                24
              ) {
                const colour = found[name];
                colour.pixels++;
                colour.top = Math.min(colour.top, y);
                colour.bottom = Math.max(colour.bottom, y);
              }
            }
          }
        }
        const last = (width * height - 1) * 4;
        return { width, height, corner: [...data.slice(last, last + 3)], found };
      },
      { url: `data:${type};base64,${Buffer.from(bytes).toString('base64')}`, colours },
    );
  } finally {
    await page.close();
  }
}

const rgb = (css) => css.match(/\d+/g).slice(0, 3).map(Number);

const IMAGES = [
  { tag: 'impact-stat' },
  { tag: 'study-quote' },
  { tag: 'fundraise-cta', id: 'join', src: '/study.json' },
];

describe('impact-widgets snapshot --as png and --as svg', () => {
  for (const card of IMAGES) {
    for (const theme of THEMES) {
      it(`draws a 1200×630 PNG in the ${theme} theme, and prints its alt text: ${card.tag}`, async () => {
        const file = join(rig.folder, `${card.tag}-${theme}.png`);
        const args = argsOf({ ...card, theme });
        const { status, stdout, stderr } = await cliAsync(
          'snapshot',
          card.tag,
          ...args,
          '--as',
          'png',
          '-o',
          file,
        );
        assert.equal(status, 0, stderr);
        assert.equal(stderr, '');
        const bytes = readFileSync(file);
        assert.deepEqual(bytes.subarray(0, 8), PNG);
        // IHDR, the first chunk: width and height, big-endian.
        assert.equal(bytes.toString('latin1', 12, 16), 'IHDR');
        assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], [1200, 630]);

        const colours = await palette(theme);
        const image = await measure(bytes, 'image/png', colours);
        assert.deepEqual([image.width, image.height], [1200, 630]);
        assert.deepEqual(image.corner, rgb(colours.surface), "the background is the theme's");
        const { surface, text, accent, muted } = image.found;
        const area = 1200 * 630;
        assert.ok(surface.pixels < area * 0.97, 'something is drawn');
        assert.ok(text.pixels > area * 0.002, `text: ${text.pixels} px`);
        assert.ok(accent.pixels > area * 0.001, `accent: ${accent.pixels} px`);

        // The alt text, on standard output when -o took the image: the live card's words.
        const live = await liveCard({
          ...card,
          src: card.src && rig.server.origin + card.src,
          theme,
        });
        assert.equal(stdout.split('\n').length, 2, stdout);
        holdsInOrder(stdout, live.parts);

        if (card.tag === 'impact-stat') {
          // Legible: the figure is drawn over 100 px tall, in the accent.
          assert.ok(
            accent.bottom - accent.top > 100,
            `the figure spans ${accent.top}–${accent.bottom}`,
          );
          // The context and citation, in the muted colour, below the label.
          assert.ok(muted.pixels > area * 0.002 && muted.bottom > text.bottom);
        }
      });
    }
  }

  it('writes the same PNG to standard output, byte for byte, and the alt text to stderr', () => {
    const file = join(rig.folder, 'stdout.png');
    const written = cli('snapshot', 'impact-stat', '--as', 'png', '-o', file);
    assert.equal(written.status, 0, written.stderr);
    const printed = cliBytes('snapshot', 'impact-stat', '--as', 'png');
    assert.equal(printed.status, 0, printed.stderr);
    assert.ok(Buffer.compare(printed.stdout, readFileSync(file)) === 0, 'the same bytes');
    assert.equal(printed.stderr, `impact-widgets: alt text: ${written.stdout}`);
  });

  it('draws 600×315 with --width 600, for a newsletter, with the figure still legible', async () => {
    const { status, stdout, stderr } = cliBytes(
      'snapshot',
      'impact-stat',
      '--as',
      'png',
      '--width',
      '600',
    );
    assert.equal(status, 0, stderr);
    const colours = await palette('light');
    const image = await measure(stdout, 'image/png', colours);
    assert.deepEqual([image.width, image.height], [600, 315]);
    const { accent } = image.found;
    assert.ok(accent.bottom - accent.top > 50, `the figure spans ${accent.top}–${accent.bottom}`);
  });

  for (const theme of THEMES) {
    it(`prints an SVG of the text drawn as paths, titled with the alt text: ${theme}`, async () => {
      const { status, stdout, stderr } = await cliAsync(
        'snapshot',
        'impact-stat',
        ...argsOf({ id: 'share', src: '/study.json', theme }),
        '--as',
        'svg',
      );
      assert.equal(status, 0, stderr);
      assert.match(stdout, /^<svg role="img" width="1200" height="630" viewBox="0 0 1200 630"/);
      // Nothing that needs a font, a network or a script where the image goes.
      assert.doesNotMatch(stdout, /<(text|script|style|foreignObject)\b|href="http/);
      const alt = /^impact-widgets: alt text: (.*)\n$/.exec(stderr)?.[1];
      assert.ok(alt, stderr);
      assert.ok(stdout.includes(`<title>${alt.replace(/&/g, '&amp;')}</title>`));
      const colours = await palette(theme);
      const image = await measure(stdout, 'image/svg+xml', colours);
      assert.deepEqual([image.width, image.height], [1200, 630]);
      assert.deepEqual(image.corner, rgb(colours.surface));
      assert.ok(image.found.accent.pixels > 1200 * 630 * 0.003);
      assert.ok(image.found.muted.pixels > 1200 * 630 * 0.002);
    });
  }

  it('fits a long quote by shrinking its words, not its caption', async () => {
    const { status, stdout, stderr } = cliBytes(
      'snapshot',
      'study-quote',
      '--id',
      'sharon-cohn-wu',
      '--as',
      'png',
    );
    assert.equal(status, 0, stderr);
    const image = await measure(stdout, 'image/png', await palette('light'));
    const { text, muted } = image.found;
    // Everything inside the card's padding: nothing cut off at the edges.
    assert.ok(text.top > 20 && muted.bottom < 630 - 20, JSON.stringify(image.found));
  });

  describe('refuses what an image cannot carry, and writes nothing', () => {
    const cases = [
      [['--as', 'png', '--width', '100'], '--width "100"', '300 to 2400'],
      [['--as', 'svg', '--width', '600.5'], '--width "600.5"'],
      [['--as', 'png', '--width', 'wide'], '--width "wide"'],
      [['--as', 'html', '--width', '600'], '--width is for --as svg or png'],
      [['--as', 'email', '--width', '600'], '--width is for --as svg or png'],
      [['--as', 'png', '--css-url', '/x.css'], '--css-url is for --as html'],
      [['--as', 'png', '--theme', 'auto'], '--theme auto', 'light or dark'],
      [['--as', 'email', '--theme', 'auto'], '--theme auto', 'light or dark'],
    ];
    for (const [args, ...words] of cases) {
      it(`impact-widgets snapshot impact-stat ${args.join(' ')}`, () => {
        const out = join(rig.folder, 'refused.png');
        refused(cli('snapshot', 'impact-stat', ...args, '-o', out), ...words);
        assert.ok(!readdirSync(rig.folder).includes('refused.png'));
      });
    }

    it('words in a script the fonts do not cover, naming every character they lack', () => {
      // Ethiopic, which the package ships no font for: the first letters of its syllabary.
      const src = documentFile('ethiopic', (document) => {
        document.quotes[0].text = 'ሀ ለ ሀ';
      });
      const out = join(rig.folder, 'ethiopic.png');
      refused(
        cli('snapshot', 'study-quote', '--src', src, '--as', 'png', '-o', out),
        '<study-quote>',
        'cannot draw "ሀ" (U+1200), "ለ" (U+1208)',
        '--font FILE',
        '--as email',
      );
      assert.ok(!readdirSync(rig.folder).includes('ethiopic.png'));
    });

    it('a quote too long to be legible at the size of the image', () => {
      const src = documentFile('long', (document) => {
        document.quotes[0].text = 'A quote that goes on and on. '.repeat(60);
      });
      refused(
        cli('snapshot', 'study-quote', '--src', src, '--as', 'svg'),
        'do not fit a 1200×630 image at a legible size',
      );
    });
  });
});
