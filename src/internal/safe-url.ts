/**
 * Link targets come from attributes and documents a partner does not fully control, so only the
 * schemes a plain link needs are let through. A `javascript:` or `data:` URL in a citation would
 * otherwise run script in the partner's origin with one click.
 */
export const WEB_SCHEMES = ['http:', 'https:'] as const;

/** Stands for the page in a server render, which has none. */
const NO_PAGE = 'https://page.invalid/';

/**
 * The absolute URL when it parses and its scheme is allowed, else `undefined`. A server render
 * keeps a relative URL as written, so it resolves on the partner's page as the live element's does.
 * (No `isServer` from lit here: the iframe embed's script uses this module without lit.)
 */
export function safeUrl(
  url: string | undefined,
  schemes: readonly string[] = WEB_SCHEMES,
): string | undefined {
  if (!url) return undefined;
  try {
    const base = globalThis.document?.baseURI ?? NO_PAGE;
    const parsed = new URL(url, base);
    if (!schemes.includes(parsed.protocol)) return undefined;
    return base === NO_PAGE && parsed.href.startsWith(NO_PAGE) ? url : parsed.href;
  } catch {
    return undefined;
  }
}
