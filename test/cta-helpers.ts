/**
 * What the <fundraise-cta> suites share: finding the element's parts, filling and sending its form,
 * and asking the loopback servers what they received.
 */
import { waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { FundraiseCtaElement } from '../src/elements/fundraise-cta/fundraise-cta.js';

export interface Received {
  url: string;
  type: string;
  body: string;
}

/** One request a sign-up service stand-in received (test/server.js). */
export interface ServiceRequest {
  method: string;
  url: string;
  headers: Record<
    'origin' | 'content-type' | 'accept' | 'sec-fetch-mode' | 'sec-fetch-dest',
    string
  >;
  body: string;
}

let count = 0;
/** A unique email per test: the key under which the test server reports what it received. */
export const uniqueEmail = (label: string, domain = 'example.org') =>
  `${label}-${Date.now()}-${count++}@${domain}`;
export const received = async (key: string): Promise<Received[]> =>
  (await fetch(`/api/received?key=${encodeURIComponent(key)}`)).json();
/** What the service stand-ins received whose URL or body holds the key. */
export const serviceLog = async (key: string): Promise<ServiceRequest[]> =>
  (await fetch(`/api/service-log?key=${encodeURIComponent(key)}`)).json();
export const absolute = (path: string) => new URL(path, location.href).href;

export const part = <T extends HTMLElement = HTMLElement>(el: Element, name: string) =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
export const parts = (el: Element, name: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`),
];
export const input = (el: Element, name: string) =>
  el.shadowRoot!.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
export const submitButton = (el: Element) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>('form [part~="button"]')!;
export const note = (el: Element) => el.shadowRoot!.getElementById('note')!;
/** The text of what a field's aria-describedby points at. */
export const described = (el: Element, field: HTMLElement) =>
  el.shadowRoot!.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent?.trim();
export const deepActive = () => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};

export async function openForm(el: FundraiseCtaElement) {
  part(el, 'button')!.click();
  await el.updateComplete;
}

export function fill(el: FundraiseCtaElement, name: string, email: string) {
  input(el, 'name').value = name;
  input(el, 'email').value = email;
}

export async function submit(el: FundraiseCtaElement) {
  el.shadowRoot!.querySelector('form')!.requestSubmit();
  await el.updateComplete;
}

/** For afterEach: the page back online (a test may have left it offline) and storage empty. */
export async function restoreNetwork() {
  await waitUntil(() => navigator.onLine, 'the page stayed offline', { timeout: 5000 });
  await executeServerCommand('set-offline', { offline: false });
  localStorage.clear();
}

/**
 * Where each service's stand-in answers (test/server.js): the service's own path and query, under
 * the service's name, on the stand-ins' origin. Custom endpoints and Netlify's are the page's own.
 */
const STAND_INS: Record<string, string> = {
  formspree: 'formspree',
  hubspot: 'hubspot',
  mailchimp: 'mailchimp',
  'google-forms': 'google',
  basin: 'basin',
  kit: 'kit',
  brevo: 'brevo',
  salesforce: 'salesforce',
};

/** A service's endpoint, as its embed code gives it, moved to that service's stand-in. */
export function standIn(endpoint: string, provider: string, origin: string): string {
  const prefix = STAND_INS[provider];
  if (!prefix) return endpoint;
  const { pathname, search } = new URL(endpoint);
  return `${origin}/${prefix}${pathname}${search}`;
}

/** The fields a stand-in received, whichever way they came: JSON, HubSpot's array, urlencoded. */
export function sentFields(request: ServiceRequest): Record<string, string> {
  if (!request.headers['content-type'].startsWith('application/json')) {
    return Object.fromEntries(new URLSearchParams(request.body));
  }
  const body = JSON.parse(request.body);
  return Array.isArray(body.fields)
    ? Object.fromEntries(
        body.fields.map(({ name, value }: { name: string; value: string }) => [name, value]),
      )
    : body;
}

/**
 * A sign-up through a call to action on any page, as a person makes it: opens the form, types,
 * ticks the consent box when there is one, and sends. Resolves with `impact-signup` or
 * `impact-signup-error`, whichever comes first.
 */
export async function signUpThrough(
  el: Element,
  email: string,
  name = 'Ada Lovelace',
): Promise<CustomEvent> {
  await waitUntil(() => part(el, 'button'), `<${el.localName}> rendered no button`);
  part(el, 'button')!.click();
  await waitUntil(() => el.shadowRoot!.querySelector('form'), 'the form did not open');
  input(el, 'name').value = name;
  input(el, 'email').value = email;
  el.shadowRoot!.querySelector<HTMLInputElement>('input[name="consent"]')?.click();
  const outcome = new Promise<CustomEvent>((resolve) => {
    for (const type of ['impact-signup', 'impact-signup-error']) {
      el.addEventListener(type, (event) => resolve(event as CustomEvent), { once: true });
    }
  });
  el.shadowRoot!.querySelector('form')!.requestSubmit();
  return outcome;
}
