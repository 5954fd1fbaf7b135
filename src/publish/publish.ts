/**
 * `npx impact-widgets publish`'s site: a share page for every item of a study document, as static
 * files that any host serves. Link readers (Slack, LinkedIn, Notion…) run no script and read only
 * a page's Open Graph tags; WordPress, Ghost and Mastodon also discover an oEmbed answer beside
 * it. So each item gets its page (the card pre-rendered, its citation, the three snippets), its
 * share image, its oEmbed answer, its own iframe page and its email card; the site gets an index,
 * a sitemap, a 404 page, the document itself and the scripts, each under the site's folder, so
 * the site needs nothing from elsewhere.
 *
 * This module only makes the files (path → content) from a document already read: the command
 * (bin/publish.mjs) reads the document and writes them. The build bundles it into
 * dist/publish.mjs, which imports the cards' renderer from dist/snapshot.mjs beside it: one copy
 * of the elements and Lit SSR for both commands.
 */
import { readFileSync } from 'node:fs';
import type {
  Cta,
  LocalText,
  PlainStudyDocument,
  Quote,
  Stat,
  StudyDocument,
} from '../data/schema.js';
import {
  cardWords,
  direction,
  documentLanguages,
  ELEMENTS,
  emailSnapshot,
  imageSnapshot,
  localizeDocument,
  lookup,
  snapshot,
  type CardOptions,
  type Tag,
} from '../snapshot/snapshot.js';
import { escapeText, linked, scriptJson, tag, webUrl } from './markup.js';
import { siteWords, type SiteMessages, type SiteWords } from './messages.js';

export { SITE_GROUP, SITE_KEYS } from './messages.js';

/** The document's texts in one page's language. */
type Shown = PlainStudyDocument;

/**
 * A document or option `publish` cannot make a site of; its message names what to change. `code`
 * is the command's exit status: 2 for an option the command line got wrong.
 */
export class PublishError extends Error {
  override name = 'PublishError';
  constructor(
    message: string,
    readonly code = 1,
  ) {
    super(message);
  }
}

export interface PublishOptions {
  /** The study document, already read and validated (dist/snapshot.mjs's parseDocument). */
  document: StudyDocument;
  /** Where the site will be served: an absolute http(s) URL. Open Graph and oEmbed need one. */
  baseUrl: string;
  /**
   * The pages' languages, BCP 47 tags, each one the document has texts in (default: the
   * document's own, its `study.locale`). The first is at the site's root; each other has the same
   * pages under a folder of its own (`km/impact-stat/<id>/`).
   */
  languages?: readonly string[];
}

export interface Site {
  /** Every file of the site, by its path under the site's folder (`impact-stat/x/index.html`). */
  files: Map<string, string | Uint8Array>;
  /** What the elements warned about while rendering the cards all the same. */
  warnings: string[];
}

/** The share image: 1200×630, the size the networks crop link previews to. */
const IMAGE = { width: 1200, height: 630 } as const;
/** WhatsApp and LinkedIn drop heavier previews. */
export const MAX_IMAGE_BYTES = 300_000;

/**
 * The frame's first height, before its page says its own: a static host cannot measure a card,
 * and oEmbed's answer is one fixed size. The frame resizes itself to its card at once.
 */
const FRAME = {
  width: 600,
  height: { 'impact-stat': 280, 'study-quote': 320, 'fundraise-cta': 360 },
};

/** An oEmbed consumer may keep the answer this long, in seconds: a day, as the document may change. */
const CACHE_AGE = 86_400;

/** The files of the package the site serves itself, from beside this module (dist/). */
const ASSETS = {
  'impact-widgets.js': 'impact-widgets.js',
  'impact-widgets.js.map': 'impact-widgets.js.map',
  'impact-widgets.iife.js': 'impact-widgets.iife.js',
  'impact-widgets.iife.js.map': 'impact-widgets.iife.js.map',
  'impact-widgets.css': 'impact-widgets.css',
  'embed-resize.js': 'embed-resize.js',
  'embed.css': 'embed.css',
  'site.css': 'publish/site.css',
  'site.js': 'publish/site.js',
  'frame.js': 'publish/frame.js',
} as const;

