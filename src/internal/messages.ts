/**
 * The words an element adds around the organisation's texts ("Source:", "Retry"…), and the
 * language a card speaks. Each element keeps its own table of words beside it, so an element's
 * words ship only with that element; the built-in languages are English and French, and a
 * document's `messages` give others (or reword these), element by element:
 * `{"km": {"impact-stat": {"source": "…"}}}`.
 */
import { languagesOf, lookup, type Part } from '../data/languages.js';
import { direction } from './direction.js';
import type { StudyDocument } from '../data/schema.js';

/** One string per word; `{name}` marks where a value goes: `"{i} of {n}"`. */
export type Words<K extends string = string> = Readonly<Record<K, string>>;

/** A template's `{name}`s filled in. */
export const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));

/** Picks one of a table's languages for `lang`: the exact tag, else its base language, else English. */
export function messagesFor<T>(lang: string, table: { en: T } & Partial<Record<string, T>>): T {
  return table[lookup(lang, Object.keys(table)) ?? 'en']!;
}

/** What a card speaks: its language, the direction it is written in, and the element's words. */
export interface Speech<W> {
  lang: string;
  dir: 'rtl' | undefined;
  words: W;
}

export interface SpeechOptions<W extends Words> {
  /** The element's tag: its words in a document's `messages` are under it. */
  tag: string;
  /** The language the page asks for: the closest `lang` (elementLang). */
  wanted: string;
  /** The document's own language, its `study.locale`, in which its plain strings are written. */
  own: string;
  /** What the card shows of the document, each with its schema, to find its language maps. */
  parts: readonly Part[];
  table: { en: W; fr: W };
  messages: StudyDocument['messages'] | undefined;
  /** Tells the partner (a console warning and `impact-error`), once per message. */
  report: (cause: string, message: string) => void;
}

/**
 * The language a card speaks, and its words: the page's language where the card's every text and
 * the element's every word exist in it; else the document's own language, with one warning naming
 * both. A document's words for a language must be complete, or are left out with a warning: a card
 * never mixes languages.
 */
export function speak<W extends Words>(options: SpeechOptions<W>): Speech<W> {
  const { tag, wanted, own, table, report } = options;
  const words: Record<string, W> = { ...table };
  for (const [lang, groups] of Object.entries(options.messages ?? {})) {
    const given = groups[tag];
    if (!given) continue;
    // A misspelt key leaves its word missing, and so is reported too.
    const mine = { ...table[lang as 'en'], ...given };
    const missing = Object.keys(table.en).filter((key) => !Object.hasOwn(mine, key));
    if (missing.length) report('schema', `messages.${lang}["${tag}"] lacks ${missing.join(', ')}`);
    else words[lang] = mine as W;
  }
  const spoken = (lang: string) => lookup(lang, Object.keys(words));
  const texts = languagesOf(options.parts) ?? [own];
  const full = texts.filter(spoken);
  let lang = lookup(wanted, full);
  if (!lang) {
    lang = lookup(own, full) ?? full[0] ?? lookup(wanted, texts) ?? own;
    const lacking = lookup(wanted, texts)
      ? `words (messages.${wanted}["${tag}"])`
      : 'text in a part';
    report(
      'lang',
      `no "${wanted}" ${lacking}; shown in "${lang}"${spoken(lang) ? '' : ' with English words'}`,
    );
  }
  return { lang, dir: direction(lang), words: words[spoken(lang) ?? 'en']! };
}
