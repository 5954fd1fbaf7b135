import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { ReactiveElement } from 'lit';
import {
  QUEUE_KEY,
  readQueue,
  SignupController,
  type QueuedSignup,
  type SignupTarget,
} from './signup-controller.js';
import { restoreNetwork } from '../../../test/cta-helpers.js';

class SignupHost extends ReactiveElement {
  target: SignupTarget = { encoding: 'json', id: 'host-cta' };
  signup = new SignupController(this, () => this.target);
}
customElements.define('signup-host', SignupHost);

interface Received {
  url: string;
  type: string;
  body: string;
}

let count = 0;
const unique = (label: string) => `${label}-${Date.now()}-${count++}`;
const received = async (key: string): Promise<Received[]> =>
  (await fetch(`/api/received?key=${encodeURIComponent(key)}`)).json();
const absolute = (path: string) => new URL(path, location.href).href;

async function host(endpoint?: string): Promise<SignupHost> {
  const el = await fixture<SignupHost>(html`<signup-host></signup-host>`);
  el.target = { ...el.target, endpoint: endpoint && absolute(endpoint) };
  el.requestUpdate();
  await el.updateComplete;
  return el;
}

const entry = (
  endpoint: string,
  key: string,
  encoding: 'json' | 'form' = 'json',
): QueuedSignup => ({
  endpoint: absolute(endpoint),
  encoding,
  body: { name: 'Queued', email: `${key}@example.org`, submissionId: crypto.randomUUID() },
});

/** Counts writes to storage; wrapping the real methods keeps their behaviour. */
function watchStorage(fail = false) {
  const writes: string[] = [];
  const { setItem, removeItem } = Storage.prototype;
  Storage.prototype.setItem = function (key: string, value: string) {
    writes.push(`set ${key}`);
    if (fail) throw new DOMException('full', 'QuotaExceededError');
    setItem.call(this, key, value);
  };
  Storage.prototype.removeItem = function (key: string) {
    writes.push(`remove ${key}`);
    removeItem.call(this, key);
  };
  return {
    writes,
    stop() {
      Object.assign(Storage.prototype, { setItem, removeItem });
    },
  };
}

afterEach(restoreNetwork);

