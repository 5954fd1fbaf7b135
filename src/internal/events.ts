/**
 * The events every element shares. They bubble and cross shadow roots, because partners listen for
 * them on `document` for their own analytics and error reporting.
 */
export interface ImpactErrorDetail {
  /** What went wrong, for code: `network`, `timeout`, `http`, `not-json`, `schema`, `not-found`, `attribute`, `render` or (a sign-up service refusing the set-up) `endpoint`. */
  cause: string;
  /** The same sentence the console warning prints. */
  message: string;
}

export type ImpactErrorEvent = CustomEvent<ImpactErrorDetail>;

export function emit<T>(target: EventTarget, type: string, detail: T, cancelable = false): boolean {
  return target.dispatchEvent(
    new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable }),
  );
}

declare global {
  interface GlobalEventHandlersEventMap {
    'impact-error': ImpactErrorEvent;
    'impact-ready': CustomEvent<{ id?: string }>;
  }
}
