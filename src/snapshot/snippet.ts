/**
 * The pre-rendered snippet as text, from a card's rendered HTML. The snapshot command writes it
 * from Lit SSR's output (snapshot.ts), and the embed builder from a live element's shadow root
 * (demo/builder/): both write through these functions, so the same card makes the same snippet,
 * byte for byte. Plain string work that imports nothing, which lets the builder bundle it without
 * a second copy of the elements.
 *
 * Two serializers of one DOM disagree only in form: comments (Lit's markers), the order of
 * attributes (Lit sets bound ones after the static ones), entities (`&#39;` or `'`, `&nbsp;` or
 * U+00A0) and whitespace. `cardMarkup` writes one form for all of them.
 */

export interface PrerenderedSnippet {
  tag: string;
  /** The element's attributes, in the order written; `undefined` leaves one out. */
  attributes: Readonly<Record<string, string | undefined>>;
  /** Where the shadow root links dist/impact-widgets.css from. */
  cssUrl: string;
  /** Its Subresource Integrity hash (dist/integrity.json); the link is pinned when given. */
  cssIntegrity?: string;
  /** The shadow root's content, as `cardMarkup` writes it. */
  card: string;
}

/**
 * The element, a declarative shadow root linking the stylesheet and holding the card, then the
 * card's words as light DOM for readers whose browser ignores the template: in the card's `lang`
 * and `dir`, which may not be the element's (a Khmer page shown an English card, for want of
 * Khmer words), so that a screen reader speaks them in the right voice and Arabic reads from the
 * right.
 */
export function prerenderedSnippet(snippet: PrerenderedSnippet): string {
  const { tag, attributes, cssUrl, cssIntegrity, card } = snippet;
  const link = openTag('link', {
    rel: 'stylesheet',
    href: cssUrl,
    integrity: cssIntegrity,
    crossorigin: cssIntegrity && 'anonymous',
  });
  const [root] = tokens(card);
  const { lang, dir } = root?.tag === 'div' ? root.attributes : {};
  const light = fallbackFor(card).map((block) => `\n    <p>${block}</p>`);
  const words = `\n  ${openTag('div', { lang, dir })}${light.join('')}\n  </div>`;
  return `${openTag(tag, attributes)}<template shadowrootmode="open">${link}${card}</template>${words}\n</${tag}>`;
}

/**
 * A card's markup in the one form both serializers' output takes here: no comments or Lit
 * markers, attributes sorted by name, only `&`, `<`, `>` (and `"` in attributes) escaped, runs of
 * white space one space (the card's white-space is normal, so it looks the same; a no-break space
 * is text, and stays).
 */
export function cardMarkup(rendered: string): string {
  return tokens(rendered)
    .map((token) => {
      if (token.text !== undefined) return escape(token.text.replace(WHITE_SPACE, ' '));
      if (token.close) return `</${token.tag}>`;
      const sorted = Object.keys(token.attributes).sort();
      const open = openTag(
        token.tag,
        Object.fromEntries(sorted.map((name) => [name, token.attributes[name]])),
      );
      // `<path />` in a template: its end tag, as a browser's serializer writes it.
      return token.selfClosing && !VOID.has(token.tag) ? `${open}</${token.tag}>` : open;
    })
    .join('')
    .trim();
}

/** HTML's white space; `\s` would take no-break spaces, which Intl writes into "2,2 %". */
const WHITE_SPACE = /[ \t\n\f\r]+/g;
/** HTML elements that hold no content and have no end tag. */
export const VOID = new Set([
  'area',
  'br',
  'col',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'wbr',
]);
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/** The entities either serializer writes: Lit SSR `&#39;`, a browser `&nbsp;`. */
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

