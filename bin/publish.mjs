/**
 * `npx impact-widgets publish`: a static site with a share page for every item of a study
 * document (dist/publish.mjs makes the files), written into a folder.
 *
 * The folder may hold the organisation's own files: publish never deletes or overwrites a file it
 * did not write. It keeps a list of what it wrote, with each file's hash, in MANIFEST inside the
 * folder; publishing again updates those files (and removes its own pages of items the document
 * no longer has), and refuses, before writing anything, when one of its paths holds a file it did
 * not write or that was changed since. It never writes through a symbolic link, so nothing lands
 * outside the folder.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
} from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { readDocument } from './read-document.mjs';
import { Refusal } from './refusal.mjs';
import { readFonts, requireImageTools, useFonts } from './snapshot-options.mjs';
import { writeOutput } from './write-output.mjs';

/** The list of what publish wrote; a dotfile, which GitHub Pages and Netlify do not serve. */
export const MANIFEST = '.impact-widgets-publish.json';

export const PUBLISH_USAGE = `Usage: impact-widgets publish --base-url URL -o DIR [options]

Writes a static site into DIR: for every item of the document, a share page at
DIR/<tag>/<id>/ (the card, its citation, the snippets to embed it, Open Graph and oEmbed
for link previews), its share image (card.png), oEmbed answer (oembed.json), iframe page
(embed.html) and email card (email.html); an index of every card, study.json, the scripts,
sitemap.xml and 404.html. Files in DIR that publish did not write are kept, never replaced.

  --src FILE-or-URL   the study document (default: the embedded study)
  --base-url URL      required: the absolute http(s) URL DIR will be served at
  --lang L            the pages' language, a BCP 47 tag (default: the document's)
  --font FILE         a TrueType or OpenType font for the share images, for the characters
                      this package's fonts lack; repeatable
  -o, --output DIR    required: the folder to write the site into
  -h, --help          show this help`;

const hash = (data) => createHash('sha256').update(data).digest('hex');

function publishOptions(args) {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        src: { type: 'string' },
        'base-url': { type: 'string' },
        lang: { type: 'string' },
        font: { type: 'string', multiple: true },
        output: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    const option = /'(-[^' ]+)/.exec(error.message)?.[1];
    throw new Refusal(
      `${error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? `unknown option ${option}` : error.message} (see impact-widgets publish --help)`,
      2,
    );
  }
  if (values.help) return values;
  for (const name of ['base-url', 'output']) {
    if (!values[name]?.trim()) {
      throw new Refusal(
        `publish needs --${name === 'output' ? 'output (-o) DIR' : 'base-url URL'}`,
        2,
      );
    }
  }
  for (const name of ['src', 'lang']) {
    if (values[name] !== undefined && !values[name].trim())
      throw new Refusal(`--${name} is empty`, 2);
  }
  if (!/^https?:\/\/[^/]/i.test(values['base-url'])) {
    throw new Refusal(`--base-url "${values['base-url']}" is not an absolute http(s) URL`, 2);
  }
  if (values.lang !== undefined) {
    try {
      Intl.getCanonicalLocales(values.lang);
    } catch {
      throw new Refusal(`--lang "${values.lang}" is not a BCP 47 language tag (en, fr-CA…)`, 2);
    }
  }
  return values;
}

/** The manifest's files and their hashes, from an earlier publish into `dir`. */
function readManifest(dir) {
  let text;
  try {
    text = readFileSync(join(dir, MANIFEST), 'utf8');
  } catch (error) {
    if (error.code === 'ENOENT') return {};
    throw new Refusal(`${join(dir, MANIFEST)} could not be read (${error.code ?? error.message})`);
  }
  try {
    const { files } = JSON.parse(text);
    if (files && typeof files === 'object') return files;
  } catch {
    // Said below.
  }
  throw new Refusal(`${join(dir, MANIFEST)} is not publish's list of its files; move it away`);
}

/** What stops publish from writing `path` (under `dir`), in words; undefined when nothing does. */
function obstacle(dir, path, manifest) {
  let at = dir;
  const parts = path.split('/');
  for (const [index, part] of parts.entries()) {
    at = join(at, part);
    let stats;
    try {
      stats = lstatSync(at);
    } catch (error) {
      if (error.code === 'ENOENT') return undefined;
      return `${at} could not be read (${error.code})`;
    }
    if (stats.isSymbolicLink())
      return `${at} is a symbolic link, and publish writes nothing through one`;
    const last = index === parts.length - 1;
    if (!last && !stats.isDirectory()) return `${at} is a file where publish needs a folder`;
    if (last) {
      if (!stats.isFile()) return `${at} is not a file`;
      if (manifest[path] !== hash(readFileSync(at))) {
        return `${at} was not written by publish${manifest[path] ? ', or was changed since' : ''}; move it away to publish here`;
      }
    }
  }
  return undefined;
}

/** Writes the site's `files` into `dir`, keeping every file publish did not write. */
export function writeSite(dir, files) {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new Refusal(`${dir} could not be made (${error.code ?? error.message})`);
  }
  const manifest = readManifest(dir);
  const root = resolve(dir) + sep;
  for (const path of files.keys()) {
    // The generator refuses unsafe ids; this is the last word on where a file goes.
    if (!resolve(dir, path).startsWith(root)) throw new Refusal(`${path} is outside ${dir}`);
    const problem = obstacle(dir, path, manifest);
    if (problem) throw new Refusal(problem);
  }
  const written = {};
  for (const [path, data] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeOutput(join(dir, path), data);
    written[path] = hash(data);
  }
  // Its own files of items the document no longer has: a page of a figure the organisation took
  // back would go on saying it. Only when unchanged since publish wrote them.
  for (const path of Object.keys(manifest)) {
    if (files.has(path) || obstacle(dir, path, manifest) || !existsSync(join(dir, path))) continue;
    rmSync(join(dir, path));
    const folder = dirname(join(dir, path));
    if (folder !== resolve(dir) && !readdirSync(folder).length) rmdirSync(folder);
  }
  writeOutput(join(dir, MANIFEST), `${JSON.stringify({ files: written }, null, 2)}\n`);
}

/** The command: `args` are what follows `publish` on the command line. */
export async function publish(args) {
  const given = publishOptions(args);
  if (given.help) return void console.log(PUBLISH_USAGE);
  // Every card's share image needs them: refused before anything is read or written.
  requireImageTools('png', ['publish', ...args], 'publish (each card.png)');
  const fonts = readFonts(given.font);
  let renderer;
  let site;
  try {
    renderer = await import('../dist/snapshot.mjs');
    site = await import('../dist/publish.mjs');
  } catch (error) {
    if (error.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new Refusal('dist/publish.mjs is missing; build the package first (npm run build)');
  }
  // The renderer publish.mjs draws with is this one: the fonts it is given serve every card.png.
  await useFonts(renderer, fonts);
  const document = given.src ? await readDocument(renderer, given.src) : renderer.DEFAULT_DOCUMENT;
  let made;
  try {
    made = await site.publishSite({ document, baseUrl: given['base-url'], lang: given.lang });
  } catch (error) {
    if (!(error instanceof site.PublishError)) throw error;
    throw new Refusal(error.message);
  }
  for (const warning of made.warnings) console.error(`impact-widgets: warning: ${warning}`);
  writeSite(given.output, made.files);
  console.log(`${given.output}: ${made.files.size} files for ${given['base-url']}`);
}
