/**
 * The share pages' own words, around the cards (which speak through their elements' tables): in
 * English and French, and in any language a document gives them in, under `messages[lang]
 * ["card-site"]` with every key of SiteMessages (the elements' groups sit beside it). A page in a
 * language with none of these says its own words in the document's own language, and marks them
 * so: never a page that says `lang="km"` around English words unmarked.
 */
import type { StudyDocument } from '../data/schema.js';
import { lookup } from '../snapshot/snapshot.js';

export interface SiteMessages {
  from: string;
  source: string;
  citedIn: string;
  embed: string;
  snippetScript: string;
  snippetPrerendered: string;
  snippetIframe: string;
  copy: string;
  copied: string;
  emailCard: string;
  image: string;
  figures: string;
  quotes: string;
  ctas: string;
  intro: string;
  sharePage: string;
  notFound: string;
  notFoundHelp: string;
  allCards: string;
  /** The name of the links to a page in its other languages. */
  languages: string;
}

const TABLE: { en: SiteMessages } & Record<string, SiteMessages> = {
  en: {
    from: 'From',
    source: 'Source:',
    citedIn: 'as cited in the study.',
    embed: 'Embed this card',
    snippetScript: 'Script tag: the live card',
    snippetPrerendered: 'Pre-rendered: the card in your HTML, then the script tag',
    snippetIframe: 'Iframe: where scripts are not allowed',
    copy: 'Copy',
    copied: 'Copied.',
    emailCard: 'Email card (newsletter HTML)',
    image: 'Share image (PNG, 1200×630)',
    figures: 'Figures',
    quotes: 'Quotes',
    ctas: 'Calls to action',
    intro: 'Every card of the study, each with its own page to share or embed.',
    sharePage: 'Share page',
    notFound: 'This page is not here',
    notFoundHelp: 'The link may be old, or mistyped. See',
    allCards: 'all the study’s cards',
    languages: 'Languages',
  },
  fr: {
    from: 'Extrait de',
    source: 'Source :',
    citedIn: 'cité dans l’étude.',
    embed: 'Intégrer cette carte',
    snippetScript: 'Balise script : la carte vivante',
    snippetPrerendered: 'Pré-rendue : la carte dans votre HTML, puis la balise script',
    snippetIframe: 'Iframe : là où les scripts sont interdits',
    copy: 'Copier',
    copied: 'Copié.',
    emailCard: 'Carte pour e-mail (HTML de lettre d’information)',
    image: 'Image de partage (PNG, 1200×630)',
    figures: 'Chiffres',
    quotes: 'Citations',
    ctas: 'Appels à l’action',
    intro: 'Toutes les cartes de l’étude, chacune avec sa page à partager ou à intégrer.',
    sharePage: 'Page de partage',
    notFound: 'Cette page n’existe pas',
    notFoundHelp: 'Le lien est peut-être ancien ou mal saisi. Voir',
    allCards: 'toutes les cartes de l’étude',
    languages: 'Langues',
  },
};

/** The keys of a document's `messages[lang]["card-site"]`: every one of SiteMessages. */
export const SITE_KEYS = Object.keys(TABLE.en) as (keyof SiteMessages)[];

/** The group of a document's `messages` that holds the share pages' words. */
export const SITE_GROUP = 'card-site';

/** The share pages' words, and the language they are in. */
export interface SiteWords {
  lang: string;
  m: SiteMessages;
}

/**
 * The site's words in `lang`: the document's (`messages[lang]["card-site"]`, over ours in that
 * language), else ours; failing both, in the document's own language the same way, else in
 * English. `warn` hears a group that lacks a key (and is left out), and a language with no words.
 */
export function siteWords(
  document: StudyDocument,
  lang: string,
  warn: (message: string) => void,
): SiteWords {
  const given = document.messages ?? {};
  const inLang = (wanted: string): SiteWords | undefined => {
    const mine = lookup(wanted, Object.keys(TABLE));
    const tag = lookup(wanted, Object.keys(given));
    const group = tag ? given[tag]?.[SITE_GROUP] : undefined;
    if (group) {
      const words = { ...(mine && TABLE[mine]), ...group };
      const missing = SITE_KEYS.filter((key) => !Object.hasOwn(words, key));
      if (!missing.length) return { lang: wanted, m: words as unknown as SiteMessages };
      warn(`messages.${tag}["${SITE_GROUP}"] lacks ${missing.join(', ')}, so it is left out`);
    }
    return mine ? { lang: wanted, m: TABLE[mine]! } : undefined;
  };
  const own = document.study.locale ?? 'en';
  const words = inLang(lang) ?? inLang(own) ?? { lang: 'en', m: TABLE.en };
  if (words.lang !== lang) {
    warn(
      `the site has no words of its own in "${lang}" (messages.${lang}["${SITE_GROUP}"]), so its "${lang}" pages say them in "${words.lang}", marked so`,
    );
  }
  return words;
}
