/**
 * The bundle entry of `demo/builder.html`. It takes the elements from the package entry, which the
 * build leaves external (`../impact-widgets.js`), so the builder page runs the one copy a partner
 * would load, and the preview is that copy at work.
 */
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import pkg from '../../package.json' with { type: 'json' };
import {
  DEFAULT_DOCUMENT,
  documentLanguages,
  loadStudyDocument,
  localizeDocument,
  type PlainStudyDocument,
  type StudyDocument,
} from '../../src/index.js';
import { elementLang } from '../../src/internal/lang.js';
import { readCard, scheme, type Block } from '../../src/snapshot/card.js';
import { emailAttributes, emailOf } from '../../src/snapshot/email.js';
import { renderedCard, type RenderedCard } from './card.js';
import { styles } from './embed-builder.styles.js';
import { ELEMENTS, type ElementSpec, type FallbackContext, type ItemOf } from './elements.js';
import { snippetHtml, toDom, type ElementTree } from './markup.js';
import { SNIPPETS, type SnippetInput, type SnippetName } from './snippets.js';

const THEMES = [
  ['light', 'Light'],
  ['dark', 'Dark'],
  ['auto', "Auto (the reader's setting)"],
] as const;
type Theme = (typeof THEMES)[number][0];
/** The image card's widths: a social post's, and a newsletter column's. */
const IMAGE_WIDTHS = [
  ['1200', '1200 × 630: a social post'],
  ['600', '600 × 315: a newsletter'],
] as const;
/** What the preview shows: a change to any of these rebuilds it. */
const SHOWN = ['tag', 'study', 'src', 'itemId', 'more', 'theme', 'language', 'options', 'snippet'];
/**
 * A document where no element is defined: an element made in it upgrades only when the builder's
 * page adopts it, so it can be given a shadow root first, as a declarative one is.
 */
const INERT = document.implementation.createHTMLDocument('');
/** The image endpoint's query parameters for the element's attributes that are its options. */
const IMAGE_QUERY: Record<string, string> = {
  'data-src': 'src',
  'data-id': 'id',
  'data-theme': 'theme',
};
/** What each copy button copies, as the builder says it. */
const COPIES: Record<string, string> = {
  snippet: 'the snippet',
  email: 'the email HTML',
  alt: 'the alt text',
};
/** The elements' own languages, offered for any document: its texts are then in its own. */
const BUILT_IN = ['en', 'fr'];
const ENGLISH_NAMES = new Intl.DisplayNames('en', { type: 'language', fallback: 'code' });
/**
 * A language as the picker names it: in itself where the browser knows how (Debian's Chromium
 * knows no Khmer), and in English, the builder's language.
 */
function languageName(lang: string): string {
  const english = ENGLISH_NAMES.of(lang) ?? lang;
  let own = english;
  try {
    own = new Intl.DisplayNames(lang, { type: 'language', fallback: 'code' }).of(lang) ?? english;
  } catch {
    // A tag Intl refuses to name: its English name, else itself.
  }
  return own === english ? `${english} (${lang})` : `${own}, ${english} (${lang})`;
}
/**
 * Builds the embed snippet for one element: the script tag with its integrity hash, and the
 * element's markup with its fallback content filled in from the chosen item; or the element with
 * its card pre-rendered, written from the preview as `npx impact-widgets snapshot` writes it, then
 * the script tag; or, for a platform that takes no script, an iframe of dist/embed.html, titled as
 * the item, at the preview's height. For where no page goes, it gives the card as email HTML, written
 * in the page by the snapshot command's own code, and as an image (PNG or SVG) with its alt text,
 * drawn by the demo server's `/demo-api/card-image` (scripts/demo-card-image.mjs).
 *
 * @summary The embed builder of the demo.
 * @tag embed-builder
 *
 * @csspart preview - The live preview: the element itself.
 * @csspart snippet - The snippet's `<code>`.
 * @csspart copy - The copy button.
 * @csspart status - Says "Copied", or how to copy by hand.
 * @csspart message - Whether the document loaded, and why not.
 * @csspart hint - What the partner should know about the chosen options: a call to action
 *   with neither an endpoint nor a link shows no button, a service that hides its answers, the
 *   options an iframe leaves out, the stylesheet a pre-rendered card needs style-src to allow.
 * @csspart recognised - What was read from a pasted embed code or form URL, and what was not.
 * @csspart warning - The preview element's own warning, when it has one.
 * @csspart cards-refused - Why neither an email nor an image can be made (theme `auto`, no card).
 * @csspart email - The email HTML's `<code>`.
 * @csspart copy-email - The button that copies the email HTML.
 * @csspart email-status - Says "Copied", or how to copy by hand.
 * @csspart email-refused - Why the card makes no email (a call to action with no link).
 * @csspart image-width - The image's width.
 * @csspart download-png - The link that downloads the PNG.
 * @csspart download-svg - The link that downloads the SVG.
 * @csspart alt - The image's alt text.
 * @csspart copy-alt - The button that copies the alt text.
 * @csspart alt-status - Says "Copied", or how to copy by hand.
 * @csspart image-status - While the image is drawn, and why it cannot be.
 */
