/**
 * The share pages' own words, around the cards (which speak through their elements' tables). One
 * language a site for now: `--lang`, else the document's locale.
 */
import { messagesFor } from '../internal/messages.js';

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
  },
};

export const messagesOf = (lang: string): SiteMessages => messagesFor(lang, TABLE);
