/**
 * Console warnings for partners debugging a live page. They stay on in production, because a
 * partner's page is where a typo in an attribute is found; and each distinct message is printed
 * once, so fifty widgets with the same mistake print one line, not fifty.
 */
const issued = new Set<string>();

export function warnOnce(message: string): void {
  if (issued.has(message)) return;
  issued.add(message);
  console.warn(message);
}
