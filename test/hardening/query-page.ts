/**
 * test/pages/states.html and hostile.html build their elements from the query string
 * (build-page.js), so a test names every state it wants and the page holds no inline script.
 */
import { waitUntil } from '@open-wc/testing';
import { openPage, part, type BuiltPage } from './built-page.js';

/** An element for build-page.js to create before the bundle defines it. */
export interface ElementSpec {
  tag: string;
  attrs?: Record<string, string>;
  /** The light-DOM fallback content. */
  text?: string;
  /** The tag of a child element that holds `text` (a partner's own `<blockquote>`). */
  child?: string;
  /** The host's width in px, set through CSSOM. */
  width?: number;
}

/**
 * `test/pages/NAME.html` in a frame, with the elements built from `specs`; `params` go to the
 * query string too (`csp`, `host-policy`). Resolves once the page has loaded and its tags are
 * defined.
 */
export async function openQueryPage(
  name: string,
  specs: ElementSpec[],
  params: Record<string, string> = {},
): Promise<BuiltPage> {
  const query = new URLSearchParams({ ...params, elements: JSON.stringify(specs) });
  const page = await openPage(`/pages/${name}.html?${query}`);
  const tags = new Set(specs.map((spec) => spec.tag));
  await waitUntil(
    () => [...tags].every((tag) => page.customElements.get(tag)),
    'the bundle did not define the elements',
  );
  return page;
}

/** The fallback on show: no card, and the default slot rendered. */
export const showsFallback = (el: Element) =>
  !!el.shadowRoot && !part(el, 'card') && el.shadowRoot.querySelector('slot:not([name])') !== null;

/** The text of the light-DOM content the default slot shows. */
export const slottedText = (el: Element) =>
  (el.shadowRoot?.querySelector<HTMLSlotElement>('slot:not([name])')?.assignedNodes() ?? [])
    .map((node) => node.textContent)
    .join('')
    .trim();

/**
 * The page printed exactly these warnings: one for each list of words (it holds all of them),
 * and no other. Returns what is wrong, or '' when nothing is.
 */
export function unexpectedWarnings(warnings: string[], expected: string[][]): string {
  const missing = expected.filter(
    (words) => warnings.filter((w) => words.every((word) => w.includes(word))).length !== 1,
  );
  if (!missing.length && warnings.length === expected.length) return '';
  return [
    `expected ${expected.length} warnings, got ${warnings.length}:`,
    ...warnings,
    ...missing.map((words) => `not exactly once: ${words.join(' … ')}`),
  ].join('\n');
}
