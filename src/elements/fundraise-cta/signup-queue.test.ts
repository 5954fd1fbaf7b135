/**
 * The offline queue across real pages: tabs are popups the test page opens (`window.open`), top-level
 * browsing contexts of their own that share its origin, its `localStorage` and its Web Locks, and
 * run the element from source (test/pages/signup-tab.html). The network goes away and comes back in
 * Chromium's own emulation (`set-offline`, with `popups: true` for the tabs).
 */
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { ctaMessages } from './fundraise-cta.messages.js';
import './fundraise-cta.define.js';
import type { FundraiseCtaElement } from './fundraise-cta.js';
import { QUEUE_KEY, readQueue, type QueuedSignup } from './signup-controller.js';
import {
  absolute,
  described,
  fill,
  input,
  note,
  openForm,
  part,
  received,
  restoreNetwork,
  submit,
  uniqueEmail,
} from '../../../test/cta-helpers.js';
import { openForm as openFormIn, signUpAs } from '../../../test/signup-form.js';
import { watchPage } from '../../../test/watch-page.js';

const en = ctaMessages('en');
/** The limit: a queued sign-up is kept 7 days at most. */
const WEEK = 7 * 24 * 60 * 60 * 1000;

const tabs: Window[] = [];

/** A new tab of the same site, with the element defined; `?no-locks` is an older browser. */
async function tab(query = ''): Promise<Window> {
  const view = window.open(`/test/pages/signup-tab.html?${query}`, '_blank')!;
  tabs.push(view);
  await waitUntil(
    () =>
      view.location.pathname.endsWith('signup-tab.html') &&
      view.customElements.get('fundraise-cta'),
    'the tab did not load',
    { timeout: 5000 },
  );
  return view;
}

/** Reloads the tab and resolves once the new document has the element defined again. */
async function reload(view: Window): Promise<void> {
  const before = view.document;
  view.location.reload();
  await waitUntil(
    () => view.document !== before && view.customElements.get('fundraise-cta'),
    'the tab did not reload',
    { timeout: 5000 },
  );
}

/** A call to action in `view`, as a partner's markup puts it there. */
function ctaIn(view: Window, endpoint: string) {
  const el = view.document.createElement('fundraise-cta');
  el.setAttribute('data-endpoint', endpoint);
  view.document.body.append(el);
  return el;
}

const cta = (endpoint: string) =>
  fixture<FundraiseCtaElement>(html`<fundraise-cta data-endpoint=${endpoint}></fundraise-cta>`);

/** A sign-up as a person queued it while offline (the shape the controller stores). */
const queued = (
  endpoint: string,
  email: string,
  more: Partial<QueuedSignup> = {},
): QueuedSignup => ({
  endpoint: absolute(endpoint),
  encoding: 'json',
  body: { name: 'Queued', email, ctaId: 'start-fundraiser', submissionId: crypto.randomUUID() },
  queuedAt: Date.now(),
  ...more,
});

/**
 * Takes this page off the network for `ms`, and with `views`, those tabs with it. The runner's own
 * connection goes too: nothing may be asked of it until the `online` event.
 */
async function goOfflineFor(ms: number, views: Window[] = []) {
  const offline = Promise.all([window, ...views].map((view) => oneEvent(view, 'offline')));
  const popups = !!views.length;
  await executeServerCommand('set-offline', { offline: true, after: 50, for: ms, popups });
  await offline;
}

afterEach(async () => {
  tabs.splice(0).forEach((view) => view.close());
  await restoreNetwork();
});

