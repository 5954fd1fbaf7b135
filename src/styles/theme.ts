import { unsafeCSS, type CSSResult } from 'lit';

/**
 * The elements' `css` tag. Their stylesheets never interpolate, so this one takes no values (an
 * interpolation is a type error); lit's own tag would ship code that checks and joins values for
 * nothing. Its name keeps the build minifying the CSS inside, as it does inside lit's.
 */
export const css = (strings: TemplateStringsArray): CSSResult => unsafeCSS(strings[0]);

/**
 * Theme tokens shared by every element. Partners set the public `--impact-*` properties; the
 * elements read only the private `--_*` copies, so a token missing on the page falls back to the
 * built-in value in one place. Light and dark values sit side by side in `light-dark()`, and
 * `data-theme` picks the color scheme: light by default (an embed should not turn dark on a light
 * page because of the reader's system setting), dark, or auto to follow the system.
 *
 * Both palettes keep body and muted text at 4.5:1 or more on the surface. The host itself takes no
 * text color: its fallback is the partner's own content and keeps the page's color; each element
 * colors its card.
 *
 * What a card takes from the page, and what it must not: page CSS reaches a shadow tree only
 * through inherited properties (and rem units), and partners' pages set odd ones (`line-height: 3`,
 * `text-transform: uppercase`, `white-space: pre`, a 40px or 62.5% root font size). The card takes
 * the font family (`--impact-font`, the page's by default, so the embed reads as part of the page),
 * the direction (an RTL page flips the card) and the visibility (a partner may hide a section); it
 * resets everything else inherited (`all: initial`), so its size is the reader's default font size
 * (`medium`), not the page's, and the elements size everything in em from it, never in rem. A
 * partner who wants it bigger says so: `::part(card) { font-size }`.
 */
export const themeStyles = css`
  :host {
    color-scheme: light;
    --_accent: var(--impact-accent, light-dark(#9b1c31, #ff9aaa));
    --_on-accent: var(--impact-on-accent, light-dark(#ffffff, #1b1b1f));
    --_text: var(--impact-text, light-dark(#1b1b1f, #f2f2f5));
    --_muted: var(--impact-muted, light-dark(#55555f, #b9b9c3));
    --_surface: var(--impact-surface, light-dark(#ffffff, #1e1e24));
    --_border: var(--impact-border, light-dark(#d6d6dc, #3c3c46));
    --_font: var(--impact-font, inherit);
    --_radius: var(--impact-radius, 12px);
    --_focus: var(--impact-focus, light-dark(#1a56db, #8ab4ff));

    display: block;
    container-type: inline-size;
    font-family: var(--_font);
  }
  :host([hidden]) {
    display: none;
  }
  [part~='card'],
  .skeleton {
    all: initial;
    display: block;
    visibility: inherit;
    color-scheme: inherit;
    font-family: var(--_font);
    box-sizing: border-box;
    padding: 1em 1.25em;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    line-height: 1.4;
  }
  /* The skeleton's text: placeholder words of a typical length, invisible, that wrap as the
     card's words would, each line of them drawn as a grey bar. */
  .skeleton i {
    font: inherit;
    color: transparent;
    background: linear-gradient(var(--_border) 0 0) 0 60% / 100% 0.6em no-repeat;
    -webkit-box-decoration-break: clone;
    box-decoration-break: clone;
    animation: impact-pulse 1s ease-in-out infinite alternate;
  }
  @keyframes impact-pulse {
    to {
      opacity: 0.5;
    }
  }
  /* Out of sight, still read: the figure's words under its counting digits, and the fallback
     content while the skeleton shows. */
  .sr {
    position: absolute;
    display: block;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  :host([data-theme='dark']) {
    color-scheme: dark;
  }
  :host([data-theme='auto']) {
    color-scheme: light dark;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
`;
