/**
 * A `<fundraise-cta>`'s sign-up form driven as a person would, wherever the element lives: this
 * page or a test page's frame, where the element class of this page is not the one that runs (so
 * nothing here waits on `updateComplete`). The finders are the element suites' own.
 */
import { waitUntil } from '@open-wc/testing';
import { input } from './cta-helpers.js';

export { described, input, received, submitButton, type Received } from './cta-helpers.js';

/** Presses the call to action's button and waits for its form (network and timers may be slow). */
export async function openForm(el: Element, timeout = 5000) {
  el.shadowRoot!.querySelector<HTMLElement>('[part~="button"]')!.click();
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="form"]'), 'the form did not open', {
    timeout,
  });
}

/** Types a name and an email and submits, as the button or Enter would. */
export function signUpAs(el: Element, name: string, email: string) {
  input(el, 'name').value = name;
  input(el, 'email').value = email;
  el.shadowRoot!.querySelector('form')!.requestSubmit();
}
