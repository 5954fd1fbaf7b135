import { esbuildPlugin } from '@web/dev-server-esbuild';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, findChromium } from './scripts/find-chromium.mjs';
import { lateRedirect, offlinePlugin } from './test/offline-command.js';
import { pixelsPlugin } from './test/pixels-command.js';
import { testRoutes } from './test/server.js';
import { snapshotRoutes } from './test/snapshot-route.js';

export default {
  files: ['src/**/*.test.ts', 'test/**/*.test.ts', 'demo/**/*.test.ts'],
  nodeResolve: true,
  middleware: [snapshotRoutes, testRoutes, lateRedirect],
  // tsconfig is passed on purpose: without it esbuild leaves the experimental decorators unlowered.
  plugins: [
    esbuildPlugin({ ts: true, target: 'auto', tsconfig: './tsconfig.json' }),
    // `set-offline`, for the <fundraise-cta> offline queue tests.
    offlinePlugin(),
    // `a11ySnapshot`: what assistive technology is given, for the skeleton's tests.
    a11ySnapshotPlugin(),
    // `pixels`: what the screen shows, for the right-to-left tests' progress bars and icons.
    pixelsPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChromium(),
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
  testFramework: { config: { timeout: 10000 } },
  coverageConfig: {
    include: ['src/**/*.ts'],
    exclude: ['src/**/*.test.ts'],
    threshold: { statements: 90, branches: 80, functions: 85, lines: 90 },
  },
  // Tests resolve lit's development build, which says so in every file.
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
};
