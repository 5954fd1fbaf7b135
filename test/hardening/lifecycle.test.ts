/**
 * Elements coming and going on a page that loads the built bundle twice (the classic copy first,
 * then the module): parsed before either script ran, added after, moved between containers while
 * loading, counting up, rotating or signing up, removed mid-fetch. No error, no warning but the one
 * about the second copy, and nothing left behind: test/pages/leftovers.js, loaded before the
 * bundle, counts pending timers and frames (a stat's count-up, a quote's rotation), observers (a
 * quote's ResizeObserver and MutationObserver, the page's language observer), media-query and
 * window/document listeners (a call to action's `online`) and fetches.
 */
import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { openForm, signUpAs } from '../signup-form.js';
import {
  closePages,
  fresh,
  hits,
  openPage,
  part,
  rendered,
  TAGS,
  type BuiltPage,
} from './built-page.js';

let page: BuiltPage;

/** Network and timers take their time on a busy machine. */
const PATIENT = { timeout: 5000 };

const all = () => [...page.document.querySelectorAll(TAGS.join())];
const container = (id: string) => page.document.getElementById(id)!;

/** What every element of a tag gets: the embedded call to action has no endpoint, and warns. */
const BASE: Record<string, Record<string, string>> = {
  'fundraise-cta': { 'data-endpoint': '/api/signups' },
};

function create(tag: string, attributes: Record<string, string> = {}) {
  const el = page.document.createElement(tag);
  for (const [name, value] of Object.entries({ ...BASE[tag], ...attributes })) {
    el.setAttribute(name, value);
  }
  return el;
}

/** The counts are back where they were before the bundle ran, soon (not after a slow answer). */
async function leavesNothing(timeout = 1000) {
  const { leftovers } = page;
  const same = () => JSON.stringify(leftovers.counts()) === JSON.stringify(leftovers.baseline);
  await waitUntil(same, undefined, { timeout }).catch(() => undefined);
  expect(leftovers.counts(), 'left behind').to.deep.equal(leftovers.baseline);
}

/** The page said nothing but that the second copy of the bundle leaves the first in charge. */
function quiet() {
  expect(page.record.errors, 'uncaught errors').to.deep.equal([]);
  expect(page.record.warnings).to.have.length(1);
  expect(page.record.warnings[0]).to.contain('already defined');
}

/** The figure a stat shows on screen is the one it announces: no count-up is under way. */
const showsFigure = (stat: Element) => {
  const [announced, shown] = part(stat, 'value')?.children ?? [];
  return !!shown && shown.textContent === announced.textContent;
};

/** The parsed elements rendered, then gone: the counts below are the tested element's alone. */
async function clearPage() {
  await rendered(all());
  all().forEach((el) => el.remove());
  await leavesNothing(3000);
}

afterEach(closePages);

