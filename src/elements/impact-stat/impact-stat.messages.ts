/** The words `<impact-stat>` adds around a document's texts, in its built-in languages. */
export const statWords = {
  en: {
    source: 'Source:',
    cited: ', as cited in ',
    down: 'down from',
    up: 'up from',
    same: 'the same as',
  },
  fr: {
    source: 'Source :',
    cited: ', cité dans ',
    down: 'en baisse, contre',
    up: 'en hausse, contre',
    same: 'comme',
  },
};
