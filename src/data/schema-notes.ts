/**
 * Notes for partners on the study document's fields, by path. The build lays them over the schema
 * as `description`s in dist/study.schema.json (for editors) and in the README's field table; the
 * bundle never imports this module, because the validator has no use for prose and every byte of
 * it would reach each reader's browser.
 */
import type { JsonSchema } from './schema.js';

export const schemaNotes: Record<string, string> = {
  'study.locale': 'BCP 47 language of the text, used when the page gives none.',
  'stats[].value': 'For "percent", percentage points: 2.2 means 2.2 %.',
  'stats[].currency': 'ISO 4217 code, for the "currency" format.',
  'stats[].source.cited':
    'True when the study only reports this figure from the source named here, rather than measuring it: the card then reads "as cited in" the study.',
  'ctas[].signup.endpoint':
    'Optional, so a document can carry the texts while each partner names its own endpoint: the URL from the service’s own embed code, pasted as is.',
  'ctas[].signup.encoding':
    'For the custom provider only: json (the default) or form (urlencoded, sent without a CORS preflight). Every other provider sends the way its service takes it.',
  'ctas[].signup.provider':
    'The service the endpoint belongs to: custom (the default: JSON or form, errors as {error, field}), formspree, hubspot, mailchimp, netlify, google-forms, basin, kit, brevo or salesforce. Mailchimp, Google Forms, Brevo and Salesforce hide their answers, so their sign-ups are sent but not confirmed.',
  'ctas[].signup.fields':
    'Our field names to the service’s, as ours:theirs pairs over the provider’s defaults: "email:entry.1111 name:entry.2222". Google Forms needs it.',
  'ctas[].signup.formName': 'Netlify’s form-name; the call to action’s id by default.',
  'ctas[].signup.consent':
    'The partner’s consent words: the form shows an unticked, required checkbox with them, and each sign-up carries them (consent) and the time (consentAt).',
  'ctas[].signup.privacyUrl': 'The partner’s privacy notice, linked under the form.',
  'ctas[].signup.contact':
    'Where a person can write when the sign-up service refuses the set-up (a 404, an HTML page): shown beside that message.',
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
