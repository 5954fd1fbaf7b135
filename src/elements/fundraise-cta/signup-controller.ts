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
 * same target connects. Storage can throw (disabled, full, private mode): then nothing is queued
 * and the person gets a Retry button instead. signup-queue.ts says what the queue guarantees: an
 * entry keeps the endpoint, provider and field map it was typed for and goes nowhere else, is
 * sent once however many tabs share it, even across a reload mid-request, and is dropped with a
 * warning after 7 days. A submission belongs to its target: once `data-endpoint`, `data-provider`
 * or `data-fields` change, a submission queued for the old target stays queued for it, and the
 * next submit is a new one. Whichever page sends a queued entry, the form that queued it hears the outcome
 * (a `BroadcastChannel` reaches the other tabs and the other elements of its own page), so it
 * stops saying it is offline: it thanks for a sign-up that was delivered, or shows the refusal.
 * Only the origin and path of the page go with a sign-up: its query string and fragment may hold
 * tokens (a password reset's, an access token) that no sign-up service or storage should keep.
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
import { warnOnce } from '../../internal/warn.js';
import { readError, request, unlike } from './providers.js';
import {
  claim,
  expire,
  isQueued,
  locked,
  MAX_AGE,
  QUEUE_KEY,
  readQueue,
  requeue,
  settle,
  typedFor,
  type QueuedSignup,
} from './signup-queue.js';

export { QUEUE_KEY, readQueue, type QueuedSignup };

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

/** What the page that sent a queued entry tells the form that queued it, wherever it is. */
type Outcome = [submissionId: string, problem?: SignupProblem, delivery?: SignupDelivery];

export class SignupController implements ReactiveController {
  status: SignupStatus = 'idle';
  problem?: SignupProblem;
  /** How the last successful sign-up was delivered. */
  delivery?: SignupDelivery;
  /** Until this time (ms), after a 429, a retry is refused. */
  retryAt = 0;

  /** The submission this form made last and has not seen delivered: retries resend it. */
  #entry?: QueuedSignup;
  #flushed?: string;
  #timer?: ReturnType<typeof setTimeout>;
  #channel?: BroadcastChannel;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #target: () => SignupTarget;

  constructor(host: ReactiveControllerHost & HTMLElement, target: () => SignupTarget) {
    this.#host = host;
    this.#target = target;
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('online', this.#flush);
    this.#channel = new BroadcastChannel(QUEUE_KEY);
    this.#channel.onmessage = ({ data: [id, problem, delivery] }: MessageEvent<Outcome>) => {
      if (id === this.#entry?.body.submissionId) this.#done(this.#entry, problem, delivery);
    };
  }

  hostDisconnected(): void {
    removeEventListener('online', this.#flush);
    this.#channel?.close();
    clearTimeout(this.#timer);
    this.#flushed = undefined;
  }

  hostUpdated(): void {
    // The endpoint may come from a document that loads later; flush once it is known.
    const target = this.#target();
    if (target.endpoint && typedFor(target) !== this.#flushed) {
      this.#flushed = typedFor(target);
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
    const target = { endpoint, encoding, provider, fields: map };
    // A retry is the same submission, even to an endpoint the partner has since fixed. But one
    // queued for a target stays that target's: a submit after the target changed is a new
    // submission, and never takes the queued one's place.
    const last = this.#entry?.body.submissionId;
    const submissionId =
      last && (typedFor(this.#entry!) === typedFor(target) || !isQueued(last))
        ? last
        : crypto.randomUUID();
    const data: Record<string, string> = {
      ...fields,
      ctaId: id,
      pageUrl: location.origin + location.pathname,
      submissionId,
      consentAt: new Date().toISOString(),
    };
    // Cancelled: the partner sends it themselves, and the form stays as it is.
    if (!emit(this.#host, 'impact-signup-submit', { id, submissionId, data }, true)) return;
    const entry = (this.#entry = { ...target, body: data });
    if (navigator.onLine) void this.#send(entry);
    else this.#fail(entry, { cause: 'offline' });
  }

  #set(status: SignupStatus, problem?: SignupProblem): void {
    this.status = status;
    this.problem = problem;
    this.#host.requestUpdate();
  }

  /** Sends what waits for this form's target, and this form's own submission wherever it goes. */
  #flush = (): void => {
    if (!navigator.onLine) return;
    for (const { queuedAt } of expire()) {
      warnOnce(
        `<${this.#host.localName}>: a sign-up queued offline at ${new Date(queuedAt!).toISOString()} ` +
          `was not sent within ${MAX_AGE / 864e5} days, so it was dropped`,
      );
    }
    const target = typedFor(this.#target());
    for (const entry of readQueue()) {
      const mine = entry.body.submissionId === this.#entry?.body.submissionId;
      if (mine || typedFor(entry) === target) void this.#send(entry);
    }
  };

  #timeout = () => this.#target().timeoutMs ?? 15_000;

  /** A submission never queued goes at once; a queued one only as signup-queue.ts allows. */
  async #send(entry: QueuedSignup): Promise<void> {
    const id = entry.body.submissionId;
    if (!isQueued(id)) return this.#deliver(entry);
    await locked(id, async () => {
      if (claim(id, Date.now() + this.#timeout())) await this.#deliver(entry);
    });
  }

  async #deliver(entry: QueuedSignup): Promise<void> {
    const id = entry.body.submissionId;
    const mine = id === this.#entry?.body.submissionId;
    if (mine) this.#set('busy');
    let problem: SignupProblem | undefined;
    let delivery: SignupDelivery = 'confirmed';
    let done = false;
    try {
      const response = await fetch(entry.endpoint, {
        ...request(entry),
        signal: AbortSignal.timeout(this.#timeout()),
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
      done = status < 500 && status !== 429;
    } catch (error) {
      const cause = (error as Error).name === 'TimeoutError' ? 'timeout' : 'network';
      problem = { cause: navigator.onLine ? cause : 'offline' };
    }
    settle(id, done);
    if (mine) this.#done(entry, problem, delivery);
    else if (done) {
      const channel = new BroadcastChannel(QUEUE_KEY);
      channel.postMessage([id, problem, delivery] satisfies Outcome);
      channel.close();
    }
  }

  #done(entry: QueuedSignup, problem?: SignupProblem, delivery?: SignupDelivery): void {
    if (problem) return this.#fail(entry, problem);
    this.#entry = undefined;
    this.delivery = delivery;
    this.#set('success');
    emit(this.#host, 'impact-signup', {
      id: entry.body.ctaId,
      submissionId: entry.body.submissionId,
      delivery,
    });
  }

  #fail(entry: QueuedSignup, problem: SignupProblem): void {
    if (problem.wait) {
      this.retryAt = Date.now() + problem.wait * 1e3;
      this.#timer = setTimeout(() => this.#host.requestUpdate(), problem.wait * 1e3);
    }
    const queued = problem.cause === 'offline' && requeue(entry);
    this.#set(queued ? 'queued' : 'error', problem);
    emit(this.#host, 'impact-signup-error', {
      id: entry.body.ctaId,
      cause: problem.cause,
      queued,
    });
  }
}
