/**
 * `npm run bench`: sizes, then every browser measurement in one headless Chromium session against
 * this folder's own server on 127.0.0.1. Writes bench/results.json (every sample) and prints
 * Markdown tables of medians and ratios. Builds dist/ first when it is missing (or with --build).
 * `npm run bench -- --only NAME,…` runs some of the measures (see MEASURES; `--only cls` for layout
 * shift and first paint, `--only sizes` for the sizes alone, under a minute), prints what they
 * found and leaves bench/results.json as it was.
 *
 * Each timed run gets a fresh page; the two sides of a comparison alternate, run by run, so drift
 * in the machine's load falls on both. Nothing here leaves the loopback interface.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../scripts/find-chromium.mjs';
import {
  CAP_BROTLI_BYTES,
  EMBED_RESIZE,
  EMBED_RESIZE_CAP_BYTES,
  GOAL_BROTLI_BYTES,
  kb,
} from '../scripts/size.mjs';
import { startServer } from './server.mjs';
import { measureSizes } from './size.mjs';

const RUNS = 10; // first render: timed runs per side and N, after one untimed warm-up each
const SIZES_N = [10, 100, 1000];
const SHARED_RUNS = 5;
const ANIMATION_RUNS = 4;
const LOAD_RUNS = 3; // layout shift and long tasks, per page and viewport
const FCP_RUNS = 10; // first card paint: timed runs per side, after one untimed warm-up
const MEMORY_RUNS = 5;
const STEP_TIMEOUT_MS = 60_000;

const TARGETS = {
  brotliCap: CAP_BROTLI_BYTES,
  brotliGoal: GOAL_BROTLI_BYTES,
  firstRenderRatio: 1.3,
  requestsPerUrl: 1,
  cls: 0,
  /** Cards whose documents answer late hold their place with a skeleton shaped like them. */
  clsLateData: 0.01,
  longTaskMs: 50,
};

const started = Date.now();
const log = (message) =>
  console.error(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`);

/** What `--only` may name; all of them run without it. */
const MEASURES = [
  'sizes',
  'equivalence',
  'first-render',
  'shared',
  'memory',
  'animation',
  'cls',
  'long-tasks',
];
const { values: flags } = parseArgs({
  options: { only: { type: 'string' }, build: { type: 'boolean' } },
});
const ONLY = flags.only?.split(',');
const unknown = ONLY?.find((name) => !MEASURES.includes(name));
if (unknown) throw new Error(`--only takes ${MEASURES.join(', ')}, not "${unknown}"`);
const wanted = (name) => !ONLY || ONLY.includes(name);

const BUILT = [
  'dist/impact-widgets.js',
  'dist/impact-widgets.iife.js',
  'dist/cambodia-2015.json',
  'dist/esm/entries/impact-stat.js',
  'dist/embed-resize.js',
  'dist/snapshot.mjs',
  'dist/impact-widgets.css',
];
if (process.argv.includes('--build') || !BUILT.every((file) => existsSync(file))) {
  log('building dist/');
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}

// ---------------------------------------------------------------------------------------------
// Statistics

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const summary = (values) => ({
  median: median(values),
  min: Math.min(...values),
  max: Math.max(...values),
  samples: values,
});

/** Cumulative layout shift as Chrome reports it: the worst session window (1 s gap, 5 s cap). */
function cumulativeLayoutShift(shifts) {
  let worst = 0;
  let sum = 0;
  let first = -Infinity;
  let last = -Infinity;
  for (const shift of shifts.filter((s) => !s.hadRecentInput).sort((a, b) => a.start - b.start)) {
    if (shift.start - last > 1000 || shift.start - first > 5000) {
      sum = 0;
      first = shift.start;
    }
    sum += shift.value;
    last = shift.start;
    worst = Math.max(worst, sum);
  }
  return worst;
}

function withTimeout(promise, what, ms = STEP_TIMEOUT_MS) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------------------------------------
// Browser plumbing

const pageErrors = [];

async function openPage(context, url) {
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${url}: ${error.message}`));
  await page.goto(url);
  return page;
}

