/**
 * Records what a test's page would otherwise only print: console warnings and uncaught errors
 * (which it also stops from failing the run, so a test can assert there were none).
 */
export function watchPage() {
  const uncaught: unknown[] = [];
  const warnings: string[] = [];
  const record = (event: Event) => {
    uncaught.push(event);
    event.preventDefault();
  };
  const warn = console.warn;
  console.warn = (message: string) => warnings.push(message);
  window.addEventListener('error', record);
  window.addEventListener('unhandledrejection', record);
  return {
    uncaught,
    warnings,
    stop() {
      console.warn = warn;
      window.removeEventListener('error', record);
      window.removeEventListener('unhandledrejection', record);
    },
  };
}
