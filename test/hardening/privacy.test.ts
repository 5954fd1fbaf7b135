/**
 * A whole demo session (demo/index.html as served, loading ../dist/impact-widgets.js) with
 * test/pages/privacy-probe.js injected as its first script: scrolled through, count-ups run, the
 * quotes rotated, a sign-up made through the call to action (answered by the demo's stand-in
 * endpoint), themes, language and attributes changed, elements added, moved and removed, the frame
 * resized, as a visitor and a partner's own scripts might. No cookie is set, no request goes to an
 * origin other than the page's own and those its `data-src` and `data-endpoint` attributes name,
 * no storage API is used beyond the page's allowance, and nothing is written to storage.
 */
import { aTimeout, expect, nextFrame, waitUntil } from '@open-wc/testing';
import { DEFAULT_DOCUMENT } from '../../src/data/default-document.js';
import { emulateMedia } from '@web/test-runner-commands';
import { closePages, fresh, openPage, part, rendered, TAGS, type BuiltPage } from './built-page.js';

/**
 * The storage APIs each page may reach for, reads included. The demo's call to action reads
 * localStorage for a sign-up queued while offline; online, as here, it writes nothing, and no
 * page may write to storage at all.
 */
const MAY_STORE: Record<string, string[]> = {
  '/demo/index.html': ['localStorage'],
};

/** Attributes that name where an element may send requests. */
const ENDPOINTS = ['data-src', 'data-endpoint'];

interface Probe {
  requests: string[];
  cookies: string[];
  storage: string[];
  writes: string[];
  errors: string[];
}
type ProbedPage = BuiltPage & { privacy: Probe };

async function cookieHeader(view: Window): Promise<string> {
  const response = await view.fetch('/api/cookies', { credentials: 'same-origin' });
  return ((await response.json()) as { cookie: string }).cookie;
}

/** The figure a stat shows on screen is the one it announces: its count-up is over. */
const counted = (el: Element) => {
  const [announced, shown] = part(el, 'value')?.children ?? [];
  return el.localName !== 'impact-stat' || (!!shown && shown.textContent === announced.textContent);
};

async function frames(view: Window, n = 2) {
  for (let i = 0; i < n; i++) await new Promise((resolve) => view.requestAnimationFrame(resolve));
}

afterEach(async () => {
  closePages();
  await emulateMedia({ colorScheme: 'light' });
});

