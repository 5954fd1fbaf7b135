/**
 * Prints each bundle's size (minified, gzip, brotli), and with --budget fails when either bundle
 * is over the brotli cap. The cap only ever goes down, and only after a measurement shows room;
 * the goal is what we aim at, reported beside it.
 */
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const CAP_BROTLI_BYTES = 20 * 1024;
export const GOAL_BROTLI_BYTES = 15 * 1024;
export const BUNDLES = ['dist/impact-widgets.js', 'dist/impact-widgets.iife.js'];

export function sizes(file) {
  const buffer = readFileSync(file);
  return {
    min: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
      },
    }).length,
  };
}

export const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  let over = false;
  for (const file of BUNDLES) {
    const { min, gzip, brotli } = sizes(file);
    console.log(
      `${file.padEnd(30)} min ${kb(min).padStart(9)}  gzip ${kb(gzip).padStart(8)}  brotli ${kb(brotli).padStart(8)}`,
    );
    if (brotli > CAP_BROTLI_BYTES) {
      over = true;
      console.error(
        `Size cap exceeded: ${file} is ${kb(brotli)} brotli, over the ${kb(CAP_BROTLI_BYTES)} cap.`,
      );
    }
  }
  if (process.argv.includes('--budget')) {
    if (over) process.exit(1);
    console.log(
      `Size cap met: every bundle is under ${kb(CAP_BROTLI_BYTES)} brotli (goal ${kb(GOAL_BROTLI_BYTES)}).`,
    );
  }
}