export class EmbedBuilderElement extends LitElement {
  static override styles = styles;

  /** Where `integrity.json` is; by default beside the built bundle. */
  @property({ attribute: 'integrity-src' }) integritySrc = new URL(
    '../integrity.json',
    import.meta.url,
  ).href;

  /** The package version the snippet loads. */
  @property() version: string = pkg.version;

  /** The CDN the snippet loads the package from. */
  @property() cdn = 'https://unpkg.com';

  /** Where the image cards are drawn: the demo server's endpoint (scripts/demo-card-image.mjs). */
  @property({ attribute: 'image-endpoint' }) imageEndpoint = '/demo-api/card-image';

  @state() private tag = ELEMENTS[0].tag;
  @state() private study: StudyDocument = DEFAULT_DOCUMENT;
  /** The loaded document's absolute URL; empty for the embedded default. */
  @state() private src = '';
  @state() private itemId = '';
  /** The ids of the other items an element that rotates cycles through, after the chosen one. */
  @state() private more: string[] = [];
  @state() private theme: Theme = 'light';
  @state() private language = 'en';
  @state() private snippet: SnippetName = 'module';
  /** Where the document was published with `npx impact-widgets publish` (its --base-url). */
  @state() private shareBase = '';
  /** The chosen options, by attribute name. */
  @state() private options: Record<string, string> = {};
  @state() private integrity: Record<string, string> = {};
  @state() private message = '';
  /** The preview element's own warning, as a partner would see it in the console. */
  @state() private warning = '';
  @state() private copyStatus = '';
  /** What was last copied, or selected to be: which part, and its text then. */
  @state() private copied = { part: '', text: '' };
  /** What the last paste was read as. */
  @state() private recognised = '';
  /** The preview element's height in CSS px: an iframe snippet's, until its card says. */
  @state() private previewHeight?: number;
  /** The preview's first card, for a pre-rendered snippet. */
  @state() private card?: RenderedCard;
  /**
   * The card an email is written from, read as the snapshot command reads its card, and its
   * language; or why there is none.
   */
  @state() private emailSource?: { blocks: Block[]; lang: string } | { error: string };
  @state() private imageWidth: string = IMAGE_WIDTHS[0][0];
  /** The image at `url` as the server drew it: its alt text, or why it cannot be drawn. */
  @state() private image?: { url: string; alt?: string; refused?: string };

  @query('[part~="preview"]') private preview!: HTMLElement;
  /** Where the element renders the card its email is written from, out of sight. */
  @query('.email-source') private emailSourceBox!: HTMLElement;
  @query('textarea') private pasted?: HTMLTextAreaElement;

