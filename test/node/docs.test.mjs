/**
 * The README's reference sections are generated from the build (`scripts/readme-docs.mjs`); these
 * checks fail when the README no longer says what `custom-elements.json`, the published schema and
 * the default document say, so the docs cannot drift from the code.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { PUBLISH_USAGE } from '../../bin/publish.mjs';
import { USAGE } from '../../bin/snapshot-options.mjs';
import { bundledTags, generatedSections, renderReadme } from '../../scripts/readme-docs.mjs';

const read = (file) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
const readme = read('README.md');
const manifest = JSON.parse(read('custom-elements.json'));

describe('README.md', () => {
  it('matches custom-elements.json, dist/study.schema.json and dist/cambodia-2015.json', async () => {
    const expected = await renderReadme(readme, generatedSections());
    assert.equal(readme, expected, 'README.md is out of date: run `npm run build`');
  });

  it('documents every element the bundle defines', () => {
    const tags = bundledTags();
    assert.ok(tags.includes('impact-stat'));
    for (const tag of tags) assert.ok(readme.includes(`<!-- generated:api:${tag} -->`), tag);
  });

  it('lists every attribute of every bundled element, with its property', () => {
    for (const tag of bundledTags()) {
      const element = manifest.modules
        .flatMap((module) => module.declarations ?? [])
        .find((declaration) => declaration.tagName === tag);
      for (const attribute of element.attributes) {
        assert.match(
          readme,
          new RegExp(`\\| \`${attribute.name}\` +\\| \`${attribute.fieldName}\``),
        );
      }
    }
  });

  it('would notice an attribute added to the code but not to the README', async () => {
    const changed = structuredClone(manifest);
    const element = changed.modules
      .flatMap((module) => module.declarations ?? [])
      .find((declaration) => declaration.tagName === 'impact-stat');
    element.attributes.push({ name: 'data-new', fieldName: 'newThing', description: 'New.' });
    const expected = await renderReadme(readme, generatedSections({ manifest: changed }));
    assert.notEqual(readme, expected);
    assert.match(expected, /`data-new`/);
  });
});

describe("README.md's table of the snapshot command's options", () => {
  /** The option lines of `--help`: a flag (or `<tag>`) at the second column, its words after. */
  const usage = USAGE.split('\n')
    .map((line) => /^ {2}([<-][^ ]*(?: [^ ]+)*?) {2,}(.*)$/.exec(line))
    .filter(Boolean);
  /** The table after the snapshot example: its rows, each as [first cell, second cell]. */
  const lines = readme
    .slice(readme.indexOf('| option ', readme.indexOf('<!-- /generated:snapshot-example -->')))
    .split('\n');
  const rows = lines
    .slice(
      2,
      lines.findIndex((line) => !line.startsWith('|')),
    )
    .map((line) => line.split(/ +\| +/).map((cell) => cell.replace(/^\| |\s*\|$/g, '')));

  it('names every option --help names, with the same value names, and no other', () => {
    const helped = usage.flatMap(([, names]) => names.split(', ')).sort();
    const documented = rows
      .flatMap(([names]) => [...names.matchAll(/`([^`]+)`/g)].map((m) => m[1]))
      .sort();
    assert.ok(helped.includes('--width PX') && helped.includes('--version'), helped.join(' '));
    assert.deepEqual(documented, helped);
  });

  it('names every format of --as that --help names', () => {
    const [, , words] = usage.find(([, names]) => names.startsWith('--as '));
    const helped = /^(.*?) \(default/.exec(words)[1].split(', ').sort();
    const [, described] = rows.find(([names]) => names.startsWith('`--as '));
    const documented = [...described.matchAll(/`(\w+)`/g)].map((m) => m[1]).sort();
    assert.deepEqual(helped, ['email', 'html', 'png', 'svg']);
    assert.deepEqual(documented, helped);
  });
});

describe("README.md's table of the publish command's options", () => {
  it('names every option publish --help names, with the same value names, and no other', () => {
    const helped = PUBLISH_USAGE.split('\n')
      .map((line) => /^ {2}(-[^ ]*(?: [^ ]+)*?) {2,}/.exec(line)?.[1])
      .filter(Boolean)
      .flatMap((names) => names.split(', '))
      .sort();
    const lines = readme
      .slice(readme.indexOf('| option ', readme.indexOf('## Share pages')))
      .split('\n');
    const documented = lines
      .slice(
        2,
        lines.findIndex((line) => !line.startsWith('|')),
      )
      .flatMap((line) => [...line.split(/ +\| +/)[0].matchAll(/`([^`]+)`/g)].map((m) => m[1]))
      .flatMap((names) => names.split(', '))
      .sort();
    assert.ok(helped.includes('--base-url URL'), helped.join(' '));
    assert.deepEqual(documented, helped);
  });
});

describe("README.md's keys of the share pages' words", () => {
  it('names every key of messages[lang]["card-site"], and no other', async () => {
    const { SITE_GROUP, SITE_KEYS } = await import('../../dist/publish.mjs');
    const section = readme.slice(
      readme.indexOf('## Share pages'),
      readme.indexOf('### GitHub Pages'),
    );
    assert.ok(section.includes(`"${SITE_GROUP}"`), SITE_GROUP);
    const listed = /^The keys: ([^.]+)\./m.exec(section)?.[1] ?? '';
    const documented = [...listed.matchAll(/`([^`]+)`/g)].map((m) => m[1]).sort();
    assert.deepEqual(documented, [...SITE_KEYS].sort());
  });
});
