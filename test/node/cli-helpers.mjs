/**
 * What the tests of `npx impact-widgets snapshot` share: the command run as a partner runs it
 * (bin/impact-widgets.mjs in a child process), the shape of a refusal, a loopback server for
 * the documents it reads and the pages Chromium loads, and the set-up of a card test file.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'bin/impact-widgets.mjs');
export const FIXTURE = join(ROOT, 'test/fixtures/study.json');
export const TAGS = ['impact-stat', 'study-quote', 'fundraise-cta'];

/** The command, synchronously: its status, standard output and standard error. */
export const cli = (...args) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

/** The same, with standard output as bytes: an image. */
export const cliBytes = (...args) => {
  const result = spawnSync(process.execPath, [BIN, ...args]);
  return { ...result, stderr: result.stderr.toString('utf8') };
};

/** The command, for a server in this process to answer while it runs. */
export const cliAsync = (...args) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args]);
    let [stdout, stderr] = ['', ''];
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });

/** Asserts one refusal: a non-zero exit, nothing on stdout, and one line on stderr saying `words`. */
export function refused({ status, stdout, stderr }, ...words) {
  assert.notEqual(status, 0, 'exit status');
  assert.equal(stdout.length, 0, 'standard output');
  const lines = stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line on stderr, got:\n${stderr}`);
  assert.match(lines[0], /^impact-widgets: /);
  for (const word of words) assert.ok(lines[0].includes(word), `"${word}" in: ${lines[0]}`);
}

/**
 * A loopback server: /dist/FILE from the build, /study.json (the test fixture), /broken.json (not
 * a study document), /page/N (the Nth string pushed to `pages`, a blank page with it as its body),
 * and 404 for anything else. Resolves to its origin and a `close`.
 */
export async function serve(pages) {
  const server = createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    const send = (status, type, body) => {
      response.writeHead(status, { 'content-type': type });
      response.end(body);
    };
    const file = /^\/dist\/([\w.-]+)$/.exec(url.pathname)?.[1];
    if (file && existsSync(join(ROOT, 'dist', file))) {
      const type = file.endsWith('.css') ? 'text/css' : 'text/javascript';
      return send(200, type, readFileSync(join(ROOT, 'dist', file)));
    }
    if (url.pathname === '/study.json') return send(200, 'application/json', readFileSync(FIXTURE));
    if (url.pathname === '/broken.json') return send(200, 'application/json', '{"version": 1}');
    const page = /^\/page\/(\d+)$/.exec(url.pathname)?.[1];
    if (page && pages[page] !== undefined) {
      return send(
        200,
        'text/html',
        `<!doctype html><html lang="en"><meta charset="utf-8"><body>${pages[page]}</body></html>`,
      );
    }
    send(404, 'text/plain', 'no such file');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => server.close(),
  };
}

/**
 * What a test file of the email and image cards sets up before its tests and takes down after
 * them: its `pages` served by `serve`, a Chromium, and a folder for the documents it writes.
 * `documentFile(name, change)` writes the fixture, as `change` leaves it, there for --src.
 */
export function cardRig(name) {
  const rig = { pages: [] };
  before(async () => {
    rig.server = await serve(rig.pages);
    rig.browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    rig.folder = mkdtempSync(join(tmpdir(), `${name}-`));
  });
  after(async () => {
    rig.server?.close();
    await rig.browser?.close();
    if (rig.folder) rmSync(rig.folder, { recursive: true, force: true });
  });
  rig.documentFile = (file, change) => {
    const document = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    change(document);
    const path = join(rig.folder, `${file}.json`);
    writeFileSync(path, JSON.stringify(document));
    return path;
  };
  return rig;
}
