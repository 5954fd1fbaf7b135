import { html, isServer, nothing, svg, type PropertyDeclarations, type PropertyValues } from 'lit';
import { RotationController } from '../../controllers/rotation-controller.js';
import { StudyItemController } from '../../controllers/study-item-controller.js';
import type { Quote, Study } from '../../data/schema.js';
import { lookup } from '../../data/languages.js';
import { bdi } from '../../internal/bidi.js';
import { emit } from '../../internal/events.js';
import { fallback, ImpactElement, skeleton, words } from '../../internal/impact-element.js';
import { elementLang } from '../../internal/lang.js';
import { fill } from '../../internal/messages.js';
import { safeUrl } from '../../internal/safe-url.js';
import { quoteWords } from './study-quote.messages.js';
import { studyQuoteStyles } from './study-quote.styles.js';

type Messages = typeof quoteWords.en;

const icon = (d: string) =>
  html`<svg viewBox="0 0 24 24" aria-hidden="true">${svg`<path d=${d} />`}</svg>`;

const e = encodeURIComponent;

/** Plain intent URLs: a link, not a script, so sharing loads nothing from the networks. */
const NETWORKS: Record<
  string,
  [name: string, path: string, href: (line: string, url: string) => string]
> = {
  x: [
    'X',
    'M4 4h5l11 16h-5zM19 4l-5.5 6.5M5 20l5.5-6.5',
    (line, url) => `https://twitter.com/intent/tweet?text=${e(line)}&url=${e(url)}`,
  ],
  facebook: [
    'Facebook',
    'M15 4h-2a3 3 0 0 0-3 3v13M7 11h7',
    (_, url) => `https://www.facebook.com/sharer/sharer.php?u=${e(url)}`,
  ],
  linkedin: [
    'LinkedIn',
    'M6 10v9M6 5v.5M11 19v-9m0 4a3.5 3.5 0 0 1 7 0v5',
    (_, url) => `https://www.linkedin.com/sharing/share-offsite/?url=${e(url)}`,
  ],
};
const MAIL = 'M3 6h18v12H3zm0 0 9 7 9-7';
const COPY = 'M9 9h11v11H9zM5 15V4h11';
const SHARE = 'M12 3v12M7 8l5-5 5 5M5 13v7h14v-7';
const PREV = 'M15 5l-7 7 7 7';
const NEXT = 'M9 5l7 7-7 7';
const PAUSE = 'M8 5v14M16 5v14';
const PLAY = 'M7 4l12 8-12 8z';

/** What the numeric attributes take, and what the quote does instead of a value it cannot. */
const SETTINGS: Record<string, [ok: (n: number) => boolean, instead: string]> = {
  'data-clamp': [
    (n) => Number.isInteger(n) && n >= 0,
    'a whole number of lines, so the quote is not clamped',
  ],
  // Under a tenth of a second a rotation would re-render without pause.
  'data-interval': [
    (n) => n >= 0.1,
    'a number of seconds of 0.1 or more, so quotes change every 10 s',
  ],
};

