/**
 * Test words for the languages whose words no element ships (km, ar): every key of an element's
 * built-in English table, its English word in brackets ("[Source:]"). Plainly no translation, and
 * never one we could ship: a card in Khmer shows the organisation's real Khmer texts
 * (test/fixtures/languages.json, from test/fixtures/udhr.json) between markers a test can find.
 * The keys are the elements' own (scripts/element-words.mjs), so a key an element adds is
 * covered without a list here to update.
 */
import { readFileSync } from 'node:fs';
import { elementWords } from '../scripts/element-words.mjs';

let english;

/** `messages` for `langs`: every element's every word, as "[English word]". */
export function markedMessages(langs) {
  english ??= elementWords();
  const marked = Object.fromEntries(
    Object.entries(english).map(([tag, words]) => [
      tag,
      Object.fromEntries(Object.entries(words).map(([key, word]) => [key, `[${word}]`])),
    ]),
  );
  return Object.fromEntries(langs.map((lang) => [lang, marked]));
}

/** test/fixtures/languages.json, with marked words for `langs` when given. */
export function languagesDocument(langs = []) {
  const document = JSON.parse(
    readFileSync(new URL('fixtures/languages.json', import.meta.url), 'utf8'),
  );
  if (langs.length) document.messages = markedMessages(langs);
  return document;
}
