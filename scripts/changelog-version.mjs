/**
 * `npm version <new>` runs this (package.json's `version` script, after npm has written the new
 * version and before it commits): what `## [Unreleased]` holds becomes the new version's entry,
 * dated today, under a fresh, empty Unreleased heading, and the link lines at the end follow.
 * test/node/package.test.mjs checks that the CHANGELOG names package.json's version.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const REPOSITORY = 'https://github.com/impact-widgets/impact-widgets';

/** The CHANGELOG's text with `version` released on `date` (YYYY-MM-DD). */
export function release(changelog, version, date) {
  if (!changelog.includes('## [Unreleased]\n')) throw new Error('CHANGELOG.md has no Unreleased');
  if (changelog.includes(`## [${version}]`)) throw new Error(`CHANGELOG.md already has ${version}`);
  const previous = /^\[Unreleased\]: .*\/compare\/v(.+)\.\.\.HEAD$/m.exec(changelog)?.[1];
  const links = [
    `[Unreleased]: ${REPOSITORY}/compare/v${version}...HEAD`,
    previous
      ? `[${version}]: ${REPOSITORY}/compare/v${previous}...v${version}`
      : `[${version}]: ${REPOSITORY}/releases/tag/v${version}`,
  ].join('\n');
  return changelog
    .replace('## [Unreleased]\n', `## [Unreleased]\n\n## [${version}] - ${date}\n`)
    .replace(/^\[Unreleased\]: .*$/m, links);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
  const changelog = readFileSync('CHANGELOG.md', 'utf8');
  writeFileSync('CHANGELOG.md', release(changelog, version, new Date().toISOString().slice(0, 10)));
}
