/**
 * Notes for partners on the study document's fields, by path. The build lays them over the schema
 * as `description`s in dist/study.schema.json (for editors) and in the README's field table; the
 * bundle never imports this module, because the validator has no use for prose and every byte of
 * it would reach each reader's browser.
 */
import type { JsonSchema } from './schema.js';

const cited =
  'True when the study only reports this figure from the source named here, rather than measuring it: the card then reads "as cited in" the study.';

export const schemaNotes: Record<string, string> = {
  'study.locale': 'BCP 47 language of the text, used when the page gives none.',
  'stats[].value': 'For "percent", percentage points: 2.2 means 2.2 %.',
  'stats[].currency': 'ISO 4217 code, for the "currency" format.',
  'stats[].source.cited': cited,
  'quotes[].source.cited': cited,
  'ctas[].signup.endpoint':
    'Optional, so a document can carry the texts while each partner names its own endpoint.',
};

/**
 * A copy of the schema with each note as its field's `description`. The copy shares no object, so
 * a note lands on one field only; a note whose field does not exist fails the build.
 */
export function withNotes(schema: JsonSchema, notes = schemaNotes): JsonSchema {
  const copy: JsonSchema = JSON.parse(JSON.stringify(schema));
  for (const [path, description] of Object.entries(notes)) {
    let node: JsonSchema | undefined = copy;
    for (const key of path.split('.')) {
      node = node?.properties?.[key.replace('[]', '')];
      if (key.endsWith('[]')) node = node?.items;
    }
    if (!node) throw new Error(`schema note "${path}": the schema has no such field`);
    (node as { description?: string }).description = description;
  }
  return copy;
}