/**
 * An id becomes a folder of the site, and a part of its URLs: one path segment that needs no
 * escaping, and no `.` or `..`. Letters, digits, `-`, `_` and `.`, starting with a letter or digit.
 */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

type Item = Stat | Quote | Cta;

/** One language's pages: the site's root for the first language, a folder for each other. */
interface Version {
  /** The language asked for (`--lang`). */
  lang: string;
  /** Its folder under the site's, with its final slash: `''` or `km/`. */
  folder: string;
  /** The way back from its folder to the site's: `''` or `../`. */
  up: string;
}

/** One item's share page in one language, as every file of the site names it. */
interface Entry {
  tag: Tag;
  version: Version;
  /** The item in the page's language. */
  item: Item;
  /** The document's texts in the page's language. */
  shown: Shown;
  /** Its folder, `impact-stat/minors-2015/` (`km/impact-stat/minors-2015/`). */
  path: string;
  /** The way back to the site's folder: `../../` (`../../../`). */
  root: string;
  /** Its page's absolute URL. */
  url: string;
  title: string;
  description: string;
  /** The card's language, and so the page's: the one asked for, unless the card lacks it. */
  lang: string;
  words: SiteWords;
  /** The origin its call to action signs people up at, when it has one. */
  signup?: string;
}

/** A card's title: the words a link preview shows in bold. */
const TITLES: Record<Tag, (part: (name: string) => string | undefined) => string | undefined> = {
  'impact-stat': (part) => [part('value'), part('label')].filter(Boolean).join(' '),
  'study-quote': (part) => {
    const text = part('text') ?? '';
    const short = text.length > 100 ? `${text.slice(0, 99).trimEnd()}…` : text;
    return `${short} — ${part('author')}`;
  },
  'fundraise-cta': (part) => part('heading'),
};

