import { css } from 'lit';

export const styles = css`
  /*
   * While the document loads, hold about a card's height so the card does not push the page down.
   * In px: the card's size does not follow the page's root or body font size (see theme.ts).
   */
  :host(:state(loading)) {
    min-height: 128px;
  }
  .card {
    display: grid;
    gap: 0.5em 1.5em;
  }
  p {
    margin: 0;
  }
  [part~='value'] {
    color: var(--_accent);
    font-size: clamp(1.75em, 14cqi, 4.5em);
    font-weight: 700;
    line-height: 1.05;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
  [part~='label'] {
    font-weight: 600;
  }
  [part~='context'],
  [part~='source'] {
    color: var(--_muted);
    font-size: 0.875em;
  }
  a {
    color: inherit;
  }
  [part~='bars'] {
    display: grid;
    gap: 3px;
    margin-block: 0.25em;
  }
  [part~='bars'] span {
    width: calc(var(--_now) * 100%);
    min-width: 3px;
    height: 0.5em;
    border-radius: 0.25em;
    background: var(--_accent);
  }
  [part~='bars'] span + span {
    width: calc(var(--_then) * 100%);
    background: var(--_muted);
  }
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  /* Paper cannot count up: print the final figure, even for a stat never scrolled to. */
  @media print {
    .sr {
      all: unset;
    }
    .sr + * {
      display: none;
    }
  }
  /* From a blog column to a hero: side by side, and a bigger figure, once there is room. */
  @container (min-width: 480px) {
    .card {
      grid-template-columns: auto minmax(0, 1fr);
      align-items: center;
      padding: 1.5em 2em;
    }
    [part~='value'] {
      font-size: clamp(2.5em, 10cqi, 4.5em);
    }
    [part~='context'],
    [part~='source'] {
      grid-column: 1 / -1;
    }
  }
`;
