/**
 * Prints each bundle's size (minified, gzip, brotli), and with --budget fails when the ES module
 * is over its brotli budget. The budget only ever goes down: lower it when the bundle beats it.
 */
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const BUDGET_BROTLI_BYTES = 12 * 1024;
const BUDGETED = 'dist/impact-widgets.js';
const FILES = [BUDGETED, 'dist/impact-widgets.iife.js'];

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

const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const file of FILES) {
    const { min, gzip, brotli } = sizes(file);
    console.log(
      `${file.padEnd(30)} min ${kb(min).padStart(9)}  gzip ${kb(gzip).padStart(8)}  brotli ${kb(brotli).padStart(8)}`,
    );
  }
  if (process.argv.includes('--budget')) {
    const { brotli } = sizes(BUDGETED);
    if (brotli > BUDGET_BROTLI_BYTES) {
      console.error(
        `Size budget exceeded: ${BUDGETED} is ${kb(brotli)} brotli, over the ${kb(BUDGET_BROTLI_BYTES)} budget.`,
      );
      process.exit(1);
    }
    console.log(`Size budget met: ${kb(brotli)} of ${kb(BUDGET_BROTLI_BYTES)} brotli.`);
  }
}
