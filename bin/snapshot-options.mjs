/**
 * The snapshot command's options: its usage, and the command line read into what
 * dist/snapshot.mjs is given. bin/impact-widgets.mjs runs the command with them; the demo server's
 * image cards (scripts/demo-card-image.mjs) read their query string with them, so both refuse the
 * same input in the same words and draw the same card.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { MAX_DOCUMENT_BYTES, MAX_TEXT_LENGTH } from './read-document.mjs';
import { Refusal } from './refusal.mjs';

export const { version, devDependencies } = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
);
const TAGS = ['impact-stat', 'study-quote', 'fundraise-cta'];
const THEMES = ['light', 'dark', 'auto'];
const FORMATS = ['html', 'email', 'svg', 'png'];
/** Formats for a card outside a page: no reader's system setting for `auto` to follow. */
const OUTSIDE = ['email', 'svg', 'png'];
/** Options that only some formats take. */
const ONLY = { 'css-url': ['html'], width: ['svg', 'png'], font: ['svg', 'png'] };
const WIDTHS = [300, 2400];

export const USAGE = `Usage: impact-widgets snapshot <tag> [options]

Prints an element's card, as --as says:
  html    the element pre-rendered: the element, its card in a declarative shadow root, and the
          card's words as light-DOM fallback. The card shows before the script loads, and
          without it; once the script loads, the element takes the card over.
  email   the card as newsletter HTML: one table at most 600 px wide, inline styles only, no
          script, style sheet or SVG. A call to action's button links to its button.href.
  svg     the card as an image, 1200x630 (a social post's preview) or --width wide, drawn with
  png     the fonts in this package (Latin, Greek, Cyrillic, Vietnamese, Hebrew, Arabic,
          Devanagari, Thai and Khmer scripts) and those --font adds. The image's alternative
          text (the card's words) is printed on standard output when -o writes the image, else
          on standard error. Both need harfbuzzjs (and png @resvg/resvg-js) installed; the
          command names what to install.

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
  --font FILE         svg, png: a TrueType or OpenType font for the characters this package's
                      fonts lack; repeatable
  -o, --output FILE   write to FILE instead of standard output: all of it or nothing; a link's
                      target, a FIFO or a device (/dev/null) is written as what it is
  -v, --version       print the version
  -h, --help          show this help

A document is at most ${MAX_DOCUMENT_BYTES / 1e6} MB, and each of its texts at most ${MAX_TEXT_LENGTH} characters.`;

export function options(args) {
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
        font: { type: 'string', multiple: true },
        output: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
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
  if (values.version) return { version: true };
  const [command, tag, ...extra] = positionals;
  if (command !== 'snapshot') {
    throw new Refusal(
      command
        ? `unknown command "${command}"; the commands are snapshot and publish (see impact-widgets --help)`
        : 'no command given; the commands are snapshot and publish (see impact-widgets --help)',
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
    if (values[name]?.length > MAX_TEXT_LENGTH) {
      throw new Refusal(`--${name} is over ${MAX_TEXT_LENGTH} characters`, 2);
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
  return { tag, ...values, fonts: readFonts(values.font) };
}

/**
 * The `--font` files, read: a missing or unreadable one is refused here, naming it, before any
 * card is drawn. Whether each is a font, the renderer says (`useFonts`).
 */
export function readFonts(paths = []) {
  return paths.map((path) => {
    try {
      return { name: path, data: readFileSync(path) };
    } catch (error) {
      throw new Refusal(`--font "${path}" could not be read (${error.code ?? error.message})`, 2);
    }
  });
}

/** Gives the renderer the `--font` files; one that is not a font is refused, naming it. */
export async function useFonts(renderer, fonts) {
  if (!fonts?.length) return;
  try {
    await renderer.addImageFonts(fonts);
  } catch (error) {
    throw new Refusal(`--font: ${error.message}`, 2);
  }
}

/** What dist/snapshot.mjs is given for the card the options name, from `document` (read from --src). */
export const cardOptions = (given, document) => ({
  tag: given.tag,
  document,
  src: given.src,
  id: given.id,
  lang: given.lang,
  theme: given.theme,
});

/**
 * An error of the renderer, as the command words it: a missing id is the --id option's, anything
 * else what the element (or the format) said.
 */
export const renderRefusal = (error, given) =>
  error instanceof Refusal
    ? error
    : new Refusal(`${error.cause === 'not-found' ? '--id' : `<${given.tag}>`}: ${error.message}`);

/**
 * What each image format draws with. Optional peer dependencies (HarfBuzz in WebAssembly, and
 * resvg's native module), so an app that uses only the elements installs neither; html and email
 * need none.
 */
const IMAGE_TOOLS = { svg: ['harfbuzzjs'], png: ['harfbuzzjs', '@resvg/resvg-js'] };

/**
 * Whether this copy runs from npx's own cache (`npx impact-widgets` where no project installed
 * it): npm unpacks it into <cache>/_npx/<hash>/node_modules and writes `_npx` into the
 * package.json beside that. There `npm install` adds nothing npx loads; only `npx -p` does.
 */
function inNpxCache() {
  try {
    const beside = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url)));
    return '_npx' in beside;
  } catch {
    return false;
  }
}

/** An argument as a POSIX shell reads it back: quoted unless it holds only plain characters. */
const shellWord = (arg) =>
  /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;

/**
 * Refuses a format whose packages are not installed, with the one command that installs them: in
 * a project, `npm install`; from npx's cache, the same command (`args`, what follows
 * `impact-widgets`) run by `npx` with them added. `user` is what needs them, as the refusal names it.
 */
export function requireImageTools(format, args, user = `--as ${format}`) {
  const missing = (IMAGE_TOOLS[format] ?? []).filter((name) => {
    try {
      import.meta.resolve(name);
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length === 0) return;
  // The versions this release is tested with.
  const packages = missing.map((name) => `${name}@${devDependencies[name]}`);
  const command = inNpxCache()
    ? [
        'npx',
        ...[`impact-widgets@${version}`, ...packages].flatMap((name) => ['-p', name]),
        'impact-widgets',
        ...args.map(shellWord),
      ].join(' ')
    : `npm install --save-dev ${packages.join(' ')}`;
  throw new Refusal(
    `${user} draws with ${missing.join(' and ')}, which ${missing.length > 1 ? 'are' : 'is'} not installed: ${command}`,
    2,
  );
}

/**
 * The image card the options name, as the command draws it (`--as svg` or `png`, `--width`,
 * `--font`).
 */
export async function imageOf(renderer, card, given) {
  await useFonts(renderer, given.fonts);
  return renderer.imageSnapshot({ ...card, format: given.as, width: given.width });
}
