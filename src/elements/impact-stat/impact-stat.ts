import { html, isServer, nothing, svg, type PropertyDeclarations, type PropertyValues } from 'lit';
import { StudyItemController } from '../../controllers/study-item-controller.js';
import { studyDocumentSchema, type Stat, type StatFormat, type Study } from '../../data/schema.js';
import { formatStat, statFormatter, type StatFormatOptions } from '../../format/format-stat.js';
import { bdi } from '../../internal/bidi.js';
import { emit } from '../../internal/events.js';
import { fallback, ImpactElement, skeleton, words } from '../../internal/impact-element.js';
import { direction, elementLang } from '../../internal/lang.js';
import { messagesFor } from '../../internal/messages.js';
import { safeUrl } from '../../internal/safe-url.js';
import { styles } from './impact-stat.styles.js';

const COUNT_UP_MS = 1200;
const FORMATS: readonly string[] =
  studyDocumentSchema.properties.stats.items.properties.format.enum;

const MESSAGES = {
  en: {
    source: 'Source:',
    cited: ', as cited in ',
    down: 'down from',
    up: 'up from',
    same: 'the same as',
  },
  fr: {
    source: 'Source :',
    cited: ', cité dans ',
    down: 'en baisse, contre',
    up: 'en hausse, contre',
    same: 'comme',
  },
};

/** Everything the card shows, resolved once per change of input rather than on every frame. */
interface View {
  id?: string;
  /** `rtl` for a card in a language written right to left. */
  dir: 'rtl' | undefined;
  value: number;
  /** Where the count-up starts: the baseline, else 0. */
  from: number;
  format: (value: number) => string;
  text: string;
  label?: string;
  context?: string;
  /** The comparison in words: "down from 30% in the early 2000s". */
  baseline?: string;
  source?: string;
  href?: string;
  /** The study the card is from, cited after the source. */
  study?: Study;
  /** "Source:" in the element's language. */
  word: string;
  /**
   * What joins the source to the study: " · " when the study measured the figure, ", as cited
   * in " when it only reports it from that source.
   */
  joint: string;
}

/** An inline number: `data-value="2,2"` must fail loudly, not show as 2 or as NaN. */
function toNumber(raw: number | string | null | undefined, attribute: string, whole = false) {
  if (raw == null) return undefined;
  const n = typeof raw === 'number' ? raw : raw.trim() ? Number(raw) : NaN;
  if (whole ? !Number.isInteger(n) || n < 0 || n > 20 : !Number.isFinite(n)) {
    throw new Error(
      `${attribute} "${raw}" is not ${whole ? 'a whole number from 0 to 20' : 'a number'}`,
    );
  }
  return n;
}

/** The card's shape while its document loads: a figure, and a label, context and citation. */
const SKELETON = skeleton(
  html`<p class="value"><i>xxxx</i></p>
    <div><p class="label">${words(9)}</p></div>
    <p class="context">${words(11)}</p>
    <p class="source">${words(15)}</p>`,
);

/**
 * One bar of the comparison, as long as its share of the larger figure. Drawn in SVG, whose
 * length is an attribute: a pre-rendered card under a strict CSP can carry no `style`.
 */
const bar = (share: number) =>
  html`<svg>${svg`<line x2="${share * 100}%" y1="50%" y2="50%"></line>`}</svg>`;

/** One observer for every stat on the page: it is cheaper than one each. */
let observer: IntersectionObserver | undefined;
/** One live media query for every stat, read when a stat resolves its figure. */
let reducedMotion: MediaQueryList | undefined;

/**
 * A study's headline number as a self-contained card: counted up when it first comes into view,
 * compared with a baseline, and cited. Its figure comes from a study document (`data-src` and
 * `data-id`, the embedded study when `data-src` is absent), from inline attributes alone, or from a
 * document with inline attributes overriding its fields.
 *
 * @summary A cited headline number, counted up and compared.
 * @tag impact-stat
 *
 * @slot - Fallback content, shown until the card renders and again if it cannot (bad value,
 *   missing id, failed load). Write the figure here in plain words.
 *
 * @csspart card - The card around everything.
 * @csspart value - The figure.
 * @csspart label - What the figure counts.
 * @csspart context - Where and when.
 * @csspart bars - The two-bar comparison with the baseline (hidden from assistive tech; the
 *   baseline text says the same).
 * @csspart baseline - The comparison with the baseline, in words and figures.
 * @csspart source - The citation.
 * @csspart skeleton - The card-shaped placeholder shown while a `data-src` document loads, sized
 *   by the card's rules; style it with the card (`::part(card), ::part(skeleton)`).
 *
 * @cssprop --impact-accent - The figure and its bar.
 * @cssprop --impact-text - Body text.
 * @cssprop --impact-muted - Context, citation and the baseline bar.
 * @cssprop --impact-surface - Card background.
 * @cssprop --impact-border - Card border.
 * @cssprop --impact-font - Font family (inherited from the page by default).
 * @cssprop --impact-radius - Card corner radius.
 * @cssprop --impact-focus - Focus ring of the source link.
 *
 * @cssstate loading - The `data-src` document is loading; a skeleton of the card holds its place.
 * @cssstate error - The stat cannot be shown; the fallback content is.
 *
 * @fires {CustomEvent<{id?: string}>} impact-ready - Once the card has rendered with data (again
 *   after a new document has loaded).
 * @fires {CustomEvent<{id?: string}>} impact-visible - The first time the stat is on screen.
 * @fires {CustomEvent<{cause: string, message: string}>} impact-error - An attribute or the document
 *   is unusable; `message` is the console warning.
 */