/** A tweet holds 280 characters, 24 of them taken by the link. */
const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max).replace(/\s+\S*$/, '')}…` : text;

/** The card's shape while its document loads: a quote, its author and role, and its source. */
const SKELETON = skeleton(
  html`<figure>
    <blockquote>${words(48)}</blockquote>
    <figcaption>
      <span>${words(2)}</span><span>${words(5)}</span><cite>${words(5)}</cite>
    </figcaption>
  </figure>`,
);

const dates = new Map<string, Intl.DateTimeFormat>();

/**
 * An ISO date (`2015`, `2015-03`, `2015-03-18`) in the card's language; any other text as
 * written. Dates without a time are read in UTC, so "2021-05-04" is the 4th everywhere.
 */
function formatDate(value: string, lang: string): [text: string, iso?: string] {
  const match = /^\d{4}(-\d\d)?(-\d\d)?$/.exec(value);
  const time = Date.parse(value);
  if (!match || Number.isNaN(time)) return [value];
  // Months are named only in the built-in languages, which every runtime's Intl has. In another
  // the date is as written (a language map can write it): Node's ICU names Khmer months where
  // Debian's Chromium would fall back to English, so the snapshot and the live card would differ.
  if (!match[1] || !lookup(lang, Object.keys(quoteWords))) return [value, value];
  const key = `${lang}${!!match[2]}`;
  let format = dates.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      lang,
      match[2]
        ? { dateStyle: 'long', timeZone: 'UTC' }
        : { year: 'numeric', month: 'long', timeZone: 'UTC' },
    );
    dates.set(key, format);
  }
  return [format.format(time), value];
}

/**
 * An attributed quote from a study: a figure with the quote and a caption naming its author, role,
 * date and source. A partner's own `<blockquote>` child is a real quote before the script loads, in
 * feed readers and without JavaScript; once the element renders, its text is the quote. With
 * several ids it becomes an accessible rotation, and it can offer plain share links.
 *
 * @tag study-quote
 * @summary An attributed quote from a study, with optional rotation, clamping and share links.
 *
 * @slot - Fallback content, shown until the quote renders and again if it cannot: typically a
 *   `<blockquote>`, whose text is the quote when neither `data-id` nor `data-src` is given.
 *
 * @csspart card - The card around everything.
 * @csspart quote - The `<figure>`: quotation and caption.
 * @csspart text - The `<blockquote>` holding the quote's words.
 * @csspart author - The author's name.
 * @csspart role - The author's role.
 * @csspart date - The date, a `<time>` when it is an ISO date.
 * @csspart source - The source: a link when its URL is http(s), else a `<cite>`.
 * @csspart controls - Previous, pause/play, next and the position of a rotating quote.
 * @csspart share - The share links and buttons, and the copy confirmation.
 * @csspart skeleton - The card-shaped placeholder shown while a `data-src` document loads, sized
 *   by the card's rules; style it with the card (`::part(card), ::part(skeleton)`).
 *
 * @cssprop --impact-accent - Quotation mark, links and "Read more".
 * @cssprop --impact-text - Quote and author.
 * @cssprop --impact-muted - Role, date, source and controls.
 * @cssprop --impact-surface - Card background.
 * @cssprop --impact-border - Card and button borders.
 * @cssprop --impact-font - Font family; the page's by default.
 * @cssprop --impact-radius - Card corner radius.
 * @cssprop --impact-focus - Focus ring.
 *
 * @fires {CustomEvent<{id?: string}>} impact-ready - Once the quote has rendered with its data.
 * @fires {CustomEvent<{cause: string, message: string}>} impact-error - When the quote cannot be
 *   shown, or an attribute was refused; the fallback content stays when it cannot be shown.
 */
export class StudyQuoteElement extends ImpactElement {
  static override styles = [...ImpactElement.styles, studyQuoteStyles];

  static override properties: PropertyDeclarations = {
    text: { attribute: 'data-text' },
    author: { attribute: 'data-author' },
    authorRole: { attribute: 'data-role' },
    date: { attribute: 'data-date' },
    source: { attribute: 'data-source' },
    sourceUrl: { attribute: 'data-source-url' },
    clamp: { attribute: 'data-clamp', type: Number },
    interval: { attribute: 'data-interval', type: Number },
    share: { attribute: 'data-share' },
    expanded: { state: true, attribute: false },
    status: { state: true, attribute: false },
  };

  /**
   * The quote's words. Without `data-id` and `data-src`, this (or a `<blockquote>` child) makes
   * a quote of the partner's own, which never borrows the default study's citation.
   */
  declare text?: string;

  /** Who said it. Required for a quote of the partner's own. */
  declare author?: string;

  /**
   * The author's role or title. Named `authorRole` because `role` is the element's ARIA role.
   */
  declare authorRole?: string;

  /** When it was said: an ISO date (`2015-03-18`, `2015-03`) is written in the reader's language. */
  declare date?: string;

  /** Where it was said or published. */
  declare source?: string;

  /** Link for the source; only http(s) URLs become links. */
  declare sourceUrl?: string;

  /** Clamp the quote to this many lines, with a "Read more" toggle when it overflows. */
  declare clamp?: number;

  /** Seconds between quotes when several rotate. */
  interval = 10;

  /** Space-separated share controls: `copy`, `x`, `facebook`, `linkedin`, `email`. */
  declare share?: string;

  private expanded = false;
  private status = '';

  #data = new StudyItemController(this, 'quotes', {
    // data-text present, even empty, is the partner's own quote: never the study's words under
    // the partner's author.
    standalone: () => this.text != null || !!this.#child(),
  });
  /** Several quotes take turns; the next one starts clamped, and a "Copied" was the last one's. */
  #rotation = new RotationController(
    this,
    () => (SETTINGS['data-interval'][0](this.interval) ? this.interval : 10),
    () => {
      this.expanded = false;
      this.status = '';
    },
  );
  #problem?: [cause: string, message: string];
  /** What the card shows despite: a refused link or share name, reported like any problem. */
  #notes: [cause: string, message: string][] = [];
  #ready?: object;
  #id?: string;
  /** The lines the quote is clamped to: 0 for none. */
  #lines = 0;
  #observed?: Element;
  // Made on connection: a server render has no observers, and never connects.
  #resize?: ResizeObserver;
  #children?: MutationObserver;

  override connectedCallback(): void {
    super.connectedCallback();
    // A partner's blockquote may change, or still be streaming in when a classic script upgrades
    // us. Observed only while connected, so a removed quote leaves no observer behind; what
    // changed while it was out is read again now.
    this.#children ??= new MutationObserver(() => this.requestUpdate());
    this.#children.observe(this, { childList: true, subtree: true, characterData: true });
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#children?.disconnect();
    this.#resize?.disconnect();
    this.#observed = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('itemId') || changed.has('src')) this.#rotation.index = 0;
  }

  protected override renderContent() {
    const { state } = this.#data;
    this.#problem = undefined;
    const notes: [string, string][] = (this.#notes = []);
    if (state.status === 'loading') return SKELETON;
    if (state.status === 'error') {
      const { cause, attribute, message } = state.error;
      this.#problem = [cause, `${attribute}: ${message}`];
      return fallback;
    }
    const count = (this.#rotation.count = state.items.length);
    const index = this.#rotation.index % Math.max(count, 1);
    const speech = this.#data.speak(
      quoteWords,
      (cause, message) => notes.push([cause, message]),
      index,
    );
    const { lang, dir, words: m, study } = speech;
    const item: Partial<Quote> = speech.item ?? {};
    const wanted = elementLang(this, state.document?.study.locale);
    // Inline attributes describe one quote, so they do not dress every quote of a rotation.
    const own = count > 1 ? undefined : this;
    // A blank attribute is no value: it must not show as an empty quote, author or link.
    const ownText = own?.text?.trim();
    const text = ownText || item.text || this.#child()?.textContent?.replace(/\s+/g, ' ').trim();
    const author = own?.author?.trim() || item.author;
    this.#id = item.id;
    if (!text || !author) {
      this.#problem = [
        'attribute',
        text
          ? 'data-author is missing'
          : `${this.text != null ? 'data-text' : 'the <blockquote> child'} is empty`,
      ];
      return fallback;
    }
    const role = own?.authorRole || item.role;
    const date = own?.date || item.date;
    const cited = item.source ?? citation(study);
    const source = own?.source?.trim() || cited?.label;
    const url = own?.sourceUrl || cited?.url;
    const href = safeUrl(url);
    if (url && !href) {
      const [cause, name] = own?.sourceUrl
        ? ['attribute', 'data-source-url']
        : ['schema', `source.url of quote "${item.id}"`];
      notes.push([cause, `${name} "${url}" is not an http(s) URL; the source is shown as text`]);
    }
    const [dateText, iso] = date ? formatDate(date, lang) : [];
    const lines = (this.#lines = this.#setting('data-clamp', this.clamp, notes));
    const collapsed = lines > 0 && !this.expanded;
    this.#setting('data-interval', this.interval, notes);

    return html`<div part="card" class="card" lang=${lang} dir=${dir ?? nothing}>
      <figure part="quote">
        <blockquote
          id="text"
          part="text"
          class=${collapsed ? 'clamp' : ''}
          cite=${href ?? nothing}
          lang=${ownText || !item.text ? wanted : nothing}
        >
          ${text}
        </blockquote>
        ${
          lines
            ? html`<button
                class="more"
                aria-expanded=${!collapsed}
                aria-controls="text"
                @click=${() => (this.expanded = collapsed)}
              >
                ${collapsed ? m.more : m.less}
              </button>`
            : nothing
        }
        <figcaption>
          <span part="author">${author}</span>
          ${role ? html`<span part="role">${role}</span>` : nothing}
          ${dateText ? html`<time part="date" datetime=${iso ?? nothing}>${dateText}</time>` : nothing}
          ${
            source
              ? href
                ? html`<a part="source" href=${href} target="_blank" rel="noopener noreferrer"
                    >${source}</a
                  >`
                : html`<cite part="source">${source}</cite>`
              : nothing
          }
        </figcaption>
      </figure>
      ${count > 1 ? this.#controls(m, index, count) : nothing}
      ${
        // Share links carry the page's address, which a server render does not know.
        this.share && !isServer ? this.#shareBar(m, text, author, role, notes) : nothing
      }
    </div>`;
  }

  #controls(m: Messages, index: number, count: number) {
    const { paused } = this.#rotation;
    return html`<div part="controls" class="bar">
      <button aria-label=${m.prev} @click=${() => this.#rotation.step(-1)}>${icon(PREV)}</button>
      <button
        aria-label=${paused ? m.play : m.pause}
        @click=${() => (this.#rotation.paused = !paused)}
      >
        ${icon(paused ? PLAY : PAUSE)}
      </button>
      <button aria-label=${m.next} @click=${() => this.#rotation.step(1)}>${icon(NEXT)}</button>
      <span>${fill(m.of, { i: index + 1, n: count })}</span>
    </div>`;
  }

  #shareBar(
    m: Messages,
    text: string,
    author: string,
    role: string | undefined,
    notes: [string, string][],
  ) {
    const page = location.href;
    const line = `${fill(m.quoted, { text })} — ${author}${role ? `, ${role}` : ''}`;
    const link = (label: string, path: string, href: string) =>
      html`<a
        href=${href}
        target=${href.startsWith('mailto:') ? nothing : '_blank'}
        rel="noopener noreferrer"
        aria-label=${label}
        >${icon(path)}</a
      >`;
    return html`<div part="share" class="bar">
      ${(this.share ?? '').split(/\s+/).map((name) => {
        if (name === 'copy') {
          return html`<button
            aria-label=${m.copy}
            @click=${() => this.#copy(`${line}\n${page}`, m)}
          >
            ${icon(COPY)}
          </button>`;
        }
        if (name === 'email') {
          return link(
            m.email,
            MAIL,
            `mailto:?subject=${e(fill(m.subject, { author }))}&body=${e(`${line}\n${page}`)}`,
          );
        }
        // Own keys only: "constructor" or "toString" must not reach Object.prototype.
        const network = Object.hasOwn(NETWORKS, name) && NETWORKS[name];
        if (network) {
          return link(
            fill(m.on, { network: network[0] }),
            network[1],
            network[2](`${fill(m.quoted, { text: clip(text, 200) })} — ${author}`, page),
          );
        }
        if (name) {
          notes.push([
            'attribute',
            `data-share "${name}" is not one of copy, x, facebook, linkedin, email`,
          ]);
        }
        return nothing;
      })}
      ${
        'share' in navigator
          ? html`<button
              aria-label=${m.share}
              @click=${() => navigator.share({ text: line, url: page }).catch(() => {})}
            >
              ${icon(SHARE)}
            </button>`
          : nothing
      }
      <span role="status">${this.status}</span>
    </div>`;
  }

  protected override updated(): void {
    const problem = this.#problem;
    if (problem) this.reportError(...problem);
    for (const note of this.#notes) this.reportError(...note);
    const { state } = this.#data;
    if (!problem && state.status === 'ready' && this.#ready !== state) {
      this.#ready = state;
      emit(this, 'impact-ready', { id: this.#id });
    }
    const text = this.renderRoot.querySelector<HTMLElement>('blockquote');
    if (text && this.#lines) {
      text.style.setProperty('--_lines', String(this.#lines));
      this.#resize ??= new ResizeObserver(() => this.#measure());
      if (text !== this.#observed) this.#resize.observe((this.#observed = text));
      this.#measure();
    }
  }

  /**
   * Shows "Read more" only when the clamped text overflows. The button is hidden directly, not
   * through a reactive property, so measuring never costs a second render.
   */
  #measure(): void {
    const text = this.renderRoot.querySelector('blockquote');
    const more = this.renderRoot.querySelector<HTMLElement>('.more');
    if (text && more) {
      more.hidden = !this.expanded && text.scrollHeight <= text.clientHeight + 1;
    }
  }

  /** A numeric setting as given (0 when absent), or 0 and a note saying why it was refused. */
  #setting(name: string, value: number | undefined, notes: [string, string][]): number {
    const [ok, instead] = SETTINGS[name];
    if (value == null || ok(value)) return value ?? 0;
    notes.push(['attribute', `${name} "${this.getAttribute(name) ?? value}" is not ${instead}`]);
    return 0;
  }

  /** The partner's quote, readable before and without the script (a server render has none). */
  #child(): Element | null {
    return isServer ? null : this.querySelector(':scope > blockquote');
  }

  async #copy(text: string, m: Messages): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.status = m.copied;
    } catch {
      this.status = m.refused;
    }
  }
}

/**
 * A document quote without its own source is cited as the study, its title isolated from the
 * year that follows it.
 */
function citation(study?: Study) {
  return study && { label: html`${bdi(study.title)}, ${study.year}`, url: study.url };
}

declare global {
  interface HTMLElementTagNameMap {
    'study-quote': StudyQuoteElement;
  }
}
