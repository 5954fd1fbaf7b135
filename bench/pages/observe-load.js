/**
 * Added to every page of the layout-stability contexts before any of the page's own script runs
 * (`context.addInitScript`): records layout shifts, long tasks, long animation frames and
 * `impact-ready` events from the very start of the load, on `window.__perf`.
 */
// A block, not a module: this runs as a classic script and must not leave globals behind.
{
  const perf = { shifts: [], longTasks: [], longFrames: [], ready: 0 };
  window.__perf = perf;
  /** Every element on the page (the demo has all three kinds) has rendered with its data. */
  perf.allReady = () =>
    perf.ready >= document.querySelectorAll('impact-stat, study-quote, fundraise-cta').length;
  const observe = (type, record) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(record)).observe({
        type,
        buffered: true,
      });
    } catch {
      perf.unsupported = [...(perf.unsupported ?? []), type];
    }
  };
  observe('layout-shift', (entry) =>
    perf.shifts.push({
      value: entry.value,
      start: entry.startTime,
      hadRecentInput: entry.hadRecentInput,
      nodes: entry.sources.map((source) => {
        const node = source.node;
        if (!node || node.nodeType !== 1) return node ? node.nodeName : '(gone)';
        return (
          node.localName +
          (node.id ? `#${node.id}` : '') +
          (node.className ? `.${node.className}` : '')
        );
      }),
    }),
  );
  observe('longtask', (entry) =>
    perf.longTasks.push({ start: entry.startTime, duration: entry.duration }),
  );
  // Long animation frames say what a long task was made of: scripts, then style and layout.
  observe('long-animation-frame', (entry) =>
    perf.longFrames.push({
      start: entry.startTime,
      duration: entry.duration,
      styleAndLayout: entry.startTime + entry.duration - entry.styleAndLayoutStart,
      scripts: entry.scripts.map((script) => ({
        duration: script.duration,
        invoker: script.invoker,
        source: script.sourceURL.replace(location.origin, ''),
        forcedStyleAndLayout: script.forcedStyleAndLayoutDuration,
      })),
    }),
  );
  addEventListener('impact-ready', () => perf.ready++, true);
}
