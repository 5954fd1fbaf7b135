/**
 * Building an `Intl.NumberFormat` costs far more than using one, and a page of stats formats the
 * same few shapes on every animation frame; so formatters are memoized by locale and options.
 */
const formatters = new Map<string, Intl.NumberFormat>();

export function numberFormat(
  locale: string,
  options: Intl.NumberFormatOptions = {},
): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}
