/**
 * `-o FILE`: a command's whole output, written where FILE says, for the snapshot command and each
 * file of the publish command's site.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Refusal } from './snapshot-options.mjs';

/** Writes the whole output (text, or an image's bytes) or nothing: no partial file is left behind. */
export function writeOutput(file, data) {
  const partial = join(dirname(file), `.${basename(file)}.${process.pid}.partial`);
  try {
    writeFileSync(partial, data);
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new Refusal(`${file} could not be written (${error.code ?? error.message})`);
  }
}
