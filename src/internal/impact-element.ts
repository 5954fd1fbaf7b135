import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { themeStyles } from '../styles/theme.js';
import { emit } from './events.js';
import { warnOnce } from './warn.js';

/** `light`, `dark`, or `auto` to follow the reader's system setting. */
export type Theme = 'light' | 'dark' | 'auto';

/**
 * The one thin layer the elements share. It exists because catching render errors means
 * overriding `scheduleUpdate`, which no controller can do; everything else shared lives in
 * controllers and plain modules.
 *
 * Lit re-throws an exception from `render()` as an unhandled rejection on the host page. Here it
 * is caught, reported like any other error, and the element falls back to its light-DOM content.
 */
export abstract class ImpactElement extends LitElement {
  static override styles = [themeStyles];

  /** URL of a study document (JSON). Without it, the embedded default study is used. */
  @property({ attribute: 'data-src' }) src?: string;

  /** Id of the item in the document; the first item of the element's kind when absent. */
  @property({ attribute: 'data-id' }) itemId?: string;

  /** Color scheme: `light` (default), `dark`, or `auto` to follow the reader's system setting. */
  @property({ attribute: 'data-theme', reflect: true }) theme?: Theme;

  @state() private renderFailed = false;

  /** Problems already reported by this element: a re-render must not repeat the event. */
  #reported = new Set<string>();

  /** The element's content; its light-DOM fallback is shown instead if this throws. */
  protected abstract renderContent(): TemplateResult | typeof fallback;

  protected override render(): unknown {
    return this.renderFailed ? fallback : this.renderContent();
  }

  protected override willUpdate(changed: PropertyValues): void {
    // Any new input deserves a fresh attempt at rendering.
    if (this.renderFailed && !changed.has('renderFailed')) this.renderFailed = false;
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    try {
      return super.scheduleUpdate();
    } catch (error) {
      this.reportError('render', `could not render: ${(error as Error)?.message ?? error}`);
      this.renderFailed = true;
    }
  }

  /**
   * Tells the partner what went wrong: once per page in the console (naming the element), and
   * once per element as an `impact-error` event for their own monitoring. Never throws.
   */
  protected reportError(cause: string, message: string): void {
    if (this.#reported.has(message)) return;
    this.#reported.add(message);
    const text = `<${this.localName}>: ${message}`;
    warnOnce(text);
    emit(this, 'impact-error', { cause, message: text });
  }
}

/** Shows the partner's own light-DOM content: before data arrives, and whenever it cannot. */
export const fallback = html`<slot></slot>`;
