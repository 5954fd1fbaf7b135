import { css } from '../../styles/theme.js';

export const styles = css`
  .card {
    display: grid;
    gap: 0.5em 1.5em;
  }
  p {
    margin: 0;
  }
  /* The skeleton's lines carry the parts' names as classes: it is no card, and has no parts. */
  [part~='value'],
  .value {
    color: var(--_accent);
    font-size: clamp(1.75em, 14cqi, 4.5em);
    font-weight: 700;
    line-height: 1.05;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
  [part~='label'],
  .label {
    font-weight: 600;
  }
  [part~='context'],
  [part~='source'],
  .context,
  .source {
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
  /* Round caps: each bar is a pill, and a figure of 0 still shows as a dot. The padding holds the
     caps, which reach half the stroke beyond each end of the line. */
  [part~='bars'] svg {
    display: block;
    box-sizing: border-box;
    width: 100%;
    height: 0.5em;
    padding-inline: 0.25em;
    overflow: visible;
    stroke: var(--_accent);
    stroke-width: 0.5em;
    stroke-linecap: round;
  }
  [part~='bars'] svg + svg {
    stroke: var(--_muted);
  }
  /* An svg draws from its left whatever the direction: in a right-to-left card, bars grow from
     the right. */
  [part~='bars'] svg:dir(rtl) {
    scale: -1 1;
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
    [part~='value'],
    .value {
      font-size: clamp(2.5em, 10cqi, 4.5em);
    }
    [part~='context'],
    [part~='source'],
    .context,
    .source {
      grid-column: 1 / -1;
    }
  }
`;