export class ImpactStatElement extends ImpactElement {
  static override styles = [...ImpactElement.styles, styles];

  static override properties: PropertyDeclarations = {
    value: { attribute: 'data-value' },
    format: { attribute: 'data-format' },
    currency: { attribute: 'data-currency' },
    decimals: { attribute: 'data-decimals' },
    label: { attribute: 'data-label' },
    context: { attribute: 'data-context' },
    baseline: { attribute: 'data-baseline' },
    baselineLabel: { attribute: 'data-baseline-label' },
    source: { attribute: 'data-source' },
    sourceUrl: { attribute: 'data-source-url' },
    animation: { attribute: 'data-animate' },
    progress: { state: true, attribute: false },
  };

  /** The figure, overriding the document's. For `percent`, percentage points: 2.2 means 2.2 %. */
  declare value?: number | string;

  /** `percent`, `number`, `compact` (1.2M) or `currency`; `number` when neither this nor the document says. */
  declare format?: StatFormat;

  /** ISO 4217 code such as `USD`, for the `currency` format. */
  declare currency?: string;

  /** Fraction digits (0 to 20); by default the value's own, at most one for percentages. */
  declare decimals?: number | string;

  /** What the figure counts: "of people in the commercial sex trade were minors". */
  declare label?: string;

  /** Where and when the figure holds. */
  declare context?: string;

  /** An earlier figure to compare with, in the same unit as the value. */
  declare baseline?: number | string;

  /** When or where the baseline holds, read after it: "in the early 2000s". */
  declare baselineLabel?: string;

  /** The citation's label. */
  declare source?: string;

  /** The citation's link; only http and https URLs become links. */
  declare sourceUrl?: string;

  /**
   * `none` shows the final figure at once instead of counting up to it. (Named `animation` in
   * script because `animate()` is already every element's Web Animations method.)
   */
  declare animation?: string;

  /** How far the count-up has come, eased, from 0 to 1. */
  private progress = 0;

  #data = new StudyItemController(this, 'stats', { standalone: () => this.value != null });
  #states = this.attachInternals().states;
  #view?: View;
  #seen = false;
  /** The count-up is over, or not wanted: the final figure shows. */
  #played = false;
  #frame = 0;
  #ready = false;

