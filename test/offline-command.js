/**
 * A web-test-runner command that takes the test page off the network for a while, so the
 * <fundraise-cta> tests see what a person sees offline in the real browser: `navigator.onLine`,
 * the `offline` and `online` events and failing requests all come from Chromium's own network
 * emulation (puppeteer's `setOfflineMode`), not from a stubbed `fetch`.
 *
 * The emulation also cuts the test runner's own WebSocket: a command answered, or sent, while the
 * page is offline never arrives, and the run hangs. So the command answers first, goes offline
 * `after` ms later, and comes back online by itself `for` ms after that. The browser waits for the
 * `offline` and `online` events, and sends nothing to the runner in between.
 *
 *   executeServerCommand('set-offline', { offline: true, after: 50, for: 1500 });
 *   executeServerCommand('set-offline', { offline: false }); // back online now (in afterEach)
 *
 * With `popups: true`, the pages the test page opened (`window.open`: real tabs of their own) go
 * offline with it and come back with it, so two tabs meet the network's return together. (Chromium
 * shares `navigator.onLine` between a page and the popups it opened, whatever each one's
 * emulation says, so a tab cannot come back alone.)
 */
const timers = new Map();

export function offlinePlugin() {
  return {
    name: 'set-offline-command',
    async executeCommand({ command, payload = {}, session }) {
      if (command !== 'set-offline') return undefined;
      if (session.browser.type !== 'puppeteer') {
        throw new Error(`set-offline needs the Chrome launcher, not ${session.browser.type}`);
      }
      const page = session.browser.getPage(session.id);
      const pages = [page];
      if (payload.popups) {
        const opened = page
          .browser()
          .targets()
          .filter((t) => t.opener() === page.target());
        pages.push(...(await Promise.all(opened.map((target) => target.page()))).filter(Boolean));
      }
      const setOffline = (offline) => Promise.all(pages.map((p) => p.setOfflineMode(offline)));
      clearTimeout(timers.get(session.id));
      timers.delete(session.id);
      if (!payload.offline) {
        await setOffline(false);
        return true;
      }
      const online = () => setOffline(false).catch(() => {});
      const offline = () => {
        setOffline(true).then(
          () => timers.set(session.id, setTimeout(online, payload.for ?? 1000)),
          () => {},
        );
      };
      timers.set(session.id, setTimeout(offline, payload.after ?? 50));
      return true;
    },
  };
}

/**
 * `POST /api/late-redirect?ms=N&to=URL` answers 307 (the body goes along) after N ms. A sign-up
 * sent there is in flight when the page goes offline, and its redirected request then fails the
 * way a request does when the network drops under it; a request already on the wire would not.
 */
export async function lateRedirect(ctx, next) {
  if (ctx.path !== '/api/late-redirect') return next();
  await new Promise((resolve) => setTimeout(resolve, Number(ctx.query.ms ?? 500)));
  ctx.status = 307;
  ctx.set('location', String(ctx.query.to ?? '/api/signups'));
}