const METRICS = ['TaskDuration', 'LayoutDuration', 'RecalcStyleDuration'];

/** Chrome's main-thread accounting for the page, in seconds. */
async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(
    list.filter((m) => METRICS.includes(m.name)).map((m) => [m.name, m.value]),
  );
}

/**
 * Main-thread time between two readings, in ms (divided by `per`): all of it, style and layout,
 * and the rest. Chrome's ScriptDuration leaves out microtasks, where Lit renders, so script is
 * not reported on its own: the rest is script (with microtasks), paint and other work.
 */
function spent(before, after, per = 1) {
  const delta = (name) => ((after[name] - before[name]) * 1000) / per;
  const task = delta('TaskDuration');
  const styleAndLayout = delta('RecalcStyleDuration') + delta('LayoutDuration');
  return { task, styleAndLayout, rest: task - styleAndLayout };
}

/** Per-key summaries of a list of `spent()` results. */
const summarize = (list) =>
  Object.fromEntries(Object.keys(list[0]).map((key) => [key, summary(list.map((x) => x[key]))]));

/** A stats page (lit or vanilla side) once its bench functions are ready. */
async function statsPage(context, origin, side, instrument = false) {
  const query = `side=${side}${instrument ? '&instrument' : ''}`;
  const page = await openPage(context, `${origin}/bench/pages/stats.html?${query}`);
  await page.waitForFunction(() => globalThis.bench !== undefined, null, { timeout: 15_000 });
  return page;
}

// ---------------------------------------------------------------------------------------------
// Measurements

/** The vanilla page must render what impact-stat renders, or its times mean nothing. */
async function checkEquivalence(context, origin) {
  const samples = {};
  for (const side of ['lit', 'vanilla']) {
    const page = await statsPage(context, origin, side);
    samples[side] = await withTimeout(
      page.evaluate(() => globalThis.bench.sample()),
      'sample',
    );
    await page.close();
  }
  const same = (key) =>
    JSON.stringify(samples.lit.map((s) => s[key])) ===
    JSON.stringify(samples.vanilla.map((s) => s[key]));
  const dom = same('dom');
  const css = same('css');
  if (!dom || !css) {
    console.error(JSON.stringify(samples, null, 2));
    throw new Error(
      `vanilla-stat does not render what impact-stat renders (${dom ? '' : 'shadow DOM '}${css ? '' : 'styles'}); fix bench/pages/vanilla-stat.js first`,
    );
  }
  return { dom, css, stats: samples.lit.length, sample: samples.lit[1].dom };
}

/**
 * Insertion to painted, wall clock, measured in the page; and the main thread's CPU time over the
 * same call (CDP Performance.getMetrics TaskDuration in thread time), which other processes on a
 * busy machine do not inflate.
 */
async function firstRender(context, origin) {
  const results = [];
  for (const n of SIZES_N) {
    const times = { lit: [], vanilla: [] };
    const cpu = { lit: [], vanilla: [] };
    // Run 0 warms both sides up and is not kept; then the sides take turns going first.
    for (let run = 0; run <= RUNS; run++) {
      const order = run % 2 ? ['vanilla', 'lit'] : ['lit', 'vanilla'];
      for (const side of order) {
        const page = await statsPage(context, origin, side);
        const cdp = await context.newCDPSession(page);
        await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
        const before = await metrics(cdp);
        const ms = await withTimeout(
          page.evaluate((count) => globalThis.bench.firstRender(count), n),
          `first render of ${n} (${side})`,
        );
        const after = await metrics(cdp);
        if (run > 0) {
          times[side].push(ms);
          cpu[side].push(spent(before, after));
        }
        await cdp.detach();
        await page.close();
      }
    }
    const lit = summary(times.lit);
    const vanilla = summary(times.vanilla);
    const litCpu = summarize(cpu.lit);
    const vanillaCpu = summarize(cpu.vanilla);
    results.push({
      n,
      lit,
      vanilla,
      ratio: lit.median / vanilla.median,
      cpu: {
        lit: litCpu,
        vanilla: vanillaCpu,
        ratio: litCpu.task.median / vanillaCpu.task.median,
      },
    });
    log(`first render N=${n}: ${lit.median.toFixed(1)} ms vs ${vanilla.median.toFixed(1)} ms`);
  }
  return results;
}

