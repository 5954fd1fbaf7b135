import { expect } from '@open-wc/testing';
import { studyDocumentSchema, type JsonSchema } from './schema.js';
import { schemaNotes, withNotes } from './schema-notes.js';

/** The field at a path such as `ctas[].signup.consent`, read the long way round. */
function at(schema: JsonSchema, path: string): JsonSchema | undefined {
  let node: JsonSchema | undefined = schema;
  for (const key of path.split('.')) {
    const array = key.endsWith('[]');
    node = node?.properties?.[array ? key.slice(0, -2) : key];
    if (array) node = node?.items;
  }
  return node;
}

describe('schema notes', () => {
  it("lands each note on its own field only, leaving the bundle's schema as it was", () => {
    const before = JSON.stringify(studyDocumentSchema);
    const noted = withNotes(studyDocumentSchema);
    for (const [path, note] of Object.entries(schemaNotes)) {
      expect(at(noted, path)?.description, path).to.equal(note);
    }
    // formName and study.id share one object in the source; only the one with a note gets it.
    expect(at(noted, 'ctas[].signup.formName')?.description).to.be.a('string');
    expect(at(noted, 'study.id')?.description).to.be.undefined;
    expect(JSON.stringify(studyDocumentSchema)).to.equal(before);
    expect(before).not.to.contain('description');
  });

  it('refuses a note for a field the schema does not have', () => {
    expect(() => withNotes(studyDocumentSchema, { 'ctas[].signup.nope': 'x' })).to.throw(
      'schema note "ctas[].signup.nope"',
    );
  });
});
