import { css } from 'lit';

/** Follows the reader's light or dark setting; the preview backdrop follows the chosen theme. */
export const styles = css`
  :host {
    --_text: light-dark(#1b1b1f, #f2f2f5);
    --_page: light-dark(#fafaf7, #121216);
    --_surface: light-dark(#ffffff, #1e1e24);
    --_backdrop: light-dark(#ececf0, #26262e);
    --_border: light-dark(#8a8a96, #6c6c78);
    --_accent: light-dark(#1a56db, #8ab4ff);
    --_on-accent: light-dark(#ffffff, #121216);

    display: block;
    container-type: inline-size;
    color-scheme: light dark;
    color: var(--_text);
    background: var(--_page);
    font:
      1rem/1.5 system-ui,
      sans-serif;
  }
  .layout,
  .output,
  form {
    display: grid;
    gap: 1rem;
    align-content: start;
    min-width: 0;
  }
  .layout {
    gap: 1.5rem 2rem;
  }
  /* Side by side when there is room: the controls, and what they make. */
  @container (min-width: 48rem) {
    .layout {
      grid-template-columns: minmax(16rem, 2fr) 3fr;
    }
  }
  label {
    display: grid;
    gap: 0.25rem;
    font-weight: 600;
  }
  fieldset {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin: 0;
    padding: 0.5rem 0.75rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: 6px;
  }
  legend {
    padding-inline: 0.25rem;
    font-weight: 600;
  }
  label.check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    font-weight: 400;
  }
  /* A box a finger can hit; the label around it takes the click as well. */
  input[type='checkbox'] {
    width: 1.25rem;
    min-height: 1.25rem;
    margin: 0;
    accent-color: var(--_accent);
  }
  [part~='hint'] {
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--_accent);
    background: var(--_surface);
  }
  .document {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5rem;
  }
  .document label {
    flex: 1 1 12rem;
  }
  .paste {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
  }
  .paste label {
    justify-self: stretch;
  }
  textarea {
    resize: vertical;
    font-family: ui-monospace, monospace;
    font-size: 0.875rem;
  }
  input,
  select,
  textarea,
  button {
    box-sizing: border-box;
    min-width: 0;
    min-height: 2.5rem;
    padding: 0.25rem 0.5rem;
    font: inherit;
    font-weight: 400;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 6px;
  }
  button {
    padding-inline: 1rem;
    font-weight: 600;
    color: var(--_on-accent);
    background: var(--_accent);
    border-color: var(--_accent);
    cursor: pointer;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  h2 {
    margin: 0 0 0.5rem;
    font-size: 1.125rem;
  }
  p {
    margin: 0;
  }
  p:empty {
    display: none;
  }
  [part~='preview'] {
    padding: 1.5rem;
    border-radius: 12px;
    color: var(--_text);
    background: var(--_backdrop);
  }
  [part~='preview'].light {
    color-scheme: light;
  }
  [part~='preview'].dark {
    color-scheme: dark;
  }
  [part~='warning'] {
    margin-top: 0.5rem;
  }
  pre {
    margin: 0 0 0.75rem;
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: 6px;
    background: var(--_surface);
    font-size: 0.875rem;
    /* Wrapped, not scrolled: the script tag is one long line, and the snippet fits a phone. */
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  [part~='status'],
  [part~='email-status'],
  [part~='alt-status'] {
    margin-inline-start: 0.75rem;
  }
  h3 {
    margin: 1rem 0 0.5rem;
    font-size: 1rem;
  }
  h3 + p,
  [part~='alt'] {
    margin-bottom: 0.5rem;
  }
  /* The email is one long table: a window onto it, scrolled from the keyboard too. */
  pre.email {
    max-height: 12rem;
    overflow: auto;
  }
  .downloads {
    margin-block: 0.75rem;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
  }
  a {
    color: var(--_accent);
  }
  [part~='image-width'] {
    justify-self: start;
  }
`;
