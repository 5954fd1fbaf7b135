/**
 * What `npx impact-widgets snapshot` reads and writes, run as a partner runs it
 * (bin/impact-widgets.mjs in a child process): documents and their texts within the caps of
 * bin/read-document.mjs, from a file or over loopback HTTP; `-o` (bin/write-output.mjs) onto a
 * new path, a file, a symbolic link, a FIFO and /dev/null, as what each is; `--version`; and the
 * alt text of `--as png` as plain text.
 */
// The functions given to page.evaluate run in Chromium, with its globals.
/* global document */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium.mjs';
import { BIN, cli, cliAsync, FIXTURE, refused, ROOT } from './cli-helpers.mjs';

const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8'));
/** The caps the issue sets: 1 MB a document, 2,000 characters a text. */
const MAX_BYTES = 1_000_000;
const MAX_TEXT = 2000;

/** The fixture with `change` made to a copy of it. */
function documentWith(change) {
  const document = structuredClone(fixture);
  change(document);
  return document;
}

/** A valid study document of `bytes` bytes or more: the fixture with a long list of quotes. */
function oversized(bytes) {
  return documentWith((document) => {
    const [quote] = document.quotes;
    const count = Math.ceil(bytes / (MAX_TEXT / 2));
    document.quotes = Array.from({ length: count }, (_, i) => ({
      ...quote,
      id: `quote-${i}`,
      text: 'word '.repeat(MAX_TEXT / 10),
    }));
  });
}

let folder;
before(() => (folder = mkdtempSync(join(tmpdir(), 'snapshot-io-'))));
after(() => rmSync(folder, { recursive: true, force: true }));

/** A fresh folder under the test's own. */
const fresh = () => mkdtempSync(join(folder, 'case-'));

describe('impact-widgets snapshot reads a bounded document', () => {
  it('refuses a document file over 1 MB with exit code 2, and writes nothing', () => {
    const dir = fresh();
    const file = join(dir, 'big.json');
    const text = JSON.stringify(oversized(MAX_BYTES + 1));
    writeFileSync(file, text);
    assert.ok(statSync(file).size > MAX_BYTES);
    // A valid document otherwise: the size alone refuses it.
    assert.ok(JSON.parse(text).quotes.length > 100);
    const result = cli('snapshot', 'study-quote', '--src', file, '-o', join(dir, 'out.html'));
    refused(result, `--src ${file}`, '1 MB');
    assert.equal(result.status, 2);
    assert.deepEqual(readdirSync(dir), ['big.json']);
  });

  it('stops reading a document with no size to check (/dev/zero) at the cap', () => {
    const result = spawnSync(
      process.execPath,
      [BIN, 'snapshot', 'impact-stat', '--src', '/dev/zero'],
      { encoding: 'utf8', timeout: 20_000 },
    );
    assert.equal(result.error, undefined, 'the command did not end');
    refused(result, '--src /dev/zero', '1 MB');
    assert.equal(result.status, 2);
  });

  it('takes a document just under the cap', () => {
    const dir = fresh();
    const file = join(dir, 'full.json');
    let document = oversized(MAX_BYTES - 50_000);
    while (JSON.stringify(document).length > MAX_BYTES) document.quotes.pop();
    writeFileSync(file, JSON.stringify(document));
    const result = cli('snapshot', 'study-quote', '--src', file, '--id', 'quote-0');
    assert.equal(result.status, 0, result.stderr);
  });

  describe('over HTTP', () => {
    let server;
    let origin;
    /** Bytes the server wrote for /endless, and whether the client hung up. */
    const endless = { sent: 0, closed: false };
    const big = JSON.stringify(oversized(MAX_BYTES + 1));

    before(async () => {
      server = createServer((request, response) => {
        if (request.url === '/declared.json') {
          response.writeHead(200, {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(big),
          });
          return response.end(big);
        }
        if (request.url === '/chunked.json') {
          // No Content-Length: the size shows only as the body arrives.
          response.writeHead(200, { 'content-type': 'application/json' });
          for (let i = 0; i < big.length; i += 64 * 1024)
            response.write(big.slice(i, i + 64 * 1024));
          return response.end();
        }
        // A body that never ends, until the client stops reading it.
        response.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, ' ');
        response.write('{"version": 1, "padding": "');
        const more = () => {
          while (!endless.closed && response.write(chunk)) endless.sent += chunk.length;
        };
        response.on('drain', more);
        response.on('close', () => (endless.closed = true));
        more();
      });
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      origin = `http://127.0.0.1:${server.address().port}`;
    });
    after(() => {
      server.closeAllConnections();
      server.close();
    });

    for (const path of ['/declared.json', '/chunked.json']) {
      it(`refuses a document over 1 MB served ${path === '/declared.json' ? 'with' : 'without'} Content-Length`, async () => {
        const result = await cliAsync('snapshot', 'study-quote', '--src', `${origin}${path}`);
        refused(result, `--src ${origin}${path}`, '1 MB');
        assert.equal(result.status, 2);
      });
    }

    it('stops reading a body that never ends, soon after the cap', async () => {
      const started = Date.now();
      const result = await cliAsync('snapshot', 'impact-stat', '--src', `${origin}/endless.json`);
      refused(result, '1 MB');
      assert.equal(result.status, 2);
      // Long before the command's 10 s timeout would have ended it.
      assert.ok(Date.now() - started < 8000, `${Date.now() - started} ms`);
      while (!endless.closed) await new Promise((resolve) => setTimeout(resolve, 20));
      // What the sockets buffer on either side, at most, beyond the cap.
      assert.ok(endless.sent < 16 * MAX_BYTES, `${endless.sent} bytes sent`);
    });
  });

  it('refuses a text over 2,000 characters, naming it by its JSON path, fast, for every format', () => {
    const dir = fresh();
    const file = join(dir, 'long.json');
    writeFileSync(
      file,
      JSON.stringify(documentWith((document) => (document.stats[1].label = 'x'.repeat(200_000)))),
    );
    for (const as of ['html', 'email', 'svg', 'png']) {
      const started = Date.now();
      const result = cli('snapshot', 'impact-stat', '--src', file, '--as', as);
      refused(result, `--src ${file}`, 'stats[1].label', '200,000 characters', '2,000');
      assert.equal(result.status, 2);
      assert.ok(Date.now() - started < 5000, `--as ${as}: ${Date.now() - started} ms`);
    }
  });

  it('takes a text of exactly 2,000 characters', () => {
    const dir = fresh();
    const file = join(dir, 'long.json');
    const label = 'y'.repeat(MAX_TEXT);
    writeFileSync(
      file,
      JSON.stringify(documentWith((document) => (document.stats[0].label = label))),
    );
    const result = cli('snapshot', 'impact-stat', '--src', file);
    assert.equal(result.status, 0, result.stderr);
    assert.ok(result.stdout.includes(label));
  });

  it('refuses an option over 2,000 characters', () => {
    const result = cli('snapshot', 'impact-stat', '--id', 'z'.repeat(MAX_TEXT + 1));
    refused(result, '--id', '2000');
    assert.equal(result.status, 2);
  });
});

