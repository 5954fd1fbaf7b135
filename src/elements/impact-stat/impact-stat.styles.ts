import { css } from 'lit';

export const styles = css`
  /* While the document loads, hold about a card's height so the card does not push the page down. */
  :host(:state(loading)) {
    min-height: 8rem;
  }
  .card {
    display: grid;
    gap: 0.5rem 1.5rem;
  }
  p {
    margin: 0;
  }
  [part~='value'] {
    color: var(--_accent);
    font-size: clamp(1.75rem, 14cqi, 4.5rem);
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
    font-size: 0.875rem;
  }
  a {
    color: inherit;
  }
  [part~='bars'] {
    display: grid;
    gap: 3px;
    margin-block: 0.25rem;
  }
  [part~='bars'] span {
    width: calc(var(--_now) * 100%);
    min-width: 3px;
    height: 0.5rem;
    border-radius: 0.25rem;
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
  @container (min-width: 30rem) {
    .card {
      grid-template-columns: auto minmax(0, 1fr);
      align-items: center;
      padding: 1.5rem 2rem;
    }
    [part~='value'] {
      font-size: clamp(2.5rem, 10cqi, 4.5rem);
    }
    [part~='context'],
    [part~='source'] {
      grid-column: 1 / -1;
    }
  }
`;
