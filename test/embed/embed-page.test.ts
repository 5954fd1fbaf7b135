/**
 * dist/embed.html as built, in frames on this test page: served by /recorded/ under the strict
 * partner CSP with test/pages/record.js first, so each test reads the page's warnings, uncaught
 * errors and CSP violations; then a host page under the same policy, with three embeds sized by
 * dist/embed-resize.js.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { serviceLog, signUpThrough, uniqueEmail } from '../cta-helpers.js';
import { hits, openPage, part, type BuiltPage, type PageRecord } from '../hardening/built-page.js';
import { unexpectedWarnings } from '../hardening/query-page.js';

interface Axe {
  run(
    context: Document,
    options: object,
  ): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }>;
}

/** The embed page's window: /recorded/ loads record.js and axe-core into it first. */
type EmbedWindow = Window & typeof globalThis & { record?: PageRecord; axe?: Axe };

interface Embed {
  frame: HTMLIFrameElement;
  win: EmbedWindow;
  doc: Document;
  /** Every message the page has posted to this one, in order. */
  messages: unknown[];
}

const HEIGHT = 'impact-widgets:height';
const ERROR = 'impact-widgets:error';
/** The errors the page has told this one about, in order. */
const errorsOf = (embed: Embed) =>
  embed.messages.flatMap(
    (data) =>
      (data as Record<string, { cause: string; message: string } | undefined>)?.[ERROR] ?? [],
  );
const heights = (embed: Embed) =>
  embed.messages.flatMap(
    (data) => (data as Record<string, { height: number } | undefined>)?.[HEIGHT]?.height ?? [],
  );
const wordPress = (embed: Embed) =>
  embed.messages.filter(
    (data): data is { message: string; value: number; secret: string } =>
      (data as { message?: string })?.message === 'height',
  );

let unique = 0;
const fresh = () => `${Date.now()}-${++unique}`;

/** Opens dist/embed.html with this query (and hash) in a frame on this page. */
async function openEmbed(
  query: string,
  { hash = '', folder = '/recorded/', width = 600 } = {},
): Promise<Embed> {
  const frame = document.createElement('iframe');
  frame.title = 'An embedded card';
  frame.width = String(width);
  frame.height = '150';
  frame.src = `${folder}embed.html?${query}${hash}`;
  const messages: unknown[] = [];
  // The frame's window stays the same object from about:blank to the embed page.
  addEventListener('message', (event) => {
    if (event.source === frame.contentWindow) messages.push(event.data);
  });
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as EmbedWindow;
  return { frame, win, doc: win.document, messages };
}

/** What the page shows: the element, or the fallback text in place of one. */
const shown = (embed: Embed) => embed.doc.body.lastElementChild as HTMLElement;
const fallbackOf = (embed: Embed) => embed.doc.querySelector<HTMLElement>('.fallback');

/** The page has settled: a card or a visible fallback, and its last height message says so. */
async function settled(embed: Embed, what: 'card' | 'fallback'): Promise<void> {
  await waitUntil(
    () => {
      const content = shown(embed);
      const ready =
        what === 'card'
          ? !!part(content, 'card')
          : !!fallbackOf(embed)?.checkVisibility() && !part(content, 'card');
      const last = heights(embed).at(-1);
      return ready && last !== undefined && Math.abs(last - content.offsetHeight) <= 2;
    },
    `the embed did not settle on its ${what}`,
    { timeout: 8000 },
  );
}

/** The fallback text as the page's own markup writes it, for readers without script. */
function noscriptText(embed: Embed): string {
  const markup = embed.doc.querySelector('noscript')!.textContent!;
  return new DOMParser().parseFromString(markup, 'text/html').body.textContent!.trim();
}

function expectClean(embed: Embed, warnings: string[][] = []): void {
  const { record } = embed.win;
  expect(record, 'record.js ran').to.exist;
  expect(record!.violations, 'CSP violations').to.deep.equal([]);
  expect(record!.errors, 'uncaught errors').to.deep.equal([]);
  expect(unexpectedWarnings(record!.warnings, warnings)).to.equal('');
}

/**
 * axe-core over the whole embed page, in the page's own window: chai-a11y-axe's axe, in this
 * window, cannot take another document's nodes. Three rules are about a whole site's page (one
 * main landmark, an h1, all content in landmarks); the embed is a part of its host's page.
 */