describe('impact-widgets snapshot -o writes what it names, as what it is', () => {
  /** The command's output for the embedded study's first stat, as printed. */
  const printed = () => cli('snapshot', 'impact-stat').stdout;

  it('replaces a regular file whole, keeping its mode', () => {
    const dir = fresh();
    const file = join(dir, 'card.html');
    writeFileSync(file, 'old');
    chmodSync(file, 0o640);
    const result = cli('snapshot', 'impact-stat', '-o', file);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(readFileSync(file, 'utf8'), printed());
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(dir), ['card.html'], 'no temporary file left');
  });

  it("writes a symbolic link's target, and keeps the link", () => {
    const dir = fresh();
    mkdirSync(join(dir, 'site'));
    const target = join(dir, 'site/card.html');
    writeFileSync(target, 'old');
    const link = join(dir, 'card.html');
    symlinkSync('site/card.html', link);
    const result = cli('snapshot', 'impact-stat', '-o', link);
    assert.equal(result.status, 0, result.stderr);
    assert.ok(lstatSync(link).isSymbolicLink(), 'the link is still a link');
    assert.equal(readlinkSync(link), 'site/card.html');
    assert.equal(readFileSync(target, 'utf8'), printed());
    assert.deepEqual(readdirSync(join(dir, 'site')), ['card.html']);
  });

  it('refuses a dangling symbolic link, and creates nothing', () => {
    const dir = fresh();
    const link = join(dir, 'card.html');
    symlinkSync('missing.html', link);
    refused(cli('snapshot', 'impact-stat', '-o', link), link, 'symbolic link', 'missing');
    assert.deepEqual(readdirSync(dir), ['card.html']);
    assert.equal(readlinkSync(link), 'missing.html');
  });

  it('refuses a symbolic link to a folder, and a folder', () => {
    const dir = fresh();
    mkdirSync(join(dir, 'site'));
    const link = join(dir, 'card.html');
    symlinkSync('site', link);
    refused(cli('snapshot', 'impact-stat', '-o', link), link, 'symbolic link', 'folder');
    refused(cli('snapshot', 'impact-stat', '-o', join(dir, 'site')), 'is a folder');
    assert.deepEqual(readdirSync(join(dir, 'site')), []);
    assert.ok(lstatSync(link).isSymbolicLink());
  });

  it('writes into a FIFO, for the reader at its other end, and leaves it a FIFO', async () => {
    const dir = fresh();
    const fifo = join(dir, 'card.fifo');
    const made = spawnSync('mkfifo', [fifo]);
    assert.equal(made.status, 0, String(made.stderr));
    // The reader is a process of its own, waiting at its end, which a timeout can end.
    const reader = spawn('cat', [fifo]);
    const chunks = [];
    reader.stdout.on('data', (chunk) => chunks.push(chunk));
    const timer = setTimeout(() => reader.kill(), 15_000);
    try {
      const [result] = await Promise.all([
        cliAsync('snapshot', 'impact-stat', '-o', fifo),
        once(reader, 'exit'),
      ]);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(reader.signalCode, null, 'the reader got no end of file');
      assert.equal(Buffer.concat(chunks).toString('utf8'), printed());
      assert.ok(lstatSync(fifo).isFIFO(), 'still a FIFO');
      assert.deepEqual(readdirSync(dir), ['card.fifo']);
    } finally {
      clearTimeout(timer);
      reader.kill();
    }
  });

  it('writes into /dev/null, which stays the character device it was', () => {
    const before = statSync('/dev/null');
    assert.ok(before.isCharacterDevice());
    for (const as of ['html', 'png']) {
      const result = cli('snapshot', 'impact-stat', '--as', as, '-o', '/dev/null');
      assert.equal(result.status, 0, result.stderr);
    }
    const now = lstatSync('/dev/null');
    assert.ok(now.isCharacterDevice(), '/dev/null is no longer a character device');
    assert.equal(now.rdev, before.rdev);
    assert.equal(now.ino, before.ino);
    assert.equal(readFileSync('/dev/null', 'utf8'), '');
  });
});

