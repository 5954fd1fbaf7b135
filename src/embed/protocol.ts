/**
 * The messages between dist/embed.html, in the frame, and dist/embed-resize.js, on the host page.
 * Each is an object with one namespaced key, as Datawrapper's `{'datawrapper-height': …}` is: the
 * host's other message listeners pass over ours, and ours pass over the host's other messages.
 */

/** Frame to host, `{[HEIGHT]: {height}}`: the page's height in CSS px, whenever it changes. */
export const HEIGHT = 'impact-widgets:height';

/**
 * Host to frames, `{[READY]: true}`, sent once when the host script starts: a frame that posted its
 * height before anyone listened (the script came late, or async) posts it again. WordPress's
 * wp-embed.js sends its frames `{message: 'ready', secret}` for the same reason.
 */
export const READY = 'impact-widgets:ready';

/**
 * Frame to host, `{[ERROR]: {cause, message}}`: what the element in the frame, or the embed page,
 * reported (an `impact-error`'s detail, a bad query parameter). dist/embed-resize.js fires it as
 * `impact-error` on the frame's `<iframe>`, so a partner's error monitoring hears of a set-up
 * mistake inside an embed as it does of an element on the page. Posted again on `READY`.
 */
export const ERROR = 'impact-widgets:error';
