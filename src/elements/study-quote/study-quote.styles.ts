import { css } from '../../styles/theme.js';

/*
 * Sizes are in em from the card (theme.ts resets it to the reader's default size), never in rem:
 * a partner's root font size must not grow the quote. The container breakpoint is in px.
 */
export const studyQuoteStyles = css`
  figure {
    margin: 0;
  }
  /* The quotation mark is decoration: the alternative text after the slash keeps it out of the
     accessibility tree, and the blockquote already says "quote". It stands at the inline start,
     as wide as its glyph, so that mirrored it stays there. */
  figure::before {
    content: '\\201C' / '';
    display: block;
    width: fit-content;
    height: 0.45em;
    font:
      700 4em/1 Georgia,
      serif;
    color: var(--_accent);
  }
  blockquote {
    margin: 0;
    font-size: clamp(1.05em, 0.95em + 1.6cqi, 1.45em);
    line-height: 1.5;
    text-wrap: pretty;
  }
  .clamp {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--_lines);
    overflow: hidden;
  }
  figcaption {
    margin-top: 0.75em;
    text-wrap: balance;
  }
  figcaption > * {
    display: block;
    color: var(--_muted);
  }
  [part~='author'] {
    font-weight: 700;
    color: var(--_text);
  }
  a {
    color: var(--_accent);
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin-top: 0.75em;
    color: var(--_muted);
  }
  /* Only the words are smaller: the buttons keep the card's size, so their targets do. */
  .bar > span {
    font-size: 0.875em;
  }
  button,
  .bar a {
    display: inline-grid;
    place-items: center;
    min-width: 2.25em;
    min-height: 2.25em;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: none;
    color: var(--_text);
    font: inherit;
    cursor: pointer;
  }
  [hidden] {
    display: none !important;
  }
  .more {
    min-height: 1.5em;
    margin-top: 0.25em;
    border: 0;
    color: var(--_accent);
    text-decoration: underline;
  }
  /*
   * Right to left, the mark and the arrows face the other way: the mark opens towards the words
   * at its left, whatever quotation marks the text itself uses (Arabic writes « », Hebrew ” or
   * „ ”); Previous, now at the right, points right, back to where the reading came from, and Next
   * points left. The middle button's Play keeps pointing right, as media players' do everywhere.
   */
  figure:dir(rtl)::before,
  [part~='controls']:dir(rtl) > :not(:nth-child(2)) > svg {
    scale: -1 1;
  }
  svg {
    width: 1.1em;
    height: 1.1em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  @container (min-width: 480px) {
    .card {
      padding: 1.5em 2em;
    }
    figcaption {
      margin-top: 1em;
    }
  }
`;