describe('impact-widgets --version', () => {
  it("prints package.json's version, with --version and -v", () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    for (const flag of ['--version', '-v']) {
      const result = cli(flag);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stdout, `${version}\n`);
      assert.equal(result.stderr, '');
    }
  });
});

describe('the alt text of --as png', () => {
  it("is the card's words as plain text: no markup, entities decoded, white space collapsed", () => {
    const dir = fresh();
    const file = join(dir, 'study.json');
    const label = 'of "fixture" <b>homes</b> & their\n\n   neighbours';
    writeFileSync(
      file,
      JSON.stringify(documentWith((document) => (document.stats[0].label = label))),
    );
    const result = cli(
      'snapshot',
      'impact-stat',
      '--src',
      file,
      '--as',
      'png',
      '-o',
      join(dir, 'a.png'),
    );
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout.split('\n');
    assert.deepEqual(lines.slice(1), [''], 'one line');
    const [alt] = lines;
    // The label as a reader reads it: HTML's white space as one space, every character itself.
    assert.ok(alt.includes(label.replace(/\s+/g, ' ')), alt);
    assert.ok(alt.includes(fixture.study.title), alt);
    assert.doesNotMatch(alt, /&(#?\w+);|<(?!b>|\/b>)|\s{2}/);
  });

  it("goes into an img's alt whole, escaped, by the README's example", async () => {
    const dir = fresh();
    const doc = join(dir, 'study.json');
    const label = '"><img src=x onerror=alert(1)> & Tom\'s <b>homes</b>';
    writeFileSync(
      doc,
      JSON.stringify(documentWith((document) => (document.stats[0].label = label))),
    );
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    // The shell block that takes the alt text from the command.
    const at = readme.indexOf('alt=$(npx impact-widgets snapshot');
    assert.ok(at > 0, "the README's alt text example");
    const example = readme.slice(readme.lastIndexOf('```sh\n', at) + 6, readme.indexOf('```', at));
    const script = example
      .replace(/^ {2}/gm, '')
      .replace(
        'npx impact-widgets snapshot impact-stat',
        'node "$BIN" snapshot impact-stat --src "$DOC"',
      );
    const run = spawnSync('sh', ['-e', '-c', script], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, BIN, DOC: doc },
    });
    assert.equal(run.status, 0, run.stderr);
    const alt = cli(
      'snapshot',
      'impact-stat',
      '--src',
      doc,
      '--as',
      'png',
      '-o',
      join(dir, 'b.png'),
    );
    assert.ok(alt.stdout.includes(label), alt.stdout);
    const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.setContent(`<!doctype html><body>${run.stdout}</body>`);
      const parsed = await page.evaluate(() => ({
        elements: [...document.body.querySelectorAll('*')].map((element) => element.localName),
        alt: document.querySelector('img').alt,
        src: document.querySelector('img').getAttribute('src'),
      }));
      assert.deepEqual(parsed, {
        elements: ['a', 'img'],
        alt: alt.stdout.trimEnd(),
        src: 'stat.png',
      });
    } finally {
      await browser.close();
    }
  });
});
