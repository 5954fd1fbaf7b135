/**
 * One real WordPress for a test run, from the files scripts/wordpress-rig.sh set up: a copy of
 * them in a temporary folder, MariaDB on a private socket with its data there too, WordPress
 * installed by a PHP script that loads wp-load.php (wp-cli is not in Debian), and PHP's built-in
 * server on a loopback port. `stop()` ends the two servers it started and removes the folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../free-port.mjs';

export const RIG = process.env.IMPACT_WORDPRESS_RIG || '/var/cache/impact-widgets/wordpress-rig';
const PROGRAMS = ['php', 'mariadbd', 'mariadb-install-db', 'mariadb'];

/** Why the rig cannot run here, or undefined when it can. */
export function missingRig() {
  const absent = PROGRAMS.filter(
    (program) => spawnSync('sh', ['-c', `command -v ${program}`]).status !== 0,
  );
  if (absent.length) return `${absent.join(', ')} not installed`;
  if (!existsSync(join(RIG, 'ready'))) return `no WordPress files in ${RIG}`;
  return undefined;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs a program to its end; throws with its output when it fails. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  }
  return result.stdout;
}

/** Waits until `ready()` holds, or throws naming `what` (with `log()` to say why). */
async function until(what, ready, log, timeout = 30_000) {
  const started = Date.now();
  while (!(await ready())) {
    if (Date.now() - started > timeout) throw new Error(`${what} did not start:\n${log()}`);
    await sleep(100);
  }
}

export async function startWordPress() {
  const dir = mkdtempSync(join(tmpdir(), 'impact-wp-'));
  const root = join(dir, 'wordpress');
  const socket = join(dir, 'db.sock');
  const children = [];
  const stop = async () => {
    // Each server leads a process group of its own: PHP's workers go with their parent.
    for (const child of children.reverse()) {
      if (child.exitCode === null) {
        process.kill(-child.pid, 'SIGTERM');
        await Promise.race([once(child, 'exit'), sleep(10_000)]);
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    cpSync(RIG, root, { recursive: true });

    // MariaDB as the user running the tests: as root it must be told so.
    const asRoot = process.getuid?.() === 0 ? ['--user=root'] : [];
    run('mariadb-install-db', [
      '--no-defaults',
      `--datadir=${dir}/db`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      ...asRoot,
    ]);
    const database = spawn(
      'mariadbd',
      [
        '--no-defaults',
        `--datadir=${dir}/db`,
        `--socket=${socket}`,
        `--pid-file=${dir}/db.pid`,
        '--skip-networking',
        '--innodb-buffer-pool-size=32M',
        // A database thrown away after the run needs no durability: without these, a commit
        // (a login's session token) waits on fsync behind the disk writes of the tests before
        // it (npm installs, published sites), and on CI a login once waited past 60 s.
        '--innodb-flush-log-at-trx-commit=0',
        '--innodb-flush-method=nosync',
        '--innodb-doublewrite=0',
        ...asRoot,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
    );
    children.push(database);
    let databaseLog = '';
    database.stderr.on('data', (chunk) => (databaseLog += chunk));
    const client = (sql) =>
      run('mariadb', ['--no-defaults', `--socket=${socket}`, '-uroot', '-e', sql]);
    await until(
      'MariaDB',
      () =>
        existsSync(socket) &&
        spawnSync('mariadb', ['--no-defaults', `--socket=${socket}`, '-uroot', '-e', 'SELECT 1'])
          .status === 0,
      () => databaseLog,
    );
    client('CREATE DATABASE wordpress');

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const keys = ['AUTH', 'SECURE_AUTH', 'LOGGED_IN', 'NONCE'].flatMap((name) => [
      `${name}_KEY`,
      `${name}_SALT`,
    ]);
    writeFileSync(
      join(root, 'wp-config.php'),
      `<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', 'localhost:${socket}' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
${keys.map((key) => `define( '${key}', '${randomBytes(24).toString('hex')}' );`).join('\n')}
$table_prefix = 'wp_';
define( 'WP_HOME', '${url}' );
define( 'WP_SITEURL', '${url}' );
// Notices and warnings go to a log the tests read, not into the pages.
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_DEBUG_LOG', '${dir}/debug.log' );
// Nothing leaves the machine, and nothing runs behind the tests' backs.
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'DISABLE_WP_CRON', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'FS_METHOD', 'direct' );
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
`,
    );

    let script = 0;
    /**
     * Runs PHP inside this WordPress, as wp-cli's `wp eval` does, and returns what it printed.
     * `code` is PHP without its opening tag.
     */
    const php = (code) => {
      const file = join(dir, `script-${++script}.php`);
      writeFileSync(
        file,
        `<?php
$_SERVER['HTTP_HOST'] = '127.0.0.1:${port}';
$_SERVER['REQUEST_URI'] = '/';
${code.includes('WP_INSTALLING') ? '' : "require '" + root + "/wp-load.php';"}
${code}
`,
      );
      return run('php', [file]);
    };
    php(`define( 'WP_INSTALLING', true );
require '${root}/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
wp_install( 'Impact widgets test', 'admin', 'admin@example.org', true, '', 'admin-password', 'en_US' );`);

    // Several workers: the block editor asks for many files at once, and an oEmbed lookup is a
    // request from this site to its own REST route while the page that asked waits.
    const server = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', root], {
      env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    });
    children.push(server);
    let serverLog = '';
    server.stderr.on('data', (chunk) => (serverLog += chunk));
    await until(
      'PHP server',
      async () => (await fetch(`${url}/wp-login.php`).catch(() => undefined))?.ok,
      () => serverLog,
    );
    const debugLog = () =>
      existsSync(join(dir, 'debug.log')) ? readFileSync(join(dir, 'debug.log'), 'utf8') : '';
    return { url, root, php, client, debugLog, serverLog: () => serverLog, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
