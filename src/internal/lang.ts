import { isServer } from 'lit';

/**
 * The language an element speaks: the `lang` of its closest ancestor (across shadow roots, so a
 * widget inside another component follows that component's page), else the document's, else the
 * study document's own `locale` when given, else English. An invalid tag falls back to English
 * rather than making `Intl` throw. A server render has no page around the element: its own `lang`
 * attribute is what there is.
 */
export function elementLang(element: Element, documentLocale?: string): string {
  if (isServer) return canonical(element.getAttribute('lang') || documentLocale || 'en');
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = node.closest('[lang]')?.getAttribute('lang');
      if (lang) return canonical(lang);
    }
    const root: Node = (node as Element).getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return canonical(document.documentElement.lang || documentLocale || 'en');
}

function canonical(lang: string): string {
  try {
    return Intl.getCanonicalLocales(lang.trim())[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** The connected elements, each rendered again when a `lang` in the page changes. */
const speakers = new Set<{ requestUpdate(): void }>();
let switcher: MutationObserver | undefined;

/**
 * Follows the page's language switcher: when a `lang` changes anywhere in the document (on
 * `<html>`, a section, the element itself), every connected element renders again in the language
 * `elementLang` now gives it. One observer for the page, there only while an element is connected,
 * so a page whose elements are gone is left holding nothing.
 */
export function followLang(element: { requestUpdate(): void }, connected: boolean): void {
  if (connected) speakers.add(element);
  else speakers.delete(element);
  switcher ??= new MutationObserver(() => speakers.forEach((speaker) => speaker.requestUpdate()));
  if (!speakers.size) switcher.disconnect();
  else if (connected && speakers.size === 1) {
    switcher.observe(document.documentElement, { subtree: true, attributeFilter: ['lang'] });
  }
}

/** Languages written right to left, whose cards mirror. */
const RTL = /^(ar|he|fa|ur|ps|sd|ug|yi|dv|ckb)(-|$)/i;

/**
 * `rtl` for a card in a language written right to left, so that it mirrors even where its host
 * sets no `dir`; nothing otherwise, so that a card follows its host's `dir`.
 */
export const direction = (lang: string): 'rtl' | undefined => (RTL.test(lang) ? 'rtl' : undefined);
