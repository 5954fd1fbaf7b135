import { existsSync } from 'node:fs';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** The browser the tests drive: `CHROME_PATH` when set, else Debian's chromium. */
export function findChromium() {
  return process.env.CHROME_PATH || DEBIAN_CHROMIUM;
}

export function chromiumExists() {
  return existsSync(findChromium());
}
