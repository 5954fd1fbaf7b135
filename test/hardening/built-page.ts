/**
 * A page of test/pages in a frame, where the built bundle (dist/, as shipped) runs in a document of
 * its own: with its own Content-Security-Policy and stylesheets, and its console, uncaught errors
 * and CSP violations recorded by record.js (and, on the lifecycle pages, its leftovers counted by
 * leftovers.js).
 */
import { waitUntil } from '@open-wc/testing';

/** The elements the bundle ships: every suite that covers "the shipped tags" reads this list. */
export const TAGS = ['impact-stat', 'study-quote', 'fundraise-cta'];

export interface PageRecord {
  warnings: string[];
  errors: string[];
  violations: string[];
}

/** What test/pages/leftovers.js counts. */
export interface Counts {
  timeouts: number;
  intervals: number;
  animationFrames: number;
  intersectionObservers: number;
  resizeObservers: number;
  mutationObservers: number;
  mediaQueryListeners: number;
  windowListeners: number;
  documentListeners: number;
  fetches: number;
}

export type BuiltPage = Window &
  typeof globalThis & {
    record: PageRecord;
    leftovers: { baseline: Counts; counts(): Counts };
  };

let unique = 0;
/** The URL with a query parameter no other test uses: the loader caches per URL. */
export const fresh = (url: string) =>
  `${url}${url.includes('?') ? '&' : '?'}case=${Date.now()}-${++unique}`;

/** How many times the test server was asked for this path and query. */
export async function hits(url: string): Promise<number> {
  const response = await fetch(`/api/hits?path=${encodeURIComponent(url)}`);
  return ((await response.json()) as { count: number }).count;
}

export const part = (el: Element, name: string) =>
  el.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;

/** Resolves once every element shows its card. */
export const rendered = (els: Element[], timeout = 5000) =>
  waitUntil(() => els.every((el) => part(el, 'card')), 'an element did not render', { timeout });

/** Opens the URL in a frame of the given size and resolves once it has loaded. */
export async function openPage(url: string, [width, height] = [900, 600]): Promise<BuiltPage> {
  const frame = document.createElement('iframe');
  frame.src = url;
  frame.title = 'test page';
  frame.width = String(width);
  frame.height = String(height);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return frame.contentWindow as BuiltPage;
}

/** Removes every frame openPage made. */
export function closePages(): void {
  document.querySelectorAll('iframe').forEach((frame) => frame.remove());
}
