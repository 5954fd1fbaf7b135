/**
 * A `<fundraise-cta>`'s sign-up form, driven as a person would, wherever the element lives (this
 * page or a test page's frame), and what the test server received from it.
 */
import { waitUntil } from '@open-wc/testing';

/** A POST the test server recorded (test/server.js). */
export interface Received {
  url: string;
  type: string;
  body: string;
}

export const input = (el: Element, name: string) =>
  el.shadowRoot!.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
export const submitButton = (el: Element) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>('form [part~="button"]')!;
/** The text that describes a field or button: its error, or the form's note. */
export const described = (el: Element, field: HTMLElement) =>
  el.shadowRoot!.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent?.trim();

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

/** What the test server received with this key (a unique email, say) in its body. */
export const received = async (key: string): Promise<Received[]> =>
  (await fetch(`/api/received?key=${encodeURIComponent(key)}`)).json();
