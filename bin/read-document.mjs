/**
 * The study document a command is given (`--src`), read from a file or over HTTP(S) within caps,
 * and parsed by the renderer's own loader (dist/snapshot.mjs). The snapshot command and the demo
 * server's image cards (scripts/demo-card-image.mjs) read documents with it, so both refuse the
 * same documents in the same words.
 *
 * The caps are there because the renderer's cost grows with the text: a 200,000-character label
 * once made `--as svg` run for 24 s and abort out of memory. A document is a few kilobytes and a
 * card's longest words a few hundred characters, so the caps refuse no real study.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { Refusal } from './refusal.mjs';

/** The most a study document may weigh. */
export const MAX_DOCUMENT_BYTES = 1_000_000;
/** The longest text a field of a document (or an element's attribute) may hold, in characters. */
export const MAX_TEXT_LENGTH = 2000;

const FETCH_TIMEOUT_MS = 10_000;
/** Over the caps is the input's fault, as a bad option is: the command line's exit code 2. */
const OVER = 2;

const count = (n) => n.toLocaleString('en');
const tooLarge = (src) =>
  new Refusal(
    `--src ${src}: the document is over ${count(MAX_DOCUMENT_BYTES)} bytes (${MAX_DOCUMENT_BYTES / 1e6} MB), the most a study document may be`,
    OVER,
  );

const WHY = { ENOENT: 'no such file', EISDIR: 'it is a folder', EACCES: 'permission denied' };
const unreadable = (src, error) =>
  new Refusal(`${src} could not be read (${WHY[error.code] ?? error.message})`);

/** A file's text, read no further than one byte past the cap. */
function readFile(file, src) {
  let fd;
  try {
    fd = openSync(file, 'r');
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw unreadable(src, { code: 'EISDIR' });
    // Refused before a byte is read when the file says its size; a FIFO or a device does not,
    // and a file may grow meanwhile, so the reading stops at the cap too.
    if (stats.size > MAX_DOCUMENT_BYTES) throw tooLarge(src);
    const buffer = Buffer.alloc(MAX_DOCUMENT_BYTES + 1);
    let length = 0;
    let read;
    do {
      read = readSync(fd, buffer, length, buffer.length - length, null);
      length += read;
    } while (read && length < buffer.length);
    if (length > MAX_DOCUMENT_BYTES) throw tooLarge(src);
    return buffer.toString('utf8', 0, length);
  } catch (error) {
    throw error instanceof Refusal ? error : unreadable(src, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A response's body as text, read no further than the cap, declared or not. */
async function readBody(response, src) {
  if (Number(response.headers.get('content-length')) > MAX_DOCUMENT_BYTES) {
    await response.body?.cancel();
    throw tooLarge(src);
  }
  const chunks = [];
  let size = 0;
  try {
    for await (const chunk of response.body ?? []) {
      size += chunk.length;
      // Breaking out of the loop cancels the stream: the connection is not read any further.
      if (size > MAX_DOCUMENT_BYTES) break;
      chunks.push(chunk);
    }
  } catch (error) {
    throw new Refusal(
      error.name === 'TimeoutError'
        ? `${src} did not send the whole document within ${FETCH_TIMEOUT_MS / 1000} s`
        : `${src} broke off (${error.cause?.code ?? error.message})`,
    );
  }
  if (size > MAX_DOCUMENT_BYTES) throw tooLarge(src);
  return new TextDecoder().decode(Buffer.concat(chunks));
}

async function fetchText(src) {
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
    await response.body?.cancel();
    throw new Refusal(`${src} answered HTTP ${`${response.status} ${response.statusText}`.trim()}`);
  }
  return {
    body: await readBody(response, src),
    type: response.headers.get('content-type') ?? 'no content type',
  };
}

/** A key as a JSON path writes it: `.label`, or `["odd key"]`. */
const step = (path, key, inArray) =>
  inArray
    ? `${path}[${key}]`
    : /^[A-Za-z_$][\w$]*$/.test(key)
      ? `${path}.${key}`
      : `${path}[${JSON.stringify(key)}]`;

/**
 * Refuses the first text of `data`, in the document's order, that is over MAX_TEXT_LENGTH,
 * naming it by its JSON path (`stats[0].label`). A loop, not a recursion: a document nested
 * deeper than the stack is no crash.
 */
function checkTexts(data, src) {
  const pending = [[data, '$']];
  while (pending.length) {
    const [value, path] = pending.pop();
    if (typeof value === 'string') {
      if (value.length > MAX_TEXT_LENGTH) {
        throw new Refusal(
          `--src ${src}: ${path} is ${count(value.length)} characters long; a text field takes at most ${count(MAX_TEXT_LENGTH)}`,
          OVER,
        );
      }
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      for (const [key] of entries) {
        if (key.length > MAX_TEXT_LENGTH) {
          throw new Refusal(
            `--src ${src}: a key of ${path} is ${count(key.length)} characters long; a key takes at most ${count(MAX_TEXT_LENGTH)}`,
            OVER,
          );
        }
      }
      const inArray = Array.isArray(value);
      for (const [key, item] of entries.reverse()) pending.push([item, step(path, key, inArray)]);
    }
  }
}

/**
 * The study document `src` names, read within the caps and parsed by `renderer.parseDocument`:
 * from the file `file` when given (a server that maps `src` to its own file), else from `src`,
 * a file or an http(s) URL. Every failure is a Refusal in one line.
 * @param {{parseDocument: (url: string, body: string, type: string) => object}} renderer dist/snapshot.mjs
 * @param {string} src the document as the user named it
 * @param {{file?: string}} [options]
 */
export async function readDocument(renderer, src, { file } = {}) {
  const { body, type } =
    file !== undefined || !/^https?:\/\//i.test(src)
      ? { body: readFile(file ?? src, src), type: 'a file' }
      : await fetchText(src);
  let data;
  try {
    data = JSON.parse(body);
  } catch {
    // Not JSON: the renderer's loader says so in its words.
  }
  if (data !== undefined) checkTexts(data, src);
  try {
    return renderer.parseDocument(src, body, type);
  } catch (error) {
    throw new Refusal(error.message);
  }
}
