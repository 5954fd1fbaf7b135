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