describe('the offline sign-up queue', () => {
  describe('sent once', () => {
    it('two tabs sharing one queued sign-up come online together and send one POST', async () => {
      const [first, second] = await Promise.all([tab(), tab()]);
      const endpoint = absolute('/api/signups?tabs');
      const owner = ctaIn(first, endpoint);
      const bystander = ctaIn(second, endpoint);
      const email = uniqueEmail('two-tabs');
      await waitUntil(() => part(owner, 'button'), 'the tab rendered no button');
      await openFormIn(owner);
      const online = Promise.all([oneEvent(first, 'online'), oneEvent(second, 'online')]);
      await goOfflineFor(1000, [first, second]);
      signUpAs(owner, 'Two Tabs', email);
      await waitUntil(() => note(owner).textContent === en.offline, 'not queued');
      const [entry] = readQueue();
      await online;
      await waitUntil(() => part(owner, 'success'), 'the tab that queued it was not told', {
        timeout: 4000,
      });
      await aTimeout(500);

      const posts = await received(email);
      expect(posts).to.have.length(1);
      expect(JSON.parse(posts[0].body).submissionId).to.equal(entry.body.submissionId);
      expect(localStorage.getItem(QUEUE_KEY)).to.be.null;
      // Whichever tab sent it, the one that queued it thanks, and only that one.
      expect(part(bystander, 'success')).to.be.null;
    });

    for (const [name, query] of [
      ['with Web Locks', ''],
      ['without Web Locks, as in older browsers', 'no-locks'],
    ]) {
      it(`a reload, or a second tab, while the POST is in flight sends no second copy (${name})`, async () => {
        const email = uniqueEmail('reload');
        const endpoint = '/api/signups?delay=1500&reload';
        localStorage.setItem(QUEUE_KEY, JSON.stringify([queued(endpoint, email)]));
        const view = await tab(query);
        // The older browser really has no Web Locks, so the fallback is what runs.
        expect(!!view.navigator.locks).to.equal(!query);
        ctaIn(view, absolute(endpoint));
        await waitUntil(async () => (await received(email)).length === 1, 'not sent', {
          timeout: 4000,
        });
        await reload(view);
        ctaIn(view, absolute(endpoint));
        const other = await tab(query);
        ctaIn(other, absolute(endpoint));
        await aTimeout(2500);

        expect(await received(email)).to.have.length(1);
      });
    }
  });

  describe('after another element sent it', () => {
    /** Two calls to action on one page: the first created meets the `online` event first. */
    async function queueBehind(endpoint: string, email: string) {
      const sender = await cta(endpoint);
      const el = await cta(endpoint);
      await openForm(el);
      fill(el, 'Same Page', email);
      const online = oneEvent(window, 'online');
      await goOfflineFor(800);
      await submit(el);
      const offlineNote = note(el).textContent;
      return { sender, el, online, offlineNote };
    }

    it('the form that queued it stops saying it is offline, and thanks for the delivery', async () => {
      const email = uniqueEmail('same-page');
      const { sender, el, online, offlineNote } = await queueBehind(
        absolute('/api/signups?same-page'),
        email,
      );
      const signedUp = oneEvent(el, 'impact-signup');
      await online;
      const event = await signedUp;
      await el.updateComplete;

      expect(offlineNote).to.equal(en.offline);
      expect(part(el, 'success')).to.exist;
      expect(event.detail.delivery).to.equal('confirmed');
      // The element that sent it did so for the other form, not on its own behalf.
      expect(sender.shadowRoot!.querySelector('form')).to.be.null;
      const posts = await received(email);
      expect(posts).to.have.length(1);
      expect(event.detail.submissionId).to.equal(JSON.parse(posts[0].body).submissionId);
    });

    it('shows the refusal, and no thanks, when the service refused it', async () => {
      const error = 'This address cannot receive email';
      const body = encodeURIComponent(JSON.stringify({ error, field: 'email' }));
      const { el, online } = await queueBehind(
        absolute(`/api/signups?status=422&body=${body}`),
        uniqueEmail('refused'),
      );
      const refused = oneEvent(el, 'impact-signup-error');
      await online;
      const failure = (await refused).detail;
      await el.updateComplete;

      expect(failure).to.deep.equal({ id: 'start-fundraiser', cause: 'rejected', queued: false });
      expect(part(el, 'success')).to.be.null;
      expect(note(el).textContent).not.to.equal(en.offline);
      expect(described(el, input(el, 'email'))).to.equal(error);
    });
  });

  describe('for its own target', () => {
    it('a submit after data-endpoint changed never takes the place of what is queued for the old one', async () => {
      const first = uniqueEmail('first');
      const second = uniqueEmail('second');
      const el = await cta(absolute('/api/signups?old-endpoint'));
      await openForm(el);
      fill(el, 'First', first);
      const online = oneEvent(window, 'online');
      await goOfflineFor(1200);
      await submit(el);
      el.setAttribute('data-endpoint', absolute('/api/signups?new-endpoint'));
      await el.updateComplete;
      fill(el, 'Second', second);
      await submit(el);
      const queue = readQueue();
      await online;
      await waitUntil(() => part(el, 'success'), 'the second sign-up was not sent');
      // The old endpoint's entry waits for a page that still uses it.
      await fixture(
        html`<fundraise-cta data-endpoint="/api/signups?old-endpoint"></fundraise-cta>`,
      );
      await waitUntil(async () => (await received(first)).length === 1, 'the first was lost');

      expect(queue.map((entry) => new URL(entry.endpoint).search)).to.deep.equal([
        '?old-endpoint',
        '?new-endpoint',
      ]);
      const [[old], [now]] = await Promise.all([received(first), received(second)]);
      expect(new URL(old.url, location.href).search).to.equal('?old-endpoint');
      expect(new URL(now.url, location.href).search).to.equal('?new-endpoint');
      expect(JSON.parse(old.body).submissionId).not.to.equal(JSON.parse(now.body).submissionId);
      expect(await received(second)).to.have.length(1);
    });

    it('is sent by no call to action whose provider or field map differs', async () => {
      const email = uniqueEmail('service');
      const endpoint = '/api/signups?service';
      const entry = queued(endpoint, email, { provider: 'basin', fields: { name: 'full_name' } });
      localStorage.setItem(QUEUE_KEY, JSON.stringify([entry]));
      await fixture(html`<fundraise-cta data-endpoint=${endpoint}></fundraise-cta>`);
      await fixture(
        html`<fundraise-cta data-endpoint=${endpoint} data-provider="basin"></fundraise-cta>`,
      );
      await fixture(
        html`<fundraise-cta
          data-endpoint=${endpoint}
          data-provider="basin"
          data-fields="name:nom"
        ></fundraise-cta>`,
      );
      await aTimeout(300);
      const before = await received(email);
      await fixture(
        html`<fundraise-cta
          data-endpoint=${endpoint}
          data-provider="basin"
          data-fields="name:full_name"
        ></fundraise-cta>`,
      );
      await waitUntil(async () => (await received(email)).length === 1, 'not sent to its service');

      expect(before).to.be.empty;
      expect(JSON.parse((await received(email))[0].body).full_name).to.equal('Queued');
    });
  });

  describe('kept 7 days at most', () => {
    it('drops a sign-up queued over 7 days ago with one warning, and sends a younger one', async () => {
      const old = uniqueEmail('old');
      const young = uniqueEmail('young');
      const endpoint = '/api/signups?week';
      localStorage.setItem(
        QUEUE_KEY,
        JSON.stringify([
          queued(endpoint, old, { queuedAt: Date.now() - WEEK - 60_000 }),
          queued(endpoint, young, { queuedAt: Date.now() - WEEK + 60_000 }),
        ]),
      );
      const page = watchPage();
      try {
        await fixture(html`<fundraise-cta data-endpoint=${endpoint}></fundraise-cta>`);
        await fixture(html`<fundraise-cta data-endpoint=${endpoint}></fundraise-cta>`);
        await waitUntil(
          async () => (await received(young)).length === 1,
          'the young one was not sent',
        );
        await aTimeout(200);
      } finally {
        page.stop();
      }
      expect(await received(old)).to.be.empty;
      expect(page.warnings).to.have.length(1);
      expect(page.warnings[0]).to.match(/^<fundraise-cta>: .*queued offline.*7 days.*dropped/);
      expect(page.warnings[0]).not.to.contain(old);
      expect(localStorage.getItem(QUEUE_KEY)).to.be.null;
    });

    it("gives the previous version's entries, which have no time, 7 days from when it first sees them", async () => {
      const legacy = uniqueEmail('legacy');
      const entry = queued('/api/signups?legacy', legacy);
      delete entry.queuedAt;
      localStorage.setItem(QUEUE_KEY, JSON.stringify([entry]));
      const before = Date.now();
      // A call to action elsewhere on the site: it cleans the queue, and leaves this entry queued.
      await fixture(html`<fundraise-cta data-endpoint="/api/signups?not-legacy"></fundraise-cta>`);
      const [kept] = readQueue();

      expect(kept.body.email).to.equal(legacy);
      expect(kept.queuedAt).to.be.within(before, Date.now());
      expect(await received(legacy)).to.be.empty;
    });
  });
});
