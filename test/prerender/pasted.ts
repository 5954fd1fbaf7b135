/**
 * Pre-rendered snippets pasted into a blank page (test/server.js's /pages/snippet), as a partner
 * pastes them: what the snapshot command prints for them, and how their card looks and moves.
 * Shared by the suites that paste one: test/prerender/ and the embed builder's.
 */
import { expect, nextFrame, waitUntil } from '@open-wc/testing';
import { fresh, part, type BuiltPage } from '../hardening/built-page.js';

/** What `snapshot <tag> --src <src> --id <id>` prints, the stylesheet linked from /built/. */
export async function snapshotOf(params: Record<string, string>): Promise<string> {
  const response = await fetch(`/api/snapshot?${new URLSearchParams(params)}`);
  const text = await response.text();
  expect(response.status, text).to.equal(200);
  return text;
}

/** A blank page with `html` pasted into its body (test/server.js). */
export const pasted = (html: string, params: Record<string, string> = {}) =>
  `/pages/snippet?${new URLSearchParams({ ...params, html })}`;

/** The built bundle's script tag; a late one at its own URL, which no cache has seen. */
export const bundle = (delay = 0) =>
  `<script type="module" src="${delay ? fresh(`/built/impact-widgets.js?delay=${delay}`) : '/built/impact-widgets.js'}"></script>`;

/** The properties that make a card look as it does, read for every element of it. */
const PROPS = [
  'display',
  'color',
  'background-color',
  'font-family',
  'font-size',
  'font-weight',
  'line-height',
  'padding-top',
  'padding-left',
  'margin-top',
  'border-top-width',
  'border-top-color',
  'border-top-left-radius',
  'grid-template-columns',
  'row-gap',
  'stroke',
  'visibility',
];

/** Each element of the card: its name, its computed style and its box. */
export function look(el: Element): string[] {
  const card = part(el, 'card')!;
  const view = el.ownerDocument.defaultView!;
  return [card, ...card.querySelectorAll('*')].map((node) => {
    const style = view.getComputedStyle(node);
    const { width, height } = node.getBoundingClientRect();
    const box = `${Math.round(width * 2) / 2}x${Math.round(height * 2) / 2}`;
    return [node.localName, box, ...PROPS.map((p) => `${p}: ${style.getPropertyValue(p)}`)].join(
      '; ',
    );
  });
}

/**
 * Opens `url` in a frame and resolves once the page is parsed: before its module scripts run,
 * which DOMContentLoaded waits for and `readyState` does not.
 */
export async function openUntilParsed(url: string): Promise<BuiltPage> {
  const frame = document.createElement('iframe');
  frame.src = url;
  frame.title = 'test page';
  frame.width = '900';
  frame.height = '600';
  document.body.append(frame);
  await waitUntil(
    () =>
      frame.contentWindow?.location.pathname === '/pages/snippet' &&
      frame.contentDocument?.readyState !== 'loading',
    'the page was not parsed',
    { timeout: 5000 },
  );
  return frame.contentWindow as BuiltPage;
}

/** Layout shifts in `page` since it started, as PerformanceObserver reports them. */
export function shiftsOf(page: BuiltPage): number[] {
  const shifts: number[] = [];
  new page.PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      shifts.push((entry as unknown as { value: number }).value);
  }).observe({ type: 'layout-shift', buffered: true });
  return shifts;
}

/**
 * Pastes `html`, a pre-rendered snippet with a script tag that arrives late, into a page under the
 * strict CSP, and checks the takeover: one card, in the same box, with no layout shift, looking as
 * the card did without script (`still`, from `look`), and nothing refused or reported.
 */
export async function expectTakenOver(html: string, tag: string, still: string[]): Promise<void> {
  const page = await openUntilParsed(pasted(html, { csp: 'strict' }));
  const el = page.document.querySelector(tag)!;
  const shifts = shiftsOf(page);
  const first = part(el, 'card');
  const box = JSON.stringify(el.getBoundingClientRect());
  expect(!!first, 'the pre-rendered card').to.equal(true);
  await waitUntil(() => page.customElements.get(tag), 'the script never came', { timeout: 8000 });
  await waitUntil(() => part(el, 'card') !== first, 'the card was not taken over', {
    timeout: 5000,
  });
  expect(el.shadowRoot!.querySelectorAll('[part~="card"]').length, 'cards').to.equal(1);
  await nextFrame();
  await nextFrame();
  expect(JSON.stringify(el.getBoundingClientRect()), 'the box').to.equal(box);
  expect(shifts, 'layout shifts').to.deep.equal([]);
  look(el).forEach((line, i) => expect(line, `element ${i}`).to.equal(still[i]));
  expect(page.record).to.deep.equal({ warnings: [], errors: [], violations: [] });
}
