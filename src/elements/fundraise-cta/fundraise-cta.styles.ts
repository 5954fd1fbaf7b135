import { css } from '../../styles/theme.js';

/*
 * Sizes are in em from the card (theme.ts resets it to the reader's default size), never in rem:
 * a partner's root font size must not grow the form. The container breakpoint is in px.
 */
export const styles = css`
  [part~='card'],
  .skeleton {
    display: grid;
    gap: 0.75em;
  }
  h2,
  p {
    margin: 0;
  }
  h2 {
    font-size: 1.375em;
    line-height: 1.2;
  }
  a {
    color: inherit;
  }
  /* The skeleton's span stands for the button: it is no card, and has no parts. */
  [part~='button'],
  .skeleton span {
    justify-self: start;
    padding: 0.625em 1.25em;
    font: inherit;
    font-weight: 600;
    color: var(--_on-accent);
    background: var(--_accent);
    border: 0;
    border-radius: calc(var(--_radius) / 2);
    text-decoration: none;
    cursor: pointer;
  }
  .skeleton span {
    background: var(--_border);
  }
  [part~='button']:disabled,
  [aria-disabled='true'] {
    cursor: progress;
    opacity: 0.8;
  }
  /*
   * A message line is there, empty, before any message: an error that arrives seconds after the
   * click must not push the page down (a layout shift), and a live region in place is announced.
   */
  .raised,
  [part~='message'],
  [part~='privacy'] {
    color: var(--_muted);
    font-size: 0.875em;
    min-height: 1lh;
  }
  [aria-invalid='true'] + [part~='message'] {
    color: var(--_accent);
  }
  progress {
    appearance: none;
    width: 100%;
    height: 0.625em;
    margin-top: -0.5em;
    border: 1px solid var(--_border);
    border-radius: 1em;
    overflow: hidden;
    background: var(--_surface);
  }
  progress::-webkit-progress-bar {
    background: transparent;
  }
  progress::-webkit-progress-value {
    background: var(--_accent);
  }
  progress::-moz-progress-bar {
    background: var(--_accent);
  }
  form,
  .fields,
  .field,
  [part~='success'] {
    display: grid;
    gap: 0.75em;
  }
  .field {
    gap: 0.25em;
  }
  .field,
  [part~='success'] {
    align-content: start;
  }
  [part~='privacy'] {
    justify-self: start;
  }
  /* The box before its words, which read as a sentence, not a label. */
  .consent {
    grid-template-columns: auto 1fr;
  }
  .consent input {
    order: -1;
  }
  .consent label {
    font-weight: 400;
  }
  .consent p {
    grid-column: 2;
  }
  [part~='label'] {
    font-weight: 600;
  }
  [part~='input'] {
    box-sizing: border-box;
    width: 100%;
    padding: 0.5em 0.625em;
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_muted);
    border-radius: calc(var(--_radius) / 2);
  }
  [part~='input'][aria-invalid='true'] {
    border-color: var(--_accent);
    border-width: 2px;
  }
  /* Out of sight for people; bots that fill every field still find it. Clipped where it stands,
     not moved off to a side: on a right-to-left page the left is a side the reader can scroll to. */
  .trap {
    position: absolute;
    clip-path: inset(50%);
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  /* From a blog column to a hero: the two fields side by side once there is room. */
  @container (min-width: 480px) {
    [part~='card'],
    .skeleton {
      padding: 1.5em 2em;
    }
    .fields {
      grid-template-columns: 1fr 1fr;
    }
  }
`;
