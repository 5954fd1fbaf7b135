/**
 * The snapshot command's renderer, for Node: an element's card rendered by its own templates with
 * Lit SSR, as a snippet a partner pastes where the element goes. The build bundles this module,
 * with lit and @lit-labs/ssr, into `dist/snapshot.mjs`; `bin/impact-widgets.mjs` reads the command
 * line and the document, and calls it. Nothing here reaches the browser bundle.
 *
 * The snippet is the element, a declarative shadow root holding the card, and after it the light
 * DOM that readers see whose browser ignores the template. A strict CSP (`style-src 'self'`) blocks
 * the `<style>` Lit SSR writes into the root, so it links the stylesheet the build writes
 * (`dist/impact-widgets.css`) instead; and nothing is left for a hydration that never runs. The
 * snippet's text is written by snippet.ts, which the embed builder shares.
 *
 * The email and image cards (email.ts, image.ts) are drawn from the same rendered card, read into
 * blocks by card.ts, so they say what the live card says.
 */
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import type { CSSResult } from 'lit';
import { html, unsafeStatic } from 'lit/static-html.js';
import { findItems } from '../controllers/study-item-controller.js';
import { DEFAULT_DOCUMENT } from '../data/default-document.js';
import { preloadStudyDocument } from '../data/loader.js';
import type { ItemKind, StudyDocument } from '../data/schema.js';
import { FundraiseCtaElement } from '../elements/fundraise-cta/fundraise-cta.js';
import { ImpactStatElement } from '../elements/impact-stat/impact-stat.js';
import { StudyQuoteElement } from '../elements/study-quote/study-quote.js';
import { define } from '../internal/define.js';
import { direction, elementLang } from '../internal/lang.js';
import type { ImpactElement, Theme } from '../internal/impact-element.js';
import { altText, palette, readCard, scheme, words, type Block } from './card.js';
import { emailAttributes, emailOf } from './email.js';
import { IMAGE_WIDTH, imagePng, imageSvg, type Direction } from './image.js';
import { cardMarkup, openTag, prerenderedSnippet, tokens } from './snippet.js';

export { parseDocument } from '../data/loader.js';
export { addImageFonts, imageLayout, imagePng, type AddedFont } from './image.js';
export { DEFAULT_DOCUMENT };

/** The elements a snapshot can show, and the list of the document each takes its item from. */
export const ELEMENTS = {
  'impact-stat': { element: ImpactStatElement, kind: 'stats' },
  'study-quote': { element: StudyQuoteElement, kind: 'quotes' },
  'fundraise-cta': { element: FundraiseCtaElement, kind: 'ctas' },
} satisfies Record<string, { element: typeof ImpactElement; kind: ItemKind }>;

export type Tag = keyof typeof ELEMENTS;

// Defined here, not by importing the `*.define.js` modules: a bundler that trusts the package's
// `sideEffects` list drops imports made only for their side effects.
for (const [tag, { element }] of Object.entries(ELEMENTS)) {
  define(tag, element as unknown as CustomElementConstructor);
}

export const THEMES: readonly Theme[] = ['light', 'dark', 'auto'];

/** What names a card: the element, its document and item, and how it speaks and looks. */
export interface CardOptions {
  tag: Tag;
  /** The study document; the embedded study when absent. */
  document?: StudyDocument;
  /** Where the live element loads `document` from: its `data-src`. Required with `document`. */
  src?: string;
  /** The item's id; the first item of the element's kind when absent. */
  id?: string;
  lang?: string;
  theme?: Theme;
  /** More of the element's attributes (`data-label`, `data-endpoint`…), as the live element gets them. */
  attributes?: Record<string, string>;
}

export interface SnapshotOptions extends CardOptions {
  /** Where the shadow root links `dist/impact-widgets.css` from. */
  cssUrl: string;
  /** The stylesheet's Subresource Integrity hash, which pins the link (dist/integrity.json). */
  cssIntegrity?: string;
}

export interface Snapshot {
  html: string;
  /** What the element warned about while rendering a card all the same (a refused link…). */
  warnings: string[];
}

/** What an element rendered: its attributes, its card's markup and blocks, and its warnings. */
interface Rendered {
  attributes: Record<string, string | undefined>;
  card: string;
  blocks: Block[];
  /** The card's language, as the element chose it. */
  lang: string;
  warnings: string[];
}

/**
 * One element's card, rendered by its own templates. Throws, with the element's own words, when
 * it cannot show a card: a missing id, or anything the element would report instead of rendering.
 */
