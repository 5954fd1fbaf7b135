/**
 * Owns one sign-up form's submission: the POST, its timeout, retries and the offline queue.
 *
 * A person who signed up must never have to type their details twice, and must never be signed up
 * twice. So one submission keeps one `submissionId` across every retry and every queued resend
 * (the endpoint can drop duplicates by it), a submission in flight blocks the next, and a failure
 * changes the status but never the form.
 *
 * Offline, the submission waits in `localStorage` (the only storage the bundle uses, and only in
 * this case) and goes out on the `online` event or, after a reload, as soon as an element with the
 * same endpoint connects. Storage can throw (disabled, full, private mode): then nothing is queued
 * and the person gets a Retry button instead. A queued entry keeps its provider and field map, so
 * it reaches its service in that service's form.
 *
 * Every service's answer is read the same way (providers.ts only writes the requests), so a person
 * meets the same behaviour whichever service the partner uses: a 2xx in the service's own kind of
 * answer is a confirmed sign-up, an opaque answer (a blind post) a sent one; a 4xx that names a
 * field or says why is shown there; a 429 waits for `Retry-After`; a 401, 403, 404, 405, 410, an
 * HTML 4xx or a 2xx unlike the service's answer (a catch-all or login page) is the partner's
 * set-up, never the person's details; a 5xx, a timeout or a request that never left gets a Retry.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from '../../internal/events.js';
import { readError, request, unlike, type Delivery } from './providers.js';

export type SignupEncoding = 'json' | 'form';
export type SignupStatus = 'idle' | 'open' | 'busy' | 'error' | 'queued' | 'success';
/**
 * `rejected`: a 4xx that blames the sign-up; `endpoint`: a 401, 403, 404, 405, 410, an HTML 4xx
 * or a 2xx unlike the service's answer, the partner's set-up and not the person's; `throttled`: a
 * 429; `server`: a 5xx; `network`: the request never left (refused, unreachable, CORS);
 * `offline`: no network, queued when storage allowed it; `trapped`: the honeypot was filled, so
 * nothing was sent (a bot, shown the thank-you so that it does not try again).
 */
export type SignupCause =
  'rejected' | 'endpoint' | 'throttled' | 'server' | 'timeout' | 'network' | 'offline' | 'trapped';
/** `confirmed`: the service's answer was read and was a success; `opaque`: sent blind. */
export type SignupDelivery = 'confirmed' | 'opaque';

export interface SignupProblem {
  cause: SignupCause;
  /** The HTTP status, when an answer was read. */
  status?: number;
  /** The service's own error text, for a 4xx with a JSON body. */
  message?: string;
  /** The form field the service blamed, under our name. */
  field?: string;
  /** For `throttled`: seconds until Retry works again (`Retry-After`, else 10). */
  wait?: number;
  /** For `endpoint` after a 2xx: what came instead of the service's answer (a type, a redirect). */
  answer?: string;
}

/** Where, how and for which call to action the host's form sends, read at each submission. */
export interface SignupTarget {
  endpoint?: string;
  encoding: SignupEncoding;
  /** A row of the provider table; `custom` when absent. */
  provider?: string;
  /** Our field names to the service's, the provider's defaults included. */
  fields?: Record<string, string>;
  id: string;
  /** How long to wait for the endpoint's answer; 15 s by default. */
  timeoutMs?: number;
}

/** A submission waiting for the network: the fields are kept, and encoded when sent. */
export type QueuedSignup = Delivery;

export const QUEUE_KEY = 'impact-widgets:signup-queue';

// Submission ids on their way, so two elements flushing the same queue send each entry once.
const sending = new Set<string>();

export function readQueue(): QueuedSignup[] {
  try {
    const queue: unknown = JSON.parse(localStorage.getItem(QUEUE_KEY) ?? '[]');
    // Another script, or another version of the bundle, may have left something else there.
    return Array.isArray(queue) ? queue.filter((entry) => entry?.body?.submissionId) : [];
  } catch {
    return [];
  }
}

/** Replaces this submission's entry (or only removes it, without `entry`); false if storage refused. */
function requeue(id: string, entry?: QueuedSignup): boolean {
  const queue = readQueue();
  const rest = queue.filter((queued) => queued.body.submissionId !== id);
  if (entry) rest.push(entry);
  else if (rest.length === queue.length) return true;
  try {
    if (rest.length) localStorage.setItem(QUEUE_KEY, JSON.stringify(rest));
    else localStorage.removeItem(QUEUE_KEY);
    return true;
  } catch {
    return false;
  }
}

export class SignupController implements ReactiveController {
  status: SignupStatus = 'idle';
  problem?: SignupProblem;
  /** How the last successful sign-up was delivered. */
  delivery?: SignupDelivery;
  /** Until this time (ms), after a 429, a retry is refused. */
  retryAt = 0;

  #submissionId?: string;
  #flushed?: string;
  #timer?: ReturnType<typeof setTimeout>;

  readonly #host: ReactiveControllerHost & EventTarget;
  readonly #target: () => SignupTarget;

