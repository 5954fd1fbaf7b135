/**
 * The words `<study-quote>` adds around a document's quotes, in its built-in languages; `{name}`
 * marks where a value goes.
 */
export const quoteWords = {
  en: {
    more: 'Read more',
    less: 'Show less',
    prev: 'Previous quote',
    next: 'Next quote',
    pause: 'Pause rotation',
    play: 'Play rotation',
    of: '{i} of {n}',
    copy: 'Copy quote',
    copied: 'Copied',
    refused: 'The browser refused to copy',
    share: 'Share…',
    on: 'Share on {network}',
    email: 'Share by email',
    subject: 'A quote from {author}',
    quoted: '“{text}”',
  },
  fr: {
    more: 'Lire la suite',
    less: 'Réduire',
    prev: 'Citation précédente',
    next: 'Citation suivante',
    pause: 'Mettre en pause le défilement',
    play: 'Reprendre le défilement',
    of: '{i} sur {n}',
    copy: 'Copier la citation',
    copied: 'Copiée',
    refused: 'Le navigateur a refusé la copie',
    share: 'Partager…',
    on: 'Partager sur {network}',
    email: 'Partager par courriel',
    subject: 'Une citation de {author}',
    quoted: '« {text} »',
  },
};
