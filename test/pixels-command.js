/**
 * A web-test-runner command that answers what the screen shows of a rectangle of the test page, as
 * a PNG (base64), for what no DOM geometry tells: which end of a `<progress>` is filled (its bar is
 * a pseudo-element of the browser's own), where a pseudo-element's glyph is drawn, and which way
 * an icon points. Rectangles are in the page's CSS pixels, as `getBoundingClientRect` gives them.
 *
 *   executeServerCommand('pixels', { x, y, width, height });
 */
export function pixelsPlugin() {
  return {
    name: 'pixels-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'pixels') return undefined;
      if (session.browser.type !== 'puppeteer') {
        throw new Error(`pixels needs the Chrome launcher, not ${session.browser.type}`);
      }
      const page = session.browser.getPage(session.id);
      return page.screenshot({ clip: payload, encoding: 'base64' });
    },
  };
}
