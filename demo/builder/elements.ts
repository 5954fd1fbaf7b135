/**
 * The elements the builder offers: one entry each. An entry says which list of the document its
 * items come from, which options (attributes) a partner may set, and how the element reads before
 * its script runs: the fallback content written into the snippet. Add an element to the bundle,
 * then add its entry here.
 */
import { formatStat, type Stat, type StudyDocument } from '../../src/index.js';
import type { Attributes, Tree } from './markup.js';

export type ItemKind = 'stats' | 'quotes' | 'ctas';
export type ItemOf<K extends ItemKind> = StudyDocument[K][number];

/** One attribute a partner may set. `''` always means "leave it out": the item's own value. */
export interface OptionSpec {
  attribute: string;
  label: string;
  /** `[value, label]` pairs for a select; without them, a text or number input. */
  choices?: readonly (readonly [string, string])[];
  input?: 'text' | 'number';
}

export interface FallbackContext {
  lang: string;
  study: StudyDocument['study'];
  /** The options the partner chose, by attribute name. */
  options: Attributes;
}

export interface ElementSpec<K extends ItemKind = ItemKind> {
  tag: string;
  /** What a reader of the builder calls it. */
  name: string;
  kind: K;
  options: readonly OptionSpec[];
  // Methods, not function properties, so an entry for one kind fits the list of all kinds.
  itemLabel(item: ItemOf<K>): string;
  /** The element's light-DOM content: what the snippet reads like without JavaScript. */
  fallback(item: ItemOf<K>, context: FallbackContext): Tree[];
}

/** Only http(s) links, as the elements themselves do: a `javascript:` URL is no link. */
function httpUrl(url: string | undefined): string | undefined {
  try {
    const href = new URL(url ?? '');
    return /^https?:$/.test(href.protocol) ? href.href : undefined;
  } catch {
    return undefined;
  }
}

/** The figure as the element shows it once the chosen options apply; as written if they cannot. */
function statValue(stat: Stat, lang: string, options: Attributes): string {
  try {
    return formatStat(stat.value, {
      format: (options['data-format'] || stat.format) as Stat['format'],
      locale: lang,
      decimals: options['data-decimals'] ? Number(options['data-decimals']) : stat.decimals,
      currency: options['data-currency'] || stat.currency,
    });
  } catch {
    return String(stat.value);
  }
}

const stat: ElementSpec<'stats'> = {
  tag: 'impact-stat',
  name: 'Stat: a cited headline number',
  kind: 'stats',
  options: [
    {
      attribute: 'data-animate',
      label: 'Animation',
      choices: [
        ['', 'Count up when seen'],
        ['none', 'Show the figure at once'],
      ],
    },
    {
      attribute: 'data-format',
      label: 'Format',
      choices: [
        ['', "The item's"],
        ['percent', 'Percent'],
        ['number', 'Number'],
        ['compact', 'Compact (1.2M)'],
        ['currency', 'Currency'],
      ],
    },
    { attribute: 'data-decimals', label: 'Decimals (0 to 20; empty: the item’s)', input: 'number' },
    { attribute: 'data-currency', label: 'Currency code (USD…; empty: the item’s)', input: 'text' },
  ],
  itemLabel: (item) => `${item.id}: ${item.label}`,
  fallback(item, { lang, study, options }) {
    const href = httpUrl(item.source?.url);
    const source: Tree[] = item.source
      ? [
          href ? ['a', { href }, item.source.label] : item.source.label,
          // Words as the card says them: a figure the study only reports is "as cited in" it.
          item.source.cited ? ', as cited in ' : ' · ',
        ]
      : [];
    return [
      ['p', {}, ['strong', {}, statValue(item, lang, options)], ` ${item.label}`],
      ...(item.context ? [['p', {}, item.context] as const] : []),
      ['p', {}, 'Source: ', ...source, ['cite', {}, `${study.title}, ${study.year}`]],
    ];
  },
};

export const ELEMENTS: readonly ElementSpec[] = [stat];
