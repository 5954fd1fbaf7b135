/**
 * Which languages are written right to left. A module of its own, importing nothing, so that
 * what writes a card without the elements (the email card, which the embed builder shares) and
 * the embed page read the same rule as the elements.
 */

/** Languages written right to left, whose cards mirror. */
const RTL = /^(ar|he|fa|ur|ps|sd|ug|yi|dv|ckb)(-|$)/i;

/** `rtl` for a language written right to left; none otherwise, so a card follows its host's `dir`. */
export const direction = (lang: string): 'rtl' | undefined => (RTL.test(lang) ? 'rtl' : undefined);
