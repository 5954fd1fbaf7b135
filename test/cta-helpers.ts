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