  override connectedCallback(): void {
    super.connectedCallback();
    // A pre-rendered card showed the final figure from the first paint: counting up to it again
    // would replay what the reader has already seen.
    if (this.prerendered) this.#played = true;
    // Seen before, it may have been given its figure while out of the page: count it up now.
    if (this.#seen) return this.#play();
    observer ??= new IntersectionObserver((entries) => {
      for (const { isIntersecting, target } of entries) {
        if (isIntersecting) (target as ImpactStatElement).#see();
      }
    });
    observer.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    observer?.unobserve(this);
    if (this.#frame) {
      cancelAnimationFrame(this.#frame);
      this.#frame = 0;
      this.#played = true;
      this.progress = 1;
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Lit SSR calls no update(): a server render builds its card here, at the final figure.
    if (isServer) {
      this.#played = true;
      this.#resolve();
    }
  }

  protected override update(changed: PropertyValues): void {
    // Controllers resolve the item after willUpdate, so the view is built here; frames skip it.
    if (changed.size !== 1 || !changed.has('progress')) this.#resolve();
    super.update(changed);
  }

  protected override renderContent() {
    const view = this.#view;
    if (!view) return this.#data.state.status === 'loading' ? SKELETON : fallback;
    const { value, from, label, context, baseline, source, href, study } = view;
    // Both bars are scaled to the larger figure.
    const max = Math.max(Math.abs(value), Math.abs(from)) || 1;
    return html`<div part="card" class="card" dir=${view.dir ?? nothing}>
      <p part="value">
        <span class="sr">${view.text}</span
        ><span aria-hidden="true"
          >${this.#played ? view.text : view.format(from + (value - from) * this.progress)}</span
        >
      </p>
      <div>
        ${label ? html`<p part="label">${label}</p>` : nothing}
        ${
          baseline
            ? html`<div part="bars" aria-hidden="true">
                  ${bar(Math.abs(value) / max)}${bar(Math.abs(from) / max)}
                </div>
                <p part="baseline">${baseline}</p>`
            : nothing
        }
      </div>
      ${context ? html`<p part="context">${context}</p>` : nothing}
      ${
        source || study
          ? html`<p part="source">
              ${view.word}
              ${href ? html`<a href=${href}>${bdi(source)}</a>` : bdi(source)}${
                source && study ? view.joint : ''
              }${study ? html`<cite>${bdi(study.title)}, ${study.year}</cite>` : nothing}
            </p>`
          : nothing
      }
    </div>`;
  }

  protected override updated(changed: PropertyValues): void {
    const view = this.#view;
    // A count-up frame changes only the digits: nothing here needs redoing 70 times a second.
    if (!view || (changed.size === 1 && changed.has('progress'))) return;
    if (!this.#ready) {
      this.#ready = true;
      emit(this, 'impact-ready', { id: view.id });
    }
    this.#play();
  }

  #see(): void {
    this.#seen = true;
    observer!.unobserve(this);
    emit(this, 'impact-visible', { id: this.#view?.id ?? this.itemId });
    this.#play();
  }

  /** Counts up once the card has both data and a reader; before that, no frame is requested. */
  #play(): void {
    // Out of the page, no frame: they would run on for nobody until the count-up ends.
    if (!this.#view || !this.#seen || this.#played || this.#frame || !this.isConnected) return;
    let start = 0;
    const step = (now: number) => {
      start ||= now;
      const t = Math.min((now - start) / COUNT_UP_MS, 1);
      this.#played = t === 1;
      this.#frame = this.#played ? 0 : requestAnimationFrame(step);
      this.progress = 1 - (1 - t) ** 3;
    };
    this.#frame = requestAnimationFrame(step);
  }

  #resolve(): void {
    const { state } = this.#data;
    let error: [string, string] | undefined;
    this.#view = undefined;
    if (state.status === 'error') {
      const { cause, attribute, message } = state.error;
      error = [cause, `${attribute}: ${message}`];
    } else if (state.status === 'ready') {
      try {
        this.#view = this.#merge(state.items[0], state.study);
      } catch (e) {
        error = ['attribute', (e as Error).message];
      }
    }
    this.#states[state.status === 'loading' ? 'add' : 'delete']('loading');
    this.#states[error ? 'add' : 'delete']('error');
    if (error) this.reportError(...error);
    if (!this.#view) this.#ready = false;
    if (
      !this.#played &&
      (this.animation === 'none' ||
        (reducedMotion ??= matchMedia('(prefers-reduced-motion: reduce)')).matches)
    ) {
      this.#played = true;
    }
  }

  /** The document's item (none for a standalone stat) with the inline attributes over it. */
  #merge(item: Stat | undefined, study?: Study): View {
    const options: StatFormatOptions = {
      format: this.format ?? item?.format ?? 'number',
      locale: elementLang(this, study?.locale),
      currency: this.currency ?? item?.currency,
      decimals: toNumber(this.decimals, 'data-decimals', true) ?? item?.decimals,
    };
    const { format, currency } = options;
    if (!FORMATS.includes(format)) {
      throw new Error(`data-format "${format}" is not one of ${FORMATS.join(', ')}`);
    }
    const words = messagesFor(options.locale, MESSAGES);
    const value = toNumber(this.value, 'data-value') ?? item!.value;
    let formatter;
    try {
      formatter = statFormatter(value, options);
    } catch {
      throw new Error(`data-currency "${currency ?? ''}" is not an ISO 4217 currency code`);
    }
    const then = toNumber(this.baseline, 'data-baseline') ?? item?.baseline?.value;
    const when = this.baselineLabel ?? item?.baseline?.label;

    const url = this.sourceUrl ?? item?.source?.url;
    const href = safeUrl(url);
    if (url && !href) {
      const [cause, name] =
        this.sourceUrl != null
          ? ['attribute', 'data-source-url']
          : ['schema', `source.url of stat "${item!.id}"`];
      this.reportError(
        cause,
        `${name} "${url}" is not an http(s) URL, so the source is not linked`,
      );
    }
    return {
      id: item?.id,
      dir: direction(options.locale),
      value,
      from: then ?? 0,
      format: formatter,
      text: formatter(value),
      label: this.label ?? item?.label,
      context: this.context ?? item?.context,
      baseline:
        then === undefined
          ? undefined
          : `${words[value < then ? 'down' : value > then ? 'up' : 'same']} ${formatStat(then, options)}${when ? ` ${when}` : ''}`,
      // A blank label is none: the link then reads as its URL, never as nothing.
      source: this.source?.trim() || item?.source?.label || href,
      href,
      study,
      word: words.source,
      joint: item?.source?.cited ? words.cited : ' · ',
    };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'impact-stat': ImpactStatElement;
  }
  interface GlobalEventHandlersEventMap {
    'impact-visible': CustomEvent<{ id?: string }>;
  }
}
