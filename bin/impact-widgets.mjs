#!/usr/bin/env node
/**
 * `npx impact-widgets snapshot <tag> …`: an element pre-rendered as HTML, for pages that should show
 * the card before (or without) the script; or its card as newsletter HTML (`--as email`), or as an
 * image (`--as svg`, `--as png`), for where no script goes. Reads the command line and the
 * document here; the card comes from the elements' own templates in dist/snapshot.mjs
 * (src/snapshot/snapshot.ts). `npx impact-widgets publish …` (bin/publish.mjs) writes a share
 * page for every item of a document.
 *
 * Bad input (an unknown element or option, a missing id, a document that cannot be read, is over
 * the caps of bin/read-document.mjs or is not a study document, a card a format cannot carry)
 * gets one line on stderr and a non-zero exit, and nothing is written. `-o` writes as
 * bin/write-output.mjs says.
 */
import { readFileSync } from 'node:fs';
import { publish, PUBLISH_USAGE } from './publish.mjs';
import { readDocument } from './read-document.mjs';
import { Refusal } from './refusal.mjs';
import {
  cardOptions,
  imageOf,
  options,
  renderRefusal,
  requireImageTools,
  USAGE,
  version,
} from './snapshot-options.mjs';
import { writeOutput } from './write-output.mjs';

async function main(args) {
  if (args[0] === 'publish') return publish(args.slice(1));
  const given = options(args);
  if (given.help) return void console.log(`${USAGE}\n\n${PUBLISH_USAGE}`);
  if (given.version) return void console.log(version);
  requireImageTools(given.as, args);
  let renderer;
  try {
    renderer = await import('../dist/snapshot.mjs');
  } catch (error) {
    if (error.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new Refusal('dist/snapshot.mjs is missing; build the package first (npm run build)');
  }
  const document = given.src && (await readDocument(renderer, given.src));
  const card = cardOptions(given, document);
  let result;
  try {
    result = await RENDER[given.as](renderer, card, given);
  } catch (error) {
    throw renderRefusal(error, given);
  }
  for (const warning of result.warnings) console.error(`impact-widgets: warning: ${warning}`);
  if (given.output) writeOutput(given.output, result.output);
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
  const { image, alt, warnings } = await imageOf(renderer, card, given);
  return { output: image, alt, warnings };
}

main(process.argv.slice(2)).catch((error) => {
  // A Refusal is the user's to fix; anything else is a bug, and its stack helps report it.
  console.error(`impact-widgets: ${error instanceof Refusal ? error.message : error.stack}`);
  process.exitCode = error instanceof Refusal ? error.code : 1;
});