describe('the built bundle, loaded twice, as elements come and go', () => {
  beforeEach(async () => {
    page = await openPage('/pages/lifecycle.html');
  });

  it('upgrades the elements parsed before it ran and renders those added after', async () => {
    const parsed = all();
    expect(parsed).to.have.length.above(0);
    await rendered(parsed);
    const added = TAGS.flatMap((tag) => [
      create(tag),
      create(tag, { 'data-src': fresh('/fixtures/study.json') }),
    ]);
    container('second').append(...added);
    await rendered(added);
    all().forEach((el) => el.remove());
    await leavesNothing();
    quiet();
  });

  it('keeps one fetch for elements moved while loading, and leaves nothing once they go', async () => {
    const src = fresh('/fixtures/slow.json?ms=400');
    const els = TAGS.map((tag) => create(tag, { 'data-src': src }));
    container('first').append(...els);
    await waitUntil(() => page.leftovers.counts().fetches === 1, 'the fetch did not start');
    container('second').append(...els);
    await rendered(els);
    expect(await hits(src)).to.equal(1);
    all().forEach((el) => el.remove());
    await leavesNothing();
    quiet();
  });

  it('ends a count-up on the figure when the stat is moved mid-way, with no frame left', async () => {
    await clearPage();
    const stat = create('impact-stat', { 'data-id': 'reduction-2012-2015' });
    container('second').prepend(stat);
    await rendered([stat]);
    await waitUntil(() => page.leftovers.counts().animationFrames > 0, 'no count-up started');
    expect(showsFigure(stat), 'mid-way').to.be.false;
    container('first').prepend(stat);
    await waitUntil(() => showsFigure(stat), 'the moved stat does not show its figure');
    // Moved again once counted: nothing starts again.
    container('second').prepend(stat);
    await aTimeout(50);
    expect(showsFigure(stat)).to.be.true;
    all().forEach((el) => el.remove());
    await leavesNothing();
    quiet();
  });

  it('aborts the shared fetch, and clears its timer, when the last element waiting leaves', async () => {
    await clearPage();
    const src = fresh('/fixtures/slow.json?ms=4000');
    const els = TAGS.flatMap((tag) => [1, 2].map(() => create(tag, { 'data-src': src })));
    container('first').append(...els);
    await waitUntil(async () => (await hits(src)) === 1, 'the request did not arrive');
    expect(page.leftovers.counts().fetches).to.equal(1);
    expect(page.leftovers.counts().timeouts).to.be.above(page.leftovers.baseline.timeouts);
    // One element still waits: the fetch goes on.
    els[0].remove();
    await aTimeout(100);
    expect(page.leftovers.counts().fetches).to.equal(1);
    els.forEach((el) => el.remove());
    // Well before the answer (4 s) would have ended the fetch.
    await leavesNothing(1000);
    quiet();
    // The next element to ask tries again.
    const again = create(TAGS[0], { 'data-src': src });
    container('second').append(again);
    await waitUntil(async () => (await hits(src)) === 2, 'no second request');
    again.remove();
    await leavesNothing();
  });

  it('starts nothing for an element changed while out of the page, and finishes once back', async () => {
    await clearPage();
    // On screen, so seen, while its document loads; then out, and given the default document.
    const stat = create('impact-stat', { 'data-src': fresh('/fixtures/slow.json?ms=300') });
    container('first').prepend(stat);
    await waitUntil(() => page.leftovers.counts().fetches === 1, 'the fetch did not start');
    await aTimeout(100);
    stat.remove();
    stat.removeAttribute('data-src');
    await aTimeout(100);
    expect(page.leftovers.counts().animationFrames, 'frames while out').to.equal(0);
    container('second').prepend(stat);
    await waitUntil(() => showsFigure(stat), 'the stat does not show its figure once back', {
      timeout: 3000,
    });
    stat.remove();
    await leavesNothing();
    quiet();
  });
  it('keeps one rotation timer for a quote, moved or not, and none once it goes', async () => {
    await clearPage();
    const { baseline } = page.leftovers;
    const timers = () => page.leftovers.counts().timeouts - baseline.timeouts;
    const quote = create('study-quote', {
      'data-id': 'ed-wilson pol-phie-they',
      'data-interval': '0.3',
    });
    const shown = () => part(quote, 'text')!.textContent!.trim();
    container('first').append(quote);
    await rendered([quote]);
    expect(timers(), 'rotating').to.equal(1);
    const first = shown();
    await waitUntil(() => shown() !== first, 'the quote did not rotate', PATIENT);
    expect(timers(), 'after a turn').to.equal(1);
    // Moved mid-rotation: still one timer, and still turning.
    container('second').append(quote);
    expect(timers(), 'moved').to.equal(1);
    const second = shown();
    await waitUntil(() => shown() !== second, 'the moved quote did not rotate', PATIENT);
    expect(timers(), 'after a turn, moved').to.equal(1);
    quote.remove();
    await leavesNothing();
    quiet();
  });

  it("observes a clamped quote's size, its blockquote and the page's language only while it is in the page", async () => {
    await clearPage();
    const { baseline } = page.leftovers;
    const observing = () => {
      const counts = page.leftovers.counts();
      return [
        counts.resizeObservers - baseline.resizeObservers,
        counts.mutationObservers - baseline.mutationObservers,
      ];
    };
    const quote = create('study-quote', { 'data-author': 'A. Blogger', 'data-clamp': '2' });
    quote.append(
      Object.assign(page.document.createElement('blockquote'), { textContent: 'Words' }),
    );
    container('first').append(quote);
    await rendered([quote]);
    // Its size, its blockquote, and the page's language (one observer for every element).
    await waitUntil(
      () => `${observing()}` === '1,2',
      'not observing its text, its blockquote and the language, once each',
      PATIENT,
    );
    // Moved: observed again once, not twice.
    container('second').append(quote);
    await waitUntil(
      () => `${observing()}` === '1,2',
      'not observing them once each once moved',
      PATIENT,
    );
    quote.querySelector('blockquote')!.textContent = 'Other words';
    await waitUntil(
      () => part(quote, 'text')?.textContent?.trim() === 'Other words',
      undefined,
      PATIENT,
    );
    quote.remove();
    await leavesNothing();
    quiet();
  });

  it('listens for the network only while a call to action is in the page', async () => {
    await clearPage();
    const { baseline } = page.leftovers;
    const listening = () => page.leftovers.counts().windowListeners - baseline.windowListeners;
    const ctas = [1, 2].map(() => create('fundraise-cta'));
    container('first').append(...ctas);
    await rendered(ctas);
    // One `online` listener each, to send a queued sign-up when the network is back.
    expect(listening()).to.equal(2);
    container('second').append(...ctas);
    expect(listening(), 'moved').to.equal(2);
    ctas[0].remove();
    expect(listening(), 'one removed').to.equal(1);
    ctas[1].remove();
    await leavesNothing();
    quiet();
  });

  it('lets a sign-up sent just before its call to action was removed arrive, then leaves nothing', async () => {
    await clearPage();
    const cta = create('fundraise-cta', { 'data-endpoint': '/api/signups?delay=400' });
    container('first').append(cta);
    await rendered([cta]);
    await openForm(cta);
    let signedUp = false;
    cta.addEventListener('impact-signup', () => (signedUp = true));
    signUpAs(cta, 'Leaving Reader', `lifecycle-${Date.now()}@example.org`);
    await waitUntil(
      () => page.leftovers.counts().fetches === 1,
      'the sign-up was not sent',
      PATIENT,
    );
    // The reader goes on to another view: what they sent is not abandoned with the element.
    cta.remove();
    await waitUntil(() => signedUp, 'the sign-up did not arrive', { timeout: 3000 });
    await leavesNothing();
    quiet();
  });
});