async function sharedData(context, server) {
  const times = [];
  const requests = [];
  for (let run = 0; run < SHARED_RUNS; run++) {
    const key = `shared-${run}`;
    const page = await statsPage(context, server.origin, 'lit');
    const ms = await withTimeout(
      page.evaluate((src) => globalThis.bench.sharedData(100, src), `/data/study.json?key=${key}`),
      'shared data',
    );
    times.push(ms);
    requests.push(server.hits(key));
    await page.close();
  }
  return { elements: 100, time: summary(times), requests: summary(requests) };
}

/**
 * Main-thread time per frame while 50 visible stats count up: Chrome's own task accounting
 * (CDP Performance.getMetrics, TaskDuration and its style and layout part, in thread CPU
 * time) from just before the stats come into view to the first frame in which none of them asked
 * for another frame, divided by the frames drawn. The control shows the same 200 stats without a
 * count-up for 75 frames.
 */
async function animation(browser, origin) {
  const context = await browser.newContext({ viewport: { width: 2100, height: 1100 } });
  const configs = [
    { name: '50 on screen + 150 off screen', onScreen: 50, offScreen: 150, animate: true },
    { name: '50 on screen only', onScreen: 50, offScreen: 0, animate: true },
    { name: '50 + 150, no count-up (control)', onScreen: 50, offScreen: 150, animate: false },
  ];
  const runs = Object.fromEntries(configs.map((c) => [c.name, []]));
  for (let run = 0; run < ANIMATION_RUNS; run++) {
    for (const config of configs) {
      const page = await statsPage(context, origin, 'lit', true);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      await withTimeout(
        page.evaluate((c) => globalThis.bench.animationSetup(c), config),
        'setup',
      );
      const before = await metrics(cdp);
      await page.evaluate(() => globalThis.bench.animationStart());
      const result = await withTimeout(
        page.evaluate(
          (frames) => globalThis.bench.animationEnd({ frames, timeoutMs: 5000 }),
          config.animate ? undefined : 75,
        ),
        'count-up',
      );
      const after = await metrics(cdp);
      // The layout must put exactly the intended stats in view, or the test proves nothing.
      if (result.onScreen !== config.onScreen || result.offScreenInView !== 0) {
        throw new Error(
          `animation page: ${result.onScreen} stats in view (want ${config.onScreen}), ${result.offScreenInView} of the far ones`,
        );
      }
      runs[config.name].push({ ...result, perFrame: spent(before, after, result.frames) });
      await cdp.detach();
      await page.close();
    }
  }
  await context.close();
  return configs.map(({ name, onScreen, offScreen, animate }) => {
    const list = runs[name];
    const perFrame = summarize(list.map((r) => r.perFrame));
    return {
      name,
      onScreen,
      offScreen,
      animate,
      perFrame,
      frames: summary(list.map((r) => r.frames)),
      frameInterval: summary(list.flatMap((r) => r.intervals)),
      frameRequestsPerFrame: summary(list.map((r) => r.frameRequests / r.frames)),
      updateMsPerFrame: summary(list.map((r) => r.updateMs / r.frames)),
      crossOriginIsolated: list.every((r) => r.isolated),
      updatesPerOnScreenStat: summary(list.flatMap((r) => r.updatesOnScreen)),
      updatesPerOffScreenStat: list.flatMap((r) => r.updatesOffScreen).length
        ? summary(list.flatMap((r) => r.updatesOffScreen))
        : null,
    };
  });
}

