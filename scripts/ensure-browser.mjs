/**
 * Makes sure `npm test` has a browser: CHROME_PATH, else /usr/bin/chromium, else (on Debian, as
 * root) Debian's chromium package is installed; otherwise one line says what to install.
 * Test tools cannot download their own browsers on this network, so Debian's package is the way.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumExists, findChromium } from './find-chromium.mjs';

if (!chromiumExists()) {
  const canInstall = existsSync('/etc/debian_version') && process.getuid?.() === 0;
  if (!canInstall || process.env.CHROME_PATH) {
    console.error(
      `No browser at ${findChromium()}: install Debian's chromium (apt-get install chromium) or set CHROME_PATH to a Chromium or Chrome binary.`,
    );
    process.exit(1);
  }
  console.log('Installing Debian chromium for the browser tests…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: 'inherit',
  });
}
