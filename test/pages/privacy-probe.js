// Injected as the first script of a page (test/server.js: /demo/index.html?first=privacy-probe), so
// it is in place before the bundle runs: records every request the page makes (resource timing,
// buffered from the navigation on, and the script APIs that send requests), every cookie write,
// every use of a storage API (and, on their own, writes to Web Storage), and uncaught errors. It
// touches none of those itself.
(() => {
  const record = { requests: [], cookies: [], storage: [], writes: [], errors: [] };
  window.privacy = record;
  const request = (url) => record.requests.push(new URL(String(url), document.baseURI).href);

  new PerformanceObserver((list) =>
    list.getEntries().forEach((entry) => request(entry.name)),
  ).observe({ type: 'resource', buffered: true });
  const { fetch } = window;
  window.fetch = function (input, init) {
    request(input instanceof Request ? input.url : input);
    return fetch.call(window, input, init);
  };
  const { open } = XMLHttpRequest.prototype;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    request(url);
    return open.call(this, method, url, ...rest);
  };
  const { sendBeacon } = Navigator.prototype;
  Navigator.prototype.sendBeacon = function (url, data) {
    request(url);
    return sendBeacon.call(this, url, data);
  };
  for (const name of ['WebSocket', 'EventSource']) {
    const Original = window[name];
    window[name] = new Proxy(Original, {
      construct(target, args) {
        request(args[0]);
        return Reflect.construct(target, args);
      },
    });
  }

  // Cookies: document.cookie and the Cookie Store API.
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  Object.defineProperty(Document.prototype, 'cookie', {
    configurable: true,
    get() {
      return cookie.get.call(this);
    },
    set(value) {
      record.cookies.push(String(value));
      cookie.set.call(this, value);
    },
  });
  if (window.CookieStore) {
    for (const method of ['set', 'delete']) {
      const original = CookieStore.prototype[method];
      CookieStore.prototype[method] = function (...args) {
        record.cookies.push(`cookieStore.${method} ${JSON.stringify(args[0])}`);
        return original.apply(this, args);
      };
    }
  }

  // Storage: reaching for any of these counts, whatever is done with it next. Web Storage comes
  // back wrapped, so that a write (a method or a plain property set or delete) is recorded too.
  const WRITES = ['setItem', 'removeItem', 'clear'];
  const watch = (name, storage) =>
    new Proxy(storage, {
      get(target, key) {
        const value = Reflect.get(target, key, target);
        if (typeof value !== 'function') return value;
        return function (...args) {
          if (WRITES.includes(key)) record.writes.push(`${name}.${key}`);
          return value.apply(target, args);
        };
      },
      set(target, key, value) {
        record.writes.push(`${name}.${String(key)} =`);
        return Reflect.set(target, key, value, target);
      },
      deleteProperty(target, key) {
        record.writes.push(`delete ${name}.${String(key)}`);
        return Reflect.deleteProperty(target, key);
      },
    });
  for (const name of ['localStorage', 'sessionStorage', 'indexedDB', 'caches']) {
    let owner = window;
    while (owner && !Object.getOwnPropertyDescriptor(owner, name)) {
      owner = Object.getPrototypeOf(owner);
    }
    if (!owner) continue;
    const { get } = Object.getOwnPropertyDescriptor(owner, name);
    let watched;
    Object.defineProperty(window, name, {
      configurable: true,
      get() {
        record.storage.push(name);
        const api = get.call(window);
        if (!name.endsWith('Storage')) return api;
        watched ??= watch(name, api);
        return watched;
      },
    });
  }

  window.addEventListener('error', (event) => record.errors.push(String(event.message)));
  window.addEventListener('unhandledrejection', (event) =>
    record.errors.push(String(event.reason)),
  );
})();