/** Loads a page, waits until every stat has rendered and counted up, and reads what was observed. */
async function loadPage(context, url, { throttle = 1 } = {}) {
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${url}: ${error.message}`));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.goto(url);
  await page.waitForFunction(() => globalThis.__perf.allReady(), null, { timeout: 30_000 });
  // The count-up (1.2 s by the frame clock, throttled or not) could move things too.
  await page.waitForTimeout(1500);
  // JSON drops the allReady function; the rest is plain data.
  const perf = await page.evaluate(() => JSON.parse(JSON.stringify(globalThis.__perf)));
  await cdp.detach();
  await page.close();
  return perf;
}

const VIEWPORTS = {
  'desktop 1280x800': { width: 1280, height: 800 },
  'mobile 390x844': { width: 390, height: 844 },
};

/** The pages whose load is measured, and the CLS each must stay within. */
const LOAD_PAGES = {
  'demo page (embedded document)': { url: (origin) => `${origin}/demo/`, cls: TARGETS.cls },
  'demo page, data-src answered 500 ms late': {
    url: (origin, run) => `${origin}/demo/late.html?delay=500&key=late-${run}`,
    cls: TARGETS.clsLateData,
  },
  'demo page pre-rendered (snapshot), bundle 1.5 s late': {
    url: (origin) => `${origin}/demo/prerendered.html?delay=1500`,
    cls: TARGETS.cls,
    // Long tasks are the script's; this page runs the same script as the first.
    layoutOnly: true,
  },
};

/** Cumulative layout shift of each page in each viewport, and which nodes moved. */
async function layoutShift(browser, origin) {
  const cls = [];
  for (const [viewportName, viewport] of Object.entries(VIEWPORTS)) {
    const context = await browser.newContext({ viewport });
    await context.addInitScript({ path: 'bench/pages/observe-load.js' });
    for (const [pageName, { url, cls: target }] of Object.entries(LOAD_PAGES)) {
      const values = [];
      const shifted = new Set();
      for (let run = 0; run < LOAD_RUNS; run++) {
        const perf = await withTimeout(loadPage(context, url(origin, run)), 'layout shift');
        values.push(cumulativeLayoutShift(perf.shifts));
        for (const shift of perf.shifts) shift.nodes.forEach((node) => shifted.add(node));
      }
      cls.push({
        page: pageName,
        viewport: viewportName,
        target,
        cls: summary(values),
        shifted: [...shifted],
      });
      log(`CLS ${pageName}, ${viewportName}: ${median(values).toFixed(3)}`);
    }
    await context.close();
  }
  return cls;
}

/** Long tasks while the demo loads at 4× CPU throttling, and for scale the platform's floor. */
async function loadCost(browser, origin) {
  // The platform's floor: a page's first Intl.NumberFormat loads ICU data in one piece, on the
  // main thread, whoever calls it. Timed in an empty page.
  const intl = { 1: [], 4: [] };
  const blank = await browser.newContext();
  for (let run = 0; run < LOAD_RUNS; run++) {
    for (const rate of [1, 4]) {
      const page = await blank.newPage();
      const cdp = await blank.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      await page.goto(`${origin}/bench/pages/blank.html`);
      intl[rate].push(
        await page.evaluate(() => {
          const start = performance.now();
          new Intl.NumberFormat('en', { style: 'percent' }).format(0.5);
          return performance.now() - start;
        }),
      );
      await cdp.detach();
      await page.close();
    }
  }
  await blank.close();
  const firstNumberFormat = { unthrottled: summary(intl[1]), throttled4: summary(intl[4]) };

  const longTasks = [];
  const context = await browser.newContext({ viewport: VIEWPORTS['desktop 1280x800'] });
  await context.addInitScript({ path: 'bench/pages/observe-load.js' });
  for (const [pageName, { url, layoutOnly }] of Object.entries(LOAD_PAGES)) {
    if (layoutOnly) continue;
    const counts = [];
    const longest = [];
    const frames = [];
    for (let run = 0; run < LOAD_RUNS; run++) {
      const perf = await withTimeout(
        loadPage(context, url(origin, `throttled-${run}`), { throttle: 4 }),
        'long tasks',
      );
      const over = perf.longTasks.filter((task) => task.duration > TARGETS.longTaskMs);
      counts.push(over.length);
      longest.push(Math.max(0, ...perf.longTasks.map((task) => task.duration)));
      frames.push(perf.longFrames);
    }
    longTasks.push({
      page: pageName,
      throttle: 4,
      over50: summary(counts),
      longest: summary(longest),
      longAnimationFrames: frames,
    });
    log(`long tasks ${pageName}: ${median(counts)} (longest ${median(longest).toFixed(0)} ms)`);
  }
  await context.close();
  return { longTasks, firstNumberFormat };
}

/** Lighthouse's mobile preset: a slow phone on a slow 4G connection. */
const MOBILE_NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};

/**
 * First contentful paint of a page holding one card and nothing else, so the first paint is the
 * card's: as a pre-rendered snippet (HTML, then its stylesheet), and as an element the script
 * renders (HTML, then the bundle). The two alternate, run by run; unthrottled, and as a slow phone
 * on slow 4G.
 */
async function firstCardPaint(browser, origin) {
  const context = await browser.newContext({ viewport: VIEWPORTS['mobile 390x844'] });
  const results = [];
  for (const [conditions, cpu, network] of [
    ['unthrottled', 1],
    ['4× CPU, 150 ms RTT, 1.6 Mbps', 4, MOBILE_NETWORK],
  ]) {
    const times = { prerendered: [], script: [] };
    for (let run = 0; run <= FCP_RUNS; run++) {
      for (const mode of run % 2 ? ['script', 'prerendered'] : ['prerendered', 'script']) {
        const page = await context.newPage();
        page.on('pageerror', (error) => pageErrors.push(`first card (${mode}): ${error.message}`));
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
        if (network) {
          await cdp.send('Network.enable');
          await cdp.send('Network.emulateNetworkConditions', network);
        }
        await page.goto(`${origin}/bench/pages/first-card.html?mode=${mode}`);
        const fcp = await withTimeout(
          page
            .waitForFunction(
              () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
              null,
              { timeout: 30_000 },
            )
            .then((handle) => handle.jsonValue()),
          `first contentful paint (${mode})`,
        );
        // Run 0 warms the server and the browser up and is not kept.
        if (run > 0) times[mode].push(fcp);
        await cdp.detach();
        await page.close();
      }
    }
    const prerendered = summary(times.prerendered);
    const script = summary(times.script);
    results.push({ conditions, prerendered, script });
    log(
      `first card paint, ${conditions}: pre-rendered ${prerendered.median.toFixed(0)} ms, script-rendered ${script.median.toFixed(0)} ms`,
    );
  }
  await context.close();
  return results;
}

/** Heap growth for 1000 rendered stats, after forced garbage collection, both sides alternating. */
async function memory(context, origin) {
  const deltas = { lit: [], vanilla: [] };
  const n = 1000;
  for (let run = 0; run < MEMORY_RUNS; run++) {
    for (const side of run % 2 ? ['vanilla', 'lit'] : ['lit', 'vanilla']) {
      const page = await statsPage(context, origin, side);
      const cdp = await context.newCDPSession(page);
      const heap = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.send('HeapProfiler.collectGarbage');
        return cdp.send('Runtime.getHeapUsage');
      };
      // Ten stats first, so that one-time costs (compiled code, formatters, templates) are not
      // counted as the thousand's.
      await withTimeout(
        page.evaluate(() => globalThis.bench.insert(10)),
        'warm-up',
      );
      const before = await heap();
      await withTimeout(
        page.evaluate((count) => globalThis.bench.insert(count), n),
        'insert',
      );
      const after = await heap();
      deltas[side].push({
        js: after.usedSize - before.usedSize,
        dom: (after.embedderHeapUsedSize ?? NaN) - (before.embedderHeapUsedSize ?? NaN),
      });
      await cdp.detach();
      await page.close();
    }
  }
  const of = (side, key) => summary(deltas[side].map((d) => d[key]));
  return {
    n,
    lit: { js: of('lit', 'js'), dom: of('lit', 'dom') },
    vanilla: { js: of('vanilla', 'js'), dom: of('vanilla', 'dom') },
  };
}

// ---------------------------------------------------------------------------------------------
// Report

const ms = (value) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const verdict = (met) => (met ? 'met' : '**missed**');

function table(head, rows) {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map((h, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

/** The size tables: the bundles against the cap and goal, what each part costs, the entries. */
function sizeReport(sizes) {
  const cap = (s) =>
    `≤ ${kb(TARGETS.brotliCap)} cap: ${verdict(s.brotli <= TARGETS.brotliCap)}; ` +
    `≤ ${kb(TARGETS.brotliGoal)} goal: ${verdict(s.brotli <= TARGETS.brotliGoal)}`;
  const row = (name, s, target = '') => [name, kb(s.min), kb(s.gzip), kb(s.brotli), target];
  return [
    '**Size** (minified, gzip -9, brotli -11; variants built with `rollup.config.js`)',
    '',
    table(
      ['build', 'min', 'gzip', 'brotli', 'target'],
      [
        ...sizes.dist.map((s) => row(`\`${s.name}\``, s, cap(s))),
        ...sizes.variants.map((s) => row(s.name, s)),
        ...sizes.adds.map((a) =>
          row(`${a.element} adds (all three minus all three without it)`, a),
        ),
        // The iframe embed's own files: the host page's script, and the embed page's (which
        // also loads the bundle above).
        ...sizes.embed.map((s) =>
          row(
            `\`${s.name}\``,
            s,
            s.name === EMBED_RESIZE
              ? `≤ ${kb(EMBED_RESIZE_CAP_BYTES)} min: ${verdict(s.min <= EMBED_RESIZE_CAP_BYTES)}`
              : '',
          ),
        ),
      ],
    ),
    '',
    '**Per-element entries**, as an app bundles them: `esbuild --bundle --minify` of a one-line app ' +
      "`import 'impact-widgets/<tag>'`, resolved through package.json to `dist/esm/`. min, gzip " +
      'and brotli leave lit out (what an app that already uses Lit pays); the last column is the ' +
      "app's whole bundle, lit included.",
    '',
    table(
      ['entry', 'min', 'gzip', 'brotli', 'brotli with lit'],
      sizes.entries.map((e) => [
        e.name.startsWith('impact-widgets/') ? `\`${e.name}\`` : e.name,
        kb(e.min),
        kb(e.gzip),
        kb(e.brotli),
        kb(e.withLit.brotli),
      ]),
    ),
    '',
    "**What each fix added**: `dist/impact-widgets.js` built from the commit on main where it landed, with that commit's own `rollup.config.js` (`STEPS` in bench/size.mjs).",
    '',
    table(
      ['step', 'commit', 'min', 'brotli', 'brotli added'],
      sizes.steps.map((s) => [
        s.name,
        `\`${s.commit}\``,
        kb(s.min),
        kb(s.brotli),
        s.added ? `${s.added.brotli >= 0 ? '+' : ''}${s.added.brotli} B` : '',
      ]),
    ),
  ].join('\n');
}

