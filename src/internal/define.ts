import { warnOnce } from './warn.js';

/**
 * Registers an element unless the tag is taken. A partner may include the bundle twice (a module
 * and a classic tag, or two versions through two plugins); the second copy must leave the first
 * in charge and say so once, instead of throwing `NotSupportedError` into the page.
 */
export function define(tag: string, element: CustomElementConstructor): void {
  if (customElements.get(tag)) {
    warnOnce(
      `impact-widgets: <${tag}> is already defined on this page, probably by a second copy of the bundle; this copy leaves the first in charge`,
    );
    return;
  }
  customElements.define(tag, element);
}