  constructor(host: ReactiveControllerHost & EventTarget, target: () => SignupTarget) {
    this.#host = host;
    this.#target = target;
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('online', this.#flush);
  }

  hostDisconnected(): void {
    removeEventListener('online', this.#flush);
    clearTimeout(this.#timer);
    this.#flushed = undefined;
  }

  hostUpdated(): void {
    // The endpoint may come from a document that loads later; flush once it is known.
    const { endpoint } = this.#target();
    if (endpoint && endpoint !== this.#flushed) {
      this.#flushed = endpoint;
      this.#flush();
    }
  }

  /** Shows the form. */
  open(): void {
    this.#set('open');
  }

  /**
   * Sends the person's fields, once: ignored while a send is in flight, after success, and until
   * a 429's wait is over. A filled honeypot shows success without sending, because a bot that
   * sees an error tries again; the partner's `impact-signup-error` says `trapped`.
   */
  submit(fields: Record<string, string>, honeypot = ''): void {
    const { endpoint, encoding, provider, fields: map, id } = this.#target();
    if (!endpoint || this.status === 'busy' || this.status === 'success') return;
    if (Date.now() < this.retryAt) return;
    if (honeypot) {
      this.#set('success');
      return void emit(this.#host, 'impact-signup-error', { id, cause: 'trapped', queued: false });
    }
    const submissionId = (this.#submissionId ??= crypto.randomUUID());
    const data: Record<string, string> = {
      ...fields,
      ctaId: id,
      pageUrl: location.href,
      submissionId,
      consentAt: new Date().toISOString(),
    };
    // Cancelled: the partner sends it themselves, and the form stays as it is.
    if (!emit(this.#host, 'impact-signup-submit', { id, submissionId, data }, true)) return;
    const entry = { endpoint, encoding, provider, fields: map, body: data };
    if (navigator.onLine) void this.#deliver(entry);
    else this.#fail(entry, { cause: 'offline' });
  }

  #set(status: SignupStatus, problem?: SignupProblem): void {
    this.status = status;
    this.problem = problem;
    this.#host.requestUpdate();
  }

  #flush = (): void => {
    const { endpoint } = this.#target();
    if (!navigator.onLine) return;
    for (const entry of readQueue()) {
      if (entry.endpoint === endpoint) void this.#deliver(entry);
    }
  };

  async #deliver(entry: QueuedSignup): Promise<void> {
    const id = entry.body.submissionId;
    if (sending.has(id)) return;
    sending.add(id);
    const mine = id === this.#submissionId;
    if (mine) this.#set('busy');
    let problem: SignupProblem | undefined;
    let delivery: SignupDelivery = 'confirmed';
    try {
      const response = await fetch(entry.endpoint, {
        ...request(entry),
        signal: AbortSignal.timeout(this.#target().timeoutMs ?? 15_000),
      });
      const { status, headers } = response;
      // A blind post's answer is hidden; only a request that never left rejects.
      if (response.type === 'opaque') delivery = 'opaque';
      else if (!response.ok) {
        const cause =
          status === 429
            ? 'throttled'
            : status > 499
              ? 'server'
              : [401, 403, 404, 405, 410].includes(status) ||
                  /html/.test(headers.get('content-type')!)
                ? 'endpoint'
                : 'rejected';
        const after = headers.get('retry-after')!;
        problem = {
          cause,
          status,
          ...(cause === 'rejected' &&
            readError(await response.json().catch(() => 0), entry.fields)),
          ...(cause === 'throttled' && {
            // Seconds or an HTTP date; unreadable cross-origin unless the service exposes it.
            wait:
              Math.ceil(Math.max(Number(after) || (Date.parse(after) - Date.now()) / 1e3, 0)) || 10,
          }),
        };
      } else {
        const answer = await unlike(entry.provider, response);
        if (answer) problem = { cause: 'endpoint', status, answer };
      }
      // Sent, or refused for good: a 4xx other than a 429 will not change by sending it again.
      if (status < 500 && status !== 429) requeue(id);
    } catch (error) {
      const cause = (error as Error).name === 'TimeoutError' ? 'timeout' : 'network';
      problem = { cause: navigator.onLine ? cause : 'offline' };
    }
    sending.delete(id);
    if (!mine) return;
    if (problem) return this.#fail(entry, problem);
    this.#submissionId = undefined;
    this.delivery = delivery;
    this.#set('success');
    emit(this.#host, 'impact-signup', { id: entry.body.ctaId, submissionId: id, delivery });
  }

  #fail(entry: QueuedSignup, problem: SignupProblem): void {
    if (problem.wait) {
      this.retryAt = Date.now() + problem.wait * 1e3;
      this.#timer = setTimeout(() => this.#host.requestUpdate(), problem.wait * 1e3);
    }
    const queued = problem.cause === 'offline' && requeue(entry.body.submissionId, entry);
    this.#set(queued ? 'queued' : 'error', problem);
    emit(this.#host, 'impact-signup-error', {
      id: entry.body.ctaId,
      cause: problem.cause,
      queued,
    });
  }
}
