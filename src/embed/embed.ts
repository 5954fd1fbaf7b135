/**
 * dist/embed.html's own script. The page renders one element for platforms that take an iframe
 * but no script tag, chosen by its query string, and tells the host page its height:
 *
 *   embed.html?tag=impact-stat&id=minors-2015&src=https://…/study.json&lang=fr&theme=dark
 *
 * The page is public, so anyone may write its query string: every value is checked, and only
 * ever becomes an attribute or text, never markup. A value that cannot be used gets what an
 * element gives for a bad attribute: the fallback text for the reader, and one console warning,
 * naming the parameter, for the partner. The document itself is trusted as a partner's page
 * trusts it, so `src` is held to the origins its host chose (see `ORIGINS`).
 */
import { lookup } from '../data/languages.js';
import type { StudyDocument } from '../data/schema.js';
import { direction } from '../internal/direction.js';
import type { Theme } from '../internal/impact-element.js';
import { safeUrl } from '../internal/safe-url.js';
import { reportError, reportHeight } from './frame-messages.js';

/** What this page uses of the bundle's exports besides the element classes. */
interface Bundle extends Record<string, unknown> {
  DEFAULT_DOCUMENT?: StudyDocument;
  loadStudyDocument?(src: string): Promise<StudyDocument>;
}

declare global {
  interface Window {
    /** The classic bundle's exports: embed.html loads dist/impact-widgets.iife.js first. */
    ImpactWidgets?: Bundle;
  }
}

/** What the reader sees when there is no card to show, whatever the cause. */
const FALLBACK = {
  en: 'This card could not be shown.',
  fr: 'Cette carte n’a pas pu être affichée.',
};

/** The element's own `data-theme` values; typed so that the list cannot miss one. */
const THEMES: Record<Theme, true> = { light: true, dark: true, auto: true };

/** A query parameter besides `tag`: why a value cannot be used, and where a usable one goes. */
interface Param {
  /** The problem, said after the value (`is not …`); undefined when the value is usable. */
  problem(value: string): string | undefined;
  /** The element attribute it sets. */
  attribute?: string;
  /** What it sets on the page itself, before the element exists (the fallback needs it too). */
  page?(value: string): void;
}

const root = document.documentElement;

/**
 * The page speaks `lang`, and is written in its direction: an Arabic card's frame reads from the
 * right (its scroll bar and its fallback text too), as a host page in Arabic would.
 */
function speak(lang: string): void {
  root.lang = lang;
  const dir = direction(lang);
  if (dir) root.dir = dir;
  else root.removeAttribute('dir');
}

/** The page's own problems: a mistake in its query (`attribute`), or no bundle (`network`). */
function warn(message: string, cause = 'attribute'): void {
  const text = `impact-widgets embed.html: ${message}`;
  console.warn(text);
  reportError({ cause, message: text });
}

/** The origin of an http(s) URL, resolved as the element resolves `data-src`. */
const originOf = (url: string) => {
  const href = safeUrl(url);
  return href && new URL(href).origin;
};

/** The meta's name, and how a warning names the meta. */
const SOURCES = 'impact-widgets-sources';
const SOURCES_META = `<meta name="${SOURCES}">`;

/**
 * The origins a document may come from: the page's own, and those its host lists in the page,
 * `<meta name="impact-widgets-sources" content="https://a.example https://b.example">`. A document
 * chooses the figures cited under the page's address, the consent words and where a sign-up goes,
 * and anyone may write the query string, so the query cannot choose where the document comes
 * from. A token that is not an origin as the browser writes one (`*`, a path, no scheme) is left
 * out: read as a pattern, it could only widen the list. `location`, not `self.origin`: in a
 * sandboxed frame the page's origin is opaque, and its address is still its host's.
 */
function documentOrigins(): string[] {
  const tokens = [...document.querySelectorAll<HTMLMetaElement>(`meta[name="${SOURCES}"]`)].flatMap(
    (meta) => meta.content.split(/\s+/).filter(Boolean),
  );
  const ignored = tokens.filter((token) => originOf(token) !== token);
  if (ignored.length) {
    warn(
      `${SOURCES_META} ignored ${ignored.map((token) => `"${token}"`).join(', ')}; list origins such as https://example.org, with no path`,
    );
  }
  return [location.origin, ...tokens.filter((token) => !ignored.includes(token))];
}

const ORIGINS = documentOrigins();

