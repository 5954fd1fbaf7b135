// Loaded by the lifecycle pages before the bundle: keeps live counts of everything a page can be
// left holding — pending timers and animation frames, observers with something to observe,
// media-query and window/document listeners, fetches in flight — so a test can check that they
// come back to the page's baseline once its elements are gone. A classic external script, so a
// strict CSP allows it; it patches prototypes, so it sees the bundle's calls whatever copy makes them.
(() => {
  const timers = new Map(); // id -> 'timeout' | 'interval'
  const frames = new Set();
  const observing = new Map(); // observer -> Set of targets
  const listeners = new Map(); // target -> Map of "type capture" -> Set of listeners
  let fetches = 0;

  const { setTimeout, setInterval, clearTimeout, clearInterval } = window;
  const { requestAnimationFrame, cancelAnimationFrame } = window;
  window.setTimeout = (handler, ...rest) => {
    const id = setTimeout.call(
      window,
      typeof handler === 'function'
        ? (...args) => {
            timers.delete(id);
            handler(...args);
          }
        : handler,
      ...rest,
    );
    timers.set(id, 'timeout');
    return id;
  };
  window.setInterval = function (...args) {
    const id = setInterval.apply(window, args);
    timers.set(id, 'interval');
    return id;
  };
  // Either clear function clears either kind of timer.
  window.clearTimeout = window.clearInterval = function (id) {
    timers.delete(id);
    clearTimeout.call(window, id);
    clearInterval.call(window, id);
  };
  window.requestAnimationFrame = function (callback) {
    const id = requestAnimationFrame.call(window, (now) => {
      frames.delete(id);
      callback(now);
    });
    frames.add(id);
    return id;
  };
  window.cancelAnimationFrame = function (id) {
    frames.delete(id);
    cancelAnimationFrame.call(window, id);
  };

  for (const Observer of [IntersectionObserver, ResizeObserver, MutationObserver]) {
    const { observe, unobserve, disconnect } = Observer.prototype;
    Observer.prototype.observe = function (target, ...rest) {
      observe.call(this, target, ...rest);
      if (!observing.has(this)) observing.set(this, new Set());
      observing.get(this).add(target);
    };
    if (unobserve) {
      Observer.prototype.unobserve = function (target) {
        unobserve.call(this, target);
        observing.get(this)?.delete(target);
        if (observing.get(this)?.size === 0) observing.delete(this);
      };
    }
    Observer.prototype.disconnect = function () {
      disconnect.call(this);
      observing.delete(this);
    };
  }

  const keyOf = (type, options) =>
    `${type} ${typeof options === 'boolean' ? options : Boolean(options?.capture)}`;
  const untrack = (target, key, listener) => {
    const set = listeners.get(target)?.get(key);
    set?.delete(listener);
    if (set?.size === 0) listeners.get(target).delete(key);
    if (listeners.get(target)?.size === 0) listeners.delete(target);
  };
  const track = (target, type, listener, options) => {
    if (!listener) return;
    const key = keyOf(type, options);
    if (!listeners.has(target)) listeners.set(target, new Map());
    const byKey = listeners.get(target);
    if (!byKey.has(key)) byKey.set(key, new Set());
    byKey.get(key).add(listener);
    const forget = () => untrack(target, key, listener);
    // The platform removes these by itself: a `once` listener after its event, a signalled one on abort.
    if (typeof options === 'object' && options?.once) add.call(target, type, forget, options);
    if (typeof options === 'object' && options?.signal) {
      options.signal.addEventListener('abort', forget, { once: true });
    }
  };
  const watched = (target) =>
    target === window || target === document || target instanceof MediaQueryList;
  const { addEventListener: add, removeEventListener: remove } = EventTarget.prototype;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    add.call(this, type, listener, options);
    if (watched(this) && !(typeof options === 'object' && options?.signal?.aborted)) {
      track(this, type, listener, options);
    }
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    remove.call(this, type, listener, options);
    if (watched(this)) untrack(this, keyOf(type, options), listener);
  };
  const { addListener, removeListener } = MediaQueryList.prototype;
  MediaQueryList.prototype.addListener = function (listener) {
    addListener.call(this, listener);
    track(this, 'change', listener, false);
  };
  MediaQueryList.prototype.removeListener = function (listener) {
    removeListener.call(this, listener);
    untrack(this, keyOf('change', false), listener);
  };

  const { fetch } = window;
  window.fetch = function (...args) {
    fetches++;
    const answer = fetch.apply(window, args);
    answer.then(
      () => fetches--,
      () => fetches--,
    );
    return answer;
  };

  const count = (kind) => [...timers.values()].filter((k) => k === kind).length;
  const listening = (which) =>
    [...listeners]
      .filter(([target]) => which(target))
      .reduce((sum, [, byKey]) => sum + [...byKey.values()].reduce((n, set) => n + set.size, 0), 0);
  const observers = (Observer) => [...observing.keys()].filter((o) => o instanceof Observer).length;

  function counts() {
    return {
      timeouts: count('timeout'),
      intervals: count('interval'),
      animationFrames: frames.size,
      intersectionObservers: observers(IntersectionObserver),
      resizeObservers: observers(ResizeObserver),
      mutationObservers: observers(MutationObserver),
      mediaQueryListeners: listening((target) => target instanceof MediaQueryList),
      windowListeners: listening((target) => target === window),
      documentListeners: listening((target) => target === document),
      fetches,
    };
  }

  window.leftovers = { baseline: counts(), counts };
})();
