/**
 * The page-side half of `npm run bench`: `stats.html?side=lit` loads the bundle and times
 * `<impact-stat>`, `stats.html?side=vanilla` loads the hand-written baseline and times
 * `<vanilla-stat>`, through the same functions. `bench/run.mjs` calls them on `window.bench`,
 * one fresh page per run.
 */
const params = new URLSearchParams(location.search);
const side = params.get('side') === 'vanilla' ? 'vanilla' : 'lit';
const tag = side === 'vanilla' ? 'vanilla-stat' : 'impact-stat';
// Counting frames and updates (below) is for the animation test only; timed and weighed runs
// load the page without it.
const instrument = params.has('instrument');

// Counted before the bundle loads: every frame an element asks for shows up here. The harness
// keeps the original for its own frames, so they are not counted.
const requestFrame = window.requestAnimationFrame.bind(window);
let frameRequests = 0;
if (instrument) {
  window.requestAnimationFrame = (callback) => {
    frameRequests++;
    return requestFrame(callback);
  };
}

await import(side === 'vanilla' ? './vanilla-stat.js' : '../../dist/impact-widgets.js');
await customElements.whenDefined(tag);

// How many times each element updated (Lit's performUpdate: render, commit, updated), to show
// which ones did work while counting up, and the time all updates took. The server makes the page
// cross-origin isolated, so performance.now() is precise to 5 µs rather than 100 µs.
const updates = new WeakMap();
let updateMs = 0;
if (instrument && side === 'lit') {
  const prototype = customElements.get(tag).prototype;
  const performUpdate = prototype.performUpdate;
  prototype.performUpdate = function () {
    const start = performance.now();
    try {
      return performUpdate.call(this);
    } finally {
      updateMs += performance.now() - start;
      updates.set(this, (updates.get(this) ?? 0) + 1);
    }
  };
}

/** A stat described by its attributes alone; values vary so formatting is real work. */
function inlineStat(i) {
  return {
    'data-value': String(((i * 37) % 400) / 10),
    'data-format': 'percent',
    'data-label': 'of people in the commercial sex trade were minors',
    'data-context': 'Cambodia, 2015',
    'data-baseline': '30',
    'data-baseline-label': 'in the early 2000s',
    'data-source': 'IJM prevalence study, 2015',
    'data-source-url': 'https://www.ijm.org/studies/cambodia',
    'data-animate': 'none',
  };
}

function createStats(n, attributes, className = 'stats') {
  const container = document.createElement('div');
  container.className = className;
  const elements = [];
  for (let i = 0; i < n; i++) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes(i))) element.setAttribute(name, value);
    container.append(element);
    elements.push(element);
  }
  return { container, elements };
}

/** After the next frame has been produced: a rAF callback, then a task queued from it. */
function afterPaint() {
  return new Promise((resolve) =>
    requestFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    }),
  );
}

/** Every element finished updating and shows a card, and that frame is on screen. */
async function rendered(elements) {
  await Promise.all(elements.map((element) => element.updateComplete));
  const missing = elements.filter((e) => !e.shadowRoot?.querySelector('[part~="card"]')).length;
  if (missing) throw new Error(`${missing} of ${elements.length} <${tag}> show no card`);
  await afterPaint();
}

function nextFrame() {
  return new Promise((resolve) => requestFrame(resolve));
}

/** The next `count` `type` events from inside `target`; rejects after `timeoutMs`. */
function events(target, type, count, timeoutMs) {
  return new Promise((resolve, reject) => {
    let seen = 0;
    const timer = setTimeout(() => {
      target.removeEventListener(type, listener);
      reject(new Error(`${seen} of ${count} ${type} events within ${timeoutMs} ms`));
    }, timeoutMs);
    function listener() {
      if (++seen < count) return;
      clearTimeout(timer);
      target.removeEventListener(type, listener);
      resolve();
    }
    target.addEventListener(type, listener);
  });
}

/** Shadow DOM and style rules in a comparable form: no comments, no whitespace-only text. */
function describe(element) {
  const node = (n) => {
    if (n.nodeType === Node.TEXT_NODE) return n.data.replace(/\s+/g, ' ').trim() || null;
    if (n.nodeType !== Node.ELEMENT_NODE) return null;
    const attributes = [...n.attributes]
      .map((a) => `${a.name}=${a.name === 'style' ? n.style.cssText : a.value}`)
      .sort();
    const children = [...n.childNodes].map(node).filter((c) => c !== null);
    // Adjacent text pieces (Lit splits text around its markers) read as one.
    const merged = [];
    for (const child of children) {
      if (typeof child === 'string' && typeof merged.at(-1) === 'string') {
        merged[merged.length - 1] = `${merged.at(-1)} ${child}`.replace(/\s+/g, ' ');
      } else merged.push(child);
    }
    return { tag: n.localName, attributes, children: merged };
  };
  // The bundle's CSS is minified: custom property values lose spaces and long hex colors, and
  // `(min-width: x)` becomes `(width >= x)`. Both sides are put in that one form.
  const normal = (text) =>
    text
      .trim()
      .replace(/\s*,\s*/g, ',')
      .replace(/#([0-9a-f])\1([0-9a-f])\2([0-9a-f])\3\b/gi, '#$1$2$3')
      .replace(/\(min-width: ([^)]+)\)/g, '(width >= $1)');
  const rule = (r) => {
    const inner = r.cssRules ? [...r.cssRules].map(rule) : [];
    const declarations = r.style
      ? [...r.style].map((p) => `${p}:${normal(r.style.getPropertyValue(p))}`).sort()
      : [];
    const head = normal(
      r.selectorText ?? r.conditionText ?? r.media?.mediaText ?? r.constructor.name,
    );
    return { head, declarations, inner };
  };
  const root = element.shadowRoot;
  return {
    dom: [...root.childNodes].map(node).filter((c) => c !== null),
    css: root.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map(rule)),
  };
}