describe('SignupController', () => {
  it('sends nothing without an endpoint', async () => {
    const el = await host();
    const events: Event[] = [];
    el.addEventListener('impact-signup-submit', (event) => events.push(event));
    el.signup.submit({ name: 'Nobody', email: 'nobody@example.org' });
    expect(el.signup.status).to.equal('idle');
    expect(events).to.be.empty;
  });

  it('writes nothing to storage for a sign-up sent online', async () => {
    const storage = watchStorage();
    try {
      const key = unique('quiet');
      const el = await host('/api/signups');
      el.signup.open();
      el.signup.submit({ name: 'Quiet', email: `${key}@example.org` });
      expect(el.signup.status).to.equal('busy');
      await oneEvent(el, 'impact-signup');
      expect(el.signup.status).to.equal('success');
      expect(storage.writes).to.be.empty;
      expect(await received(key)).to.have.length(1);
    } finally {
      storage.stop();
    }
  });

  it('ignores submissions while one is in flight and after success', async () => {
    const key = unique('once');
    const el = await host('/api/signups?delay=200');
    el.signup.submit({ name: 'Once', email: `${key}@example.org` });
    el.signup.submit({ name: 'Twice', email: `${key}@example.org` });
    await oneEvent(el, 'impact-signup');
    el.signup.submit({ name: 'Thrice', email: `${key}@example.org` });
    await aTimeout(300);
    const posts = await received(key);
    expect(posts.map((post) => JSON.parse(post.body).name)).to.deep.equal(['Once']);
  });

  it('reads a 4xx body that is not the expected shape as a plain refusal', async () => {
    for (const body of ['null', '{"error":5,"field":["email"]}', '{"error":""}']) {
      const el = await host(`/api/signups?status=400&body=${encodeURIComponent(body)}`);
      el.signup.submit({ name: 'Odd', email: `${unique('odd')}@example.org` });
      await oneEvent(el, 'impact-signup-error');
      expect(el.signup.status).to.equal('error');
      expect(el.signup.problem).to.deep.equal({
        cause: 'rejected',
        status: 400,
        message: undefined,
        field: undefined,
      });
    }
  });

  it('uses the timeout its host gives', async () => {
    const el = await host('/api/signups?delay=1000');
    el.target = { ...el.target, timeoutMs: 100 };
    const started = Date.now();
    el.signup.submit({ name: 'Hurry', email: `${unique('hurry')}@example.org` });
    const event = await oneEvent(el, 'impact-signup-error');
    expect(event.detail.cause).to.equal('timeout');
    expect(Date.now() - started).to.be.below(900);
  });

  it('ignores what another script left under its storage key', async () => {
    const key = unique('valid');
    const valid = entry('/api/signups?valid', key);
    for (const stored of ['not json', '{"a":1}', '"text"']) {
      localStorage.setItem(QUEUE_KEY, stored);
      expect(readQueue()).to.deep.equal([]);
    }
    localStorage.setItem(
      QUEUE_KEY,
      JSON.stringify([null, 3, { endpoint: valid.endpoint }, { body: {} }, valid]),
    );
    expect(readQueue()).to.deep.equal([valid]);
    await host('/api/signups?valid');
    await waitUntil(async () => (await received(key)).length === 1, 'not delivered');
  });

  it('delivers the queue for its endpoint once, however many elements connect', async () => {
    const sent = unique('sent');
    const refused = unique('refused');
    const failing = unique('failing');
    const elsewhere = unique('elsewhere');
    const form = unique('form');
    const queue = [
      entry('/api/signups?flush', sent),
      entry('/api/signups?flush', form, 'form'),
      { ...entry('/api/signups?flush', refused), endpoint: absolute('/api/signups?status=422') },
      { ...entry('/api/signups?flush', failing), endpoint: absolute('/api/signups?status=503') },
      entry('/api/signups?elsewhere', elsewhere),
    ];
    localStorage.setItem(QUEUE_KEY, JSON.stringify(queue));
    const hosts = await Promise.all([
      host('/api/signups?flush'),
      host('/api/signups?flush'),
      host('/api/signups?status=422'),
      host('/api/signups?status=503'),
    ]);
    await waitUntil(() => readQueue().length === 2, 'the queue was not flushed');
    await aTimeout(200);
    expect(await received(sent)).to.have.length(1);
    const [formPost] = await received(form);
    expect(formPost.type).to.match(/^application\/x-www-form-urlencoded/);
    expect(await received(refused)).to.have.length(1);
    expect(await received(failing)).to.have.length(1);
    expect(await received(elsewhere)).to.be.empty;
    // A 4xx is dropped (sending it again cannot help); a 5xx stays for a later try.
    expect(readQueue().map((queued) => queued.body.email)).to.deep.equal([
      `${failing}@example.org`,
      `${elsewhere}@example.org`,
    ]);
    // The hosts did not send these sign-ups, so their own state is untouched.
    expect(hosts.map((el) => el.signup.status)).to.deep.equal(['idle', 'idle', 'idle', 'idle']);
  });

  it('keeps one queue entry per submission, and offers a retry when storage refuses', async () => {
    const el = await host('/api/signups?twice');
    const online = oneEvent(window, 'online');
    const offline = oneEvent(window, 'offline');
    await executeServerCommand('set-offline', { offline: true, after: 50, for: 800 });
    await offline;
    el.signup.submit({ name: 'First try', email: 'twice@example.org' });
    el.signup.submit({ name: 'Second try', email: 'twice@example.org' });
    const queue = readQueue();
    const status = el.signup.status;

    const other = await host('/api/signups?refused');
    const storage = watchStorage(true);
    const failed = oneEvent(other, 'impact-signup-error');
    try {
      other.signup.submit({ name: 'No room', email: 'full@example.org' });
    } finally {
      storage.stop();
    }
    const failure = (await failed).detail;
    const otherStatus = other.signup.status;
    await online;

    expect(status).to.equal('queued');
    expect(queue.map((queued) => queued.body.name)).to.deep.equal(['Second try']);
    expect(failure).to.deep.equal({ id: 'host-cta', cause: 'offline', queued: false });
    expect(otherStatus).to.equal('error');
  });

  it('stops listening for the network once disconnected', async () => {
    const key = unique('gone');
    const el = await host('/api/signups?gone');
    el.remove();
    localStorage.setItem(QUEUE_KEY, JSON.stringify([entry('/api/signups?gone', key)]));
    window.dispatchEvent(new Event('online'));
    await aTimeout(200);
    expect(await received(key)).to.be.empty;
    expect(readQueue()).to.have.length(1);
  });
});