function renderCard(options: CardOptions): Rendered {
  const { tag, src, theme, lang } = options;
  const { element, kind } = ELEMENTS[tag];
  const document = options.document ?? DEFAULT_DOCUMENT;
  // The element asks for the same document by its data-src, and finds it here.
  if (src) preloadStudyDocument(src, document);
  // Named even when it is the first: the snippet keeps showing this item if the document's order
  // changes, as the pre-rendered card does.
  const [item] = findItems(document, kind, options.id, src ?? 'the default document');
  const own = { 'data-src': src, 'data-id': item.id, 'data-theme': theme, lang };
  // These four first, and no option overrides them; then the options, as the embed builder writes.
  const attributes = { ...own, ...options.attributes, ...own };

  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  let rendered: string;
  try {
    rendered = collectResultSync(
      render(html`${unsafeStatic(`${openTag(tag, attributes)}</${tag}>`)}`),
    );
  } finally {
    console.warn = warn;
  }
  const styles = (element.elementStyles as CSSResult[]).map((style) => style.cssText).join('');
  const root = /<template [^>]*>([\s\S]*)<\/template>/.exec(rendered)?.[1] ?? '';
  // Without the markers a hydration would read, which never runs: the element takes the root over.
  const card = cardMarkup(root.replace(`<style>${styles}</style>`, ''));
  if (!/^<div [^>]*\bpart="card"/.test(card)) {
    throw new Error(warnings.join('; ') || `<${tag}> rendered no card`);
  }
  // The element's own rule on a server: its lang attribute, else the document's locale.
  const host = { getAttribute: (name: string) => (name === 'lang' ? (lang ?? null) : null) };
  return {
    attributes,
    card,
    blocks: readCard(card),
    lang: elementLang(host as unknown as Element, document.study.locale),
    warnings,
  };
}

/**
 * The snippet for one element: the element, its card in a declarative shadow root, and the
 * card's words as light DOM (snippet.ts).
 */
export function snapshot(options: SnapshotOptions): Snapshot {
  const { attributes, card, warnings } = renderCard(options);
  const { tag, cssUrl, cssIntegrity } = options;
  const written = prerenderedSnippet({ tag, attributes, cssUrl, cssIntegrity, card });
  return { html: `${written}\n`, warnings };
}

/**
 * The email card for one element (src/snapshot/email.ts): rendered with the email's attributes (a
 * call to action without its endpoint), and refused when an email cannot carry it.
 */
export function emailSnapshot(options: CardOptions): Snapshot {
  const rendered = renderCard({
    ...options,
    attributes: emailAttributes(options.tag, options.attributes),
  });
  const email = emailOf(options.tag, rendered.blocks, options.theme, rendered.lang);
  return { html: email.html, warnings: [...rendered.warnings, ...email.warnings] };
}

/** A card's words: each part's, in the card's order, and all of them as one line. */
export interface CardWords {
  /** The parts a reader hears (`value`, `label`, `text`, `heading`…), hidden decoration left out. */
  parts: { name: string; text: string }[];
  /** The card's words as one line, as an image's alternative text has them. */
  alt: string;
  /** The card's language, as the element chose it. */
  lang: string;
  warnings: string[];
}

/**
 * What one element's card says, in its own words: for what describes a card without showing it
 * (a share page's title and description, as `publish` writes them).
 */
export function cardWords(options: CardOptions): CardWords {
  const { blocks, lang, warnings } = renderCard(options);
  const parts = blocks
    .filter((block) => !block.hidden && words(block))
    .map((block) => ({ name: block.name, text: words(block) }));
  return { parts, alt: altText(blocks), lang, warnings };
}

export interface ImageSnapshot {
  /** The SVG's text, or the PNG's bytes. */
  image: string | Uint8Array;
  /** The card's words, for the image's `alt`. */
  alt: string;
  warnings: string[];
}

/**
 * The image card for one element (src/snapshot/image.ts), as SVG or PNG, `width` px wide (1200
 * by default) at 1200×630's ratio, with its alternative text.
 */
export async function imageSnapshot(
  options: CardOptions & { format: 'svg' | 'png'; width?: number },
): Promise<ImageSnapshot> {
  const colours = palette(scheme(options.theme));
  const rendered = renderCard(options);
  const { blocks, warnings } = rendered;
  const alt = altText(blocks);
  const svg = await imageSvg({
    tag: options.tag,
    blocks,
    palette: colours,
    width: options.width ?? IMAGE_WIDTH,
    alt,
    ...cardLanguage(rendered),
  });
  return { image: options.format === 'png' ? await imagePng(svg) : svg, alt, warnings };
}

/** The languages written right to left, by their primary subtag. */
/**
 * The card's language and direction: the `lang` and `dir` its root element carries, when the
 * element wrote them (it writes `dir` for a right-to-left language only); else the language the
 * element chose, in its direction.
 */
function cardLanguage({ card, lang }: Rendered): { lang: string; dir: Direction } {
  const [root] = tokens(card);
  const given: Record<string, string | undefined> =
    root && 'attributes' in root ? root.attributes : {};
  const language = given.lang || lang;
  const dir = given.dir === 'rtl' || given.dir === 'ltr' ? given.dir : direction(language);
  return { lang: language, dir: dir ?? 'ltr' };
}
