import { existsSync } from 'node:fs';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * How every tool here starts Chromium: as root it needs --no-sandbox, and this network refuses
 * Google's background services, so Chromium must not try them.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The browser the tests and benchmarks drive: `CHROME_PATH` when set, else Debian's chromium. */
export function findChromium() {
  return process.env.CHROME_PATH || DEBIAN_CHROMIUM;
}

export function chromiumExists() {
  return existsSync(findChromium());
}
