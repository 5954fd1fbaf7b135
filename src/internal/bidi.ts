/**
 * A partner's or a document's words inside a sentence of ours ("Source: …, as cited in …"). An
 * unclosed right-to-left override (U+202E) in them would reverse the rest of the sentence, and
 * right-to-left words would pull the neutrals and digits beside them ("…, 2015") into their order.
 *
 * A part that is a block of its own (a label, a heading, a quote) needs nothing: a block is a
 * paragraph of its own, which ends every embedding opened in it. Words inside a sentence go in a
 * `<bdi>`, which isolates them and takes its direction from them, and which every reader of the
 * card's markup sees: what is written from the card outside a shadow root (the pre-rendered
 * snippet's light DOM, the email, the alt text: src/snapshot/) drops the directional controls of
 * a `<bdi>`'s words instead.
 */
import { html, nothing } from 'lit';

/**
 * `text` without the PDIs (U+2069) it did not open: Chromium lets such a PDI close the `<bdi>`
 * itself, and an override after it then reaches the rest of the sentence. Counted, so a PDI that
 * closes the words' own isolate (LRI, RLI, FSI: U+2066 to U+2068) stays.
 */
function ownIsolates(text: string): string {
  let open = 0;
  return text.replace(/[\u2066-\u2069]/g, (control) =>
    control < '\u2069' ? (open++, control) : open ? (open--, control) : '',
  );
}

/** Words of a partner's or a document's inside a sentence of ours, isolated; nothing for none. */
export const bdi = (text?: string) => (text ? html`<bdi>${ownIsolates(text)}</bdi>` : nothing);