  /** Only the newest load may change the document. */
  #generation = 0;
  /** The image's address last asked for: only its answer is shown. */
  #imageAsked = '';
  /**
   * The tallest the preview has been since it was built: a frame that nothing resizes then cuts
   * off none of its card (a rotating quote's longest).
   */
  #measure = new ResizeObserver(([entry]) => {
    const height = Math.ceil(entry.borderBoxSize[0].blockSize);
    if (height > (this.previewHeight ?? 0)) this.previewHeight = height;
  });

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('integritySrc')) this.#loadIntegrity();
    if (SHOWN.some((key) => changed.has(key))) {
      this.warning = '';
      this.card = undefined;
      this.emailSource = undefined;
      // Measured again once the new preview is laid out.
      this.previewHeight = undefined;
    }
  }

  protected override render() {
    const spec = this.#spec;
    const items = this.#items(spec);
    const item = this.#item(spec);
    const kind = SNIPPETS[this.snippet];
    const input = item && this.#input(spec, item);
    const snippet = input ? snippetHtml(kind.trees(input)) : '';
    const message = item ? this.message : `This document has no ${spec.kind}.`;
    const hint =
      input && [spec.hint?.(item, this.#context), kind.hint?.(input)].filter(Boolean).join(' ');
    return html`<div class="layout">
      <form @change=${this.#change} @submit=${this.#load}>
        <label
          >Element
          <select name="element">
            ${ELEMENTS.map(
              (e) => html`<option value=${e.tag} .selected=${e === spec}>${e.name}</option>`,
            )}
          </select>
        </label>
        <div class="document">
          <label
            >Document URL (JSON; empty: the embedded study)
            <input
              name="src"
              inputmode="url"
              autocomplete="off"
              spellcheck="false"
              .value=${this.src}
              placeholder="https://…/study.json"
            />
          </label>
          <button type="submit">Load</button>
        </div>
        <label
          >Item
          <select name="item">
            ${items.map(
              (i) =>
                html`<option value=${i.id} .selected=${i === item}>${spec.itemLabel(i)}</option>`,
            )}
          </select>
        </label>
        ${
          spec.several && items.length > 1
            ? this.#checkboxes(
                'more',
                spec.several,
                items.filter((i) => i !== item).map((i) => [i.id, spec.itemLabel(i)]),
                this.more,
              )
            : nothing
        }
        <label
          >Theme
          <select name="theme">
            ${THEMES.map(
              ([theme, name]) =>
                html`<option value=${theme} .selected=${theme === this.theme}>${name}</option>`,
            )}
          </select>
        </label>
        <label
          >Language
          <select name="lang">
            ${this.#languages.map(
              (code) =>
                html`<option value=${code} .selected=${code === this.language}>
                  ${languageName(code)}
                </option>`,
            )}
          </select>
        </label>
        <p part="hint" role="status">${hint}</p>
        ${
          spec.paste
            ? html`<div class="paste">
                <label
                  >${spec.paste.label}
                  <textarea rows="4" spellcheck="false" autocomplete="off"></textarea>
                </label>
                <button type="button" @click=${this.#read}>Fill in from the pasted code</button>
                <p part="recognised" role="status">${this.recognised}</p>
              </div>`
            : nothing
        }
        ${spec.options.map(({ attribute, label, choices, several, input }) => {
          const value = this.options[attribute] ?? '';
          if (several) return this.#checkboxes(attribute, label, choices ?? [], value.split(' '));
          return html`<label
            >${label}
            ${
              choices
                ? html`<select name=${attribute}>
                    ${choices.map(
                      ([v, text]) =>
                        html`<option value=${v} .selected=${v === value}>${text}</option>`,
                    )}
                  </select>`
                : html`<input name=${attribute} type=${input ?? 'text'} .value=${value} />`
            }
          </label>`;
        })}
        <label
          >Share pages published at (publish's --base-url; empty: not published)
          <input
            name="share-base"
            inputmode="url"
            autocomplete="off"
            spellcheck="false"
            .value=${this.shareBase}
            placeholder="https://…/"
          />
        </label>
        <label
          >Snippet
          <select name="snippet">
            ${Object.entries(SNIPPETS).map(
              ([name, { label }]) =>
                html`<option value=${name} .selected=${name === this.snippet}>${label}</option>`,
            )}
          </select>
        </label>
      </form>
      <div class="output">
        <p part="message" role="status">${message}</p>
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">Preview</h2>
          <div
            part="preview"
            class=${this.theme}
            @impact-error=${this.#previewError}
            @impact-ready=${this.#previewReady}
          ></div>
          <p part="warning" role="status">${this.warning}</p>
        </section>
        <section aria-labelledby="snippet-heading">
          <h2 id="snippet-heading">Embed snippet</h2>
          <pre><code part="snippet">${snippet}</code></pre>
          <button
            part="copy"
            type="button"
            data-copies="snippet"
            ?disabled=${!snippet}
            @click=${this.#copy}
          >
            Copy
          </button>
          <!-- Only about the text copied: an iframe's height may change after. -->
          <span part="status" role="status">${this.#copyStatus('snippet', snippet)}</span>
        </section>
        ${this.#share(spec, item)} ${this.#cards(spec, item)}
      </div>
      <div
        class="email-source"
        hidden
        @impact-ready=${this.#emailReady}
        @impact-error=${this.#emailError}
      ></div>
    </div>`;
  }

  /**
   * The item's share page, where `npx impact-widgets publish --base-url URL` put it: the link to
   * paste where neither a script nor an iframe goes (a newsletter, a chat, a social post), which
   * unfurls into the card by its Open Graph tags or its oEmbed answer.
   */
  #share(spec: ElementSpec, item: ItemOf<ElementSpec['kind']> | undefined) {
    let body;
    if (!this.shareBase) {
      body = html`<p part="share">
        Publish the document with <code>npx impact-widgets publish --base-url URL -o DIR</code>,
        serve DIR at URL, and give URL above: each item then has a page to share.
      </p>`;
    } else {
      let base: URL | undefined;
      try {
        base = new URL(this.shareBase);
      } catch {
        // Said below.
      }
      if (!base || !['http:', 'https:'].includes(base.protocol)) {
        body = html`<p part="share" role="status">
          "${this.shareBase}" is not an absolute http(s) URL, as publish's --base-url is.
        </p>`;
      } else if (!item) {
        body = html`<p part="share" role="status">This document has no ${spec.kind}.</p>`;
      } else {
        if (!base.pathname.endsWith('/')) base.pathname += '/';
        const link = new URL(`${spec.tag}/${encodeURIComponent(item.id)}/`, base).href;
        body = html`<p part="share" role="status">
          <a part="share-link" href=${link}>${link}</a>
        </p>`;
      }
    }
    return html`<section aria-labelledby="share-heading">
      <h2 id="share-heading">Share page</h2>
      ${body}
    </section>`;
  }

  /**
   * The card as email HTML and as an image, for where no page goes: what the snapshot command's
   * `--as email`, `--as png` and `--as svg` make of it, refused for the command's reasons.
   */
  #cards(spec: ElementSpec, item: ItemOf<ElementSpec['kind']> | undefined) {
    let refused = item ? '' : `This document has no ${spec.kind}.`;
    try {
      scheme(this.theme);
    } catch (error) {
      refused = `An email or an image has no page to follow: ${(error as Error).message}.`;
    }
    const source = this.emailSource;
    if (source && 'error' in source) refused = `The element shows no card: ${source.error}`;
    let body;
    if (refused) {
      body = html`<p part="cards-refused" role="status">${refused}</p>`;
    } else {
      body = html`${this.#email()}${this.#imageCard()}`;
    }
    return html`<section aria-labelledby="cards-heading">
      <h2 id="cards-heading">Email and image</h2>
      ${body}
    </section>`;
  }

  /** The email HTML, written from the card as the snapshot command writes it, or why not. */
  #email() {
    const source = this.emailSource;
    if (!source || 'error' in source) {
      return html`<h3>Email HTML</h3>
        <p role="status">The email is written from the card, once it shows.</p>`;
    }
    let email: { html: string; warnings: string[] };
    try {
      email = emailOf(this.tag, source.blocks, this.theme, source.lang);
    } catch (error) {
      return html`<h3>Email HTML</h3>
        <p part="email-refused" role="status">No email: ${(error as Error).message}.</p>`;
    }
    return html`<h3>Email HTML</h3>
      <p>
        For a newsletter tool that takes your own HTML: one table, inline styles only, as
        <code>npx impact-widgets snapshot ${this.tag} --as email</code> writes it.
        ${email.warnings.join(' ')}
      </p>
      <pre
        class="email"
        role="region"
        tabindex="0"
        aria-label="Email HTML"
      ><code part="email">${email.html}</code></pre>
      <button part="copy-email" type="button" data-copies="email" @click=${this.#copy}>
        Copy the email HTML
      </button>
      <span part="email-status" role="status">${this.#copyStatus('email', email.html)}</span>`;
  }

  /** The width choice, the image's download links and its alt text; or why there is no image. */
  #imageCard() {
    const image = this.image;
    const url = this.#imageUrl('svg');
    const current = image?.url === url ? image : undefined;
    let shown;
    if (!current) {
      shown = html`<p part="image-status" role="status">Drawing the image…</p>`;
    } else if (current.refused !== undefined) {
      shown = html`<p part="image-status" role="status">No image: ${current.refused}</p>`;
    } else {
      shown = html`<p class="downloads">
          <a part="download-png" download href=${this.#imageUrl('png')}>Download the PNG</a>
          <a part="download-svg" download href=${url}>Download the SVG</a>
        </p>
        <p>Its alt text, the card's words, for the image's <code>alt</code>:</p>
        <p part="alt">${current.alt}</p>
        <button part="copy-alt" type="button" data-copies="alt" @click=${this.#copy}>
          Copy the alt text
        </button>
        <span part="alt-status" role="status">${this.#copyStatus('alt', current.alt ?? '')}</span>`;
    }
    return html`<h3>Image</h3>
      <label
        >Image size
        <select part="image-width" @change=${this.#chooseWidth}>
          ${IMAGE_WIDTHS.map(
            ([width, name]) =>
              html`<option value=${width} .selected=${width === this.imageWidth}>${name}</option>`,
          )}
        </select>
      </label>
      ${shown}`;
  }

  #rebuild(changed: PropertyValues): void {
    // Rebuilt only when what it shows changed, so the preview does not restart on every message.
    if (!SHOWN.some((key) => changed.has(key))) return;
    const spec = this.#spec;
    const item = this.#item(spec);
    // The element alone: what the snippet adds beside it (Netlify's hidden form) shows nothing,
    // and the builder's own form styles would show it.
    const tree = item && this.#element(spec, item);
    let element: Node | undefined;
    if (tree && SNIPPETS[this.snippet].prerendered) {
      element = toDom(tree, INERT);
      // Stands for the pre-rendered card, which the element takes over once the page adopts it.
      (element as Element).attachShadow({ mode: 'open' }).append(INERT.createTextNode(''));
    } else if (tree) {
      element = toDom(tree);
    }
    this.preview.replaceChildren(...(element ? [element] : []));
    this.#measure.disconnect();
    if (element) this.#measure.observe(element as Element);
    // The element again, as its email renders it: the item alone, and a call to action with no
    // endpoint (email.ts).
    this.emailSourceBox.replaceChildren(
      ...(tree ? [toDom([tree[0], emailAttributes(tree[0], this.#attributes(item!))])] : []),
    );
  }

  protected override updated(changed: PropertyValues): void {
    this.#rebuild(changed);
    void this.#checkImage();
  }

  /** Checkboxes for a list of values, of which any may be picked. */
  #checkboxes(
    name: string,
    legend: string,
    choices: readonly (readonly [string, string])[],
    checked: readonly string[],
  ) {
    return html`<fieldset>
      <legend>${legend}</legend>
      ${choices.map(
        ([value, text]) =>
          html`<label class="check"
            ><input
              type="checkbox"
              name=${name}
              value=${value}
              .checked=${checked.includes(value)}
            />${text}</label
          >`,
      )}
    </fieldset>`;
  }

  get #spec(): ElementSpec {
    return ELEMENTS.find((e) => e.tag === this.tag) ?? ELEMENTS[0];
  }

  #items<K extends ElementSpec['kind']>(spec: ElementSpec<K>): ItemOf<K>[] {
    return this.#shown[spec.kind] as ItemOf<K>[];
  }

  /** The languages offered: the document's own first, then the others it has texts in, and the elements'. */
  get #languages(): string[] {
    return [...new Set([...documentLanguages(this.study), ...BUILT_IN])];
  }

  /** The document's texts in the builder's language, for the fallback and titles it writes. */
  get #shown(): PlainStudyDocument {
    return localizeDocument(this.study, this.language);
  }

  #item(spec: ElementSpec) {
    const items = this.#items(spec);
    return items.find((i) => i.id === this.itemId) ?? items[0];
  }

  /** The chosen options, without the ones left to the item. */
  get #options(): Record<string, string> {
    return Object.fromEntries(Object.entries(this.options).filter(([, v]) => v !== ''));
  }

  /** What the element is built from: the options only when the chosen snippet carries them. */
  get #context(): FallbackContext {
    const options = SNIPPETS[this.snippet].carriesOptions ? this.#options : {};
    return { lang: this.language, study: this.#shown.study, document: this.study, options };
  }

  /** The element's attributes for one item: its document, theme, language and options. */
  #attributes(item: ItemOf<ElementSpec['kind']>): Record<string, string> {
    return {
      ...(this.src && { 'data-src': this.src }),
      'data-id': item.id,
      ...(this.theme !== 'light' && { 'data-theme': this.theme }),
      lang: this.language,
      ...this.#context.options,
    };
  }

  /** The element as the partner will write it: attributes, and its fallback content. */
  #element(spec: ElementSpec, item: ItemOf<ElementSpec['kind']>): ElementTree {
    // The chosen item first, then the others it rotates through, in the document's order.
    const ids = [item, ...this.#items(spec).filter((i) => i !== item && this.more.includes(i.id))];
    return [
      spec.tag,
      { ...this.#attributes(item), 'data-id': ids.map((i) => i.id).join(' ') },
      ...spec.fallback(item, this.#context),
    ];
  }

  /**
   * The image card's address on the demo server: the snapshot command's options (the element,
   * item, document, language, theme, format and width), then the element's other attributes.
   */
  #imageUrl(format: 'png' | 'svg'): string {
    const attributes = this.#attributes(this.#item(this.#spec)!);
    const query = new URLSearchParams({ tag: this.tag, as: format, width: this.imageWidth });
    for (const [name, value] of Object.entries(attributes)) {
      query.set(IMAGE_QUERY[name] ?? name, value);
    }
    return `${this.imageEndpoint}?${query}`;
  }

  /**
   * Asks the server for the image as SVG, when what it shows changed: the links are offered only
   * for an image it draws, and its alt text comes with it. Otherwise it says why not, in the
   * command's words.
   */
  async #checkImage(): Promise<void> {
    const item = this.#item(this.#spec);
    if (!item || this.theme === 'auto') return;
    const url = this.#imageUrl('svg');
    if (url === this.#imageAsked) return;
    this.#imageAsked = url;
    let image: { url: string; alt?: string; refused?: string };
    const instead = `use npx impact-widgets snapshot ${this.tag} --as png`;
    try {
      const response = await fetch(url);
      const alt = response.headers.get('x-alt-text');
      if (response.ok) image = { url, alt: decodeURIComponent(alt ?? '') };
      else if (response.status === 400) image = { url, refused: (await response.text()).trim() };
      else {
        image = {
          url,
          refused: `the demo server did not draw it (HTTP ${response.status}): ${instead}.`,
        };
      }
    } catch (error) {
      image = {
        url,
        refused: `the demo server could not be reached (${(error as Error).message}): ${instead}.`,
      };
    }
    if (url === this.#imageAsked) this.image = image;
  }

  /** What every kind of snippet is made from. */
  #input(spec: ElementSpec, item: ItemOf<ElementSpec['kind']>): SnippetInput {
    const context = this.#context;
    return {
      dist: `${this.cdn}/impact-widgets@${this.version}/dist/`,
      integrity: this.integrity,
      element: this.#element(spec, item),
      companions: spec.companions?.(item, context) ?? [],
      title: spec.title(item, context),
      height: this.previewHeight,
      options: this.#options,
      card: this.card,
    };
  }

  #change(event: Event): void {
    const field = event.target as HTMLInputElement | HTMLSelectElement;
    const { name } = field;
    // Loaded on submit: a half-typed URL is no document. A paste is read on its own button.
    if (name === 'src' || !name) return;
    // A checkbox stands for its whole group: the values checked in it, in the order shown.
    const value =
      field.type === 'checkbox'
        ? [...this.renderRoot.querySelectorAll<HTMLInputElement>(`[name="${name}"]:checked`)]
            .map((box) => box.value)
            .join(' ')
        : field.value;
    this.message = '';
    this.copyStatus = '';
    switch (name) {
      case 'element':
        this.tag = value;
        this.options = {};
        this.more = [];
        this.recognised = '';
        return;
      case 'more':
        this.more = value.split(' ');
        return;
      case 'item':
        this.itemId = value;
        return;
      case 'theme':
        this.theme = value as Theme;
        return;
      case 'lang':
        this.language = value;
        return;
      case 'snippet':
        this.snippet = value as SnippetName;
        return;
      case 'share-base':
        this.shareBase = value.trim();
        return;
      default:
        this.options = { ...this.options, [name]: value.trim() };
    }
  }

  /** Fills in the options read from the pasted text; the text itself goes nowhere. */
  #read(): void {
    const { options, said } = this.#spec.paste!.read(this.pasted?.value ?? '');
    this.options = { ...this.options, ...options };
    this.copyStatus = '';
    // Said again, even when it reads the same, so the status is announced each time.
    this.recognised = '';
    void this.updateComplete.then(() => (this.recognised = said));
  }

  async #load(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const input = (form.elements.namedItem('src') as HTMLInputElement).value.trim();
    const generation = ++this.#generation;
    this.copyStatus = '';
    if (!input) {
      this.study = DEFAULT_DOCUMENT;
      this.src = this.message = '';
      this.more = [];
      if (!this.#languages.includes(this.language)) this.language = this.#languages[0]!;
      return;
    }
    this.message = `Loading ${input}…`;
    try {
      const study = await loadStudyDocument(input);
      if (generation !== this.#generation) return;
      // The snippet goes to another site, where only an absolute URL still points here.
      this.study = study;
      this.more = [];
      // A language the new document has no text in, nor the elements words, is no longer offered.
      if (!this.#languages.includes(this.language)) this.language = this.#languages[0]!;
      this.src = new URL(input, document.baseURI).href;
      this.message = `Loaded ${study.study.title}.`;
    } catch (error) {
      if (generation !== this.#generation) return;
      // The last good document, item and snippet stay.
      this.message = `The document did not load, so the builder keeps the last one: ${(error as Error).message}`;
    }
  }

  /**
   * The card the preview first shows, the one a reader first sees: what the partner then does in
   * the preview (open a form, turn a quote) is no part of the snippet.
   */
  #previewReady(event: Event): void {
    if (!SNIPPETS[this.snippet].prerendered || this.card) return;
    this.card = renderedCard(event.target as Element, this.#spec.browserOnly);
  }

  #previewError(event: CustomEvent<{ message: string }>): void {
    this.warning = `The element warns: ${event.detail.message}`;
  }

  async #loadIntegrity(): Promise<void> {
    try {
      const response = await fetch(this.integritySrc);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      this.integrity = (await response.json()) as Record<string, string>;
    } catch (error) {
      this.integrity = {};
      this.message = `${this.integritySrc} did not load (${(error as Error).message}), so the snippet has no integrity hash; run npm run build.`;
    }
  }

  /** Says `copyStatus` beside a copy button while the text it copied is still what it shows. */
  #copyStatus(part: string, text: string): string {
    return this.copied.part === part && this.copied.text === text ? this.copyStatus : '';
  }

  async #copy(event: Event): Promise<void> {
    const part = (event.currentTarget as HTMLElement).dataset.copies!;
    const code = this.renderRoot.querySelector<HTMLElement>(`[part~="${part}"]`)!;
    const text = code.textContent ?? '';
    this.copied = { part, text };
    try {
      await navigator.clipboard.writeText(text);
      this.copyStatus = 'Copied';
    } catch {
      // Refused (no permission, no user gesture, an insecure page): select it for Ctrl+C instead.
      getSelection()?.selectAllChildren(code);
      this.copyStatus = `The browser refused the clipboard; ${COPIES[part]} is selected: press Ctrl+C (⌘C) to copy it.`;
    }
  }

  #chooseWidth(event: Event): void {
    this.imageWidth = (event.target as HTMLSelectElement).value;
  }

  /** The card the email is written from, read as the snapshot command reads its card. */
  #emailReady(event: Event): void {
    if (this.emailSource && !('error' in this.emailSource)) return;
    const element = event.target as Element;
    // The card's own language, which is the one asked for only when the card has every text in it.
    const card = element.shadowRoot?.querySelector('[part~="card"]');
    this.emailSource = {
      blocks: readCard(renderedCard(element, this.#spec.browserOnly).markup),
      lang: card?.getAttribute('lang') || elementLang(element, this.study.study.locale),
    };
  }

  #emailError(event: CustomEvent<{ message: string }>): void {
    // The preview reports the same to the page; this element is the builder's own.
    event.stopPropagation();
    this.emailSource ??= { error: event.detail.message };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'embed-builder': EmbedBuilderElement;
  }
}

if (!customElements.get('embed-builder'))
  customElements.define('embed-builder', EmbedBuilderElement);
