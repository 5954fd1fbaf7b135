/**
 * Picks an element's interface strings for a language: the exact tag, else its base language,
 * else English. Each element keeps its own table beside it, so an element's words ship only with
 * that element.
 */
export function messagesFor<T>(lang: string, table: { en: T } & Partial<Record<string, T>>): T {
  return table[lang] ?? table[lang.split('-')[0].toLowerCase()] ?? table.en;
}
