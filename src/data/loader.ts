/**
 * Loads study documents named by `data-src`.
 *
 * A page may hold twenty widgets on one document, so each absolute URL is requested once: the
 * in-flight promise and then the loaded document are shared. A failed load is forgotten, so the
 * next element to ask tries again (a flaky network should not doom the rest of the page). A fetch
 * that no element waits for any more is aborted, so a removed widget leaves no request or timer.
 * Requests carry no credentials: a public study needs none, and a partner's cookies must never
 * travel to a document host.
 */
import { isServer } from 'lit';
import { validateStudyDocument, type StudyDocument } from './schema.js';

export type LoadErrorCause = 'network' | 'timeout' | 'http' | 'not-json' | 'schema' | 'not-found';

/** A load or lookup failure with a message a partner can act on. */
export class StudyLoadError extends Error {
  constructor(
    override readonly cause: LoadErrorCause,
    message: string,
  ) {
    super(message);
    this.name = 'StudyLoadError';
  }

  /** The attribute a partner should look at: `data-id` for a missing item, else `data-src`. */
  get attribute(): 'data-id' | 'data-src' {
    return this.cause === 'not-found' ? 'data-id' : 'data-src';
  }
}

export const DEFAULT_TIMEOUT_MS = 10_000;

/** What the page shares for one URL (the build shortens `__` names). */
interface Shared {
  __document: Promise<StudyDocument>;
  /** The document itself, when the snapshot command handed it over: a server render cannot wait. */
  __loaded?: StudyDocument;
  /** Callers still waiting with a signal; a caller without one waits for good. */
  __waiting: number;
  /** Abandons the fetch; gone once it succeeds, when there is nothing left to abandon. */
  __abort?: () => void;
}

const documents = new Map<string, Shared>();

/**
 * Resolves `src` against the page, the key under which its document is shared. A server render
 * has no page: there `src` is resolved against a fixed base, the same for the snapshot command
 * that preloads the document and for the element that looks it up.
 */
export function absoluteUrl(src: string): string {
  return new URL(src, isServer ? 'file:///' : document.baseURI).href;
}

/** The document at `src` if the snapshot command handed it over (preloadStudyDocument). */
export function loadedStudyDocument(src: string): StudyDocument | undefined {
  try {
    return documents.get(absoluteUrl(src))?.__loaded;
  } catch {
    return undefined;
  }
}

/**
 * Hands the document at `src` to every element that asks for it, without a fetch: the snapshot
 * command reads the document itself, so its server render shows what the live element shows.
 */
export function preloadStudyDocument(src: string, document: StudyDocument): void {
  documents.set(absoluteUrl(src), {
    __document: Promise.resolve(document),
    __loaded: document,
    __waiting: 0,
  });
}

/**
 * The document at `src`, fetched at most once per page while the first fetch succeeds. Aborting
 * `signal` says the caller no longer waits; when no caller does, the fetch is aborted.
 */
export function loadStudyDocument(
  src: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
  signal?: AbortSignal,
): Promise<StudyDocument> {
  let url: string;
  try {
    url = absoluteUrl(src);
  } catch {
    return Promise.reject(new StudyLoadError('network', `"${src}" is not a valid URL`));
  }
  let found = documents.get(url);
  if (!found) {
    const controller = new AbortController();
    const entry: Shared = { __document: fetchDocument(url, timeoutMs, controller), __waiting: 0 };
    // Only this entry: a newer one for the same URL may have replaced it.
    const forget = () => documents.get(url) === entry && documents.delete(url);
    entry.__abort = () => {
      forget();
      controller.abort();
    };
    entry.__document.then(() => (entry.__abort = undefined), forget);
    documents.set(url, (found = entry));
  }
  const shared = found;
  shared.__waiting++;
  signal?.addEventListener(
    'abort',
    () => {
      // An element moved to another container leaves and comes back within one task: wait for
      // the end of it before giving the fetch up.
      if (!--shared.__waiting && shared.__abort) {
        setTimeout(() => shared.__waiting || shared.__abort?.());
      }
    },
    { once: true },
  );
  return shared.__document;
}

/**
 * The text of the page's own copy of the document at `url`, if it carries one:
 * `<script type="application/json" data-impact-src="URL">`. A data block runs nothing, so a strict
 * CSP allows it; and it needs no request, where a page cannot make one: a frame sandboxed without
 * `allow-same-origin` (WordPress's oEmbed frames) has an opaque origin, so a fetch of its own
 * site's document is cross-origin and fails unless that host sends CORS headers.
 */
function pageCopy(url: string): string | undefined {
  for (const block of document.querySelectorAll<HTMLScriptElement>(
    'script[type="application/json"][data-impact-src]',
  )) {
    try {
      if (absoluteUrl(block.dataset.impactSrc!) === url) return block.text;
    } catch {
      // Not a URL: not the copy of this one.
    }
  }
  return undefined;
}

async function fetchDocument(
  url: string,
  timeoutMs: number,
  controller: AbortController,
): Promise<StudyDocument> {
  const copy = isServer ? undefined : pageCopy(url);
  if (copy !== undefined) return parseDocument(url, copy, 'the page’s own copy');
  const { signal } = controller;
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let body: string;
  let type: string;
  try {
    const response = await fetch(url, {
      credentials: 'omit',
      headers: { accept: 'application/json' },
      signal,
    });
    if (!response.ok) {
      const status = `${response.status} ${response.statusText}`.trim();
      throw new StudyLoadError('http', `${url} answered HTTP ${status}`);
    }
    type = response.headers.get('content-type') ?? 'no content type';
    // Read inside the timeout too: a server that trickles its body is as stuck as one that never answers.
    body = await response.text();
  } catch (error) {
    if (error instanceof StudyLoadError) throw error;
    // Aborted by the timeout; or because no caller waits any more, and then nobody reads this.
    if (signal.aborted) {
      throw new StudyLoadError('timeout', `${url} did not answer within ${timeoutMs / 1000} s`);
    }
    throw new StudyLoadError(
      'network',
      `${url} could not be reached; a document on another origin must be served with CORS headers (Access-Control-Allow-Origin)`,
    );
  } finally {
    clearTimeout(timer);
  }
  return parseDocument(url, body, type);
}

/**
 * The study document in a body that came from `url` with content type `type`, or the error an
 * element reports for it. The snapshot command checks the documents it reads with it too, so it
 * refuses one with the element's own words.
 */
export function parseDocument(url: string, body: string, type: string): StudyDocument {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    const looksLikeHtml = /^\s*</.test(body);
    throw new StudyLoadError(
      'not-json',
      `${url} is not JSON (${looksLikeHtml ? 'it looks like an HTML page' : 'it does not parse'}, served as ${type})`,
    );
  }
  const result = validateStudyDocument(data);
  if (!result.ok) throw new StudyLoadError('schema', `${url}: ${result.message}`);
  return result.document;
}
