/**
 * A card's words and figures, read from the card an element rendered with Lit SSR, for what cannot
 * carry the element itself: the light-DOM fallback of a pre-rendered snippet, the email card and
 * the image card. They are read from the rendered card, never rebuilt from the document, so each
 * says exactly what the live card says: the figure formatted by the element's own code in its
 * language, the citation in the element's words, a link only where the element made one.
 */
import type { Theme } from '../internal/impact-element.js';
import { themeStyles } from '../styles/theme.js';
import { DIRECTIONAL, tokens, VOID } from './snippet.js';

/** A stretch of a block's words: plain, a link, or the title of a cited work. */
export interface Run {
  text: string;
  href?: string;
  cite?: boolean;
}

/** One part of the card, in the card's order. */
export interface Block {
  /** The part's name (`value`, `label`, `source`…); for the few unnamed blocks, their class (`raised`). */
  name: string;
  /** The element that holds it: `button` and `a` matter, a call to action's button. */
  tag: string;
  /** Its words, whitespace collapsed; none for a drawing such as the baseline bars. */
  runs: Run[];
  /**
   * What it draws rather than says, which its neighbour says in words: the bars' lengths in
   * percent of the longest (`bars`), a progress bar's value and maximum (`progress`).
   */
  figures: number[];
  /** Decoration hidden from assistive technology: its words, if any, are said by another block. */
  hidden: boolean;
}

/**
 * The blocks of a card, read by snippet.ts's tokenizer (the form `cardMarkup` writes). A block is
 * a part, or a paragraph; its words are those outside `aria-hidden` content, so the figure's
 * counting digits are not read twice. The words of a `<bdi>` (a partner's words inside a sentence
 * of ours, bidi.ts) lose their directional controls: what is read from the card has no `<bdi>` to
 * isolate them.
 */
export function readCard(card: string): Block[] {
  const blocks: Block[] = [];
  interface Open {
    tag: string;
    block?: Block;
    hidden: boolean;
    href?: string;
    cite: boolean;
    isolated: boolean;
  }
  const stack: Open[] = [];
  for (const token of tokens(card)) {
    const top = stack.at(-1);
    if (token.text !== undefined) {
      const block = [...stack].reverse().find((open) => open.block)?.block;
      if (block && top && !top.hidden) {
        block.runs.push({
          text: top.isolated ? token.text.replace(DIRECTIONAL, '') : token.text,
          ...(top.href && { href: top.href }),
          ...(top.cite && { cite: true }),
        });
      }
    } else if (token.close) {
      const block = stack.pop()?.block;
      if (block) {
        block.runs = collapse(block.runs);
        if (block.runs.length || block.figures.length) blocks.push(block);
      }
    } else if (!VOID.has(token.tag) && !token.selfClosing) {
      const { tag, attributes } = token;
      const hidden = !!top?.hidden || attributes['aria-hidden'] === 'true';
      const name = attributes.part?.split(' ')[0];
      const block =
        name || tag === 'p'
          ? { name: name ?? attributes.class ?? tag, tag, runs: [], figures: [], hidden }
          : undefined;
      // A drawing's figures: a bar's length, a progress bar's value and maximum.
      const host = block ?? [...stack].reverse().find((open) => open.block)?.block;
      if (tag === 'line') host?.figures.push(parseFloat(attributes.x2 ?? ''));
      if (tag === 'progress') {
        host?.figures.push(Number(attributes.value));
        host?.figures.push(Number(attributes.max));
      }
      stack.push({
        tag,
        block,
        hidden,
        href: tag === 'a' ? attributes.href : block ? undefined : top?.href,
        cite: tag === 'cite' || (!block && !!top?.cite),
        isolated: tag === 'bdi' || !!top?.isolated,
      });
    }
  }
  return blocks;
}

/** Runs as a browser lays them out: whitespace collapsed across them, none at either end. */
function collapse(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    // HTML's white space only: Intl's no-break spaces ("2,2 %") stay.
    let text = run.text.replace(/[ \t\n\f\r]+/g, ' ');
    const last = out.at(-1);
    if ((!last || last.text.endsWith(' ')) && text.startsWith(' ')) text = text.slice(1);
    if (!text) continue;
    if (last && last.href === run.href && last.cite === run.cite) last.text += text;
    else out.push({ ...run, text });
  }
  const last = out.at(-1);
  if (last) last.text = last.text.trimEnd();
  return out.filter((run) => run.text);
}

/** A block's words, without their links. */
export const words = (block: Block) => block.runs.map((run) => run.text).join('');

/**
 * What joins a part to the words before it in the alternative text: the figure reads into its
 * label ("2.2% of people…"), a quote's caption into one line; anything else starts a sentence.
 */
const JOINTS: Record<string, string> = {
  label: ' ',
  baseline: ', ',
  author: ' — ',
  role: ', ',
  date: ', ',
};

/**
 * The card's words as one line of text, for an image's `alt`: every block a reader would hear,
 * in the card's order. A call to action's button is named too: the image shows it. Without
 * directional controls: on the card each block is a paragraph, which ends the controls opened in
 * it, but in one line an override in a label would reverse the rest of the line.
 */
export function altText(blocks: Block[]): string {
  let alt = '';
  for (const block of blocks) {
    const text = words(block).replace(DIRECTIONAL, '');
    if (block.hidden || !text) continue;
    const joint = JOINTS[block.name] ?? (/[.!?…:]$/.test(alt) ? ' ' : '. ');
    alt += alt ? joint + text : text;
  }
  return alt;
}

/** The theme's colours, by the names the elements' stylesheets give them (`accent`, `text`…). */
export type Palette = Record<
  'accent' | 'on-accent' | 'text' | 'muted' | 'surface' | 'border',
  string
>;

/**
 * The colour scheme of a card outside a page (an email, an image), which has no reader's system
 * setting to follow: light unless the theme says dark, and `auto` refused, in words for whoever
 * chose it (the command's user, the embed builder's).
 */
export function scheme(theme: Theme | undefined): 'light' | 'dark' {
  if (theme === 'auto') {
    throw new Error(
      'theme "auto" follows the reader\'s system setting, which only a page can read: use light or dark',
    );
  }
  return theme ?? 'light';
}

/**
 * The built-in colours of one scheme, read from the elements' own theme (its `light-dark()`
 * pairs), so a card outside the page is coloured as the live card is.
 */
export function palette(scheme: 'light' | 'dark'): Palette {
  const colours: Record<string, string> = {};
  for (const [, name, light, dark] of themeStyles.cssText.matchAll(
    /--_([\w-]+):\s*var\(--impact-[\w-]+,\s*light-dark\(([^,]+),\s*([^)]+)\)\)/g,
  )) {
    const colour = (scheme === 'light' ? light! : dark!).trim();
    // Written out in full: the minifier's #fff is not a colour every email client's bgcolor takes.
    colours[name!] = colour.replace(/^#(\w)(\w)(\w)$/, '#$1$1$2$2$3$3');
  }
  for (const name of ['accent', 'on-accent', 'text', 'muted', 'surface', 'border']) {
    if (!colours[name]) throw new Error(`the theme has no ${name} colour`);
  }
  return colours as Palette;
}