function report(results) {
  const { sizes, firstRender: fr, shared, animation: anim, load, memory: mem } = results;
  // `--only` runs some of the measures: each part of the report needs only its own.
  const lines = sizes ? [sizeReport(sizes)] : [];
  if (fr) lines.push(...firstRenderReport(fr));
  const rows = [
    ...(shared ? sharedReport(shared) : []),
    ...(anim ? animationReport(anim) : []),
    ...(load?.cls ?? []).map((c) => [
      `CLS, ${c.page}, ${c.viewport} (median of ${LOAD_RUNS})`,
      c.cls.max === c.cls.median
        ? c.cls.median.toFixed(3)
        : `${c.cls.median.toFixed(3)} (max ${c.cls.max.toFixed(3)})`,
      `≤ ${c.target.toFixed(2)}: ${verdict(c.cls.max <= c.target)}`,
    ]),
    ...(results.firstCardPaint ?? []).map((f) => [
      `first contentful paint of a card alone on a page, ${f.conditions} (median of ${FCP_RUNS}): pre-rendered vs script-rendered`,
      `${ms(f.prerendered.median)} vs ${ms(f.script.median)}`,
      '',
    ]),
    ...(load?.longTasks ? loadCostReport(load) : []),
    ...(mem ? memoryReport(mem) : []),
  ];
  if (rows.length) lines.push('', '**Runtime**', '', table(['measure', 'result', 'target'], rows));
  return lines.join('\n');
}