/** Checked in this order: `lang` first, so a later problem is told in the page's language. */
const PARAMS: Record<string, Param> = {
  lang: {
    problem(value) {
      try {
        Intl.getCanonicalLocales(value);
        return undefined;
      } catch {
        return 'is not a language tag such as en or fr-CA';
      }
    },
    // On the page, not the element: the element follows the closest `lang`, and the fallback
    // text is read in it too.
    page: speak,
  },
  theme: {
    problem: (value) =>
      Object.hasOwn(THEMES, value) ? undefined : `is not one of ${Object.keys(THEMES).join(', ')}`,
    attribute: 'data-theme',
    page: (value) => (root.dataset.theme = value),
  },
  // Whether the document has such an item is the element's to say, as it does on any page.
  id: { problem: () => undefined, attribute: 'data-id' },
  src: {
    problem(value) {
      const origin = originOf(value);
      if (!origin) return 'is not an http(s) URL';
      return ORIGINS.includes(origin)
        ? undefined
        : `is on ${origin}, neither this page's origin nor one its ${SOURCES_META} lists`;
    },
    attribute: 'data-src',
  },
};

/** The fallback text, in the page's language when it is one of ours, and marked as in the one it is. */
function fallback(): HTMLParagraphElement {
  const text = document.createElement('p');
  const lang = lookup(root.lang, Object.keys(FALLBACK)) ?? 'en';
  text.className = 'fallback';
  text.lang = lang;
  text.dir = direction(lang) ?? 'ltr';
  text.textContent = FALLBACK[lang as keyof typeof FALLBACK];
  return text;
}

/** The tags the bundle defines: read from its exports, so this page never lists them apart. */
function definedTags(bundle: Record<string, unknown>): string[] {
  return Object.values(bundle).flatMap(
    (value) => (typeof value === 'function' && customElements.getName(value as never)) || [],
  );
}

/** The element the query asks for, or a reason why there is none. */
function build(query: URLSearchParams): HTMLElement | string {
  const attributes: [string, string][] = [];
  for (const [name, param] of Object.entries(PARAMS)) {
    // An empty value is no value, as for the element's attributes: `?theme=&id=share` is fine.
    const value = query.get(name);
    if (!value) continue;
    const problem = param.problem(value);
    if (problem) return `${name} "${value}" ${problem}`;
    param.page?.(value);
    if (param.attribute) attributes.push([param.attribute, value]);
  }
  const bundle = window.ImpactWidgets;
  if (!bundle) return 'impact-widgets.iife.js, beside embed.html, did not load';
  const tags = definedTags(bundle);
  const tag = query.get('tag');
  if (!tag || !tags.includes(tag)) {
    return `${tag ? `tag "${tag}" is not` : 'tag is missing; give'} one of ${tags.join(', ')}`;
  }
  const element = document.createElement(tag);
  for (const [name, value] of attributes) element.setAttribute(name, value);
  // The element shows its light-DOM content until its card renders, and again if it cannot. The
  // text is kept hidden until it cannot: while a document loads it would say the wrong thing.
  const text = fallback();
  text.hidden = true;
  element.addEventListener('impact-error', ({ detail }) => {
    text.hidden = false;
    reportError(detail);
  });
  element.append(text);
  return element;
}

/**
 * Without `lang`, the card speaks its study document's `locale`, as an element does on a page with
 * no `lang` of its own. This page has one, `en`, for its no-script text and for assistive tech,
 * and an element would take it over the document's: so the page takes the document's locale
 * before the element is added. The bundle's loader shares the document with the element: one
 * request. A document that fails to load leaves the page in English; the element then tries again
 * and says why.
 */
async function followDocumentLocale(query: URLSearchParams): Promise<void> {
  const bundle = window.ImpactWidgets;
  const src = query.get('src');
  // A bad src is build()'s to report, and one from another origin must not even be asked for.
  if (query.get('lang') || !bundle?.loadStudyDocument || (src && PARAMS.src.problem(src))) return;
  try {
    const study = src ? await bundle.loadStudyDocument(src) : bundle.DEFAULT_DOCUMENT;
    const locale = study?.study.locale;
    if (locale && !PARAMS.lang.problem(locale)) speak(locale);
  } catch {
    // The element reports the document's problem itself.
  }
}

async function render(): Promise<void> {
  const query = new URLSearchParams(location.search);
  const known = ['tag', ...Object.keys(PARAMS)];
  const unknown = [...new Set(query.keys())].filter((key) => !known.includes(key));
  // A typo is worth a word, but no reason to withhold the card.
  if (unknown.length) {
    warn(
      `ignored ${unknown.map((key) => `"${key}"`).join(', ')}; the parameters are ${known.join(', ')}`,
    );
  }
  await followDocumentLocale(query);
  const built = build(query);
  if (typeof built === 'string') warn(built, window.ImpactWidgets ? 'attribute' : 'network');
  document.body.append(typeof built === 'string' ? fallback() : built);
  reportHeight();
}

void render();
