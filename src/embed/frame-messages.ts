/**
 * What the embed page tells the host page: its height whenever that changes, in our own message
 * for dist/embed-resize.js and in WordPress's, so that WordPress sizes the frame as it sizes its
 * own embeds (the host cannot measure a frame from another origin; only the frame can say); and
 * the errors reported in it, for the host's `impact-error` listeners.
 */
import type { ImpactErrorDetail } from '../internal/events.js';
import { ERROR, HEIGHT, READY } from './protocol.js';

/**
 * WordPress's secret, from the `#?secret=…` it adds to the frame's URL (letters and digits, as
 * wp-embed.js checks). Read each time: wp-embed.js adds it to a frame that has already loaded.
 */
const wordPressSecret = () => /[#?&]secret=([a-zA-Z0-9]+)/.exec(location.hash)?.[1];

/** Every error reported so far: a host script that starts late asks, and hears them all. */
const errors: ImpactErrorDetail[] = [];

/**
 * Tells the host about an error: a partner's set-up mistake in a frame is the partner's to see.
 * Any origin may read it ('*'), as the height: it says what the frame's own URL already says.
 */
export function reportError(detail: ImpactErrorDetail): void {
  errors.push(detail);
  if (parent !== window) parent.postMessage({ [ERROR]: detail }, '*');
}

function post(): void {
  // The root's own box, not scrollHeight: scrollHeight never drops below the frame's current
  // height, so a frame could grow but never shrink back.
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  // Any origin may read it ('*'): a height tells nothing private, and the page cannot know who
  // frames it.
  parent.postMessage({ [HEIGHT]: { height } }, '*');
  // The secret only tells WordPress's frames apart; it guards nothing, and WordPress posts it
  // the same way.
  const secret = wordPressSecret();
  if (secret) parent.postMessage({ message: 'height', value: height, secret }, '*');
}

/** Starts reporting; call it once the page has its content, so that no empty page is reported. */
export function reportHeight(): void {
  if (parent === window) return;
  // The root's box changes with the content and with the frame's width, never with the frame's
  // height, so setting the height the page asks for cannot make it ask again.
  new ResizeObserver(post).observe(document.documentElement);
  addEventListener('message', ({ source, data }) => {
    if (source !== parent || typeof data !== 'object' || !data) return;
    const secret = wordPressSecret();
    if (data[READY] === true) {
      for (const detail of errors) parent.postMessage({ [ERROR]: detail }, '*');
    }
    if (data[READY] === true || (data.message === 'ready' && secret && data.secret === secret)) {
      post();
    }
  });
  addEventListener('hashchange', post);
}
