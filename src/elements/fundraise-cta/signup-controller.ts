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
 * and the person gets a Retry button instead.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from '../../internal/events.js';

export type SignupEncoding = 'json' | 'form';
export type SignupStatus = 'idle' | 'open' | 'busy' | 'error' | 'queued' | 'success';
/** `rejected`: a 4xx; `server`: a 5xx; `offline`: no network, queued when storage allowed it. */
export type SignupCause = 'rejected' | 'server' | 'timeout' | 'network' | 'offline';

export interface SignupProblem {
  cause: SignupCause;
  /** The endpoint's own `error` text, for a 4xx with a JSON body. */
  message?: string;
  /** The form field the endpoint blamed. */
  field?: string;
}

/** Where and for which call to action the host's form sends, read at each submission. */
export interface SignupTarget {
  endpoint?: string;
  encoding: SignupEncoding;
  id: string;
  /** How long to wait for the endpoint's answer; 15 s by default. */
  timeoutMs?: number;
}

/** A submission waiting for the network: the fields are kept, and encoded when sent. */
export interface QueuedSignup {
  endpoint: string;
  encoding: SignupEncoding;
  body: Record<string, string>;
}

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

  private __submissionId?: string;
  private __flushed?: string;

  constructor(
    private readonly __host: ReactiveControllerHost & EventTarget,
    private readonly __target: () => SignupTarget,
  ) {
    __host.addController(this);
  }

  hostConnected(): void {
    addEventListener('online', this.__flush);
  }

  hostDisconnected(): void {
    removeEventListener('online', this.__flush);
    this.__flushed = undefined;
  }

  hostUpdated(): void {
    // The endpoint may come from a document that loads later; flush once it is known.
    const { endpoint } = this.__target();
    if (endpoint && endpoint !== this.__flushed) {
      this.__flushed = endpoint;
      this.__flush();
    }
  }

  /** Shows the form. */
  open(): void {
    this.__set('open');
  }

  /**
   * Sends the person's fields, once: ignored while a send is in flight or after success. A filled
   * honeypot shows success without sending, because a bot that sees an error tries again.
   */
  submit(fields: Record<string, string>, honeypot = ''): void {
    const { endpoint, encoding, id } = this.__target();
    if (!endpoint || this.status === 'busy' || this.status === 'success') return;
    if (honeypot) return this.__set('success');
    const submissionId = (this.__submissionId ??= crypto.randomUUID());
    const data: Record<string, string> = {
      ...fields,
      ctaId: id,
      pageUrl: location.href,
      submissionId,
      consentAt: new Date().toISOString(),
    };
    // Cancelled: the partner sends it themselves, and the form stays as it is.
    if (!emit(this.__host, 'impact-signup-submit', { id, submissionId, data }, true)) return;
    const entry = { endpoint, encoding, body: data };
    if (navigator.onLine) void this.__deliver(entry);
    else this.__fail(entry, { cause: 'offline' });
  }

  private __set(status: SignupStatus, problem?: SignupProblem): void {
    this.status = status;
    this.problem = problem;
    this.__host.requestUpdate();
  }

  private __flush = (): void => {
    const { endpoint } = this.__target();
    if (!navigator.onLine) return;
    for (const entry of readQueue()) {
      if (entry.endpoint === endpoint) void this.__deliver(entry);
    }
  };

  private async __deliver(entry: QueuedSignup): Promise<void> {
    const id = entry.body.submissionId;
    if (sending.has(id)) return;
    sending.add(id);
    const mine = id === this.__submissionId;
    if (mine) this.__set('busy');
    let problem: SignupProblem | undefined;
    try {
      const json = entry.encoding !== 'form';
      const response = await fetch(entry.endpoint, {
        method: 'POST',
        // A urlencoded body needs no CORS preflight, which form services rarely answer.
        body: json ? JSON.stringify(entry.body) : new URLSearchParams(entry.body),
        headers: json ? { 'content-type': 'application/json' } : {},
        credentials: 'omit',
        signal: AbortSignal.timeout(this.__target().timeoutMs ?? 15_000),
      });
      if (!response.ok) {
        if (response.status < 500) {
          const { error, field } = Object(await response.json().catch(() => 0));
          problem = {
            cause: 'rejected',
            message: typeof error === 'string' && error ? error : undefined,
            field: typeof field === 'string' ? field : undefined,
          };
        } else problem = { cause: 'server' };
      }
      // Sent, or refused for good: a 4xx will not change by sending it again.
      if (response.status < 500) requeue(id);
    } catch (error) {
      const cause = (error as Error).name === 'TimeoutError' ? 'timeout' : 'network';
      problem = { cause: navigator.onLine ? cause : 'offline' };
    }
    sending.delete(id);
    if (!mine) return;
    if (problem) return this.__fail(entry, problem);
    this.__submissionId = undefined;
    this.__set('success');
    emit(this.__host, 'impact-signup', { id: entry.body.ctaId, submissionId: id });
  }

  private __fail(entry: QueuedSignup, problem: SignupProblem): void {
    const queued = problem.cause === 'offline' && requeue(entry.body.submissionId, entry);
    this.__set(queued ? 'queued' : 'error', problem);
    emit(this.__host, 'impact-signup-error', {
      id: entry.body.ctaId,
      cause: problem.cause,
      queued,
    });
  }
}
