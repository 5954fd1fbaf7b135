/**
 * Escaping for the share pages. Every word on them comes from a study document that its editor,
 * not we, wrote, and a page of the organisation's own site must never run what a document says:
 * text and attribute values are escaped, JSON inside a `<script>` data block cannot end it, and a
 * link is made only of an absolute http(s) URL.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text that is safe between tags, inside a quoted attribute value, and in XML (the sitemap). */
export const escapeText = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** A start tag; an empty value is written bare (`defer`), an `undefined` one not at all. */
export function tag(name: string, attributes: Record<string, string | undefined> = {}): string {
  const written = Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => (value ? ` ${key}="${escapeText(value)}"` : ` ${key}`));
  return `<${name}${written.join('')}>`;
}

/**
 * JSON for a `<script type="application/…json">` data block. A script element ends at the first
 * `</script`, whatever JSON thinks, and `<!--` changes how the parser reads on: so `<`, `>` and
 * `&` are written as JSON's `\u003c` escapes, which parse back to the same text. U+2028 and
 * U+2029 too, for readers that take the block as JavaScript.
 */
export const scriptJson = (value: unknown, indent?: number): string =>
  JSON.stringify(value, null, indent).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

/** `url` when it is an absolute http(s) URL, else `undefined`: no `javascript:` link, ever. */
export function webUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** `text` linked to `url` when that is a web URL; the words alone otherwise. */
export const linked = (text: string, url: string | undefined): string => {
  const href = webUrl(url);
  return href ? `${tag('a', { href })}${escapeText(text)}</a>` : escapeText(text);
};
