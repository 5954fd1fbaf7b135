/**
 * The study document a command is given (`--src`), read from a file or over HTTP(S) and parsed by
 * the renderer's own loader (dist/snapshot.mjs). The snapshot and publish commands both read it
 * here, so both refuse the same documents in the same words.
 */
import { readFileSync } from 'node:fs';
import { Refusal } from './snapshot-options.mjs';

const FETCH_TIMEOUT_MS = 10_000;

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

/**
 * The study document `src` names (a file or an http(s) URL), parsed by `renderer.parseDocument`.
 * Every failure is a Refusal in one line.
 */
export async function readDocument(renderer, src) {
  const { body, type } = await read(src);
  try {
    return renderer.parseDocument(src, body, type);
  } catch (error) {
    throw new Refusal(error.message);
  }
}
