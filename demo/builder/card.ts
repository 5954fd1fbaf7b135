/**
 * The card a live element shows, written as the snapshot command writes the card it renders with
 * Lit SSR (both through src/snapshot/snippet.ts): the builder's pre-rendered snippet is then the
 * command's, for the same element. The two renders differ only where a browser is needed, and
 * that is left out here:
 * - what the element renders only in a browser (`browserOnly`): share links carry the page's
 *   address, which a server does not know;
 * - what its script sets on the card after rendering: a clamped quote's line count, in a style
 *   attribute (which a strict CSP would refuse anyway), and whether "Read more" shows, measured.
 */
import { cardMarkup } from '../../src/snapshot/snippet.js';

export interface RenderedCard {
  /** The shadow root's content, as the snapshot command writes it. */
  markup: string;
  /** What the builder calls the browser-only part left out, when the card had one. */
  left?: string;
}

/** What an element renders only in a browser: a selector in its shadow root, and its name. */
export interface BrowserOnly {
  selector: string;
  name: string;
}

export function renderedCard(element: Element, browserOnly?: BrowserOnly): RenderedCard {
  const copy = document.createElement('div');
  copy.append(...[...element.shadowRoot!.childNodes].map((node) => node.cloneNode(true)));
  const left = browserOnly ? [...copy.querySelectorAll(browserOnly.selector)] : [];
  for (const node of left) node.remove();
  for (const node of copy.querySelectorAll('[style], [hidden]')) {
    node.removeAttribute('style');
    node.removeAttribute('hidden');
  }
  return { markup: cardMarkup(copy.innerHTML), left: left.length ? browserOnly!.name : undefined };
}