function firstRenderReport(fr) {
  const lines = [];
  lines.push(
    '',
    `**First render**: insertion to all rendered and painted, median of ${RUNS} fresh pages per side, alternating`,
    '',
  );
  lines.push(
    table(
      ['N', '`<impact-stat>`', 'vanilla', 'ratio', 'target', 'main-thread CPU', 'CPU ratio'],
      fr.map((r) => [
        String(r.n),
        ms(r.lit.median),
        ms(r.vanilla.median),
        `${r.ratio.toFixed(2)}×`,
        r.n === 1000
          ? `≤ ${TARGETS.firstRenderRatio}×: ${verdict(r.ratio <= TARGETS.firstRenderRatio)}`
          : '',
        `${ms(r.cpu.lit.task.median)} vs ${ms(r.cpu.vanilla.task.median)}`,
        `${r.cpu.ratio.toFixed(2)}×`,
      ]),
    ),
  );

  const big = fr.at(-1);
  const split = (c) =>
    `style and layout ${ms(c.styleAndLayout.median)}, the rest (script, paint) ${ms(c.rest.median)}`;
  lines.push(
    '',
    `Main-thread CPU for N = ${big.n}: \`<impact-stat>\` ${split(big.cpu.lit)}; vanilla ${split(big.cpu.vanilla)}.`,
  );
  return lines;
}

