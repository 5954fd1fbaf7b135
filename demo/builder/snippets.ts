/**
 * The kinds of snippet the builder writes, one entry each: what a partner picks under "Snippet",
 * and the markup it makes of the element the builder's choices describe. Add a kind here and the
 * builder offers it.
 */
import { prerenderedSnippet } from '../../src/snapshot/snippet.js';
import type { RenderedCard } from './card.js';
import type { Attributes, ElementTree, Tree, Written } from './markup.js';

/** What every kind is made from. */
export interface SnippetInput {
  /** The package's `dist/` folder on the CDN, with its final slash. */
  dist: string;
  /** Subresource Integrity hashes by file name (dist/integrity.json); empty until it loads. */
  integrity: Readonly<Record<string, string>>;
  /** The element as the partner writes it, with the options this kind carries. */
  element: ElementTree;
  /** Markup the page needs beside the element (Netlify's hidden form). */
  companions: readonly Tree[];
  /** The item in a few of its own words: the frame's accessible name. */
  title: string;
  /** The preview's height in CSS px, once measured. */
  height?: number;
  /** The options the partner chose, by attribute name, whether this kind carries them or not. */
  options: Attributes;
  /** The card the preview shows, for a kind that is `prerendered`; undefined until it shows one. */
  card?: RenderedCard;
}

export interface SnippetKind {
  /** What the builder calls it. */
  label: string;
  /**
   * Whether the element's options (data-animate, data-share, …) reach the reader through it. When
   * they do not, the preview leaves them out too: it shows what the snippet will.
   */
  carriesOptions: boolean;
  /**
   * The snippet holds the card itself, taken from the preview. The preview is then an element
   * taking a pre-rendered card over, as it will on the partner's page: it shows what a reader sees
   * once the script runs (a stat that does not count up again).
   */
  prerendered?: boolean;
  /** The snippet, one tree (or written markup) per top-level tag. */
  trees(input: SnippetInput): (Tree | Written)[];
  /** What the partner should know about this kind of snippet, when anything. */
  hint?(input: SnippetInput): string | undefined;
}

/** A tag loading `file` from the CDN, pinned by its integrity hash. */
const script = (file: string, attributes: Attributes, input: SnippetInput): Tree => [
  'script',
  {
    ...attributes,
    src: input.dist + file,
    integrity: input.integrity[file],
    crossorigin: 'anonymous',
  },
];

/** The script tag, then the element and what it needs beside it. */
const scriptKind = (label: string, file: string, attributes: Attributes): SnippetKind => ({
  label,
  carriesOptions: true,
  trees: (input) => [script(file, attributes, input), input.element, ...input.companions],
});

/** The stylesheet a pre-rendered card links, in dist/. */
const CSS = 'impact-widgets.css';

/**
 * The element with its card in a declarative shadow root, written by the snapshot command's own
 * writer, then the module script tag that takes the card over.
 */
const prerendered: SnippetKind = {
  label: 'Pre-rendered: the card in your HTML, then the script tag',
  carriesOptions: true,
  prerendered: true,
  trees(input) {
    if (!input.card) return [];
    const [tag, attributes] = input.element;
    const html = prerenderedSnippet({
      tag,
      attributes,
      cssUrl: input.dist + CSS,
      cssIntegrity: input.integrity[CSS],
      card: input.card.markup,
    });
    return [{ html }, script('impact-widgets.js', { type: 'module' }, input), ...input.companions];
  },
  hint({ card, dist }) {
    if (!card) return 'The snippet is written from the preview’s card, once it shows one.';
    return [
      `The card shows before the script runs, and without it; the script takes it over in place. Your page’s style-src must allow ${new URL(dist).origin} for the card’s stylesheet.`,
      card.left &&
        `The card leaves out the ${card.left}, which need the script: they appear once it runs, and the card grows.`,
    ]
      .filter(Boolean)
      .join(' ');
  },
};

/**
 * dist/embed.html's query parameters, and the element attributes they stand for: the page sets
 * the same attributes from them (src/embed/embed.ts), and takes no others.
 */
const EMBED_QUERY = { id: 'data-id', src: 'data-src', lang: 'lang', theme: 'data-theme' } as const;

const iframe: SnippetKind = {
  label: 'Iframe: where scripts are not allowed',
  carriesOptions: false,
  trees(input) {
    const [tag, attributes] = input.element;
    const query = new URLSearchParams({ tag });
    for (const [param, attribute] of Object.entries(EMBED_QUERY)) {
      const value = attributes[attribute];
      if (value) query.set(param, value);
    }
    return [
      [
        'iframe',
        {
          'data-impact-embed': '',
          src: `${input.dist}embed.html?${query}`,
          title: input.title,
          // Attributes, not a style attribute, which a strict CSP (style-src 'self') refuses:
          // the frame takes its column's width and no border.
          width: '100%',
          height: input.height === undefined ? undefined : String(input.height),
          frameborder: '0',
          loading: 'lazy',
        },
      ],
      // Sizes every frame on the page to its card; once a page, where the page takes a script.
      script('embed-resize.js', { defer: '' }, input),
    ];
  },
  hint({ options, element: [, attributes], dist }) {
    const left = Object.keys(options);
    const src = attributes['data-src'];
    // embed.html takes documents from its own origin only (src/embed/embed.ts): a frame of the
    // CDN's copy with the partner's document would show its fallback.
    const origin = src && new URL(src, location.href).origin;
    return [
      'The frame starts at the preview’s height. The script tag after it, where the page takes one, resizes it to its card; without it, a taller card scrolls in its frame.',
      origin &&
        origin !== new URL(dist).origin &&
        `embed.html shows a document from its own origin only: serve dist/ on ${origin} and point the frame’s src there (or list ${origin} in that copy’s <meta name="impact-widgets-sources">), or the frame shows its fallback.`,
      left.length &&
        `The iframe takes the document, the item, the language and the theme only, so it and the preview leave out ${left.join(', ')}: those need a script snippet.`,
    ]
      .filter(Boolean)
      .join(' ');
  },
};

export const SNIPPETS = {
  module: scriptKind('Script tag: module', 'impact-widgets.js', { type: 'module' }),
  classic: scriptKind('Script tag: classic (defer)', 'impact-widgets.iife.js', { defer: '' }),
  prerendered,
  iframe,
} satisfies Record<string, SnippetKind>;

export type SnippetName = keyof typeof SNIPPETS;
