/**
 * Checks on the built `dist/` that need no browser: the published JSON Schema, and the bundle
 * settings a partner relies on. Run by `npm test` after the build (`node --test test/node/`).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';

const read = (file) => readFileSync(new URL(`../../dist/${file}`, import.meta.url), 'utf8');
const schema = JSON.parse(read('study.schema.json'));
const example = JSON.parse(read('cambodia-2015.json'));

describe('dist/study.schema.json', () => {
  const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

  it('is valid JSON Schema that accepts the default document', () => {
    assert.equal(validate(example), true, JSON.stringify(validate.errors));
  });

  it('rejects a stat whose value is a string', () => {
    const document = structuredClone(example);
    document.stats[2].value = '2,2';
    assert.equal(validate(document), false);
    assert.equal(validate.errors[0].instancePath, '/stats/2/value');
  });

  it('rejects an unknown stat format and a missing quote author', () => {
    const document = structuredClone(example);
    document.stats[0].format = 'ratio';
    delete document.quotes[0].author;
    assert.equal(validate(document), false);
    const paths = validate.errors.map((error) => error.instancePath);
    assert.ok(paths.includes('/stats/0/format'));
    assert.ok(paths.includes('/quotes/0'));
  });
});

describe('dist bundles', () => {
  for (const file of ['impact-widgets.js', 'impact-widgets.iife.js']) {
    const code = read(file);

    it(`${file} creates the Trusted Types policy "impact-widgets", never "lit-html"`, () => {
      assert.match(code, /createPolicy\("impact-widgets"/);
      assert.doesNotMatch(code, /"lit-html"/);
    });

    it(`${file} carries Lit's production build`, () => {
      assert.doesNotMatch(code, /Lit is in dev mode/);
      assert.doesNotMatch(code, /development/i);
    });

    it(`${file} points at its source map`, () => {
      assert.match(code, new RegExp(`//# sourceMappingURL=${file}\\.map\\s*$`));
      JSON.parse(read(`${file}.map`));
    });
  }

  it('the classic bundle exposes one global, ImpactWidgets', () => {
    assert.match(read('impact-widgets.iife.js'), /^var ImpactWidgets=/);
  });
});
