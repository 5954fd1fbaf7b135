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
});