describe('privacy over a demo session', () => {
  it('sets no cookie, asks no other origin, and stores nothing', async () => {
    const cookiesBefore = await cookieHeader(window);
    const page = (await openPage('/demo/index.html?first=privacy-probe', [800, 500])) as ProbedPage;
    const doc = page.document;
    const probe = page.privacy;
    const elements = () => [...doc.querySelectorAll<HTMLElement>(TAGS.join())];
    const allowed = new Set([page.location.origin]);
    const set = (el: Element, name: string, value: string) => {
      if (ENDPOINTS.includes(name)) allowed.add(new URL(value, doc.baseURI).origin);
      el.setAttribute(name, value);
    };
    await rendered(elements());

    // Scrolled through, slowly enough for every count-up to start, then run to the end.
    const height = doc.documentElement.scrollHeight;
    for (let y = 0; y <= height; y += 150) {
      page.scrollTo(0, y);
      await frames(page);
    }
    page.scrollTo(0, 0);
    await waitUntil(() => elements().every(counted), 'a count-up did not end', { timeout: 8000 });

    // The rotating quote is stepped through; a visitor signs up through the call to action.
    const rotating = elements().find((el) => part(el, 'controls'))!;
    for (const button of part(rotating, 'controls')!.querySelectorAll('button')) button.click();
    const cta = doc.querySelector('fundraise-cta')!;
    part(cta, 'button')!.click();
    await waitUntil(() => cta.shadowRoot!.querySelector('form'), 'the sign-up form did not open');
    const field = (name: string) =>
      cta.shadowRoot!.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
    field('name').value = 'Private Reader';
    field('email').value = `private-${Date.now()}@example.org`;
    cta.shadowRoot!.querySelector<HTMLButtonElement>('form button')!.click();
    await waitUntil(() => part(cta, 'success'), 'the sign-up did not succeed', { timeout: 5000 });
    expect(part(cta, 'success')!.textContent).to.contain(DEFAULT_DOCUMENT.ctas[0].signup!.success);
    const endpoint = new URL(cta.getAttribute('data-endpoint')!, doc.baseURI).href;
    expect(probe.requests, 'the sign-up was sent').to.include(endpoint);

    // The visitor's system theme changes; the partner's scripts restyle and rewrite the widgets.
    await emulateMedia({ colorScheme: 'dark' });
    for (const theme of ['dark', 'auto', 'light']) {
      elements().forEach((el) => set(el, 'data-theme', theme));
      await frames(page);
    }
    await emulateMedia({ colorScheme: 'light' });
    doc.documentElement.lang = 'fr';
    const [first, second, third, fourth] = elements();
    set(first, 'data-id', 'reduction-2012-2015');
    set(second, 'data-src', fresh('/fixtures/study.json'));
    set(second, 'data-id', 'households');
    const { url: elsewhere } = (await (await fetch('/fixtures/cross-origin')).json()) as {
      url: string;
    };
    set(third, 'data-src', elsewhere);
    fourth.remove();
    doc.querySelector('main')!.append(fourth);
    for (const tag of TAGS) doc.querySelector('main')!.append(doc.createElement(tag));
    page.frameElement!.setAttribute('width', '320');
    await frames(page, 4);
    page.frameElement!.setAttribute('width', '800');
    page.scrollTo(0, doc.documentElement.scrollHeight);
    await waitUntil(
      () => part(second, 'card') !== null && third.matches(':state(error)'),
      'the data-src documents did not settle',
      { timeout: 5000 },
    );
    await aTimeout(1500);

    // Requests: from the first (the bundle) on, only to the page's origin and the data-src ones.
    expect(probe.requests.some((url) => url.endsWith('/dist/impact-widgets.js'))).to.be.true;
    elements().forEach((el) =>
      ENDPOINTS.forEach((name) => {
        const value = el.getAttribute(name);
        if (value) allowed.add(new URL(value, doc.baseURI).origin);
      }),
    );
    const elsewhereRequests = probe.requests.filter((url) => !allowed.has(new URL(url).origin));
    expect(elsewhereRequests, 'requests to other origins').to.deep.equal([]);

    // Cookies: none written by script, none readable, none the server would be sent.
    expect(probe.cookies, 'cookie writes').to.deep.equal([]);
    expect(doc.cookie).to.equal('');
    expect(cookiesBefore).to.equal('');
    expect(await cookieHeader(page)).to.equal('');

    // Storage: nothing beyond the page's allowance, and no write at all.
    const allowance = MAY_STORE[page.location.pathname];
    expect(allowance, `MAY_STORE has no line for ${page.location.pathname}`).to.be.an('array');
    expect(probe.storage.filter((api) => !allowance.includes(api))).to.deep.equal([]);
    expect(probe.writes, 'storage writes').to.deep.equal([]);
    expect(probe.errors, 'uncaught errors').to.deep.equal([]);
  });

  it('would see a cookie, a request elsewhere, a storage API and a write (the probe works)', async () => {
    const page = (await openPage('/demo/index.html?first=privacy-probe')) as ProbedPage;
    const probe = page.privacy;
    const { url: elsewhere } = (await (await fetch('/fixtures/cross-origin')).json()) as {
      url: string;
    };
    const image = new page.Image();
    image.src = `${elsewhere}?probe=${Date.now()}`;
    page.document.cookie = 'probe=1; path=/';
    try {
      expect(await cookieHeader(page)).to.contain('probe=1');
    } finally {
      page.document.cookie = 'probe=; path=/; max-age=0';
    }
    void page.localStorage.length;
    void page.indexedDB;
    expect(probe.writes, 'a read is no write').to.deep.equal([]);
    try {
      page.localStorage.setItem('probe', '1');
      page.sessionStorage.probe = '1';
      // Recorded, and still done: the probe changes nothing the page does.
      expect(localStorage.getItem('probe')).to.equal('1');
      expect(sessionStorage.getItem('probe')).to.equal('1');
    } finally {
      page.localStorage.removeItem('probe');
      delete page.sessionStorage.probe;
    }
    await waitUntil(
      () => probe.requests.some((url) => url.startsWith(new URL(elsewhere).origin)),
      'the request to the other origin was not seen',
    );
    expect(probe.cookies).to.have.length(2);
    expect(probe.storage).to.include.members(['localStorage', 'indexedDB', 'sessionStorage']);
    expect(probe.writes).to.deep.equal([
      'localStorage.setItem',
      'sessionStorage.probe =',
      'localStorage.removeItem',
      'delete sessionStorage.probe',
    ]);
    expect([localStorage.getItem('probe'), sessionStorage.getItem('probe')]).to.deep.equal([
      null,
      null,
    ]);
    await nextFrame();
    expect(await cookieHeader(page)).to.equal('');
  });
});
