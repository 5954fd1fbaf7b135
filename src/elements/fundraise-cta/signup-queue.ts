/**
 * The offline queue: sign-ups waiting in `localStorage` for the network. Every page of the origin
 * that runs the bundle shares it, so every tab, and the page after a reload, may find the same
 * entry. Plain functions, so the controller keeps the request and the person's form.
 *
 * - **Kept a week at most.** A sign-up not sent within `MAX_AGE` is dropped (the controller warns):
 *   the person has long stopped expecting it, and their details should not stay on the device.
 * - **For its own target.** An entry goes only to the endpoint, service and field map it was
 *   typed for (`typedFor`), sent by the form it was typed in or by a call to action that has
 *   that same target, never by one whose endpoint or service changed.
 * - **Sent once.** A page sends an entry only holding a Web Lock named after it, taken if available
 *   (a page that finds it taken leaves the entry to the page that holds it), and only after
 *   reading the queue again under that lock (`claim`), so a page that comes second finds the entry
 *   gone. The claim marks the entry as in flight until the request's timeout, and every page
 *   leaves a marked entry alone until then: a reload while the POST is in flight drops the lock
 *   with the page, not the mark, and sends no second copy. After the timeout, the entry may go
 *   again with the same `submissionId`, by which the endpoint can drop a copy.
 * - **Without Web Locks** (browsers before 2022), the claim still reads, checks, marks and writes
 *   in one synchronous step: atomic between the elements of a page, and a page that opens while
 *   another's request is in flight (a reload, a second tab) leaves it alone. Only two tabs that
 *   read the queue within the moment it takes a write to reach the other may both send; the
 *   shared `submissionId` is then the endpoint's way to drop the copy.
 */
import type { Delivery } from './providers.js';

export const QUEUE_KEY = 'impact-widgets:signup-queue';

/** How long a sign-up may wait in the queue: 7 days, in ms. */
export const MAX_AGE = 7 * 24 * 60 * 60 * 1000;

/** A submission waiting for the network: the fields are kept, and encoded when sent. */
export interface QueuedSignup extends Delivery {
  /** When it was first queued (ms). Entries of the previous version have none. */
  queuedAt?: number;
  /** While a page's request for it may still be in flight (ms): other pages leave it alone. */
  sendingUntil?: number;
}

/**
 * The target a submission was typed for, as one comparable string: its endpoint, and the service
 * and field map that say what its fields mean there. (`custom`'s encoding only says how they are
 * written, and an entry is always written its own way.)
 */
export const typedFor = ({ endpoint, provider = 'custom', fields = {} }: Partial<Delivery>) =>
  JSON.stringify([endpoint, provider, Object.entries(fields).sort()]);

export function readQueue(): QueuedSignup[] {
  try {
    const queue: unknown = JSON.parse(localStorage.getItem(QUEUE_KEY) ?? '[]');
    // Another script, or another version of the bundle, may have left something else there.
    return Array.isArray(queue) ? queue.filter((entry) => entry?.body?.submissionId) : [];
  } catch {
    return [];
  }
}

/** False if storage refused. */
function write(queue: QueuedSignup[]): boolean {
  try {
    if (queue.length) localStorage.setItem(QUEUE_KEY, JSON.stringify(queue));
    else localStorage.removeItem(QUEUE_KEY);
    return true;
  } catch {
    return false;
  }
}

const byId = (queue: QueuedSignup[], id: string) =>
  queue.find((entry) => entry.body.submissionId === id);

/** Queues the entry in place of any with its `submissionId`; false if storage refused. */
export function requeue(entry: QueuedSignup): boolean {
  const id = entry.body.submissionId;
  return write([
    ...readQueue().filter((queued) => queued.body.submissionId !== id),
    { ...entry, queuedAt: entry.queuedAt ?? Date.now(), sendingUntil: undefined },
  ]);
}

/** Whether this submission waits in the queue. */
export const isQueued = (id: string) => !!byId(readQueue(), id);

/**
 * Marks the entry as in flight until `until` and returns it; undefined when it is gone (sent, or
 * dropped) or another page's request for it may still be on its way.
 */
export function claim(id: string, until: number): QueuedSignup | undefined {
  const queue = readQueue();
  const entry = byId(queue, id);
  if (!entry || (entry.sendingUntil ?? 0) > Date.now()) return undefined;
  entry.sendingUntil = until;
  write(queue);
  return entry;
}

/** After a request: drops the entry once it was sent or refused for good, else frees it. */
export function settle(id: string, done: boolean): void {
  const queue = readQueue();
  const entry = byId(queue, id);
  if (!entry) return;
  delete entry.sendingUntil;
  write(done ? queue.filter((queued) => queued !== entry) : queue);
}

/** Drops the entries queued more than `MAX_AGE` ago, and returns them. */
export function expire(): QueuedSignup[] {
  const now = Date.now();
  const queue = readQueue();
  // The previous version kept no time. Its entries are counted from the first time this version
  // sees them: their age is unknown, and dropping them at once could lose one typed yesterday.
  const stamped = queue.filter((entry) => !entry.queuedAt);
  stamped.forEach((entry) => (entry.queuedAt = now));
  const old = queue.filter((entry) => now - entry.queuedAt! > MAX_AGE);
  if (old.length || stamped.length) write(queue.filter((entry) => !old.includes(entry)));
  return old;
}

/**
 * Runs `send` holding the Web Lock named after the entry, or not at all while another page of the
 * origin holds it (that page is sending it). Without the Web Locks API it runs at once.
 */
export function locked(id: string, send: () => Promise<void>): Promise<unknown> {
  return navigator.locks
    ? navigator.locks.request(`${QUEUE_KEY}:${id}`, { ifAvailable: true }, (lock) => lock && send())
    : send();
}
