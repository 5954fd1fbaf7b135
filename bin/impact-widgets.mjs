#!/usr/bin/env node
/**
 * `npx impact-widgets snapshot <tag> …`: an element pre-rendered as HTML, for pages that should show
 * the card before (or without) the script. Reads the command line and the document here; the card
 * comes from the elements' own templates in dist/snapshot.mjs (src/snapshot/snapshot.ts).
 *
 * Bad input (an unknown element or option, a missing id, a document that cannot be read or is not
 * a study document) gets one line on stderr and a non-zero exit, and nothing is written.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const TAGS = ['impact-stat', 'study-quote', 'fundraise-cta'];
const THEMES = ['light', 'dark', 'auto'];
const FORMATS = ['html'];
const FETCH_TIMEOUT_MS = 10_000;

const USAGE = `Usage: impact-widgets snapshot <tag> [options]

Prints an element pre-rendered as HTML: the element, its card in a declarative shadow root, and
the card's words as light-DOM fallback. The card shows before the script loads, and without it;
once the script loads, the element takes the card over.

  <tag>               ${TAGS.join(', ')}
  --src FILE-or-URL   the study document (default: the embedded study); written as the element's
                      data-src, so publish the file where the page finds it by that URL
  --id ID             the item's id (default: the first item of the element's kind)
  --lang L            the element's language, a BCP 47 tag (default: the document's)
  --theme T           ${THEMES.join(', ')} (default: light)
  --as FORMAT         ${FORMATS.join(', ')} (default: html)
  --css-url URL       where the card's stylesheet, dist/impact-widgets.css, is served
                      (default: https://unpkg.com/impact-widgets@${version}/dist/impact-widgets.css);
                      the link carries its integrity hash, so serve this version's file unchanged
  -o, --output FILE   write to FILE instead of standard output
  -h, --help          show this help`;

/** Why the command cannot do what was asked: one line on stderr, and `code` as the exit code. */
class Refusal extends Error {
  constructor(message, code = 1) {
    super(message);
    this.code = code;
  }
}

function options(args) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        src: { type: 'string' },
        id: { type: 'string' },
        lang: { type: 'string' },
        theme: { type: 'string' },
        as: { type: 'string', default: 'html' },
        'css-url': { type: 'string' },
        output: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // Node's own words are long and name no fix; the option is what matters.
    const option = /'(-[^' ]+)/.exec(error.message)?.[1];
    const reason =
      error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? `unknown option ${option}`
        : error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option
          ? `${option} needs a value`
          : error.message;
    throw new Refusal(`${reason} (see impact-widgets --help)`, 2);
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  const [command, tag, ...extra] = positionals;
  if (command !== 'snapshot') {
    throw new Refusal(
      command
        ? `unknown command "${command}"; the command is snapshot (see impact-widgets --help)`
        : 'no command given; the command is snapshot (see impact-widgets --help)',
      2,
    );
  }
  if (!TAGS.includes(tag)) {
    throw new Refusal(
      `${tag ? `unknown element "${tag}"` : 'no element given'}: snapshot takes one of ${TAGS.join(', ')}`,
      2,
    );
  }
  if (extra.length) throw new Refusal(`unexpected argument "${extra[0]}"`, 2);
  const oneOf = (name, value, allowed) => {
    if (value !== undefined && !allowed.includes(value)) {
      throw new Refusal(`--${name} "${value}" is not one of ${allowed.join(', ')}`, 2);
    }
  };
  oneOf('as', values.as, FORMATS);
  oneOf('theme', values.theme, THEMES);
  for (const name of ['src', 'id', 'lang', 'css-url', 'output']) {
    if (values[name] !== undefined && !values[name].trim()) {
      throw new Refusal(`--${name} is empty`, 2);
    }
  }
  if (values.lang !== undefined) {
    try {
      Intl.getCanonicalLocales(values.lang);
    } catch {
      throw new Refusal(`--lang "${values.lang}" is not a BCP 47 language tag (en, fr-CA…)`, 2);
    }
  }
  return { tag, ...values };
}

/** The document's text and where it came from, read from a file or over HTTP(S). */
async function read(src) {
  if (!/^https?:\/\//i.test(src)) {
    try {
      return { body: readFileSync(src, 'utf8'), type: 'a file' };
    } catch (error) {
      const why = { ENOENT: 'no such file', EISDIR: 'it is a folder', EACCES: 'permission denied' };
      throw new Refusal(`${src} could not be read (${why[error.code] ?? error.message})`);
    }
  }
  let response;
  try {
    response = await fetch(src, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
  } catch (error) {
    throw new Refusal(
      error.name === 'TimeoutError'
        ? `${src} did not answer within ${FETCH_TIMEOUT_MS / 1000} s`
        : `${src} could not be reached (${error.cause?.code ?? error.cause?.message ?? error.message})`,
    );
  }
  if (!response.ok) {
    throw new Refusal(`${src} answered HTTP ${`${response.status} ${response.statusText}`.trim()}`);
  }
  return {
    body: await response.text(),
    type: response.headers.get('content-type') ?? 'no content type',
  };
}

/** Writes the whole output or nothing: a failed write leaves no partial file behind. */
function write(file, text) {
  const partial = join(dirname(file), `.${basename(file)}.${process.pid}.partial`);
  try {
    writeFileSync(partial, text);
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new Refusal(`${file} could not be written (${error.code ?? error.message})`);
  }
}

async function main(args) {
  const given = options(args);
  if (given.help) return void console.log(USAGE);
  let renderer;
  try {
    renderer = await import('../dist/snapshot.mjs');
  } catch (error) {
    if (error.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new Refusal('dist/snapshot.mjs is missing; build the package first (npm run build)');
  }
  // The stylesheet's hash pins the link, wherever --css-url serves the file from: the reader's
  // browser then refuses a changed copy, as it does a changed script.
  let integrity;
  try {
    integrity = JSON.parse(readFileSync(new URL('../dist/integrity.json', import.meta.url)));
  } catch {
    throw new Refusal('dist/integrity.json is missing; build the package first (npm run build)');
  }
  let document;
  if (given.src) {
    const { body, type } = await read(given.src);
    try {
      document = renderer.parseDocument(given.src, body, type);
    } catch (error) {
      throw new Refusal(error.message);
    }
  }
  let result;
  try {
    result = renderer.snapshot({
      tag: given.tag,
      document,
      src: given.src,
      id: given.id,
      lang: given.lang,
      theme: given.theme,
      cssUrl:
        given['css-url'] ?? `https://unpkg.com/impact-widgets@${version}/dist/impact-widgets.css`,
      cssIntegrity: integrity['impact-widgets.css'],
    });
  } catch (error) {
    // A missing id is the --id option's; anything else, what the element would have said.
    throw new Refusal(
      `${error.cause === 'not-found' ? '--id' : `<${given.tag}>`}: ${error.message}`,
    );
  }
  for (const warning of result.warnings) console.error(`impact-widgets: warning: ${warning}`);
  if (given.output) write(given.output, result.html);
  else process.stdout.write(result.html);
}

main(process.argv.slice(2)).catch((error) => {
  // A Refusal is the user's to fix; anything else is a bug, and its stack helps report it.
  console.error(`impact-widgets: ${error instanceof Refusal ? error.message : error.stack}`);
  process.exitCode = error instanceof Refusal ? error.code : 1;
});