window.bench = {
  side,
  tag,

  /** Time spent in element updates so far, in ms (lit side only). */
  updateMs: () => updateMs,

  /** The first stats of a run as they render, for the equivalence check. */
  async sample() {
    const { container, elements } = createStats(5, inlineStat);
    document.body.append(container);
    await rendered(elements);
    const descriptions = elements.map(describe);
    container.remove();
    return descriptions;
  },

  /** Insertion of `n` inline stats to all rendered and painted, in ms. */
  async firstRender(n) {
    const start = performance.now();
    const { container, elements } = createStats(n, inlineStat);
    document.body.append(container);
    await rendered(elements);
    return performance.now() - start;
  },

  /** `n` stats on one `data-src`: ms from insertion to all rendered with the loaded data. */
  async sharedData(n, src) {
    const start = performance.now();
    const { container, elements } = createStats(n, () => ({
      'data-src': src,
      'data-id': 'minors-2015',
      'data-animate': 'none',
    }));
    const ready = events(container, 'impact-ready', n, 10_000);
    document.body.append(container);
    await ready;
    await rendered(elements);
    return performance.now() - start;
  },

  /** Inserts `n` inline stats and waits until they are painted (for the heap measurement). */
  async insert(n) {
    const { container, elements } = createStats(n, inlineStat);
    document.body.append(container);
    await rendered(elements);
    return elements.length;
  },

  /**
   * Counting stats, `onScreen` in a grid that fills the viewport and `offScreen` far below it.
   * The visible grid is laid out but moved out of view by a transform until `animationStart()`,
   * so that bringing it back costs no layout and the count-up starts only then.
   */
  async animationSetup({ onScreen, offScreen, animate }) {
    const attributes = (i) => ({
      'data-value': String(((i * 37) % 400) / 10 + 40),
      'data-format': 'percent',
      'data-label': 'of minors',
      'data-baseline': '30',
      ...(animate ? {} : { 'data-animate': 'none' }),
    });
    const top = createStats(onScreen, attributes, 'grid parked');
    const bottom = createStats(offScreen, (i) => attributes(i + onScreen), 'grid far');
    document.body.append(top.container, bottom.container);
    await rendered([...top.elements, ...bottom.elements]);
    this.animation = { parked: top.container, top: top.elements, bottom: bottom.elements };
  },

  /** Shows the stats (they count up as they are seen) and starts counting frames. */
  animationStart() {
    const state = this.animation;
    state.frames = [];
    state.requestsAtStart = frameRequests;
    state.updateMsAtStart = updateMs;
    state.updatesAtStart = new Map(
      [...state.top, ...state.bottom].map((element) => [element, updates.get(element) ?? 0]),
    );
    const tick = (now) => {
      state.frames.push({ now, requests: frameRequests - state.requestsAtStart });
      if (!state.stop) requestFrame(tick);
    };
    requestFrame(tick);
    state.parked.classList.remove('parked');
  },

  /**
   * Resolves when no element asked for a frame during the last frame (the count-up is over), or
   * after `frames` frames when given, or after `timeoutMs`.
   */
  async animationEnd({ frames: wanted, timeoutMs }) {
    const state = this.animation;
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      await nextFrame();
      const { frames } = state;
      const last = frames.at(-1)?.requests ?? 0;
      const before = frames.at(-2)?.requests ?? 0;
      const done = wanted ? frames.length >= wanted : last > 0 && last === before;
      if (done || performance.now() > deadline) break;
    }
    state.stop = true;
    const { frames } = state;
    const inView = (element) => {
      const box = element.getBoundingClientRect();
      return box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
    };
    const intervals = frames.slice(1).map((frame, i) => frame.now - frames[i].now);
    const since = (element) => (updates.get(element) ?? 0) - state.updatesAtStart.get(element);
    return {
      frames: frames.length,
      ms: frames.at(-1).now - frames[0].now,
      intervals,
      frameRequests: frames.at(-1).requests,
      updateMs: updateMs - state.updateMsAtStart,
      isolated: crossOriginIsolated,
      onScreen: state.top.filter(inView).length,
      offScreenInView: state.bottom.filter(inView).length,
      // Renders while counting, per element; off screen there should be none.
      updatesOnScreen: state.top.map(since),
      updatesOffScreen: state.bottom.map(since),
    };
  },
};
