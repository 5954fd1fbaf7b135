/**
 * dist/embed-resize.js: a classic script for the host page that sizes every
 * `<iframe data-impact-embed>` (dist/embed.html in a frame) to the height its page reports.
 *
 * - Each message is matched to its frame by `event.source`, the frame's own window, as
 *   Datawrapper's current embed script does: several embeds on one page each get their own
 *   height, and a message from any other window sizes nothing.
 * - Heights are clamped, as WordPress clamps its embeds', so a broken or hostile frame cannot
 *   collapse itself or stretch the host page without end.
 * - The height is written with CSSOM (`style.height`). A strict CSP (`style-src 'self'`) blocks
 *   `style` attributes in markup and `setAttribute('style', …)`, not CSSOM writes; and an inline
 *   declaration wins over a theme's `iframe { height: … }`, which the `height` attribute would not.
 *   The snippet's `height` attribute stays as the placeholder until the first message.
 * - An error in a frame (a bad `src`, `id` or `tag`) fires `impact-error` on its `<iframe>`,
 *   bubbling, with the detail an element's would have: a partner's monitoring, listening on
 *   `document`, hears of it as of an element on the page.
 * - Included twice (two plugins, a theme and a post), it runs once.
 *
 * Under 1 KB minified, no eval, no markup: `npm test` checks the size.
 */
import { ERROR, HEIGHT, READY } from './protocol.js';

/** Heights outside this range are not a card's: a card is never shorter than a line of text. */
const MIN_PX = 32;
const MAX_PX = 4000;

/** Marks the page once for every copy of this script, whichever copy came first. */
const ONCE = Symbol.for('impact-widgets.embed-resize');

const host = window as Window & { [ONCE]?: true };
if (!host[ONCE]) {
  host[ONCE] = true;
  const frames = () => document.querySelectorAll<HTMLIFrameElement>('iframe[data-impact-embed]');
  addEventListener('message', ({ source, data }) => {
    const error = data?.[ERROR];
    const height = data?.[HEIGHT]?.height;
    for (const frame of frames()) {
      if (frame.contentWindow !== source) continue;
      if (typeof error?.message === 'string') {
        // Text only, whatever else the frame sent.
        const detail = { cause: `${error.cause}`, message: error.message };
        frame.dispatchEvent(new CustomEvent('impact-error', { detail, bubbles: true }));
      }
      // Not a number, NaN or negative: not a height.
      if (typeof height === 'number' && height >= 0) {
        // The page's height is the frame's content height. A page that sizes every box by its
        // border (`* { box-sizing: border-box }`) would cut a bordered frame's content short.
        const borders =
          getComputedStyle(frame).boxSizing === 'border-box'
            ? frame.offsetHeight - frame.clientHeight
            : 0;
        frame.style.height = `${Math.min(Math.max(Math.ceil(height), MIN_PX), MAX_PX) + borders}px`;
      }
    }
  });
  for (const frame of frames()) frame.contentWindow?.postMessage({ [READY]: true }, '*');
}
