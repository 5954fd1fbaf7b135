import {
  html,
  isServer,
  LitElement,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { resolveOnServer } from '../controllers/study-item-controller.js';
import { themeStyles } from '../styles/theme.js';
import { emit } from './events.js';
import { followLang } from './lang.js';
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
 *
 * It also takes over a pre-rendered card (a declarative shadow root written by the snapshot
 * command). Lit without hydration would render a second card beside it (lit/lit#4472); here the
 * pre-rendered nodes stay, alone, until the element has a card of its own, and go in the same
 * task as that card arrives, so the reader never sees two, nor a change of size.
 */
export abstract class ImpactElement extends LitElement {
  static override styles = [themeStyles];

  /**
   * Reactive properties are declared here, not with lit's `@property`/`@state` decorators (see
   * rollup.config.js: the decorators cost the bundle about 400 B brotli). Each property's doc
   * comment sits on its `declare` field below; `attribute: false` on internal state keeps it out
   * of custom-elements.json (lit already gives state no attribute).
   */
  static override properties: PropertyDeclarations = {
    src: { attribute: 'data-src' },
    itemId: { attribute: 'data-id' },
    theme: { attribute: 'data-theme', reflect: true },
    renderFailed: { state: true, attribute: false },
  };

  /** URL of a study document (JSON). Without it, the embedded default study is used. */
  declare src?: string;

  /** Id of the item in the document; the first item of the element's kind when absent. */
  declare itemId?: string;

  /** Color scheme: `light` (default), `dark`, or `auto` to follow the reader's system setting. */
  declare theme?: Theme;

  private renderFailed = false;

  /** The element found a pre-rendered card in its shadow root: its reader has seen it already. */
  protected prerendered = false;

  /** Problems already reported by this element: a re-render must not repeat the event. */
  #reported = new Set<string>();
  /** The pre-rendered card's nodes, until the element shows a card of its own. */
  #kept?: ChildNode[];
  /** The last render showed a placeholder (the fallback or the skeleton), not a card. */
  #placeholder = false;

  /** The element's content; its light-DOM fallback is shown instead if this throws. */
  protected abstract renderContent(): TemplateResult | typeof fallback;

  override connectedCallback(): void {
    super.connectedCallback();
    followLang(this, true);
    // Moved while out of the page, it may have another language now.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    followLang(this, false);
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const kept = [...(this.shadowRoot?.childNodes ?? [])];
    const root = super.createRenderRoot();
    // LitElement renders in front of the root's first child, which the takeover removes (and a
    // removed node would make every later render throw): render after the pre-rendered nodes.
    this.renderOptions.renderBefore = null;
    if (kept.length) {
      this.prerendered = true;
      this.#kept = kept;
    }
    return root;
  }

  protected override render(): unknown {
    const content = this.renderFailed ? fallback : this.renderContent();
    this.#placeholder = placeholders.has(content);
    // A pre-rendered card beats a skeleton or a fallback: it stays until there is a live card.
    return this.#kept && this.#placeholder ? nothing : content;
  }

  protected override update(changed: PropertyValues): void {
    super.update(changed);
    if (this.#kept && !this.#placeholder) {
      for (const node of this.#kept) node.remove();
      this.#kept = undefined;
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    // Any new input deserves a fresh attempt at rendering.
    if (this.renderFailed && !changed.has('renderFailed')) this.renderFailed = false;
    // Lit SSR runs no controller hooks: a server render resolves its document here.
    if (isServer) resolveOnServer(this);
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

/** What stands in for a card: the element is not showing its data. */
const placeholders = new WeakSet<object>([fallback]);

/**
 * A placeholder shaped like the element's card, for the time its `data-src` document loads: the
 * card's own parts holding placeholder words (`words()`), so the card's rules size and wrap them
 * as they will the card's own, and the page does not move when the card arrives. It is decoration
 * for the eye; the light-DOM fallback stays in the accessibility tree, visually hidden.
 */
export function skeleton(shape: TemplateResult): TemplateResult {
  const result = html`<div part="skeleton" class="card skeleton" aria-hidden="true">${shape}</div>
    <slot class="sr"></slot>`;
  placeholders.add(result);
  return result;
}

/** `count` placeholder words, about as long as words of English are, for a skeleton's line. */
export const words = (count: number) => html`<i>${'xxxxx '.repeat(count).trim()}</i>`;
