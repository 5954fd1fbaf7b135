/**
 * Registers an element unless the tag is taken. A partner may include the bundle twice (a module
 * and a classic tag, or two versions through two plugins); the second copy must leave the first
 * in charge and say so once, instead of throwing `NotSupportedError` into the page.
 */
let warned = false;

export function define(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) {
    customElements.define(tag, element);
  } else if (!warned) {
    // One line for the whole second copy, not one per element it carries.
    warned = true;
    console.warn(
      `impact-widgets: <${tag}> is already defined on this page, probably by a second copy of the bundle; this copy leaves the first in charge`,
    );
  }
}
