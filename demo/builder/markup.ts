/**
 * Markup as data. The builder describes an element once, as a tree, and turns that one tree both
 * into the snippet's text and into the live preview's nodes, so the preview is exactly what the
 * snippet will build on a partner's page. Everything from a document is text: it is escaped in the
 * snippet and becomes text nodes in the preview, never markup.
 */

/** Attribute values; `undefined` leaves the attribute out, `''` writes it bare (`defer`). */
export type Attributes = Readonly<Record<string, string | undefined>>;
export type ElementTree = readonly [tag: string, attributes: Attributes, ...children: Tree[]];
export type Tree = string | ElementTree;
/**
 * Markup written already, and escaped, by what wrote it: a pre-rendered element, which the
 * snapshot command's own writer makes (src/snapshot/snippet.ts). A snippet takes it as it is.
 */
export interface Written {
  html: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/** Elements that have no end tag. */
const VOID = new Set(['input']);

/** Text safe between tags, or (`attribute`) inside a double-quoted attribute value. */
export function escapeHtml(text: string, attribute = false): string {
  return text.replace(attribute ? /[&<>"]/g : /[&<>]/g, (c) => ESCAPES[c]!);
}

const defined = (attributes: Attributes) =>
  Object.entries(attributes).filter((entry): entry is [string, string] => entry[1] !== undefined);

/** HTML for a tree. `block` puts each child on its own indented line, for the snippet's element. */
export function toHtml(tree: Tree, block = false): string {
  if (typeof tree === 'string') return escapeHtml(tree);
  const [tag, attributes, ...children] = tree;
  const open = defined(attributes)
    .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeHtml(value, true)}"`))
    .join('');
  const inner = children.map((child) => toHtml(child));
  const body = block && inner.length ? `\n  ${inner.join('\n  ')}\n` : inner.join('');
  return VOID.has(tag) ? `<${tag}${open}>` : `<${tag}${open}>${body}</${tag}>`;
}

/** A snippet's text: each top-level tree on lines of its own, and written markup as it is. */
export function snippetHtml(parts: readonly (Tree | Written)[]): string {
  return parts
    .map((part) => (typeof part === 'object' && 'html' in part ? part.html : toHtml(part, true)))
    .join('\n');
}

/** The same tree as DOM nodes, made by `owner` (by default the page's document). */
export function toDom(tree: Tree, owner: Document = document): Node {
  if (typeof tree === 'string') return owner.createTextNode(tree);
  const [tag, attributes, ...children] = tree;
  const element = owner.createElement(tag);
  for (const [name, value] of defined(attributes)) element.setAttribute(name, value);
  element.append(...children.map((child) => toDom(child, owner)));
  return element;
}
