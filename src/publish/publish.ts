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
import type { Cta, Quote, Stat, StudyDocument } from '../data/schema.js';
import {
  cardWords,
  ELEMENTS,
  emailSnapshot,
  imageSnapshot,
  snapshot,
  type CardOptions,
  type Tag,
} from '../snapshot/snapshot.js';
import { escapeText, linked, scriptJson, tag, webUrl } from './markup.js';
import { messagesOf, type SiteMessages } from './messages.js';

/** A document or option `publish` cannot make a site of; its message names what to change. */
export class PublishError extends Error {
  override name = 'PublishError';
}

export interface PublishOptions {
  /** The study document, already read and validated (dist/snapshot.mjs's parseDocument). */
  document: StudyDocument;
  /** Where the site will be served: an absolute http(s) URL. Open Graph and oEmbed need one. */
  baseUrl: string;
  /** The pages' language, a BCP 47 tag (default: the document's locale). */
  lang?: string;
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

/** One item's share page, as every file of the site names it. */
interface Entry {
  tag: Tag;
  item: Item;
  /** Its folder, `impact-stat/minors-2015/`. */
  path: string;
  /** Its page's absolute URL. */
  url: string;
  title: string;
  description: string;
  lang: string;
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
<html lang="${escapeText(head.lang)}">
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
function frame(document: StudyDocument, root: string, m: SiteMessages, main: string): string {
  const { study } = document;
  return `<body>
<header><p class="site">${tag('a', { href: root || './' })}${escapeText(study.title)}</a></p></header>
<main>
${main}
</main>
<footer><p>${escapeText(m.from)} ${linked(study.title, study.url)}, ${escapeText(study.publisher)}, ${study.year}.</p></footer>
</body>`;
}

export async function publishSite(options: PublishOptions): Promise<Site> {
  const { document } = options;
  const base = siteBase(options.baseUrl);
  checkIds(document);
  const integrity = JSON.parse(distFile('integrity.json').toString()) as Record<string, string>;
  const files = new Map<string, string | Uint8Array>();
  const warnings = new Set<string>();
  const note = (found: string[], where: string) =>
    found.forEach((warning) => warnings.add(`${where}: ${warning}`));
  const lang = options.lang ?? document.study.locale ?? 'en';
  const m = messagesOf(lang);
  const sourceName = 'study.json';

  const entries: Entry[] = [];
  for (const [name, { kind }] of Object.entries(ELEMENTS)) {
    const tagName = name as Tag;
    for (const item of document[kind] as Item[]) {
      const path = `${tagName}/${item.id}/`;
      const card: CardOptions = {
        tag: tagName,
        document,
        id: item.id,
        lang: options.lang,
        src: `../../${sourceName}`,
      };
      const words = cardWords(card);
      note(words.warnings, path);
      const part = (wanted: string) => words.parts.find((found) => found.name === wanted)?.text;
      const endpoint = (item as Cta).signup?.endpoint;
      let signup: string | undefined;
      if (endpoint) {
        const url = webUrl(new URL(endpoint, `${base}${path}`).href);
        if (url) signup = new URL(url).origin;
      }
      entries.push({
        tag: tagName,
        item,
        path,
        url: `${base}${path}`,
        title: TITLES[tagName](part) || words.alt,
        description: words.alt,
        lang: words.lang,
        signup,
      });
    }
  }

  for (const entry of entries) {
    const { tag: tagName, item, path } = entry;
    const card: CardOptions = { tag: tagName, document, id: item.id, lang: options.lang };
    const here = { ...card, src: `../../${sourceName}` };

    // The share image, drawn as the `--as png` card is. A card the image cannot carry (words
    // too long for it, a script its fonts lack) gets a page all the same: link previews then
    // show its words without a picture.
    let image: { url: string; alt: string } | undefined;
    try {
      const drawn = await imageSnapshot({ ...here, format: 'png', width: IMAGE.width });
      note(drawn.warnings, path);
      if (drawn.image.length > MAX_IMAGE_BYTES) {
        throw new Error(
          `it weighs ${drawn.image.length} bytes; link previews drop images over ${MAX_IMAGE_BYTES}`,
        );
      }
      files.set(`${path}card.png`, drawn.image);
      image = { url: `${entry.url}card.png`, alt: drawn.alt };
    } catch (error) {
      warnings.add(`${path}: no share image (card.png), because ${(error as Error).message}`);
    }

    // The page's own card, and the one partners copy (absolute URLs, pinned by integrity).
    const own = snapshot({ ...here, cssUrl: '../../impact-widgets.css' });
    note(own.warnings, path);
    const copied = snapshot({
      ...card,
      src: `${base}${sourceName}`,
      cssUrl: `${base}impact-widgets.css`,
      cssIntegrity: integrity['impact-widgets.css'],
    });
    const script = (file: string, attributes: Record<string, string>) =>
      `${tag('script', { ...attributes, src: `${base}${file}`, integrity: integrity[file], crossorigin: 'anonymous' })}</script>`;
    const element = `${tag(tagName, { 'data-src': `${base}${sourceName}`, 'data-id': item.id, lang: options.lang })}</${tagName}>`;
    const height = FRAME.height[tagName];
    const iframe = (attributes: Record<string, string | undefined>) =>
      `${tag('iframe', { ...attributes, src: `${entry.url}embed.html`, title: entry.title, height: String(height), frameborder: '0' })}</iframe>`;
    const snippets: [string, string][] = [
      [m.snippetScript, `${script('impact-widgets.js', { type: 'module' })}\n${element}`],
      [
        m.snippetPrerendered,
        `${copied.html.trimEnd()}\n${script('impact-widgets.js', { type: 'module' })}`,
      ],
      [
        m.snippetIframe,
        `${iframe({ 'data-impact-embed': '', width: '100%', loading: 'lazy' })}\n${script('embed-resize.js', { defer: '' })}`,
      ],
    ];

    files.set(
      `${path}index.html`,
      page(
        {
          lang: entry.lang,
          title: `${entry.title} · ${document.study.title}`,
          root: '../../',
          csp: csp(["'self'", entry.signup]),
          more: [
            tag('meta', { name: 'description', content: entry.description }),
            tag('link', { rel: 'canonical', href: entry.url }),
            ...Object.entries({
              'og:title': entry.title,
              'og:description': entry.description,
              'og:url': entry.url,
              'og:type': 'website',
              'og:site_name': document.study.publisher,
              'og:locale': ogLocale(entry.lang),
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
            `<script type="application/ld+json">${scriptJson(provenance(document, entry))}</script>`,
            '<script type="module" src="../../impact-widgets.js"></script>',
            '<script src="../../site.js" defer></script>',
          ],
        },
        frame(
          document,
          '../../',
          m,
          `<h1>${escapeText(entry.title)}</h1>
<div class="card">${own.html.trimEnd()}</div>
<p class="citation">${citation(document, item, m)}</p>
<p>${tag('a', { href: 'email.html' })}${escapeText(m.emailCard)}</a>${image ? ` · ${tag('a', { href: 'card.png' })}${escapeText(m.image)}</a>` : ''}</p>
<section aria-labelledby="embed">
<h2 id="embed">${escapeText(m.embed)}</h2>
${snippets
  .map(
    ([label, code], index) => `<div class="snippet">
<label for="snippet-${index}">${escapeText(label)}</label>
<textarea id="snippet-${index}" readonly rows="${Math.min(code.split('\n').length + 1, 8)}" spellcheck="false">${escapeText(code)}</textarea>
${tag('button', { type: 'button', 'data-copy': `snippet-${index}`, class: 'copy' })}${escapeText(m.copy)}</button>
</div>`,
  )
  .join('\n')}
<p class="copied" role="status" data-copied="${escapeText(m.copied)}"></p>
</section>`,
        ),
      ),
    );

    files.set(
      `${path}oembed.json`,
      `${JSON.stringify(
        {
          type: 'rich',
          version: '1.0',
          title: entry.title,
          provider_name: document.study.publisher,
          provider_url: base,
          width: FRAME.width,
          height,
          cache_age: CACHE_AGE,
          // All three or none, as the spec asks.
          ...(image && {
            thumbnail_url: image.url,
            thumbnail_width: IMAGE.width,
            thumbnail_height: IMAGE.height,
          }),
          // Only what WordPress keeps of a discovered provider's html: one iframe, with the
          // attributes its filter allows (src, width, height, frameborder, title…).
          html: iframe({ width: String(FRAME.width) }),
        },
        null,
        2,
      )}\n`,
    );

    // The frame's page takes nothing from its URL: it shows this one item, from its own copy of
    // the document (a sandboxed frame cannot fetch the site's file), and signs people up only at
    // the document's service.
    const framed = snapshot({ ...here, cssUrl: '../../impact-widgets.css' });
    files.set(
      `${path}embed.html`,
      page(
        {
          lang: entry.lang,
          title: entry.title,
          root: '../../',
          css: 'embed.css',
          csp: csp([entry.signup]),
          more: [
            '<meta name="robots" content="noindex">',
            // Links leave the frame for a new tab: the reader keeps the article they were reading.
            '<base target="_blank">',
            `${tag('script', { type: 'application/json', 'data-impact-src': `../../${sourceName}` })}${scriptJson(document)}</script>`,
            // Classic scripts: in a frame sandboxed without allow-same-origin, a module script
            // would be a cross-origin request that fails unless the host sends CORS headers.
            // The frame's script first: it hears every error of the card, even one the bundle
            // reports before a later script would run.
            '<script src="../../frame.js" defer></script>',
            '<script src="../../impact-widgets.iife.js" defer></script>',
          ],
        },
        `<body>\n<main>${framed.html.trimEnd()}</main>\n</body>`,
      ),
    );

    // An email cannot hold the sign-up form: its button leads to the share page, which does.
    const cta = tagName === 'fundraise-cta' ? (item as Cta) : undefined;
    const email = emailSnapshot({
      ...here,
      ...(cta &&
        (cta.signup?.endpoint || !cta.button.href) && { attributes: { 'data-href': entry.url } }),
    });
    note(email.warnings, path);
    files.set(`${path}email.html`, email.html);
  }

  files.set(sourceName, `${JSON.stringify(document, null, 2)}\n`);
  files.set('index.html', indexPage(document, entries, m, lang, base));
  files.set('404.html', notFoundPage(document, m, lang, base));
  files.set('sitemap.xml', sitemap(base, entries));
  // Netlify sends no CORS headers of its own: partners' pages load the scripts and the document
  // from this site (GitHub Pages sends these already, and ignores the file).
  files.set('_headers', '/*\n  Access-Control-Allow-Origin: *\n');
  for (const [name, file] of Object.entries(ASSETS)) files.set(name, distFile(file));
  return { files, warnings: [...warnings] };
}

/** The citation under the card: the item's source, and the study it comes from. */
function citation(document: StudyDocument, item: Item, m: SiteMessages): string {
  const { study } = document;
  const source = (item as Stat | Quote).source;
  const from = `${escapeText(m.from)} <cite>${linked(study.title, study.url)}</cite>, ${escapeText(study.publisher)}, ${study.year}.`;
  if (!source) return from;
  const cited = (source as Stat['source'])?.cited;
  return `${escapeText(m.source)} ${linked(source.label, source.url)}${cited ? `, ${escapeText(m.citedIn)}` : '.'} ${from}`;
}

/**
 * The item's provenance for search engines and other machine readers, as schema.org has it: the
 * study as a Report, a figure as a Claim that appears in it (and first in its source when the
 * study only cites it, as the card's "as cited in" says), a quotation by its speaker.
 */
function provenance(document: StudyDocument, entry: Entry): object {
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
  document: StudyDocument,
  entries: Entry[],
  m: SiteMessages,
  lang: string,
  base: string,
): string {
  const { study } = document;
  const groups = (Object.keys(GROUPS) as Tag[])
    .map((kind) => {
      const mine = entries.filter((entry) => entry.tag === kind);
      if (!mine.length) return '';
      const cards = mine.map((entry) => {
        const { html } = snapshot({
          tag: entry.tag,
          document,
          id: entry.item.id,
          lang,
          src: 'study.json',
          cssUrl: 'impact-widgets.css',
        });
        return `<li>
<div class="card">${html.trimEnd()}</div>
<p>${tag('a', { href: entry.path })}${escapeText(m.sharePage)}: ${escapeText(entry.title)}</a></p>
</li>`;
      });
      return `<section aria-labelledby="${kind}">
<h2 id="${kind}">${escapeText(m[GROUPS[kind]])}</h2>
<ul class="cards">
${cards.join('\n')}
</ul>
</section>`;
    })
    .join('\n');
  return page(
    {
      lang,
      title: study.title,
      root: '',
      csp: csp(["'self'", ...entries.map((entry) => entry.signup)]),
      more: [
        tag('meta', {
          name: 'description',
          content: `${study.title}, ${study.publisher}, ${study.year}`,
        }),
        tag('link', { rel: 'canonical', href: base }),
        '<script type="module" src="impact-widgets.js"></script>',
      ],
    },
    frame(
      document,
      '',
      m,
      `<h1>${escapeText(study.title)}</h1>
<p>${escapeText(m.intro)}</p>
${groups}`,
    ),
  );
}

/**
 * The page a host serves for any missing path: its links are absolute, since it may be served
 * at any depth.
 */
function notFoundPage(
  document: StudyDocument,
  m: SiteMessages,
  lang: string,
  base: string,
): string {
  const path = new URL(base).pathname;
  return page(
    {
      lang,
      title: `${m.notFound} · ${document.study.title}`,
      root: path,
      csp: csp([]),
      more: ['<meta name="robots" content="noindex">'],
    },
    frame(
      document,
      path,
      m,
      `<h1>${escapeText(m.notFound)}</h1>
<p>${escapeText(m.notFoundHelp)} ${tag('a', { href: path })}${escapeText(m.allCards)}</a>.</p>`,
    ),
  );
}

function sitemap(base: string, entries: Entry[]): string {
  const urls = [base, ...entries.map((entry) => entry.url)];
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((url) => `  <url><loc>${escapeText(url)}</loc></url>`).join('\n')}
</urlset>
`;
}
