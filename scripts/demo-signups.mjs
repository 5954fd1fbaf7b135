/**
 * `POST /demo-api/signups`: the stand-in sign-up endpoint behind the demo's `<fundraise-cta>`,
 * mounted by `npm start` (scripts/serve.mjs) and by the browser tests' server (test/server.js), so
 * the demo posts to the same code under both.
 *
 * It answers as a real endpoint of the element's own contract (src/elements/fundraise-cta/
 * signup-controller.ts) would: a JSON or urlencoded body with name, email, ctaId, pageUrl,
 * submissionId and consentAt; 201 when a sign-up is taken, and a repeated submissionId (a retry,
 * or a queued resend) is a success that is not counted again; a refusal is a 4xx with
 * `{error, field}`, whose `error` the element shows to the reader at that field.
 *
 * It keeps nothing a person typed: names and emails are checked, then dropped. Only submission
 * ids are remembered (to drop duplicates), and only they are logged.
 */

/** A sign-up is a few hundred bytes; the page URL is the only long field. */
export const MAX_BODY_BYTES = 8 * 1024;
/** How much of a body over the limit is read (and dropped) before the connection is cut. */
const DRAIN_BYTES = 1024 * 1024;

/** Enough to recognise resends of recent sign-ups without growing for ever. */
const REMEMBERED_IDS = 10_000;

/** The body parsers, by media type (what comes before any `;` parameter). */
const PARSERS = {
  'application/json': (text) => {
    const body = JSON.parse(text);
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new SyntaxError();
    return body;
  },
  'application/x-www-form-urlencoded': (text) => Object.fromEntries(new URLSearchParams(text)),
};

/** Lax on purpose, as a form service is: something@domain.tld, no spaces. */
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

const text = (value, max) =>
  typeof value === 'string' && value.trim() !== '' && value.length <= max;

/**
 * What each field must be, in the order the form shows them, so the first refusal names the field
 * the reader meets first. `error` is what the element shows under that field.
 */
const FIELDS = [
  { field: 'name', valid: (v) => text(v, 200), error: 'Please enter your name.' },
  {
    field: 'email',
    valid: (v) => text(v, 254) && EMAIL.test(v.trim()),
    error: 'Please enter a valid email address.',
  },
  {
    // Logged, so it may hold nothing a person typed: the element sends a UUID.
    field: 'submissionId',
    valid: (v) => typeof v === 'string' && /^[\w-]{1,100}$/.test(v),
    error: 'The sign-up has no valid submission id.',
  },
  {
    field: 'consentAt',
    valid: (v) => text(v, 40) && !Number.isNaN(Date.parse(v)),
    error: 'The sign-up has no consent time.',
  },
];

const json = (status, body, headers = {}) => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(body),
});

/**
 * The request body's text, or `undefined` when it is over `MAX_BODY_BYTES`. The rest of a large
 * body is read and dropped rather than cut off, because a client still sending when the
 * connection closes never sees the 413; past `DRAIN_BYTES` the connection is dropped instead.
 */
function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    request.on('data', (chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else if (size > DRAIN_BYTES) request.destroy(new Error('sign-up body far over the limit'));
    });
    request.on('end', () =>
      resolve(size <= MAX_BODY_BYTES ? Buffer.concat(chunks).toString('utf8') : undefined),
    );
    request.on('error', reject);
    request.on('close', () => reject(new Error('the request broke off')));
  });
}

/**
 * Makes a stand-in endpoint with its own memory of submission ids.
 * @param {{log?: (line: string) => void}} [options] where the one line per sign-up goes
 * @returns {(request: import('node:http').IncomingMessage) => Promise<{status: number, headers: Record<string, string>, body: string}>}
 *   the answer to one request, for the caller to send its own way (node:http or koa)
 */
export function createDemoSignups({ log = console.log } = {}) {
  const seen = new Set();

  return async function answer(request) {
    if (request.method !== 'POST') {
      return json(405, { error: 'Sign-ups are sent with POST.' }, { allow: 'POST' });
    }
    const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const parse = Object.hasOwn(PARSERS, type) ? PARSERS[type] : undefined;
    // Read (within bounds) even when refused, so the answer reaches a client still sending.
    const raw = await readBody(request);
    if (!parse) {
      return json(415, { error: `Send the sign-up as ${Object.keys(PARSERS).join(' or ')}.` });
    }
    if (raw === undefined) {
      return json(413, { error: `A sign-up is at most ${MAX_BODY_BYTES} bytes.` });
    }
    let body;
    try {
      body = parse(raw);
    } catch {
      return json(400, { error: 'The sign-up could not be read.' });
    }
    for (const { field, valid, error } of FIELDS) {
      if (!valid(body[field])) return json(400, { error, field });
    }
    const { submissionId } = body;
    if (seen.has(submissionId)) {
      log(`demo sign-up received again: ${submissionId} (not counted twice)`);
      return json(200, { ok: true, submissionId, duplicate: true });
    }
    seen.add(submissionId);
    // A Set iterates in insertion order: the first id is the oldest.
    if (seen.size > REMEMBERED_IDS) seen.delete(seen.values().next().value);
    log(`demo sign-up received: ${submissionId}`);
    return json(201, { ok: true, submissionId, duplicate: false });
  };
}
