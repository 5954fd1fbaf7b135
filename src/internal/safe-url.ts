/**
 * Link targets come from attributes and documents a partner does not fully control, so only the
 * schemes a plain link needs are let through. A `javascript:` or `data:` URL in a citation would
 * otherwise run script in the partner's origin with one click.
 */
export const WEB_SCHEMES = ['http:', 'https:'] as const;

/** The absolute URL when it parses and its scheme is allowed, else `undefined`. */
export function safeUrl(
  url: string | undefined,
  schemes: readonly string[] = WEB_SCHEMES,
): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url, document.baseURI);
    return schemes.includes(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
