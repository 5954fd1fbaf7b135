/**
 * `-o FILE`: a command's whole output written where FILE says, and nowhere else, for the snapshot
 * command and the commands that will share it.
 *
 * A new path or a regular file gets the output through a temporary file renamed over it, so a
 * reader never sees half a file and a failure leaves the old one. Anything else is written as
 * what it is: renaming over it would put a regular file in its place. A symbolic link's target
 * is written (the link stays a link), a FIFO or a character device (/dev/null, /dev/stdout) is
 * written in place. Everything else is refused, as `cp` refuses to write through a dangling link.
 */
import {
  chmodSync,
  chownSync,
  closeSync,
  constants,
  lstatSync,
  openSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Refusal } from './refusal.mjs';

const cannot = (file, error) =>
  new Refusal(`${file} could not be written (${error.code ?? error.message})`);

/** What a path is that -o does not write, in words. */
const KINDS = [
  ['isDirectory', 'a folder'],
  ['isBlockDevice', 'a block device'],
  ['isSocket', 'a socket'],
];
const kindOf = (stats) => KINDS.find(([is]) => stats[is]())?.[1] ?? 'not a file';

/**
 * Writes `data` to `file` (as the user named it, for the messages) at `target`, through a
 * temporary file beside it renamed over it. An existing file keeps its mode and, when the command
 * runs as root, its owner: the output replaces the file's content, not what it is.
 */
function replace(file, target, data, stats) {
  const partial = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
  let created = false;
  try {
    // `wx`: a path someone else put there (a link, in a shared folder) is never written through.
    writeFileSync(partial, data, { flag: 'wx' });
    created = true;
    if (stats) {
      chmodSync(partial, stats.mode & 0o7777);
      if (process.getuid?.() === 0) chownSync(partial, stats.uid, stats.gid);
    }
    renameSync(partial, target);
  } catch (error) {
    if (created) rmSync(partial, { force: true });
    throw cannot(file, error);
  }
}

/** Writes `data` into what `target` already is, creating nothing and truncating nothing. */
function inPlace(file, target, data) {
  let fd;
  try {
    // No O_CREAT: should the FIFO or device go meanwhile, no regular file takes its place.
    fd = openSync(target, constants.O_WRONLY);
    writeFileSync(fd, data);
  } catch (error) {
    throw cannot(file, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Writes the whole output (text, or an image's bytes) to `file`, or refuses in one line and
 * writes nothing.
 * @param {string} file the path -o names
 * @param {string | Uint8Array} data
 */
export function writeOutput(file, data) {
  let stats;
  try {
    stats = lstatSync(file);
  } catch (error) {
    if (error.code === 'ENOENT') return replace(file, file, data);
    throw cannot(file, error);
  }
  let target = file;
  let link = '';
  if (stats.isSymbolicLink()) {
    link = `a symbolic link to ${readlinkSync(file)}, which is `;
    try {
      target = realpathSync(file);
      stats = statSync(target);
    } catch (error) {
      const why = { ENOENT: 'missing', ELOOP: 'a loop of links' }[error.code];
      if (!why) throw cannot(file, error);
      throw new Refusal(
        `${file} is ${link}${why}: -o writes through a link only to an existing file`,
      );
    }
  }
  if (stats.isFile()) return replace(file, target, data, stats);
  if (stats.isFIFO() || stats.isCharacterDevice()) return inPlace(file, target, data);
  throw new Refusal(
    `${file} is ${link}${kindOf(stats)}: -o writes a file, a FIFO or a character device`,
  );
}