const escape = (text: string, attribute = false) =>
  text.replace(attribute ? /[&<>"]/g : /[&<>]/g, (c) => ESCAPES[c]!);

const unescape = (text: string) =>
  text.replace(/&(?:#(\d+)|#x([\da-f]+)|([a-z]+));/gi, (entity, decimal, hex, name) =>
    decimal || hex
      ? String.fromCodePoint(decimal ? Number(decimal) : parseInt(hex, 16))
      : (ENTITIES[name] ?? entity),
  );

/** A start tag; an empty value is written bare (`hidden`), an `undefined` one not at all. */
export function openTag(
  tag: string,
  attributes: Readonly<Record<string, string | undefined>>,
): string {
  const written = Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => (value ? ` ${name}="${escape(value, true)}"` : ` ${name}`));
  return `<${tag}${written.join('')}>`;
}

export type Token =
  | { text: string; close?: undefined; tag?: undefined }
  | {
      text?: undefined;
      close: boolean;
      tag: string;
      attributes: Record<string, string>;
      selfClosing: boolean;
    };

/** The markup's tags and text, decoded. It is a serializer's output, so well formed. */
export function tokens(markup: string): Token[] {
  const found: Token[] = [];
  const stripped = markup.replace(/<!--[\s\S]*?-->|<\?>/g, '');
  for (const [, close, tag, inside, text] of stripped.matchAll(
    /<(\/?)([a-zA-Z][^\s/>]*)((?:"[^"]*"|'[^']*'|[^"'>])*)>|([^<]+)/g,
  )) {
    if (text !== undefined) {
      found.push({ text: unescape(text) });
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const [, name, ...values] of inside!.matchAll(
      /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g,
    )) {
      attributes[name!] = unescape(values.find((value) => value !== undefined) ?? '');
    }
    found.push({
      close: !!close,
      tag: tag!.toLowerCase(),
      attributes,
      selfClosing: /\/\s*$/.test(inside!),
    });
  }
  return found;
}

/**
 * Unicode's explicit directional controls: LRE, RLE, PDF, LRO, RLO (U+202A to U+202E), and LRI,
 * RLI, FSI, PDI (U+2066 to U+2069). What is written from a card outside its shadow root (its
 * light-DOM words here, the email and the alt text in card.ts) drops those of the words the card
 * isolates in a `<bdi>` (src/internal/bidi.ts). Nothing there isolates them reliably: feed
 * readers, Gmail and Outlook for Windows drop a `<bdi>` (caniemail), Outlook takes `dir` only in
 * part, and closing an override with a PDF still lets it pull the words beside it into its
 * order. Dropped, they reverse nothing.
 */
export const DIRECTIONAL = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * The card's words as light-DOM paragraphs, for readers whose browser ignores the template (and
 * feed readers): one paragraph per part of the card, with its links, and none of what is hidden
 * from assistive technology or needs the script (buttons). The same words as the card, so the two
 * never disagree, but for the directional controls of its `<bdi>`s.
 */
function fallbackFor(card: string): string[] {
  const blocks: string[] = [];
  // Open elements: whether each is a paragraph of its own, hides its content or isolates it, and
  // its words.
  const stack: { block: boolean; hidden: boolean; isolated: boolean; text: string }[] = [];
  const add = (text: string) => {
    if (stack.at(-1)?.hidden === false)
      [...stack].reverse().find((open) => open.block)!.text += text;
  };
  for (const token of tokens(card)) {
    if (token.text !== undefined) {
      add(escape(stack.at(-1)?.isolated ? token.text.replace(DIRECTIONAL, '') : token.text));
    } else if (token.close) {
      if (token.tag === 'a') add('</a>');
      const frame = stack.pop()!;
      const words = frame.text.replace(WHITE_SPACE, ' ').trim();
      if (frame.block && words) blocks.push(words);
    } else if (!VOID.has(token.tag) && !token.selfClosing) {
      const { tag, attributes } = token;
      stack.push({
        block: 'part' in attributes || tag === 'p',
        hidden: !!stack.at(-1)?.hidden || attributes['aria-hidden'] === 'true' || tag === 'button',
        isolated: tag === 'bdi' || !!stack.at(-1)?.isolated,
        text: '',
      });
      if (tag === 'a') add(openTag('a', { href: attributes.href ?? '' }));
    }
  }
  return blocks;
}
