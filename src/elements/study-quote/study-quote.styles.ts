import { css } from 'lit';

export const studyQuoteStyles = css`
  figure {
    margin: 0;
  }
  /* The quotation mark is decoration: the alternative text after the slash keeps it out of the
     accessibility tree, and the blockquote already says "quote". */
  figure::before {
    content: '\\201C' / '';
    display: block;
    height: 0.45em;
    font:
      700 4em/1 Georgia,
      serif;
    color: var(--_accent);
  }
  blockquote {
    margin: 0;
    font-size: clamp(1.05rem, 0.95rem + 1.6cqi, 1.45rem);
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
    margin-top: 0.75rem;
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
    gap: 0.5rem;
    margin-top: 0.75rem;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  button,
  .bar a {
    display: inline-grid;
    place-items: center;
    min-width: 2.25rem;
    min-height: 2.25rem;
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
    min-height: 1.5rem;
    margin-top: 0.25rem;
    border: 0;
    color: var(--_accent);
    text-decoration: underline;
  }
  svg {
    width: 1.1rem;
    height: 1.1rem;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  @container (min-width: 480px) {
    .card {
      padding: 1.5rem 2rem;
    }
    figcaption {
      margin-top: 1rem;
    }
  }
`;