function sharedReport(shared) {
  return [
    [
      `shared data: requests for ${shared.elements} stats on one \`data-src\` (max of ${SHARED_RUNS} pages)`,
      String(shared.requests.max),
      `${TARGETS.requestsPerUrl}: ${verdict(shared.requests.max <= TARGETS.requestsPerUrl)}`,
    ],
    [
      `shared data: insertion to all ${shared.elements} rendered (median)`,
      ms(shared.time.median),
      '',
    ],
  ];
}

function animationReport(anim) {
  const [both, only] = anim;
  const offUpdates = both.updatesPerOffScreenStat;
  return [
    ...anim.map((a) => {
      const { task, styleAndLayout, rest } = a.perFrame;
      return [
        `main-thread CPU per frame, ${a.name} (median of ${ANIMATION_RUNS})`,
        `${ms(task.median)}: style and layout ${ms(styleAndLayout.median)}, rest ${ms(rest.median)}, of which element updates ${ms(a.updateMsPerFrame.median)}; ${a.frames.median} frames`,
        '',
      ];
    }),
    [
      'count-up: animation frames requested per frame, 50 on + 150 off screen',
      both.frameRequestsPerFrame.median.toFixed(1),
      '≤ 50',
    ],
    [
      'count-up: renders per off-screen stat while counting (max)',
      offUpdates ? `${offUpdates.max} (on screen: ${only.updatesPerOnScreenStat.median})` : 'n/a',
      `0: ${verdict(offUpdates && offUpdates.max === 0 && both.frameRequestsPerFrame.max <= 50)}`,
    ],
    [
      'count-up: CPU per frame added by the 150 off-screen stats',
      ms(both.perFrame.task.median - only.perFrame.task.median),
      '≈ 0',
    ],
  ];
}

