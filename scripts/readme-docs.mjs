/**
 * Writes the README's reference sections from what the build produced, so the docs cannot drift
 * from the code: each element's attributes, properties, events, CSS custom properties, parts,
 * slots and states from `custom-elements.json` (itself generated from the JSDoc), the document's
 * fields from `dist/study.schema.json`, the full example from `dist/cambodia-2015.json`, and what
 * `npx impact-widgets snapshot` prints for the study's headline figure.
 *
 * A generated section sits between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`.
 *
 *   node scripts/readme-docs.mjs          rewrite README.md (run by `npm run build`)
 *   node scripts/readme-docs.mjs --check  fail when README.md differs (run by `npm test`)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { elementWords } from './element-words.mjs';

const root = new URL('../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');

/** The tags the bundle defines: the define modules that src/index.ts imports. */
export function bundledTags(entry = read('src/index.ts')) {
  return [...entry.matchAll(/import '\.\/elements\/([\w-]+)\/\1\.define\.js';/g)].map((m) => m[1]);
}

const cell = (text = '') => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
const code = (text) => (text ? `\`${text}\`` : '');
const typeText = (type) => code(type?.text.replace(/\s*\|\s*undefined\b/g, ''));

function table(head, rows) {
  if (rows.length === 0) return '';
  const line = (cells) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function declarationOf(manifest, tag) {
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.tagName === tag) return declaration;
    }
  }
  throw new Error(`custom-elements.json has no <${tag}>`);
}

/** One element's reference: every public attribute, property, event, style hook and slot. */
export function elementReference(manifest, tag) {
  const element = declarationOf(manifest, tag);
  // Attributes every element inherits (data-src, data-id, data-theme) come first: they are the
  // ones a partner reaches for first.
  const attributes = [...(element.attributes ?? [])].sort(
    (a, b) => Number(!a.inheritedFrom) - Number(!b.inheritedFrom),
  );
  const withAttribute = new Set(attributes.map((a) => a.fieldName));
  const properties = (element.members ?? []).filter(
    (m) =>
      m.kind === 'field' &&
      !m.static &&
      !m.privacy &&
      !m.name.startsWith('#') &&
      !withAttribute.has(m.name),
  );
  const sections = [
    [
      'Attributes',
      ['attribute', 'property', 'type', 'description'],
      attributes.map((a) => [code(a.name), code(a.fieldName), typeText(a.type), a.description]),
    ],
    [
      'Properties without an attribute',
      ['property', 'type', 'description'],
      properties.map((p) => [code(p.name), typeText(p.type), p.description]),
    ],
    [
      'Events',
      ['event', 'detail', 'when'],
      (element.events ?? []).map((e) => [code(e.name), typeText(e.type), e.description]),
    ],
    [
      'CSS custom properties',
      ['property', 'styles'],
      (element.cssProperties ?? []).map((p) => [code(p.name), p.description]),
    ],
    [
      'Parts',
      ['part', 'what'],
      (element.cssParts ?? []).map((p) => [code(`::part(${p.name})`), p.description]),
    ],
    [
      'Slots',
      ['slot', 'content'],
      (element.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', s.description]),
    ],
    [
      'Custom states',
      ['state', 'when'],
      (element.cssStates ?? []).map((s) => [code(`:state(${s.name})`), s.description]),
    ],
  ];
  return sections
    .filter(([, , rows]) => rows.length > 0)
    .map(([title, head, rows]) => `**${title}**\n\n${table(head, rows)}`)
    .join('\n\n');
}

function schemaType(schema) {
  if (schema.const !== undefined) return code(JSON.stringify(schema.const));
  if (schema.enum) return schema.enum.map((value) => code(JSON.stringify(value))).join(' or ');
  if (schema.type === 'array') return `array of ${schemaType(schema.items)}`;
  const limits = [];
  if (schema.minLength && schema.maxLength === schema.minLength)
    limits.push(`${schema.minLength} characters`);
  else if (schema.minLength) limits.push('not empty');
  if (schema.minimum !== undefined) limits.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) limits.push(`≤ ${schema.maximum}`);
  if (schema.exclusiveMinimum !== undefined) limits.push(`> ${schema.exclusiveMinimum}`);
  return [schema.type, ...limits].join(', ');
}

/** Every field of the study document, by path, from the published JSON Schema. */
export function documentFields(schema) {
  const rows = [];
  const walk = (node, path) => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const childPath = path ? `${path}.${key}` : key;
      const required = node.required?.includes(key) ? 'yes' : '';
      rows.push([code(childPath), schemaType(child), required, child.description ?? '']);
      const inner = child.type === 'array' ? child.items : child;
      if (inner.properties) walk(inner, child.type === 'array' ? `${childPath}[]` : childPath);
    }
  };
  walk(schema, '');
  return table(['field', 'type', 'required', 'notes'], rows);
}

/** The keys of each element's words, for a document's `messages`, with the English word. */
export const messageKeys = (words) =>
  table(
    ['element', 'keys (English word)'],
    Object.entries(words).map(([tag, table]) => [
      code(tag),
      Object.entries(table)
        .map(([key, word]) => `${code(key)} (${word.trim()})`)
        .join(', '),
    ]),
  );

/** The snapshot command the README shows, and what it prints (with the build's stylesheet hash). */
const SNAPSHOT = ['snapshot', 'impact-stat', '--id', 'minors-2015'];
const snapshotOf = (args) =>
  execFileSync(process.execPath, ['bin/impact-widgets.mjs', ...args], {
    cwd: root,
    encoding: 'utf8',
  });

/** Every generated section, by name, from the build's outputs. */
export function generatedSections({
  manifest = JSON.parse(read('custom-elements.json')),
  schema = JSON.parse(read('dist/study.schema.json')),
  example = read('dist/cambodia-2015.json'),
  tags = bundledTags(),
  snapshot = snapshotOf(SNAPSHOT),
  words = elementWords(),
} = {}) {
  const sections = new Map();
  for (const tag of tags) sections.set(`api:${tag}`, elementReference(manifest, tag));
  sections.set('document-fields', documentFields(schema));
  sections.set('message-keys', messageKeys(words));
  sections.set('document-example', `\`\`\`json\n${example.trim()}\n\`\`\``);
  // As printed: Prettier would break the card's markup over lines, which adds white space to it.
  sections.set(
    'snapshot-example',
    `\`\`\`sh\nnpx impact-widgets ${SNAPSHOT.join(' ')}\n\`\`\`\n\n<!-- prettier-ignore -->\n\`\`\`html\n${snapshot.trim()}\n\`\`\``,
  );
  return sections;
}

/** The README with every generated section replaced, formatted as Prettier would. */
export async function renderReadme(readme, sections) {
  let text = readme;
  for (const [name, body] of sections) {
    const pattern = new RegExp(
      `(<!-- generated:${name} -->)[\\s\\S]*?(<!-- /generated:${name} -->)`,
    );
    if (!pattern.test(text)) throw new Error(`README.md has no <!-- generated:${name} --> section`);
    text = text.replace(pattern, (_, open, close) => `${open}\n\n${body}\n\n${close}`);
  }
  const options = await resolveConfig(new URL('README.md', root));
  return format(text, { ...options, parser: 'markdown' });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const readme = read('README.md');
  const expected = await renderReadme(readme, generatedSections());
  if (process.argv.includes('--check')) {
    if (expected !== readme) {
      console.error('README.md is out of date with custom-elements.json: run `npm run build`.');
      process.exit(1);
    }
  } else if (expected !== readme) {
    writeFileSync(new URL('README.md', root), expected);
    console.log('README.md: reference sections regenerated');
  }
}
