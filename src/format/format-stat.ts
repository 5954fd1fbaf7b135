/**
 * How a stat's figure reads. The options come from the final value, not from each figure shown,
 * so a count-up keeps one shape all the way (0.0 % … 41.7 %) instead of gaining and losing digits
 * on every frame, and its last frame is exactly the text a reader sees without the animation.
 */
import type { StatFormat } from '../data/schema.js';
import { numberFormat } from './intl-cache.js';

export interface StatFormatOptions {
  format: StatFormat;
  /** A BCP 47 tag, such as the one `elementLang` gives. */
  locale: string;
  /** Fraction digits; when absent, the value's own precision (percentages: at most one digit). */
  decimals?: number | undefined;
  /** ISO 4217 code, for the `currency` format. */
  currency?: string | undefined;
}

/**
 * A formatter for the figures on the way to `final`. Throws a `RangeError` or `TypeError`, as
 * `Intl` does, for a missing or unknown currency.
 */
export function statFormatter(
  final: number,
  { format, locale, decimals, currency }: StatFormatOptions,
): (value: number) => string {
  // 1.5e-7 has eight digits after the point, not the four its string has after the dot.
  const [mantissa, exponent] = String(final).split('e');
  const own = Math.max(
    0,
    Math.min((mantissa.split('.')[1] ?? '').length - Number(exponent ?? 0), 20),
  );
  const digits =
    decimals ??
    (format === 'percent'
      ? Math.min(own, 1)
      : format === 'number' || (format === 'currency' && !own)
        ? own
        : undefined);
  const formatter = numberFormat(locale, {
    style: format === 'percent' || format === 'currency' ? format : 'decimal',
    notation: format === 'compact' ? 'compact' : 'standard',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  // "percent" values are percentage points (2.2 means 2.2 %); Intl's percent style wants 0.022.
  return (value) => formatter.format(format === 'percent' ? value / 100 : value);
}

/** One figure, formatted as a stat shows it: `formatStat(41.7, {format: 'percent', locale: 'fr'})` is "41,7 %". */
export function formatStat(value: number, options: StatFormatOptions): string {
  return statFormatter(value, options)(value);
}
