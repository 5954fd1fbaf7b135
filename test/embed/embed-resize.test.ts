/**
 * dist/embed-resize.js, as built, on this test page as the host: stand-in frames
 * (test/pages/embed-probe.html) post heights from their own windows, and record what the host
 * sends them. The real embed page is sized by it in embed-page.test.ts.
 */
import { expect, waitUntil } from '@open-wc/testing';

interface Probe extends Window {
  received: unknown[];
  post(data: unknown): void;
}

const HEIGHT = 'impact-widgets:height';
const ERROR = 'impact-widgets:error';

/** Every `impact-error` that reaches this document, with the element it was fired on. */
const heard: { target: EventTarget | null; detail: unknown }[] = [];
document.addEventListener('impact-error', (event) => {
  heard.push({ target: event.target, detail: (event as CustomEvent).detail });
});

async function probe(tagged: boolean): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.title = 'probe';
  frame.src = '/pages/embed-probe.html';
  frame.height = '100';
  if (tagged) frame.dataset.impactEmbed = '';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return frame;
}

const win = (frame: HTMLIFrameElement) => frame.contentWindow as Probe;

/** Sends `data` from the frame, then waits until the host has handled it. */
async function postFrom(frame: HTMLIFrameElement, data: unknown): Promise<void> {
  const handled = new Promise((resolve) => addEventListener('message', resolve, { once: true }));
  win(frame).post(data);
  await handled;
  // The script's listener was added before this one, so it has run.
}

/** Includes the script once more, as a partner's second plugin would. */
function include(): Promise<unknown> {
  const script = document.createElement('script');
  script.src = '/built/embed-resize.js';
  const loaded = new Promise((resolve, reject) => {
    script.addEventListener('load', resolve, { once: true });
    script.addEventListener('error', reject, { once: true });
  });
  document.head.append(script);
  return loaded;
}

describe('dist/embed-resize.js', () => {
  let first: HTMLIFrameElement;
  let second: HTMLIFrameElement;
  let untagged: HTMLIFrameElement;

  before(async () => {
    [first, second, untagged] = await Promise.all([probe(true), probe(true), probe(false)]);
    // Included twice, after the frames have loaded and so after any height they posted on load.
    await include();
    await include();
  });

  // Included twice, a second listener would only write the same height again; the request it
  // sends on start is what shows it ran twice.
  it('asks each tagged frame, once, to post its height again', async () => {
    // Messages from this page to a frame arrive in order: once the marker is in, every request is.
    for (const frame of [first, second, untagged]) frame.contentWindow!.postMessage('marker', '*');
    await waitUntil(() =>
      [first, second, untagged].every((frame) => win(frame).received.includes('marker')),
    );
    const requests = (frame: HTMLIFrameElement) =>
      win(frame).received.filter((data) => data !== 'marker');
    expect(requests(first)).to.deep.equal([{ 'impact-widgets:ready': true }]);
    expect(requests(second)).to.deep.equal([{ 'impact-widgets:ready': true }]);
    expect(requests(untagged)).to.deep.equal([]);
  });

  it('sizes the frame whose window sent the height, and only that frame', async () => {
    await postFrom(first, { [HEIGHT]: { height: 321 } });
    expect(first.clientHeight).to.equal(321);
    expect(second.clientHeight).to.equal(100);

    await postFrom(second, { [HEIGHT]: { height: 123.2 } });
    // Rounded up: a fraction of a pixel short would cut the card's last line.
    expect(second.clientHeight).to.equal(124);
    expect(first.clientHeight).to.equal(321);
  });

  it('leaves frames without data-impact-embed, and messages from other windows, alone', async () => {
    await postFrom(untagged, { [HEIGHT]: { height: 400 } });
    expect(untagged.clientHeight).to.equal(100);

    // Posted by this page itself: its source is no frame.
    const handled = new Promise((resolve) => addEventListener('message', resolve, { once: true }));
    postMessage({ [HEIGHT]: { height: 500 } }, '*');
    await handled;
    expect([first, second].map((frame) => frame.clientHeight)).to.deep.equal([321, 124]);
  });

  it('ignores what is not a height', async () => {
    for (const data of [
      { [HEIGHT]: { height: -5 } },
      { [HEIGHT]: { height: Number.NaN } },
      { [HEIGHT]: { height: '600' } },
      { [HEIGHT]: 600 },
      { message: 'height', value: 600 },
      'impact-widgets:height',
      null,
    ]) {
      await postFrom(first, data);
    }
    expect(first.clientHeight).to.equal(321);
  });

  it('keeps heights between 32 and 4000 px', async () => {
    await postFrom(first, { [HEIGHT]: { height: 1e9 } });
    expect(first.clientHeight).to.equal(4000);
    await postFrom(first, { [HEIGHT]: { height: Number.POSITIVE_INFINITY } });
    expect(first.clientHeight).to.equal(4000);
    await postFrom(first, { [HEIGHT]: { height: 0 } });
    expect(first.clientHeight).to.equal(32);
  });

  it('sizes the content of a frame that a page sizes by its border box', async () => {
    const boxed = await probe(true);
    // What a page with `* { box-sizing: border-box }` and a bordered frame does.
    boxed.style.boxSizing = 'border-box';
    boxed.style.border = '5px solid';
    boxed.style.padding = '0';
    await postFrom(boxed, { [HEIGHT]: { height: 300 } });
    expect(boxed.clientHeight).to.equal(300);
    boxed.remove();
  });

  it("fires a frame's error as impact-error on its iframe, bubbling to the document", async () => {
    heard.length = 0;
    const detail = { cause: 'http', message: '<impact-stat>: data-src "/x.json" answered 404' };
    await postFrom(second, { [ERROR]: detail });
    expect(heard).to.have.length(1);
    expect(heard[0]!.target === second, 'fired on the frame that sent it').to.be.true;
    expect(heard[0]!.detail).to.deep.equal(detail);
  });

  it('hears no error from an untagged frame, nor one without a message', async () => {
    heard.length = 0;
    await postFrom(untagged, { [ERROR]: { cause: 'http', message: 'not ours' } });
    for (const data of [
      { [ERROR]: 'a string' },
      { [ERROR]: { cause: 'http' } },
      { [ERROR]: null },
    ]) {
      await postFrom(first, data);
    }
    expect(heard).to.deep.equal([]);
  });

  it('passes on only text, whatever else a frame sends', async () => {
    heard.length = 0;
    await postFrom(first, { [ERROR]: { cause: { nested: true }, message: 'words', extra: [1] } });
    expect(heard.map(({ detail }) => detail)).to.deep.equal([
      { cause: '[object Object]', message: 'words' },
    ]);
  });

  it('hears the element in a real embed page say what is wrong', async () => {
    heard.length = 0;
    const frame = document.createElement('iframe');
    frame.title = 'A card with a mistyped id';
    frame.dataset.impactEmbed = '';
    frame.src = '/built/embed.html?tag=impact-stat&id=no-such-stat';
    document.body.append(frame);
    await waitUntil(() => heard.length > 0, 'no impact-error from the embed', { timeout: 8000 });
    expect(heard[0]!.target === frame).to.be.true;
    const { cause, message } = heard[0]!.detail as { cause: string; message: string };
    expect(cause).to.equal('not-found');
    expect(message).to.include('<impact-stat>').and.to.include('"no-such-stat"');
    frame.remove();
  });
});