function loadCostReport(load) {
  return [
    ...load.longTasks.map((l) => [
      `long tasks over 50 ms during load at 4× CPU throttling, ${l.page} (median of ${LOAD_RUNS})`,
      `${l.over50.median} (longest ${ms(l.longest.median)})`,
      `0: ${verdict(l.over50.max === 0)}`,
    ]),
    [
      'for scale: the first `Intl.NumberFormat` in an empty page (loads ICU data), 1× / 4× CPU',
      `${ms(load.firstNumberFormat.unthrottled.median)} / ${ms(load.firstNumberFormat.throttled4.median)}`,
      '',
    ],
  ];
}

function memoryReport(mem) {
  return [
    [
      `JS heap per ${mem.n} rendered stats (median of ${MEMORY_RUNS}), vs vanilla`,
      `${mb(mem.lit.js.median)} vs ${mb(mem.vanilla.js.median)} (${(mem.lit.js.median / mem.vanilla.js.median).toFixed(2)}×)`,
      '',
    ],
    [
      `DOM (Blink) heap per ${mem.n} rendered stats, vs vanilla`,
      `${mb(mem.lit.dom.median)} vs ${mb(mem.vanilla.dom.median)} (${(mem.lit.dom.median / mem.vanilla.dom.median).toFixed(2)}×)`,
      '',
    ],
  ];
}

// ---------------------------------------------------------------------------------------------

const results = { date: new Date().toISOString(), node: process.version, targets: TARGETS };
if (wanted('sizes')) {
  log('sizes (rollup builds, and the entries bundled by esbuild as an app would)');
  results.sizes = await measureSizes();
}
if (ONLY?.every((name) => name === 'sizes')) {
  console.log(sizeReport(results.sizes));
  console.log('\nSizes only (--only sizes); bench/results.json was left as it was.');
} else {
  await measureInBrowser();
}

/** The browser measurements asked for, then the report; all of them also write bench/results.json. */
async function measureInBrowser() {
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    results.browser = browser.version();
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    if (wanted('equivalence')) {
      log('equivalence of the vanilla baseline');
      results.equivalence = await checkEquivalence(context, server.origin);
    }
    if (wanted('first-render')) {
      log('first render');
      results.firstRender = await firstRender(context, server.origin);
    }
    if (wanted('shared')) {
      log('shared data');
      results.shared = await sharedData(context, server);
    }
    if (wanted('memory')) {
      log('memory');
      results.memory = await memory(context, server.origin);
    }
    await context.close();
    if (wanted('animation')) {
      log('animation');
      results.animation = await animation(browser, server.origin);
    }
    if (wanted('cls')) {
      log('layout stability');
      results.load = { cls: await layoutShift(browser, server.origin) };
      log('first card paint');
      results.firstCardPaint = await firstCardPaint(browser, server.origin);
    }
    if (wanted('long-tasks')) {
      log('long tasks');
      results.load = { ...results.load, ...(await loadCost(browser, server.origin)) };
    }
  } finally {
    await browser.close();
    await server.close();
  }
  results.pageErrors = pageErrors;
  results.seconds = (Date.now() - started) / 1000;

  if (!ONLY) writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log(report(results));
  console.log(
    `\nChromium ${results.browser}, ${results.seconds.toFixed(0)} s${ONLY ? `; --only ${flags.only}: bench/results.json was left as it was` : '; every sample in bench/results.json'}.`,
  );
  if (pageErrors.length) {
    console.log(`\nPage errors during the run:\n${pageErrors.map((e) => `- ${e}`).join('\n')}`);
    process.exitCode = 1;
  }
}
