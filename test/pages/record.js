// Loaded first by every test page: records what the page would otherwise only print, so the
// test in the parent frame can read it. A classic external script, so a strict CSP allows it.
window.record = { warnings: [], errors: [], violations: [] };
const warn = console.warn;
console.warn = (...args) => {
  window.record.warnings.push(args.map(String).join(' '));
  warn.apply(console, args);
};
window.addEventListener('error', (event) => window.record.errors.push(String(event.message)));
window.addEventListener('unhandledrejection', (event) =>
  window.record.errors.push(String(event.reason)),
);
document.addEventListener('securitypolicyviolation', (event) =>
  window.record.violations.push(`${event.violatedDirective} ${event.blockedURI}`),
);