/** The base URL with its final slash; refused when it cannot be the site's. */
function siteBase(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new PublishError(`--base-url "${baseUrl}" is not an absolute URL (https://…)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new PublishError(`--base-url "${baseUrl}" is not an http(s) URL`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new PublishError(
      `--base-url "${baseUrl}" has a query, a fragment or a password; give the folder's URL alone`,
    );
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** Refuses an id that is not a safe path segment, or one two items of a kind share. */
function checkIds(document: StudyDocument): void {
  for (const [tag, { kind }] of Object.entries(ELEMENTS)) {
    const seen = new Map<string, number>();
    document[kind].forEach(({ id }, index) => {
      const name = `${kind}[${index}] (<${tag}> id ${JSON.stringify(id)})`;
      if (!SAFE_ID.test(id) || /^\.+$/.test(id)) {
        throw new PublishError(
          `${name}: an id becomes a folder of the site, so it must be letters, digits, "-", "_" or "." (at most 100, starting with a letter or digit)`,
        );
      }
      // Folders that differ only in case are one folder on macOS and Windows.
      const key = id.toLowerCase();
      if (seen.has(key)) {
        throw new PublishError(
          `${name}: ${kind}[${seen.get(key)}] has the same id${id === document[kind][seen.get(key)!]!.id ? '' : ' but for case'}; each item needs its own page`,
        );
      }
      seen.set(key, index);
    });
  }
}

/** The file `name` beside this module (dist/). */
const distFile = (name: string) => readFileSync(new URL(name, import.meta.url));

/**
 * `og:locale`'s form, `language_TERRITORY`: a BCP 47 tag's likeliest region filled in
 * (`en` → `en_US`, `fr` → `fr_FR`), as Facebook reads it.
 */
function ogLocale(lang: string): string {
  const { language, region } = new Intl.Locale(lang).maximize();
  return region ? `${language}_${region}` : language;
}

/** The language `text` is written in on a page in `lang`: a map's text found by lookup, else its first; a string, the document's own. */
function writtenIn(text: LocalText | undefined, lang: string, document: StudyDocument): string {
  if (text === undefined || typeof text === 'string') return document.study.locale ?? 'en';
  const tags = Object.keys(text);
  return lookup(lang, tags) ?? tags[0]!;
}

/** Escaped words in `lang` on a page in `page`: marked with their language when it differs. */
const inLang = (html: string, lang: string, page: string) =>
  lookup(page, [lang]) ? html : `${tag('span', { lang, dir: direction(lang) })}${html}</span>`;

/** How one page says things: its language, its own words, and the document's texts. */
interface Voice {
  lang: string;
  /** The site's word `key`, escaped, marked when the site has no words in the page's language. */
  say(key: keyof SiteMessages): string;
  /** The study's title or publisher (linked to `url`), escaped, marked when in another language. */
  study(key: 'title' | 'publisher', url?: string): string;
  shown: Shown;
  m: SiteMessages;
  words: SiteWords;
}

function voice(document: StudyDocument, lang: string, words: SiteWords): Voice {
  const shown = localizeDocument(document, lang);
  return {
    lang,
    shown,
    words,
    m: words.m,
    say: (key) => inLang(escapeText(words.m[key]), words.lang, lang),
    study: (key, url) =>
      inLang(linked(shown.study[key], url), writtenIn(document.study[key], lang, document), lang),
  };
}

/**
 * The policy each page carries in a meta tag, because a static host sends none. A meta policy
 * cannot carry frame-ancestors, report-uri or sandbox; none is needed: the pages may be framed,
 * which is what the embed pages are for. Only the site's own scripts and styles run, no inline
 * ones; the JSON-LD and the document copy are data blocks, which run nothing.
 */
function csp(connect: (string | undefined)[]): string {
  const sources = connect.filter(Boolean);
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    `connect-src ${sources.length ? [...new Set(sources)].join(' ') : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types impact-widgets',
  ].join('; ');
}

/** A page's `<head>` and the start of its `<body>`; `root` is the way back to the site's folder. */
interface Head {
  lang: string;
  title: string;
  root: string;
  csp: string;
  /** More of the head: meta tags, links, scripts. */
  more?: string[];
  /** The stylesheet; the site's by default. */
  css?: string;
}

const page = (head: Head, body: string) =>
  `<!doctype html>
${tag('html', { lang: head.lang, dir: direction(head.lang) })}
<head>
<meta charset="utf-8">
${tag('meta', { 'http-equiv': 'Content-Security-Policy', content: head.csp })}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeText(head.title)}</title>
${tag('link', { rel: 'stylesheet', href: `${head.root}${head.css ?? 'site.css'}` })}
${(head.more ?? []).join('\n')}
</head>
${body}
</html>
`;

/** The site's header and footer, the same on every page: the study, and where it comes from. */
function frame(voice: Voice, root: string, main: string): string {
  const { study } = voice.shown;
  return `<body>
<header><p class="site">${tag('a', { href: root || './' })}${voice.study('title')}</a></p></header>
<main>
${main}
</main>
<footer><p>${voice.say('from')} ${voice.study('title', study.url)}, ${voice.study('publisher')}, ${study.year}.</p></footer>
</body>`;
}

/** Links to the other language versions of a page, for search engines and link readers. */
interface Alternates {
  /** Each language version's language and URL, this one's included; none for a single language. */
  versions: { lang: string; url: string }[];
  /** The version for a reader whose language none is: the first language's. */
  fallback: string;
}

/** The `<link rel="alternate" hreflang>` of every version, and `x-default`. */
const hreflang = ({ versions, fallback }: Alternates): string[] =>
  versions.length < 2
    ? []
    : [
        ...versions.map(({ lang, url }) =>
          tag('link', { rel: 'alternate', hreflang: lang, href: url }),
        ),
        tag('link', { rel: 'alternate', hreflang: 'x-default', href: fallback }),
      ];

/** What making the site's files shares: the document, its base URL, its hashes and its warnings. */
interface Making {
  document: StudyDocument;
  base: string;
  integrity: Record<string, string>;
  note(found: string[], where: string): void;
  /** Each item's pages, by `tag/id`, one per language that speaks it. */
  versions: Map<string, Entry[]>;
}

/** The share image's URL and alternative text, when the card has one. */
type Image = { url: string; alt: string } | undefined;

/** The file of the site under `entry.path` named by the key, and what it is made from. */
type ItemFile = (site: Making, entry: Entry, image: Image) => string;

/** The card options of an entry's page: the card, in the page's language, from the site's copy of the document. */
const here = (site: Making, entry: Entry): CardOptions => ({
  tag: entry.tag,
  document: site.document,
  id: entry.item.id,
  lang: entry.version.lang,
  src: `${entry.root}${SOURCE}`,
});

/** The document, as the site serves it beside the pages. */
const SOURCE = 'study.json';

/** An item's pages in each language, the first language's first. */
const pagesOf = (site: Making, entry: Entry) => site.versions.get(`${entry.tag}/${entry.item.id}`)!;

/** Its language versions: the pages that speak their language (one whose card fell back is none). */
const spoken = (site: Making, entry: Entry) =>
  pagesOf(site, entry).filter((one) => one.lang === one.version.lang);

/** Each item's files, beside its share page. */
const ITEM_FILES: Record<string, ItemFile> = {
  'index.html': sharePage,
  'oembed.json': oembed,
  'embed.html': embedPage,
  'email.html': emailCard,
};

function sharePage(site: Making, entry: Entry, image: Image): string {
  const { base, integrity, document } = site;
  const { tag: tagName, item, root, words } = entry;
  const say = voice(document, entry.lang, words);
  const card = here(site, entry);
  // The page's own card, and the one partners copy (absolute URLs, pinned by integrity).
  const own = snapshot({ ...card, cssUrl: `${root}impact-widgets.css` });
  site.note(own.warnings, entry.path);
  const copied = snapshot({
    ...card,
    src: `${base}${SOURCE}`,
    cssUrl: `${base}impact-widgets.css`,
    cssIntegrity: integrity['impact-widgets.css'],
  });
  const script = (file: string, attributes: Record<string, string>) =>
    `${tag('script', { ...attributes, src: `${base}${file}`, integrity: integrity[file], crossorigin: 'anonymous' })}</script>`;
  const element = `${tag(tagName, { 'data-src': `${base}${SOURCE}`, 'data-id': item.id, lang: entry.version.lang })}</${tagName}>`;
  const snippets: [keyof SiteMessages, string][] = [
    ['snippetScript', `${script('impact-widgets.js', { type: 'module' })}\n${element}`],
    [
      'snippetPrerendered',
      `${copied.html.trimEnd()}\n${script('impact-widgets.js', { type: 'module' })}`,
    ],
    [
      'snippetIframe',
      `${iframe(entry, { 'data-impact-embed': '', width: '100%', loading: 'lazy' })}\n${script('embed-resize.js', { defer: '' })}`,
    ],
  ];
  const versions = spoken(site, entry);
  const others = versions.filter((one) => one !== entry);
  const marked = words.lang === entry.lang ? undefined : words.lang;
  return page(
    {
      lang: entry.lang,
      title: `${entry.title} · ${say.shown.study.title}`,
      root,
      csp: csp(["'self'", entry.signup]),
      more: [
        tag('meta', { name: 'description', content: entry.description }),
        tag('link', { rel: 'canonical', href: entry.url }),
        ...hreflang({ versions, fallback: pagesOf(site, entry)[0]!.url }),
        ...Object.entries({
          'og:title': entry.title,
          'og:description': entry.description,
          'og:url': entry.url,
          'og:type': 'website',
          'og:site_name': say.shown.study.publisher,
          'og:locale': ogLocale(entry.lang),
        }).map(([property, content]) => tag('meta', { property, content })),
        ...others.map((one) =>
          tag('meta', { property: 'og:locale:alternate', content: ogLocale(one.lang) }),
        ),
        ...Object.entries({
          ...(image && {
            'og:image': image.url,
            'og:image:type': 'image/png',
            'og:image:width': String(IMAGE.width),
            'og:image:height': String(IMAGE.height),
            'og:image:alt': image.alt,
          }),
        }).map(([property, content]) => tag('meta', { property, content })),
        ...Object.entries({
          'twitter:card': image ? 'summary_large_image' : 'summary',
          ...(image && { 'twitter:image': image.url, 'twitter:image:alt': image.alt }),
        }).map(([name, content]) => tag('meta', { name, content })),
        tag('link', {
          rel: 'alternate',
          type: 'application/json+oembed',
          href: `${entry.url}oembed.json`,
          title: entry.title,
        }),
        `<script type="application/ld+json">${scriptJson(provenance(say.shown, entry))}</script>`,
        tag('script', { type: 'module', src: `${root}impact-widgets.js` }) + '</script>',
        tag('script', { src: `${root}site.js`, defer: '' }) + '</script>',
      ],
    },
    frame(
      say,
      root,
      `<h1>${escapeText(entry.title)}</h1>
<div class="card">${own.html.trimEnd()}</div>
<p class="citation">${citation(say, entry, document)}</p>
<p>${tag('a', { href: 'email.html' })}${say.say('emailCard')}</a>${image ? ` · ${tag('a', { href: 'card.png' })}${say.say('image')}</a>` : ''}</p>
<section aria-labelledby="embed">
<h2 id="embed">${say.say('embed')}</h2>
${snippets
  .map(
    ([label, code], index) => `<div class="snippet">
<label for="snippet-${index}">${say.say(label)}</label>
<textarea id="snippet-${index}" readonly rows="${Math.min(code.split('\n').length + 1, 8)}" spellcheck="false">${escapeText(code)}</textarea>
${tag('button', { type: 'button', 'data-copy': `snippet-${index}`, class: 'copy' })}${say.say('copy')}</button>
</div>`,
  )
  .join('\n')}
${tag('p', { class: 'copied', role: 'status', lang: marked, 'data-copied': words.m.copied })}</p>
</section>
${versions.length > 1 ? languageLinks(say, entry, versions) : ''}`,
    ),
  );
}

/** A language's name in itself, as the runtime's CLDR data has it (Node's has Khmer's), else its tag. */
function ownName(lang: string): string {
  try {
    return new Intl.DisplayNames(lang, { type: 'language', fallback: 'code' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

/** Links to the page in each of its languages, each named in itself. */
const languageLinks = (say: Voice, entry: Entry, versions: Entry[]) =>
  `${tag('nav', { 'aria-label': say.m.languages, lang: say.words.lang === say.lang ? undefined : say.words.lang })}<ul class="languages">
${versions
  .map(
    (one) =>
      `<li>${tag('a', { href: one.url, hreflang: one.lang, lang: one.lang, dir: direction(one.lang), 'aria-current': one === entry ? 'page' : undefined })}${escapeText(ownName(one.lang))}</a></li>`,
  )
  .join('\n')}
</ul></nav>`;

/** One iframe of the item's embed page. */
const iframe = (entry: Entry, attributes: Record<string, string | undefined>) =>
  `${tag('iframe', { ...attributes, src: `${entry.url}embed.html`, title: entry.title, height: String(FRAME.height[entry.tag]), frameborder: '0' })}</iframe>`;

function oembed(site: Making, entry: Entry, image: Image): string {
  return `${JSON.stringify(
    {
      type: 'rich',
      version: '1.0',
      title: entry.title,
      provider_name: localizeDocument(site.document, entry.lang).study.publisher,
      provider_url: site.base,
      width: FRAME.width,
      height: FRAME.height[entry.tag],
      cache_age: CACHE_AGE,
      // All three or none, as the spec asks.
      ...(image && {
        thumbnail_url: image.url,
        thumbnail_width: IMAGE.width,
        thumbnail_height: IMAGE.height,
      }),
      // Only what WordPress keeps of a discovered provider's html: one iframe, with the
      // attributes its filter allows (src, width, height, frameborder, title…).
      html: iframe(entry, { width: String(FRAME.width) }),
    },
    null,
    2,
  )}\n`;
}

/**
 * The frame's page takes nothing from its URL: it shows this one item, from its own copy of the
 * document (a sandboxed frame cannot fetch the site's file), and signs people up only at the
 * document's service.
 */
function embedPage(site: Making, entry: Entry): string {
  const { root } = entry;
  const framed = snapshot({ ...here(site, entry), cssUrl: `${root}impact-widgets.css` });
  return page(
    {
      lang: entry.lang,
      title: entry.title,
      root,
      css: 'embed.css',
      csp: csp([entry.signup]),
      more: [
        '<meta name="robots" content="noindex">',
        // Links leave the frame for a new tab: the reader keeps the article they were reading.
        '<base target="_blank">',
        `${tag('script', { type: 'application/json', 'data-impact-src': `${root}${SOURCE}` })}${scriptJson(site.document)}</script>`,
        // Classic scripts: in a frame sandboxed without allow-same-origin, a module script
        // would be a cross-origin request that fails unless the host sends CORS headers.
        // The frame's script first: it hears every error of the card, even one the bundle
        // reports before a later script would run.
        `${tag('script', { src: `${root}frame.js`, defer: '' })}</script>`,
        `${tag('script', { src: `${root}impact-widgets.iife.js`, defer: '' })}</script>`,
      ],
    },
    `<body>\n<main>${framed.html.trimEnd()}</main>\n</body>`,
  );
}

/** An email cannot hold the sign-up form: its button leads to the share page, which does. */
function emailCard(site: Making, entry: Entry): string {
  const cta = entry.tag === 'fundraise-cta' ? (entry.item as Cta) : undefined;
  const email = emailSnapshot({
    ...here(site, entry),
    ...(cta &&
      (cta.signup?.endpoint || !cta.button.href) && { attributes: { 'data-href': entry.url } }),
  });
  site.note(email.warnings, entry.path);
  return email.html;
}

/**
 * The share image, drawn as the `--as png` card is. A card the image cannot carry (words too
 * long for it, a script its fonts lack) gets a page all the same: link previews then show its
 * words without a picture.
 */
async function shareImage(site: Making, entry: Entry, files: Site['files']): Promise<Image> {
  try {
    const drawn = await imageSnapshot({ ...here(site, entry), format: 'png', width: IMAGE.width });
    site.note(drawn.warnings, entry.path);
    if (drawn.image.length > MAX_IMAGE_BYTES) {
      throw new Error(
        `it weighs ${drawn.image.length} bytes; link previews drop images over ${MAX_IMAGE_BYTES}`,
      );
    }
    files.set(`${entry.path}card.png`, drawn.image);
    return { url: `${entry.url}card.png`, alt: drawn.alt };
  } catch (error) {
    site.note([`no share image (card.png), because ${(error as Error).message}`], entry.path);
    return undefined;
  }
}

/**
 * The languages asked for, each as the document has it: refused when it has no text in one at
 * all, which would make pages that say they are in it around none of its words.
 */
function siteLanguages(document: StudyDocument, asked: readonly string[] | undefined): string[] {
  const has = documentLanguages(document);
  const languages = [...new Set(asked?.length ? asked : [has[0]!])];
  for (const lang of languages) {
    if (!/^[a-z]{2,3}(-|$)/i.test(lang) || !lookup(lang, has)) {
      throw new PublishError(
        `--lang "${lang}": the document has no text in it (it has ${has.join(', ')})`,
        2,
      );
    }
  }
  return languages;
}

export async function publishSite(options: PublishOptions): Promise<Site> {
  const { document } = options;
  const base = siteBase(options.baseUrl);
  checkIds(document);
  const files = new Map<string, string | Uint8Array>();
  const warnings = new Set<string>();
  const site: Making = {
    document,
    base,
    integrity: JSON.parse(distFile('integrity.json').toString()) as Record<string, string>,
    note: (found, where) => found.forEach((warning) => warnings.add(`${where}: ${warning}`)),
    versions: new Map(),
  };
  const versions = siteLanguages(document, options.languages).map((lang, index): Version =>
    index ? { lang, folder: `${lang}/`, up: '../' } : { lang, folder: '', up: '' },
  );
  // Each language's words, and what is wrong with them, once per language.
  const wordsOf = new Map<string, SiteWords>();
  const words = (lang: string, where: string) => {
    if (!wordsOf.has(lang))
      wordsOf.set(
        lang,
        siteWords(document, lang, (w) => site.note([w], where)),
      );
    return wordsOf.get(lang)!;
  };

  const entries: Entry[] = [];
  for (const version of versions) {
    for (const [name, { kind }] of Object.entries(ELEMENTS)) {
      const tagName = name as Tag;
      for (const { id } of document[kind]) {
        const path = `${version.folder}${tagName}/${id}/`;
        const root = `../../${version.up}`;
        const card = cardWords({
          tag: tagName,
          document,
          id,
          lang: version.lang,
          src: `${root}${SOURCE}`,
        });
        site.note(card.warnings, path);
        // `fr-CA` asked, `fr` spoken: the page is in the language asked for.
        const lang = lookup(version.lang, [card.lang]) ? version.lang : card.lang;
        if (lang !== version.lang) {
          site.note(
            [
              `the card has no "${version.lang}" version, so this page is in "${card.lang}", as the card is`,
            ],
            path,
          );
        }
        const shown = localizeDocument(document, lang);
        const item = (shown[kind] as Item[]).find((one) => one.id === id)!;
        const part = (wanted: string) => card.parts.find((found) => found.name === wanted)?.text;
        const endpoint = (item as Cta).signup?.endpoint;
        let signup: string | undefined;
        if (endpoint) {
          const url = webUrl(new URL(endpoint, `${base}${path}`).href);
          if (url) signup = new URL(url).origin;
        }
        const entry: Entry = {
          tag: tagName,
          version,
          item,
          shown,
          path,
          root,
          url: `${base}${path}`,
          title: TITLES[tagName](part) || card.alt,
          description: card.alt,
          lang,
          words: words(lang, path),
          signup,
        };
        entries.push(entry);
        const key = `${tagName}/${id}`;
        site.versions.set(key, [...(site.versions.get(key) ?? []), entry]);
      }
    }
  }

  for (const entry of entries) {
    const image = await shareImage(site, entry, files);
    for (const [name, make] of Object.entries(ITEM_FILES)) {
      files.set(`${entry.path}${name}`, make(site, entry, image));
    }
  }

  files.set(SOURCE, `${JSON.stringify(document, null, 2)}\n`);
  const indexes = versions.map((version) => ({
    lang: version.lang,
    url: `${base}${version.folder}`,
  }));
  for (const version of versions) {
    const say = voice(document, version.lang, words(version.lang, version.folder || './'));
    files.set(
      `${version.folder}index.html`,
      indexPage(
        site,
        version,
        say,
        entries.filter((entry) => entry.version === version),
        {
          versions: indexes,
          fallback: base,
        },
      ),
    );
  }
  const first = voice(document, versions[0]!.lang, words(versions[0]!.lang, './'));
  files.set('404.html', notFoundPage(first, base));
  files.set(
    'sitemap.xml',
    sitemap([...indexes.map(({ url }) => url), ...entries.map((entry) => entry.url)]),
  );
  // Netlify sends no CORS headers of its own: partners' pages load the scripts and the document
  // from this site (GitHub Pages sends these already, and ignores the file).
  files.set('_headers', '/*\n  Access-Control-Allow-Origin: *\n');
  for (const [name, file] of Object.entries(ASSETS)) files.set(name, distFile(file));
  return { files, warnings: [...warnings] };
}

/** The citation under the card: the item's source, and the study it comes from. */
function citation(say: Voice, entry: Entry, document: StudyDocument): string {
  const { study } = say.shown;
  const source = (entry.item as Stat | Quote).source;
  const from = `${say.say('from')} <cite>${say.study('title', study.url)}</cite>, ${say.study('publisher')}, ${study.year}.`;
  if (!source) return from;
  const cited = (source as Stat['source'])?.cited;
  // The source's name as the document writes it, in the page's language where it can.
  const written = (document[ELEMENTS[entry.tag].kind] as StudyDocument['stats']).find(
    (one) => one.id === entry.item.id,
  )?.source?.label;
  const label = inLang(
    linked(source.label, source.url),
    writtenIn(written, say.lang, document),
    say.lang,
  );
  return `${say.say('source')} ${label}${cited ? `, ${say.say('citedIn')}` : '.'} ${from}`;
}

/**
 * The item's provenance for search engines and other machine readers, as schema.org has it: the
 * study as a Report, a figure as a Claim that appears in it (and first in its source when the
 * study only cites it, as the card's "as cited in" says), a quotation by its speaker.
 */
function provenance(document: Shown, entry: Entry): object {
  const { study } = document;
  const report = {
    '@type': 'Report',
    name: study.title,
    publisher: { '@type': 'Organization', name: study.publisher },
    datePublished: String(study.year),
    ...(webUrl(study.url) && { url: webUrl(study.url) }),
  };
  const work = (source: { label: string; url?: string }) => ({
    '@type': 'CreativeWork',
    name: source.label,
    ...(webUrl(source.url) && { url: webUrl(source.url) }),
  });
  const common = { '@context': 'https://schema.org', url: entry.url, inLanguage: entry.lang };
  const ITEMS: Record<Tag, () => object> = {
    'impact-stat': () => {
      const { source } = entry.item as Stat;
      return {
        ...common,
        '@type': 'Claim',
        text: entry.description,
        appearance: report,
        ...(source &&
          (source.cited ? { firstAppearance: work(source) } : { citation: work(source) })),
      };
    },
    'study-quote': () => {
      const quote = entry.item as Quote;
      return {
        ...common,
        '@type': 'Quotation',
        text: quote.text,
        creator: {
          '@type': 'Person',
          name: quote.author,
          ...(quote.role && { jobTitle: quote.role }),
        },
        ...(quote.date && { dateCreated: quote.date }),
        isPartOf: report,
        ...(quote.source && { citation: work(quote.source) }),
      };
    },
    'fundraise-cta': () => ({
      ...common,
      '@type': 'WebPage',
      name: entry.title,
      description: entry.description,
      publisher: report.publisher,
      about: report,
    }),
  };
  return ITEMS[entry.tag]();
}

/** What each kind is called on the index. */
const GROUPS: Record<Tag, keyof SiteMessages> = {
  'impact-stat': 'figures',
  'study-quote': 'quotes',
  'fundraise-cta': 'ctas',
};

function indexPage(
  site: Making,
  version: Version,
  say: Voice,
  entries: Entry[],
  alternates: Alternates,
): string {
  const { study } = say.shown;
  const groups = (Object.keys(GROUPS) as Tag[])
    .map((kind) => {
      const mine = entries.filter((entry) => entry.tag === kind);
      if (!mine.length) return '';
      const cards = mine.map((entry) => {
        const { html } = snapshot({
          tag: entry.tag,
          document: site.document,
          id: entry.item.id,
          lang: version.lang,
          src: `${version.up}${SOURCE}`,
          cssUrl: `${version.up}impact-widgets.css`,
        });
        return `<li>
<div class="card">${html.trimEnd()}</div>
<p>${tag('a', { href: `${entry.tag}/${entry.item.id}/` })}${say.say('sharePage')}: ${inLang(escapeText(entry.title), entry.lang, say.lang)}</a></p>
</li>`;
      });
      return `<section aria-labelledby="${kind}">
<h2 id="${kind}">${say.say(GROUPS[kind])}</h2>
<ul class="cards">
${cards.join('\n')}
</ul>
</section>`;
    })
    .join('\n');
  const url = `${site.base}${version.folder}`;
  return page(
    {
      lang: version.lang,
      title: study.title,
      root: version.up,
      csp: csp(["'self'", ...entries.map((entry) => entry.signup)]),
      more: [
        tag('meta', {
          name: 'description',
          content: `${study.title}, ${study.publisher}, ${study.year}`,
        }),
        tag('link', { rel: 'canonical', href: url }),
        ...hreflang(alternates),
        `${tag('script', { type: 'module', src: `${version.up}impact-widgets.js` })}</script>`,
      ],
    },
    frame(
      say,
      '',
      `<h1>${say.study('title')}</h1>
<p>${say.say('intro')}</p>
${groups}`,
    ),
  );
}

/**
 * The page a host serves for any missing path: its links are absolute, since it may be served
 * at any depth.
 */
function notFoundPage(say: Voice, base: string): string {
  const path = new URL(base).pathname;
  return page(
    {
      lang: say.lang,
      title: `${say.m.notFound} · ${say.shown.study.title}`,
      root: path,
      csp: csp([]),
      more: ['<meta name="robots" content="noindex">'],
    },
    frame(
      say,
      path,
      `<h1>${say.say('notFound')}</h1>
<p>${say.say('notFoundHelp')} ${tag('a', { href: path })}${say.say('allCards')}</a>.</p>`,
    ),
  );
}

/** Every page of the site that a search engine should know of: each language's. */
function sitemap(urls: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((url) => `  <url><loc>${escapeText(url)}</loc></url>`).join('\n')}
</urlset>
`;
}
