/**
 * Which language a card speaks, and its texts in it.
 *
 * A document's texts are strings, in its own language (`study.locale`), or language maps of the
 * organisation's own texts. A card is in one language from its first word to its last: the one
 * the page asks for (the closest `lang`, matched by BCP 47 lookup, so `km-KH` finds `km`) when
 * every map on the card has a text in it and the element has its words in it; else the document's
 * own language, with one warning. We never translate the organisation's words, nor fill a gap in a
 * map with another language's text inside a card that says it is in this one.
 */
import {
  studyDocumentSchema,
  type JsonSchema,
  type Localized,
  type PlainStudyDocument,
  type StudyDocument,
} from './schema.js';

/** A language map, as the schema allows one: BCP 47 tags to texts. */
type LanguageMap = Readonly<Record<string, string>>;

/**
 * RFC 4647 lookup: the tag in `available` that `wanted`, cut back a subtag at a time (and past
 * a singleton such as `-x`), first equals, ignoring case. `zh-Hant-TW` finds `zh-Hant`, then `zh`.
 */
export function lookup(wanted: string, available: Iterable<string>): string | undefined {
  const tags = [...available];
  for (let range = wanted.toLowerCase(); range;) {
    const found = tags.find((tag) => tag.toLowerCase() === range);
    if (found) return found;
    range = range.includes('-') ? range.replace(/(-[a-z\d])?-[^-]*$/, '') : '';
  }
  return undefined;
}

/**
 * `value` with each of its texts that `schema` allows as a language map passed through `text`:
 * the schema says which objects are maps, since `{"label": "…", "url": "…"}` looks like one.
 */
function walk(
  schema: JsonSchema,
  value: unknown,
  text: (map: LanguageMap, partial?: boolean) => string | undefined,
): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(schema.type)) return text(value as LanguageMap, schema.partial);
  if (Array.isArray(value)) return value.map((entry) => walk(schema.items!, entry, text));
  const properties = schema.properties ?? {};
  return Object.fromEntries(
    Object.entries(value).map(([key, entry]) => [
      key,
      properties[key] ? walk(properties[key], entry, text) : entry,
    ]),
  );
}

/** A value of the document and the schema it follows: a part of what a card shows. */
export type Part = readonly [schema: JsonSchema, value: unknown];

/**
 * The languages every language map among `parts` has a text in, or `undefined` when they hold
 * no map (strings only: all in the document's language).
 */
export function languagesOf(parts: readonly Part[]): string[] | undefined {
  let common: string[] | undefined;
  for (const [schema, value] of parts) {
    walk(schema, value, (map, partial) => {
      const own = Object.keys(map);
      if (!partial) common = common ? common.filter((tag) => own.includes(tag)) : own;
      return '';
    });
  }
  return common;
}

/**
 * `value` in `lang`: each language map gives its text in `lang`, found by lookup, else its first;
 * a partial map (a figure) gives none.
 */
export const localize = <T>(schema: JsonSchema, value: T, lang: string): Localized<T> =>
  walk(schema, value, (map, partial) => {
    const tags = Object.keys(map);
    const tag = lookup(lang, tags) ?? (partial ? undefined : tags[0]);
    return tag && map[tag];
  }) as Localized<T>;

/** The document's texts in `lang`, each map's text found by lookup (else its first): for a page around cards. */
export const localizeDocument = (document: StudyDocument, lang: string): PlainStudyDocument =>
  localize(studyDocumentSchema, document, lang);

/** Every language the document writes a text in, its own (`study.locale`) first. */
export function documentLanguages(document: StudyDocument): string[] {
  const found = new Set([document.study.locale ?? 'en']);
  walk(studyDocumentSchema, document, (map) => {
    Object.keys(map).forEach((tag) => found.add(tag));
    return '';
  });
  return [...found];
}
