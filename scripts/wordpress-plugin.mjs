/**
 * The WordPress plugin (wordpress/): dist/wordpress/impact-widgets/, the folder WordPress installs,
 * and dist/impact-widgets-wordpress.zip, which installs through Plugins → Add New → Upload. Run by
 * scripts/build.mjs once the bundle, embed-resize.js, the embedded study and custom-elements.json
 * exist; rollup has already written the editor script into build/ there.
 *
 * The plugin carries its own copy of all it runs, as WordPress.org asks (no third-party CDN), and
 * its version is package.json's. The zip is written here, with node's zlib, so the build needs no
 * zip program.
 */
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

const PLUGIN = 'dist/wordpress/impact-widgets';
const ZIP = 'dist/impact-widgets-wordpress.zip';

/** A URL-valued attribute, which kses checks for its protocol as it checks href. */
const URL_ATTRIBUTE = /^data-(src|href|endpoint)$|-url$/;

/** The plugin's folder: its PHP, blocks and readme, the scripts, the study and the elements' attributes. */
export function writePlugin() {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
  mkdirSync(`${PLUGIN}/dist`, { recursive: true });
  for (const part of ['includes', 'blocks', 'uninstall.php']) {
    cpSync(`wordpress/${part}`, `${PLUGIN}/${part}`, { recursive: true });
  }
  // The version in one place, package.json: the header's and the readme's are written from it.
  writeFileSync(
    `${PLUGIN}/impact-widgets.php`,
    readFileSync('wordpress/impact-widgets.php', 'utf8').replace(
      /^( \* Version:\s+).*$/m,
      `$1${version}`,
    ),
  );
  writeFileSync(
    `${PLUGIN}/readme.txt`,
    readFileSync('wordpress/readme.txt', 'utf8').replace(/^(Stable tag:\s+).*$/m, `$1${version}`),
  );
  copyFileSync('LICENSE', `${PLUGIN}/LICENSE`);
  for (const file of [
    'impact-widgets.js',
    'impact-widgets.js.map',
    'embed-resize.js',
    'cambodia-2015.json',
  ]) {
    copyFileSync(`dist/${file}`, `${PLUGIN}/dist/${file}`);
  }
  // Each tag's documented attributes, from the manifest the README's tables come from, so a new
  // attribute survives kses without a second list to keep in step.
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  const attributes = {};
  for (const declaration of manifest.modules.flatMap((module) => module.declarations ?? [])) {
    if (declaration.tagName) {
      attributes[declaration.tagName] = declaration.attributes.map(({ name }) => name).sort();
    }
  }
  const urls = [...new Set(Object.values(attributes).flat())].filter((name) =>
    URL_ATTRIBUTE.test(name),
  );
  writeFileSync(
    `${PLUGIN}/dist/elements.json`,
    `${JSON.stringify({ attributes, urls: urls.sort() }, null, 2)}\n`,
  );
  writeFileSync(ZIP, zip(PLUGIN, 'impact-widgets'));
}

/** Every file under `dir`, sorted, so the zip is the same for the same files. */
function files(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
}

/**
 * A zip (PKWARE APPNOTE 4.3: local headers, deflated data, central directory) of `dir`'s files
 * under the folder `root`, as WordPress's upload unpacks it. Dates are left at 1980-01-01, so the
 * same files give the same bytes.
 */
function zip(dir, root) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const path of files(dir)) {
    const name = Buffer.from(`${root}/${relative(dir, path).split('\\').join('/')}`);
    const data = readFileSync(path);
    const packed = deflateRawSync(data, { level: 9 });
    const header = (signature, size) => {
      const fields = Buffer.alloc(size);
      fields.writeUInt32LE(signature, 0);
      return fields;
    };
    // version needed 2.0, flag bit 11 (UTF-8 names), method 8 (deflate), time 0, date 1980-01-01.
    const common = (fields, at) => {
      fields.writeUInt16LE(20, at);
      fields.writeUInt16LE(0x0800, at + 2);
      fields.writeUInt16LE(8, at + 4);
      fields.writeUInt16LE(0, at + 6);
      fields.writeUInt16LE(0x21, at + 8);
      fields.writeUInt32LE(crc32(data), at + 10);
      fields.writeUInt32LE(packed.length, at + 14);
      fields.writeUInt32LE(data.length, at + 18);
      fields.writeUInt16LE(name.length, at + 22);
    };
    const local = header(0x04034b50, 30);
    common(local, 4);
    locals.push(local, name, packed);
    const entry = header(0x02014b50, 46);
    entry.writeUInt16LE(0x0314, 4); // made by: Unix, 2.0
    common(entry, 6);
    entry.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
