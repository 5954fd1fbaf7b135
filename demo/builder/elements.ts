/**
 * The elements the builder offers: one entry each. An entry says which list of the document its
 * items come from, which options (attributes) a partner may set, and how the element reads before
 * its script runs: the fallback content written into the snippet. Add an element to the bundle,
 * then add its entry here.
 */
import {
  formatStat,
  type Cta,
  type LocalText,
  type PlainStudyDocument,
  type Stat,
  type StudyDocument,
} from '../../src/index.js';
import type { BrowserOnly } from './card.js';
import type { Attributes, Tree } from './markup.js';
import { fieldMap, netlifyForm, readPaste, SERVICES, type Reading } from './signup-services.js';

export type ItemKind = 'stats' | 'quotes' | 'ctas';
/** An item in the builder's language: the fallback and titles are written in one. */
export type ItemOf<K extends ItemKind> = PlainStudyDocument[K][number];

/** One attribute a partner may set. `''` always means "leave it out": the item's own value. */
export interface OptionSpec {
  attribute: string;
  label: string;
  /** `[value, label]` pairs for a select; without them, a text or number input. */
  choices?: readonly (readonly [string, string])[];
  /** The choices are checkboxes, and the attribute lists the checked ones, space-separated. */
  several?: boolean;
  input?: 'text' | 'number';
}

export interface FallbackContext {
  lang: string;
  /** The study, its texts in `lang` where it has them. */
  study: PlainStudyDocument['study'];
  /** The document as written, language maps and all: which language each text shown is in. */
  document: StudyDocument;
  /** The options the partner chose, by attribute name. */
  options: Attributes;
}

export interface ElementSpec<K extends ItemKind = ItemKind> {
  tag: string;
  /** What a reader of the builder calls it. */
  name: string;
  kind: K;
  options: readonly OptionSpec[];
  /**
   * When the element takes several ids and cycles through them: what the builder calls picking
   * the others. Without it, the element shows one item.
   */
  several?: string;
  // Methods, not function properties, so an entry for one kind fits the list of all kinds.
  itemLabel(item: ItemOf<K>): string;
  /** The item in a few of its own words, as the reader meets it: an iframe's accessible name. */
  title(item: ItemOf<K>, context: FallbackContext): string;
  /** The element's light-DOM content: what the snippet reads like without JavaScript. */
  fallback(item: ItemOf<K>, context: FallbackContext): Tree[];
  /** What the partner should know about the element these choices make, when anything. */
  hint?(item: ItemOf<K>, context: FallbackContext): string | undefined;
  /**
   * Markup the page needs beside the element, written after it in the snippet (Netlify's hidden
   * form); none by default.
   */
  companions?(item: ItemOf<K>, context: FallbackContext): Tree[];
  /** Options read from something the partner pastes, such as a service's embed code. */
  paste?: { label: string; read(text: string): Reading };
  /** What the element renders only in a browser, which a pre-rendered card leaves out. */
  browserOnly?: BrowserOnly;
}

/**
 * A link target the elements themselves would follow (http(s) by default): a `javascript:` URL is
 * no link. Written as given, so a relative one resolves on the partner's page, as the element's.
 */
