#!/usr/bin/env node
/**
 * `npx impact-widgets snapshot <tag> …`: an element pre-rendered as HTML, for pages that should show
 * the card before (or without) the script; or its card as newsletter HTML (`--as email`), or as an
 * image (`--as svg`, `--as png`), for where no script goes. Reads the command line and the
 * document here; the card comes from the elements' own templates in dist/snapshot.mjs
 * (src/snapshot/snapshot.ts).
 *
 * Bad input (an unknown element or option, a missing id, a document that cannot be read or is not
 * a study document, a card a format cannot carry) gets one line on stderr and a non-zero exit,
 * and nothing is written.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const TAGS = ['impact-stat', 'study-quote', 'fundraise-cta'];
const THEMES = ['light', 'dark', 'auto'];
const FORMATS = ['html', 'email', 'svg', 'png'];
/** Formats for a card outside a page: no reader's system setting for `auto` to follow. */
const OUTSIDE = ['email', 'svg', 'png'];
/** Options that only some formats take. */
const ONLY = { 'css-url': ['html'], width: ['svg', 'png'] };
const WIDTHS = [300, 2400];
const FETCH_TIMEOUT_MS = 10_000;

const USAGE = `Usage: impact-widgets snapshot <tag> [options]

Prints an element's card, as --as says:
  html    the element pre-rendered: the element, its card in a declarative shadow root, and the
          card's words as light-DOM fallback. The card shows before the script loads, and
          without it; once the script loads, the element takes the card over.
  email   the card as newsletter HTML: one table at most 600 px wide, inline styles only, no
          script, style sheet or SVG. A call to action's button links to its button.href.
  svg     the card as an image, 1200x630 (a social post's preview) or --width wide, drawn with
  png     the fonts in this package. The image's alternative text (the card's words) is printed
          on standard output when -o writes the image, else on standard error.

  <tag>               ${TAGS.join(', ')}
  --src FILE-or-URL   the study document (default: the embedded study); written as the element's
                      data-src, so publish the file where the page finds it by that URL
  --id ID             the item's id (default: the first item of the element's kind)
  --lang L            the element's language, a BCP 47 tag (default: the document's)
  --theme T           ${THEMES.join(', ')} (default: light; email and images take light or dark)
  --as FORMAT         ${FORMATS.join(', ')} (default: html)
  --css-url URL       html: where the card's stylesheet, dist/impact-widgets.css, is served
                      (default: https://unpkg.com/impact-widgets@${version}/dist/impact-widgets.css);
                      the link carries its integrity hash, so serve this version's file unchanged
  --width PX          svg, png: the image's width, ${WIDTHS.join(' to ')} (default: 1200; 600 for a
                      newsletter); the height follows at 1200x630's ratio
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
        width: { type: 'string' },
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
  for (const name of ['src', 'id', 'lang', 'css-url', 'width', 'output']) {
    if (values[name] !== undefined && !values[name].trim()) {
      throw new Refusal(`--${name} is empty`, 2);
    }
  }
  for (const [name, formats] of Object.entries(ONLY)) {
    if (values[name] !== undefined && !formats.includes(values.as)) {
      throw new Refusal(`--${name} is for --as ${formats.join(' or ')}, not --as ${values.as}`, 2);
    }
  }
  if (values.theme === 'auto' && OUTSIDE.includes(values.as)) {
    throw new Refusal(
      `--theme auto follows the reader's system setting, which only a page can read: --as ${values.as} takes light or dark`,
      2,
    );
  }
  if (values.width !== undefined) {
    const width = Number(values.width);
    if (!Number.isInteger(width) || width < WIDTHS[0] || width > WIDTHS[1]) {
      throw new Refusal(
        `--width "${values.width}" is not a whole number from ${WIDTHS.join(' to ')}`,
        2,
      );
    }
    values.width = width;
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

/** Writes the whole output (text, or an image's bytes) or nothing: no partial file is left behind. */
function write(file, data) {
  const partial = join(dirname(file), `.${basename(file)}.${process.pid}.partial`);
  try {
    writeFileSync(partial, data);
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
  let document;
  if (given.src) {
    const { body, type } = await read(given.src);
    try {
      document = renderer.parseDocument(given.src, body, type);
    } catch (error) {
      throw new Refusal(error.message);
    }
  }
  const card = {
    tag: given.tag,
    document,
    src: given.src,
    id: given.id,
    lang: given.lang,
    theme: given.theme,
  };
  let result;
  try {
    result = await RENDER[given.as](renderer, card, given);
  } catch (error) {
    // A missing id is the --id option's; anything else, what the element (or the format) said.
    throw new Refusal(
      `${error.cause === 'not-found' ? '--id' : `<${given.tag}>`}: ${error.message}`,
    );
  }
  for (const warning of result.warnings) console.error(`impact-widgets: warning: ${warning}`);
  if (given.output) write(given.output, result.output);
  else process.stdout.write(result.output);
  // Standard output is the image's unless -o took it.
  if (result.alt !== undefined) {
    if (given.output) console.log(result.alt);
    else console.error(`impact-widgets: alt text: ${result.alt}`);
  }
}

/** Each format's render: what to write, its alternative text if it has one, and the warnings. */
const RENDER = {
  html: (renderer, card, given) => {
    // The stylesheet's hash pins the link, wherever --css-url serves the file from: the reader's
    // browser then refuses a changed copy, as it does a changed script.
    let integrity;
    try {
      integrity = JSON.parse(readFileSync(new URL('../dist/integrity.json', import.meta.url)));
    } catch {
      throw new Refusal('dist/integrity.json is missing; build the package first (npm run build)');
    }
    const { html, warnings } = renderer.snapshot({
      ...card,
      cssUrl:
        given['css-url'] ?? `https://unpkg.com/impact-widgets@${version}/dist/impact-widgets.css`,
      cssIntegrity: integrity['impact-widgets.css'],
    });
    return { output: html, warnings };
  },
  email: (renderer, card) => {
    const { html, warnings } = renderer.emailSnapshot(card);
    return { output: html, warnings };
  },
  svg: image,
  png: image,
};

async function image(renderer, card, given) {
  const { image, alt, warnings } = await renderer.imageSnapshot({
    ...card,
    format: given.as,
    width: given.width,
  });
  return { output: image, alt, warnings };
}

main(process.argv.slice(2)).catch((error) => {
  // A Refusal is the user's to fix; anything else is a bug, and its stack helps report it.
  console.error(`impact-widgets: ${error instanceof Refusal ? error.message : error.stack}`);
  process.exitCode = error instanceof Refusal ? error.code : 1;
});