async function expectAccessible(embed: Embed): Promise<void> {
  const off = { enabled: false };
  const { violations } = await embed.win.axe!.run(embed.doc, {
    rules: { 'landmark-one-main': off, 'page-has-heading-one': off, region: off },
  });
  expect(violations.map(({ id, nodes }) => `${id}: ${nodes.map((n) => n.target).join(' ')}`)).to.be
    .empty;
}

describe('dist/embed.html', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('renders the element its query names, in its language and theme, under the strict CSP', async () => {
    const embed = await openEmbed('tag=impact-stat&id=minors-2015&lang=fr&theme=dark');
    await settled(embed, 'card');
    const el = shown(embed);
    expect(el.localName).to.equal('impact-stat');
    expect(el.getAttribute('data-id')).to.equal('minors-2015');
    expect(el.getAttribute('data-theme')).to.equal('dark');
    expect(embed.doc.documentElement.lang).to.equal('fr');
    // 2.2 % to one decimal, as the study document gives it, in French.
    const figure = new Intl.NumberFormat('fr', {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(0.022);
    expect(part(el, 'card')!.textContent).to.include(figure);
    expectClean(embed);
    await expectAccessible(embed);
  });

  it("speaks the study document's locale when the query names no lang, from one request", async () => {
    const src = `/fixtures/study.json?locale=fr&case=${fresh()}`;
    const embed = await openEmbed(`tag=impact-stat&id=share&src=${encodeURIComponent(src)}`);
    await settled(embed, 'card');
    // As an element on a page without a lang of its own: the document's locale, not the page's "en".
    expect(embed.doc.documentElement.lang).to.equal('fr');
    const percent = (lang: string) =>
      new Intl.NumberFormat(lang, {
        style: 'percent',
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      }).format(0.417);
    expect(part(shown(embed), 'card')!.textContent).to.include(percent('fr'));
    // The page and the element shared the document.
    expect(await hits(src)).to.equal(1);
    expectClean(embed);
    await expectAccessible(embed);

    // A lang in the query wins over the document's, as a lang on the page does.
    const asked = await openEmbed(
      `tag=impact-stat&id=share&lang=en&src=${encodeURIComponent(src)}`,
    );
    await settled(asked, 'card');
    expect(asked.doc.documentElement.lang).to.equal('en');
    expect(part(shown(asked), 'card')!.textContent).to.include(percent('en'));
  });

  it("says there is no card in the document's language too", async () => {
    const src = encodeURIComponent(`/fixtures/study.json?locale=fr&case=${fresh()}`);
    const [french, english] = await Promise.all([
      openEmbed(`tag=impact-stat&id=no-such-stat&src=${src}`),
      openEmbed('tag=impact-stat&id=no-such-stat'),
    ]);
    await Promise.all([settled(french, 'fallback'), settled(english, 'fallback')]);
    expect(french.doc.documentElement.lang).to.equal('fr');
    expect(fallbackOf(french)!.textContent).not.to.equal(fallbackOf(english)!.textContent);
    expectClean(french, [['<impact-stat>', 'data-id', '"no-such-stat"']]);
  });

  it('takes every tag the bundle defines', async () => {
    for (const tag of ['impact-stat', 'study-quote', 'fundraise-cta']) {
      const embed = await openEmbed(`tag=${tag}`);
      await settled(embed, 'card');
      expect(shown(embed).localName).to.equal(tag);
      // The default call to action has no link and no sign-up: it says so, once.
      expectClean(embed, tag === 'fundraise-cta' ? [['<fundraise-cta>', 'data-href']] : []);
      embed.frame.remove();
    }
  });

  it('has no margin and no background, and shows no scrollbar when the frame is too short', async () => {
    const embed = await openEmbed('tag=study-quote&id=ed-wilson', { width: 320 });
    await settled(embed, 'card');
    const { doc, win } = embed;
    for (const box of [doc.documentElement, doc.body]) {
      const style = win.getComputedStyle(box);
      expect(style.margin, box.localName).to.equal('0px');
      expect(style.backgroundColor, box.localName).to.equal('rgba(0, 0, 0, 0)');
    }
    // The frame kept its 150px: nothing sized it. The card is taller, and still reachable.
    const root = doc.documentElement;
    expect(root.scrollHeight).to.be.above(root.clientHeight);
    const style = win.getComputedStyle(root);
    expect(style.overflowY).to.equal('auto');
    // Headless Chromium hides every scrollbar (puppeteer's --hide-scrollbars), so the test cannot
    // see one take room; what it can check is the style that hides it in a reader's browser.
    expect(style.scrollbarWidth).to.equal('none');
  });

  it("never posts WordPress's message without a secret", async () => {
    const embed = await openEmbed('tag=study-quote&id=ed-wilson');
    await settled(embed, 'card');
    expect(heights(embed)).not.to.be.empty;
    expect(wordPress(embed)).to.deep.equal([]);
  });

  it("posts WordPress's height message with the secret from #?secret=, and again when asked", async () => {
    const secret = 'Xy7Kq2Lm9P';
    const embed = await openEmbed('tag=study-quote&id=ed-wilson', { hash: `#?secret=${secret}` });
    await settled(embed, 'card');
    const height = shown(embed).offsetHeight;
    await waitUntil(() => wordPress(embed).length > 0, 'no WordPress message');
    const last = wordPress(embed).at(-1)!;
    expect(last.secret).to.equal(secret);
    expect(Math.abs(last.value - height)).to.be.at.most(2);

    // What wp-embed.js sends each frame once it listens; another frame's secret gets no answer.
    // Messages between two windows arrive in order, so once the answer to the last request is
    // in, an answer to the wrong secret would be too.
    const before = wordPress(embed).length;
    const target = embed.win;
    target.postMessage({ message: 'ready', secret: 'Another123' }, '*');
    target.postMessage({ message: 'ready', secret }, '*');
    await waitUntil(() => wordPress(embed).length > before, 'no answer to "ready"');
    expect(wordPress(embed).slice(before)).to.deep.equal([
      { message: 'height', value: last.value, secret },
    ]);
  });

  it("renders, and reports its height, in WordPress's sandboxed frame", async () => {
    const plain = await openEmbed('tag=impact-stat&id=minors-2015');
    await settled(plain, 'card');
    // How WordPress frames an embed it discovers: scripts, but an opaque origin, so this page
    // cannot look inside; only the messages tell.
    const secret = 'SandBox123';
    const frame = document.createElement('iframe');
    frame.title = 'A sandboxed card';
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.setAttribute('security', 'restricted');
    frame.width = plain.frame.width;
    frame.src = `/recorded/embed.html?tag=impact-stat&id=minors-2015#?secret=${secret}`;
    const answers: { message?: string; value?: number; secret?: string }[] = [];
    addEventListener('message', (event) => {
      if (event.source === frame.contentWindow) answers.push(event.data);
    });
    document.body.append(frame);
    const height = shown(plain).offsetHeight;
    await waitUntil(
      () => answers.some((a) => a.secret === secret && Math.abs(a.value! - height) <= 2),
      "no WordPress message with the card's height",
      { timeout: 8000 },
    );
  });

  it('takes the secret wp-embed.js adds to a frame that has already loaded', async () => {
    const embed = await openEmbed('tag=impact-stat&id=minors-2015');
    await settled(embed, 'card');
    expect(wordPress(embed)).to.deep.equal([]);
    // What wp-embed.js does to a frame without data-secret.
    embed.frame.src += '#?secret=AbCdE12345';
    await waitUntil(() => wordPress(embed).length > 0, 'no WordPress message after the hash');
    expect(wordPress(embed)[0].secret).to.equal('AbCdE12345');
  });

  it('warns about a parameter it does not know, and renders anyway', async () => {
    const embed = await openEmbed('tag=impact-stat&colour=red');
    await settled(embed, 'card');
    expectClean(embed, [['embed.html', '"colour"', 'tag, lang, theme, id, src']]);
  });

  it('carries its own policy: no eval and Trusted Types, wherever it is served from', async () => {
    // /built/ sends no CSP header: only the page's meta tag applies.
    const embed = await openEmbed('tag=impact-stat', { folder: '/built/' });
    await settled(embed, 'card');
    expect(() => embed.win.eval('1 + 1')).to.throw(/Content Security Policy/);
    expect(() => (embed.doc.body.innerHTML = '<b>markup</b>')).to.throw(/TrustedHTML/);
  });

  describe('in each language of a multilingual document (test/fixtures/languages.json)', () => {
    // The Khmer and Arabic words are the test's markers, "[Source:]" (test/marked-words.mjs).
    const marked = () => `/fixtures/languages.json?marked=km,ar&case=${fresh()}`;
    const speech = (node: Element | null | undefined) =>
      `lang=${node?.getAttribute('lang') ?? ''} dir=${node?.getAttribute('dir') ?? ''}`;
    let quote: Record<string, string>;
    before(async () => {
      const fixture = (await (await fetch('/fixtures/languages.json')).json()) as {
        quotes: { text: Record<string, string> }[];
      };
      quote = fixture.quotes[0]!.text;
    });

    for (const [lang, dir] of [
      ['en', ''],
      ['fr', ''],
      ['km', ''],
      ['ar', 'rtl'],
    ]) {
      it(`lang=${lang}: the page and its card speak ${lang}${dir ? ', right to left' : ''}`, async () => {
        const src = encodeURIComponent(marked());
        const embed = await openEmbed(`tag=study-quote&lang=${lang}&src=${src}`);
        await settled(embed, 'card');
        expect(speech(embed.doc.documentElement), 'the page').to.equal(`lang=${lang} dir=${dir}`);
        const card = part(shown(embed), 'card');
        expect(speech(card), 'the card').to.equal(`lang=${lang} dir=${dir}`);
        expect(card!.textContent!.replace(/\s+/g, ' ')).to.include(quote[lang]!);
        expectClean(embed);
        await expectAccessible(embed);
      });
    }

    it('lang=km without Khmer words: the card in English, said so, and one warning naming km', async () => {
      const src = encodeURIComponent(`/fixtures/languages.json?case=${fresh()}`);
      const embed = await openEmbed(`tag=study-quote&lang=km&src=${src}`);
      await settled(embed, 'card');
      expect(speech(embed.doc.documentElement), 'the page').to.equal('lang=km dir=');
      const card = part(shown(embed), 'card');
      expect(speech(card), 'the card').to.equal('lang=en dir=');
      expect(card!.textContent!.replace(/\s+/g, ' ')).to.include(quote.en!);
      expectClean(embed, [['<study-quote>', '"km"']]);
      await expectAccessible(embed);
    });

    it('lang=ar with no card to show: the page reads from the right, its English fallback from the left', async () => {
      const embed = await openEmbed('tag=impact-stat&id=no-such-stat&lang=ar');
      await settled(embed, 'fallback');
      expect(speech(embed.doc.documentElement), 'the page').to.equal('lang=ar dir=rtl');
      expect(speech(fallbackOf(embed)), 'the fallback').to.equal('lang=en dir=ltr');
      await expectAccessible(embed);
    });
  });

  describe('when there is no card to show', () => {
    const cases: [string, string, string[], { folder?: string }?][] = [
      [
        'an unknown tag',
        'tag=impact-chart',
        ['embed.html', 'tag "impact-chart"', 'impact-stat', 'study-quote', 'fundraise-cta'],
      ],
      ['no tag', 'id=minors-2015', ['embed.html', 'tag is missing', 'impact-stat']],
      [
        'an unknown theme',
        'tag=impact-stat&theme=blue',
        ['embed.html', 'theme "blue"', 'light, dark, auto'],
      ],
      ['a malformed language', 'tag=impact-stat&lang=en_US', ['embed.html', 'lang "en_US"']],
      [
        'a javascript: src',
        'tag=impact-stat&src=javascript:alert(1)',
        ['embed.html', 'src "javascript:alert(1)"'],
      ],
      [
        'an id the document lacks',
        'tag=impact-stat&id=no-such-stat',
        ['<impact-stat>', 'data-id', '"no-such-stat"'],
      ],
      [
        'a src that answers 404',
        `tag=study-quote&src=/fixtures/status/404?case=${fresh()}`,
        ['<study-quote>', 'data-src', '404'],
      ],
      [
        'a src that is not JSON',
        `tag=fundraise-cta&src=/fixtures/malformed.json?case=${fresh()}`,
        ['<fundraise-cta>', 'data-src', 'malformed.json'],
      ],
      [
        'a bundle that does not load',
        'tag=impact-stat',
        ['embed.html', 'impact-widgets.iife.js', 'did not load'],
        { folder: '/recorded/without-bundle/' },
      ],
    ];
    for (const [name, query, warning, options] of cases) {
      it(`shows the fallback text and warns once for ${name}`, async () => {
        const embed = await openEmbed(query, options);
        await settled(embed, 'fallback');
        expect(fallbackOf(embed)!.textContent).to.equal(noscriptText(embed));
        expectClean(embed, [warning]);
        // The host hears it too: the same words, once.
        const told = errorsOf(embed);
        expect(told, 'errors told to the host').to.have.length(1);
        expect(told[0]!.message).to.equal(embed.win.record!.warnings[0]);
        // Without the bundle, axe is all the page has run; it still reads the fallback.
        await expectAccessible(embed);
      });
    }

    it('tells a host script that starts late what went wrong', async () => {
      const embed = await openEmbed('tag=impact-chart');
      await settled(embed, 'fallback');
      expect(errorsOf(embed)).to.have.length(1);
      // What dist/embed-resize.js sends each frame when it starts.
      embed.win.postMessage({ 'impact-widgets:ready': true }, '*');
      await waitUntil(() => errorsOf(embed).length === 2, 'the error was not told again');
      expect(errorsOf(embed)[1]).to.deep.equal(errorsOf(embed)[0]);
      expect(errorsOf(embed)[0]!.cause).to.equal('attribute');
    });

    it('says so in the language asked for', async () => {
      const english = await openEmbed('tag=impact-chart');
      const french = await openEmbed('tag=impact-chart&lang=fr');
      await Promise.all([settled(english, 'fallback'), settled(french, 'fallback')]);
      expect(french.doc.documentElement.lang).to.equal('fr');
      expect(fallbackOf(french)!.textContent).not.to.equal(fallbackOf(english)!.textContent);
    });
  });

  describe('where its documents come from', () => {
    /** A second loopback origin that serves the document with CORS headers, and counts its hits. */
    let foreign: string;
    before(async () => {
      const { url } = (await (await fetch('/fixtures/cross-origin')).json()) as { url: string };
      foreign = new URL(url).origin;
    });

    /** The page as a host serves it on the open web, with this meta content (none if empty). */
    const hosted = (sources = '') =>
      `/recorded/open-web/${sources && `${encodeURIComponent(sources)}/`}`;
    const statFrom = (src: string, sources?: string) =>
      openEmbed(`tag=impact-stat&id=share&src=${encodeURIComponent(src)}`, {
        folder: hosted(sources),
      });
    /** The fixture's "share", 41.7 %, as the card writes it in English. */
    const share = new Intl.NumberFormat('en', {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(0.417);

    it('shows the fallback for a document on another origin, and sends that origin no request', async () => {
      const src = `${foreign}/cors/study.json?case=${fresh()}`;
      const embed = await statFrom(src);
      await settled(embed, 'fallback');
      expect(fallbackOf(embed)!.textContent).to.equal(noscriptText(embed));
      expectClean(embed, [['embed.html', `src "${src}"`, new URL(src).origin]]);
      const told = errorsOf(embed);
      expect(told, 'errors told to the host').to.have.length(1);
      expect(told[0]).to.deep.equal({ cause: 'attribute', message: embed.win.record!.warnings[0] });
      expect(await hits(src), 'requests to the other origin').to.equal(0);
      await expectAccessible(embed);
    });

    it('takes a document from an origin its meta lists, and no other, and signs up where that document says', async () => {
      const sources = `https://partner.example ${foreign}`;
      const src = `${foreign}/cors/study.json?case=${fresh()}`;
      const stat = await statFrom(src, sources);
      await settled(stat, 'card');
      expect(part(shown(stat), 'card')!.textContent).to.include(share);
      // The page and the element shared the one request.
      expect(await hits(src)).to.equal(1);
      expectClean(stat);

      // Listing one origin opens no other, not even the sign-up service's below.
      const { origin: services } = (await (await fetch('/fixtures/services')).json()) as {
        origin: string;
      };
      const key = `unlisted-${fresh()}`;
      const unlisted = await statFrom(`${services}/study.json?case=${key}`, sources);
      await settled(unlisted, 'fallback');
      expectClean(unlisted, [['embed.html', `src "${services}/study.json`]]);
      expect(await serviceLog(key), 'requests to an unlisted origin').to.deep.equal([]);

      // A listed document is trusted with its sign-up endpoint, as a partner's page is.
      const form = `listed-${fresh()}`;
      const ctaSrc = `${foreign}/cors/services-study.json?form=${form}`;
      const cta = await openEmbed(`tag=fundraise-cta&id=join&src=${encodeURIComponent(ctaSrc)}`, {
        folder: hosted(sources),
      });
      await settled(cta, 'card');
      const email = uniqueEmail('listed');
      const outcome = await signUpThrough(shown(cta), email);
      expect(outcome.type).to.equal('impact-signup');
      expect(outcome.detail.delivery).to.equal('confirmed');
      // The Formspree stand-in the document names, on a third origin, received the sign-up.
      const posts = (await serviceLog(email)).filter((request) => request.method === 'POST');
      expect(posts.map((request) => request.url)).to.deep.equal([`/formspree/f/${form}`]);
      expect(JSON.parse(posts[0].body)).to.include({ email });
      expectClean(cta);
      await expectAccessible(cta);
    });

    it('still takes a document from its own origin, relative or absolute, whatever its meta lists', async () => {
      for (const sources of ['', 'https://partner.example']) {
        for (const origin of ['', location.origin]) {
          const path = `/fixtures/study.json?case=${fresh()}`;
          const embed = await statFrom(origin + path, sources);
          await settled(embed, 'card');
          expect(part(shown(embed), 'card')!.textContent).to.include(share);
          expect(await hits(path)).to.equal(1);
          expectClean(embed);
          embed.frame.remove();
        }
      }
    });

    it('ignores a meta token that is not an origin, with one warning, and takes nothing for it', async () => {
      const src = `${foreign}/cors/study.json?case=${fresh()}`;
      // A pattern, a path on the right origin, a port wildcard, no scheme, other schemes.
      const tokens = [
        '*',
        `${foreign}/cors/`,
        'http://127.0.0.1:*',
        new URL(foreign).host,
        '/cors/',
        'javascript:alert(1)',
        'null',
      ];
      const embed = await statFrom(src, tokens.join(' '));
      await settled(embed, 'fallback');
      expectClean(embed, [
        ['embed.html', '<meta name="impact-widgets-sources">', ...tokens.map((t) => `"${t}"`)],
        ['embed.html', `src "${src}"`],
      ]);
      expect(errorsOf(embed)).to.have.length(2);
      expect(await hits(src), 'requests to the other origin').to.equal(0);
    });
  });
});

describe('embeds on a host page under the strict CSP, sized by dist/embed-resize.js', () => {
  let host: BuiltPage;
  let frames: HTMLIFrameElement[];

  const content = (frame: HTMLIFrameElement) =>
    frame.contentDocument!.body.lastElementChild as HTMLElement;
  const fits = (frame: HTMLIFrameElement) =>
    !!part(content(frame), 'card') &&
    Math.abs(frame.clientHeight - content(frame).getBoundingClientRect().height) <= 2;

  before(async () => {
    host = await openPage('/pages/embed-host.html?csp=strict', [900, 800]);
    frames = [...host.document.querySelectorAll('iframe')];
  });

  it('sizes each frame to its own card, within 2 px, with nothing to scroll either way', async () => {
    await waitUntil(() => frames.every(fits), 'a frame is not its card’s height', {
      timeout: 8000,
    });
    expect(frames.map((frame) => content(frame).localName)).to.deep.equal([
      'impact-stat',
      'study-quote',
      'fundraise-cta',
    ]);
    const [stat, quote] = frames.map((frame) => frame.clientHeight);
    expect(Math.abs(stat - quote), 'the stat and the quote have the same height').to.be.above(2);
    for (const frame of frames) {
      const root = frame.contentDocument!.documentElement;
      expect(root.scrollHeight, frame.title).to.be.at.most(root.clientHeight);
      expect(root.scrollWidth, frame.title).to.be.at.most(root.clientWidth);
    }
  });

  it('follows a card that grows when its frame narrows', async () => {
    const quote = frames[1];
    const wide = quote.clientHeight;
    quote.style.width = '280px';
    await waitUntil(() => fits(quote) && quote.clientHeight > wide, 'the quote did not grow', {
      timeout: 8000,
    });
  });

  it('raises no CSP violation, error or warning on the host page or in any frame', () => {
    const records = [
      host.record,
      ...frames.map((frame) => (frame.contentWindow as BuiltPage).record),
    ];
    for (const record of records) {
      expect(record.violations).to.deep.equal([]);
      expect(record.errors).to.deep.equal([]);
      expect(record.warnings).to.deep.equal([]);
    }
  });

  after(() => host.frameElement?.remove());
});