function safeLink(url: string | undefined, schemes = ['http:', 'https:']): string | undefined {
  try {
    return url && schemes.includes(new URL(url, 'https://partner.invalid/').protocol)
      ? url
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The language a text shown was written in: a map's text is in its key's, a plain string in the
 * document's own (`study.locale`). A map without the builder's language gives another's text.
 */
function writtenIn(written: LocalText | undefined, shown: string, document: StudyDocument) {
  const own = document.study.locale ?? 'en';
  if (!written || typeof written === 'string') return own;
  return Object.keys(written).find((lang) => written[lang] === shown) ?? own;
}

/** The builder's own English words, marked as English inside a fallback in another language. */
const english = (words: string, lang: string): Tree =>
  /^en(-|$)/i.test(lang) ? words : ['span', { lang: 'en' }, words];

/** The study as a card cites it. */
const citation = (study: PlainStudyDocument['study']): Tree => [
  'cite',
  {},
  `${study.title}, ${study.year}`,
];

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
  title: (item, { lang, options }) => `${statValue(item, lang, options)} ${item.label}`,
  fallback(item, { lang, study, options }) {
    const href = safeLink(item.source?.url);
    const source: Tree[] = item.source
      ? [
          href ? ['a', { href }, item.source.label] : item.source.label,
          // Words as the card says them: a figure the study only reports is "as cited in" it.
          item.source.cited ? english(', as cited in ', lang) : ' · ',
        ]
      : [];
    return [
      ['p', {}, ['strong', {}, statValue(item, lang, options)], ` ${item.label}`],
      ...(item.context ? [['p', {}, item.context] as const] : []),
      ['p', {}, english('Source: ', lang), ...source, citation(study)],
    ];
  },
};

const quote: ElementSpec<'quotes'> = {
  tag: 'study-quote',
  name: 'Quote: an attributed quote',
  kind: 'quotes',
  several: 'Rotate through these quotes too',
  options: [
    {
      attribute: 'data-clamp',
      label: 'Lines shown before “Read more” (empty: all)',
      input: 'number',
    },
    {
      attribute: 'data-interval',
      label: 'Seconds between rotating quotes (empty: 10)',
      input: 'number',
    },
    {
      attribute: 'data-share',
      label: 'Share controls',
      several: true,
      choices: [
        ['copy', 'Copy'],
        ['x', 'X'],
        ['facebook', 'Facebook'],
        ['linkedin', 'LinkedIn'],
        ['email', 'Email'],
      ],
    },
  ],
  // They carry the page's address, which the snapshot command does not know.
  browserOnly: { selector: '[part~="share"]', name: 'share controls' },
  itemLabel: (item) => `${item.id}: ${item.author}`,
  title: (item) => `Quote from ${item.author}${item.role ? `, ${item.role}` : ''}`,
  // The first quote only: without the script nothing rotates, and it is the one shown first.
  fallback(item, { lang, study, document }) {
    // As the card cites it: the quote's own source, else the study.
    const source = item.source?.label;
    const href = safeLink(source ? item.source?.url : study.url);
    const cited: Tree = source ? ['cite', {}, source] : citation(study);
    // The words are the speaker's, in a language the document has them in: the one the partner
    // chose, else another, said so for screen readers to switch voice.
    const written = document.quotes.find((quote) => quote.id === item.id)?.text;
    const spoken = writtenIn(written, item.text, document);
    return [
      ['blockquote', { lang: spoken === lang ? undefined : spoken, cite: href }, item.text],
      [
        'p',
        {},
        `— ${item.author}${item.role ? `, ${item.role}` : ''} · `,
        href ? ['a', { href }, cited] : cited,
      ],
    ];
  },
};

/** The call to action's link and endpoint, the chosen options over the item's own. */
const ctaTargets = (item: Cta, options: Attributes) => ({
  href: safeLink(options['data-href'] || item.button.href, ['http:', 'https:', 'mailto:']),
  endpoint: safeLink(options['data-endpoint'] || item.signup?.endpoint),
});

/** The call to action's sign-up settings, the chosen options over the item's own. */
const ctaSignup = (item: Cta, options: Attributes) => {
  const name = options['data-provider'] || item.signup?.provider || 'custom';
  return {
    service: Object.hasOwn(SERVICES, name) ? SERVICES[name as keyof typeof SERVICES] : undefined,
    netlify: name === 'netlify',
    formName: options['data-form-name'] || item.signup?.formName || item.id,
    consent: !!(options['data-consent'] || item.signup?.consent),
    fields: fieldMap(options['data-fields'] || item.signup?.fields),
  };
};

const cta: ElementSpec<'ctas'> = {
  tag: 'fundraise-cta',
  name: 'Call to action: sign-up and progress',
  kind: 'ctas',
  options: [
    {
      attribute: 'data-provider',
      label: 'Sign-up service: where the endpoint belongs',
      choices: [
        ['', "The item's (custom when it has none)"],
        ...Object.entries(SERVICES).map(
          ([name, service]) =>
            [
              name,
              `${service.label}${'opaque' in service ? ' (sent, not confirmed)' : ''}`,
            ] as const,
        ),
      ],
    },
    {
      attribute: 'data-endpoint',
      label: 'Sign-up endpoint: the http(s) URL the form posts to (empty: the item’s)',
      input: 'text',
    },
    {
      attribute: 'data-fields',
      label:
        'Field names at the service, ours:theirs pairs (email:entry.1111 name:entry.2222; empty: the item’s, else the service’s)',
      input: 'text',
    },
    {
      attribute: 'data-form-name',
      label: 'Netlify form name (empty: the item’s, else its id)',
      input: 'text',
    },
    {
      attribute: 'data-encoding',
      label: 'Sign-up encoding, for a custom endpoint only',
      choices: [
        ['', "The item's (JSON when it has none)"],
        ['json', 'JSON'],
        ['form', 'Form (no CORS preflight)'],
      ],
    },
    {
      attribute: 'data-consent',
      label: 'Consent words: the form asks for a tick beside them (empty: the item’s)',
      input: 'text',
    },
    {
      attribute: 'data-privacy-url',
      label: 'Privacy notice: http(s) URL, linked under the form (empty: the item’s)',
      input: 'text',
    },
    {
      attribute: 'data-contact-url',
      label: 'Contact when the service refuses the set-up: http(s) or mailto (empty: the item’s)',
      input: 'text',
    },
    {
      attribute: 'data-href',
      label: 'Link, used when there is no endpoint: http(s) or mailto (empty: the item’s)',
      input: 'text',
    },
    { attribute: 'data-raised', label: 'Raised so far (empty: the item’s)', input: 'number' },
    { attribute: 'data-goal', label: 'Goal (empty: the item’s)', input: 'number' },
    { attribute: 'data-currency', label: 'Currency code (USD…; empty: the item’s)', input: 'text' },
    { attribute: 'data-success', label: 'Thank-you text (empty: the item’s)', input: 'text' },
    {
      attribute: 'data-guide-label',
      label: 'Free guide’s name (empty: the item’s)',
      input: 'text',
    },
    {
      attribute: 'data-guide-url',
      label: 'Free guide’s URL: http(s) or mailto (empty: the item’s)',
      input: 'text',
    },
  ],
  itemLabel: (item) => `${item.id}: ${item.heading}`,
  title: (item) => item.heading,
  // What a reader can act on without the script: the link, not a form that needs it.
  fallback(item, { options }) {
    const { href } = ctaTargets(item, options);
    return [
      ['p', {}, ['strong', {}, item.heading]],
      ['p', {}, item.body],
      ...(href ? [['p', {}, ['a', { href }, item.button.label]] as const] : []),
    ];
  },
  hint(item, { options }) {
    const { href, endpoint } = ctaTargets(item, options);
    const { service, netlify } = ctaSignup(item, options);
    const hints = [
      !href &&
        !endpoint &&
        'No button: with neither a sign-up endpoint nor a link (data-endpoint, data-href), the call to action shows its text alone. Fill in one of them.',
      service &&
        'opaque' in service &&
        `${service.label} hides its answers: after a sign-up the element says it was sent, never that it was confirmed, and cannot see a sign-up the service refused. Make one sign-up yourself and check it arrived.`,
      netlify &&
        'Netlify finds a form only in the HTML it deploys: keep the hidden form at the end of the snippet in your page’s HTML (not added by a script), and turn on form detection. The page itself must be on Netlify.',
    ];
    return hints.filter(Boolean).join(' ') || undefined;
  },
  companions(item, { options }) {
    const { netlify, formName, consent, fields } = ctaSignup(item, options);
    return netlify ? [netlifyForm(formName, consent, fields)] : [];
  },
  paste: {
    label: 'Paste a sign-up service’s embed code or form URL, to fill in the sign-up options',
    read: readPaste,
  },
};

export const ELEMENTS: readonly ElementSpec[] = [stat, quote, cta];
