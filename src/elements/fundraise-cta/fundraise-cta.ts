import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { StudyItemController } from '../../controllers/study-item-controller.js';
import { numberFormat } from '../../format/intl-cache.js';
import { bdi } from '../../internal/bidi.js';
import { emit } from '../../internal/events.js';
import { fallback, ImpactElement, skeleton, words } from '../../internal/impact-element.js';
import { direction, elementLang } from '../../internal/lang.js';
import { ctaView, type Problem, type View } from './cta-view.js';
import { styles } from './fundraise-cta.styles.js';
import type { ProviderName } from './providers.js';
import {
  SignupController,
  type SignupCause,
  type SignupDelivery,
  type SignupEncoding,
} from './signup-controller.js';

type Field = 'name' | 'email' | 'consent';

/**
 * The honeypot's name, and all it has: no label, no hint, no type. Browsers and password managers
 * fill a field from what its name and label say (website, url, email, name, company, address,
 * phone…), and Chrome ignores `autocomplete="off"` for some of them, so a trap named like a field
 * would be filled for a person, whose sign-up would then be dropped. A bot fills every field.
 */
const TRAP = 'zq-fct';

/** The idle card's shape while its document loads: a heading, a paragraph and the button. */
const SKELETON = skeleton(
  html`<h2>${words(3)}</h2>
    <p>${words(21)}</p>
    <span>${words(2)}</span>`,
);

/**
 * A call to action whose sign-up never loses a person's details. Its texts come from a study
 * document (`data-src` and `data-id`; the embedded study's `start-fundraiser` when both are absent)
 * or from inline attributes alone when `data-heading` is set without `data-id` and `data-src`.
 *
 * With an endpoint (`data-endpoint`, or the document's), the button opens a name and email form in
 * place; without one it is a link to `data-href`. With neither, the card shows its texts without a
 * button, and the partner is warned. `data-provider` sends the sign-up the way the partner's
 * service takes it (Formspree, HubSpot, Mailchimp, Netlify, Google Forms, Basin, Kit, Brevo,
 * Salesforce Web-to-Lead), `data-fields` renames the fields, and `data-consent` asks for consent
 * in the partner's words. Submissions survive failures: errors keep what was typed, a Retry
 * resends with the same submission id, and offline they wait in `localStorage` (7 days at most)
 * until the page, or a later page with the same endpoint, service and field map, is online. A mistake in the partner's set-up (a 404, an
 * HTML answer) is told to the partner, never blamed on the person.
 *
 * @tag fundraise-cta
 * @summary A fundraising call to action with an inline sign-up form and a progress bar.
 *
 * @slot - Fallback content, shown until the card renders and whenever it cannot.
 *
 * @fires {CustomEvent<{id: string}>} impact-cta-click - The call-to-action button was pressed.
 * @fires {CustomEvent<{id: string, submissionId: string, data: Record<string, string>}>} impact-signup-submit -
 *   A sign-up is about to be sent; cancelable. `data` holds the fields under our names (with
 *   `consent` and `consentAt`); add to it to send more, or call `preventDefault()` to send it
 *   yourself (the form then stays open). Services that take only the fields they know (HubSpot,
 *   Kit, Mailchimp, Google Forms, Brevo, Salesforce) get an added field only when `data-fields`
 *   maps it.
 * @fires {CustomEvent<{id: string, submissionId: string, delivery: 'confirmed' | 'opaque'}>} impact-signup -
 *   A sign-up was sent: `confirmed` when the service's answer was read and was a success,
 *   `opaque` when the service hides its answer (a blind post), so it was sent but not confirmed.
 * @fires {CustomEvent<{id: string, cause: 'rejected' | 'endpoint' | 'throttled' | 'server' | 'timeout' | 'network' | 'offline' | 'trapped', queued: boolean}>} impact-signup-error -
 *   A sign-up failed or was queued: `rejected` (a 4xx blaming the sign-up), `endpoint` (401, 403,
 *   404, 405, 410, an HTML 4xx, or a 2xx unlike the service's answer: the set-up), `throttled`
 *   (429), `server` (5xx), `timeout`, `network` (the request never left) or `offline`. `trapped`
 *   is a bot: it filled the hidden honeypot, so nothing was sent (no `impact-signup-submit` came
 *   first) and it was shown the thank-you, which keeps it from trying again.
 * @fires {CustomEvent<{id: string}>} impact-ready - The card rendered with its data.
 * @fires {CustomEvent<{cause: string, message: string}>} impact-error - The data could not be
 *   loaded, an attribute was refused, or (`endpoint`) the sign-up service refused the set-up.
 *
 * @csspart card - The card around everything.
 * @csspart heading - The heading.
 * @csspart body - The body text.
 * @csspart button - The call-to-action button or link, and the form's submit button.
 * @csspart form - The sign-up form.
 * @csspart label - A form field's label.
 * @csspart input - A form field.
 * @csspart message - A validation, error or offline message.
 * @csspart progress - The `<progress>` bar.
 * @csspart checkbox - The consent checkbox.
 * @csspart privacy - The link to the privacy notice.
 * @csspart contact - The contact link shown when the sign-up service refuses the set-up.
 * @csspart success - The thank-you region that replaces the form, at the form's height.
 * @csspart guide - The free guide's name, a link when it has a URL.
 * @csspart skeleton - The card-shaped placeholder shown while a `data-src` document loads, sized
 *   by the card's rules; style it with the card (`::part(card), ::part(skeleton)`).
 *
 * @cssprop --impact-accent - Button and progress bar color.
 * @cssprop --impact-on-accent - Text on the button.
 * @cssprop --impact-text - Body text color.
 * @cssprop --impact-muted - Secondary text color.
 * @cssprop --impact-surface - Card background.
 * @cssprop --impact-border - Card, field and progress track borders.
 * @cssprop --impact-font - Font family; the page's by default.
 * @cssprop --impact-radius - Corner radius.
 * @cssprop --impact-focus - Focus outline color.
 */
export class FundraiseCtaElement extends ImpactElement {
  static override styles = [...ImpactElement.styles, styles];

  static override properties: PropertyDeclarations = {
    heading: { attribute: 'data-heading' },
    body: { attribute: 'data-body' },
    buttonLabel: { attribute: 'data-button-label' },
    href: { attribute: 'data-href' },
    endpoint: { attribute: 'data-endpoint' },
    encoding: { attribute: 'data-encoding' },
    provider: { attribute: 'data-provider' },
    fields: { attribute: 'data-fields' },
    formName: { attribute: 'data-form-name' },
    consent: { attribute: 'data-consent' },
    privacyUrl: { attribute: 'data-privacy-url' },
    contactUrl: { attribute: 'data-contact-url' },
    success: { attribute: 'data-success' },
    guideLabel: { attribute: 'data-guide-label' },
    guideUrl: { attribute: 'data-guide-url' },
    raised: { attribute: 'data-raised' },
    goal: { attribute: 'data-goal' },
    currency: { attribute: 'data-currency' },
    invalid: { state: true, attribute: false },
  };

  /** Heading; with neither `data-id` nor `data-src`, it makes the call to action stand alone. */
  declare heading?: string;

  /** Body text under the heading. */
  declare body?: string;

  /** The button's label. */
  declare buttonLabel?: string;

  /** Where the button goes when there is no endpoint: an http(s) or mailto URL. */
  declare href?: string;

  /** The http(s) URL that sign-ups are POSTed to. With it, the button opens the sign-up form. */
  declare endpoint?: string;

  /**
   * For `data-provider="custom"` only: `json` (default) or `form`
   * (application/x-www-form-urlencoded, sent without a CORS preflight). Every other provider sends
   * the way its service takes it.
   */
  declare encoding?: SignupEncoding;

  /**
   * The service `data-endpoint` belongs to: `custom` (default: our JSON or form contract),
   * `formspree`, `hubspot`, `mailchimp`, `netlify`, `google-forms`, `basin`, `kit`, `brevo` or
   * `salesforce`. Mailchimp, Google Forms, Brevo and Salesforce hide their answers, so their
   * sign-ups are sent but not confirmed.
   */
  declare provider?: ProviderName;

  /**
   * Our field names to the service's, `ours:theirs` pairs over the provider's defaults:
   * `email:entry.1111 name:entry.2222`. Google Forms needs it. A map that sends the email nowhere,
   * sends two fields under one name, or names `__proto__`, `constructor` or `prototype` is
   * refused, and no form is shown.
   */
  declare fields?: string;

  /** Netlify's `form-name`; the call to action's id by default. */
  declare formName?: string;

  /** The partner's consent words: the form then has an unticked, required checkbox with them. */
  declare consent?: string;

  /** The partner's privacy notice, linked under the form. */
  declare privacyUrl?: string;

  /** Where a person can write when the sign-up service refuses the set-up: http(s) or mailto. */
  declare contactUrl?: string;

  /** The thank-you text shown after a sign-up. */
  declare success?: string;

  /** The name of the free guide offered after a sign-up. */
  declare guideLabel?: string;

  /** The guide's http(s) or mailto URL. */
  declare guideUrl?: string;

  /** Amount raised so far; with `data-goal`, shows the progress bar. */
  declare raised?: number | string;

  /** The fundraising goal, over 0. */
  declare goal?: number | string;

  /** ISO 4217 code of `data-raised` and `data-goal`; plain numbers without it. */
  declare currency?: string;

  /** How long a sign-up waits for the endpoint's answer, in milliseconds. */
  timeoutMs = 15_000;

  private invalid: Partial<Record<Field, string>> = {};

  // data-heading present, even empty, is the partner's own call to action: never the study's
  // texts under the partner's link.
  #data = new StudyItemController(this, 'ctas', {
    standalone: () => this.heading != null,
  });
  #view?: View;
  #signup = new SignupController(this, () => ({
    encoding: 'json',
    id: '',
    ...this.#view,
    timeoutMs: this.timeoutMs,
  }));
  #problems: Problem[] = [];
  #shown?: string;
  #formHeight = 0;

  protected override renderContent(): TemplateResult | typeof fallback {
    const { state } = this.#data;
    this.#view = undefined;
    this.#problems = [];
    if (state.status === 'loading') return SKELETON;
    if (state.status === 'error') {
      const { cause, attribute, message } = state.error;
      this.#problems = [[cause, `${attribute}: ${message}`]];
      return fallback;
    }
    const lang = elementLang(this, state.study?.locale);
    [this.#view, this.#problems] = ctaView(this, this.#data.item, lang, this.#signup.problem);
    const view = this.#view;
    if (!view) return fallback;
    const { progress } = view;
    const status = this.#signup.status;
    return html`<div part="card" dir=${direction(lang) ?? nothing}>
      <h2 part="heading">${view.heading}</h2>
      ${view.body ? html`<p part="body">${view.body}</p>` : nothing}
      ${
        progress
          ? html`<p id="raised" class="raised">${progress[0]}</p>
              <progress
                part="progress"
                aria-labelledby="raised"
                max=${progress[2]}
                value=${progress[1]}
              ></progress>`
          : nothing
      }
      ${
        status === 'success'
          ? this.#success(view)
          : // Without an endpoint (or with a map refused) a form could send nothing.
            status === 'idle' || !view.endpoint
            ? this.#button(view)
            : this.#form(view)
      }
    </div>`;
  }

  #button({ label, href, endpoint, id }: View): TemplateResult | typeof nothing {
    // A button that opens no form and goes nowhere would only disappoint; the partner is told why.
    if (!href && !endpoint) return nothing;
    const click = () => {
      emit(this, 'impact-cta-click', { id });
      if (endpoint) this.#signup.open();
    };
    return href && !endpoint
      ? html`<a part="button" href=${href} @click=${click}>${label}</a>`
      : html`<button part="button" type="button" @click=${click}>${label}</button>`;
  }

  /** The field the service's error is shown at, or '' for the form. */
  #blamed(): string {
    const field = this.#signup.problem?.field;
    return field === 'name' || field === 'email' || (field === 'consent' && this.#view?.consent)
      ? field
      : '';
  }

  #form({ m, lang, consent, privacy, contact }: View): TemplateResult {
    const { status, problem, retryAt } = this.#signup;
    const busy = status === 'busy';
    const at = this.#blamed();
    const wait = problem?.wait;
    // The controller renders again when a 429's wait is over: the count goes, Retry works.
    const waiting = Date.now() < retryAt;
    const text =
      problem &&
      (problem.message ??
        (wait
          ? m.throttled(
              waiting
                ? numberFormat(lang, { style: 'unit', unit: 'second', unitDisplay: 'long' }).format(
                    wait,
                  )
                : '',
            )
          : m[problem.cause === 'offline' ? 'network' : (problem.cause as 'server')]));
    const note = status === 'queued' ? m.offline : at ? '' : text;
    // Someone to write to, when the partner's set-up stops every sign-up.
    const write =
      contact && problem?.cause === 'endpoint'
        ? html` <a part="contact" href=${contact[1]}>${bdi(contact[0])}</a>`
        : nothing;
    const field = (name: Field, type: string, label: string) => {
      const error = this.invalid[name] ?? (at === name ? text : '');
      const box = type === 'checkbox';
      // Every message line is reserved, so an error that arrives later shifts nothing.
      return html`<div class="field ${name}">
        <label part="label" for=${name}>${label}</label>
        <input
          part=${box ? 'checkbox' : 'input'}
          id=${name}
          name=${name}
          type=${type}
          autocomplete=${box ? 'off' : name}
          required
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? `${name}-error` : nothing}
        />
        <p part="message" id="${name}-error">${error}</p>
      </div>`;
    };
    return html`<form part="form" novalidate aria-busy=${busy} @submit=${this.#submit}>
      <div class="fields">${field('name', 'text', m.name)} ${field('email', 'email', m.email)}</div>
      ${consent ? field('consent', 'checkbox', consent) : nothing}
      <div class="trap" aria-hidden="true">
        <input name=${TRAP} tabindex="-1" autocomplete="off" />
      </div>
      <button
        part="button"
        type="submit"
        @click=${this.#submit}
        ?disabled=${busy}
        aria-disabled=${waiting ? 'true' : nothing}
        aria-describedby=${note ? 'note' : nothing}
      >
        ${busy ? m.sending : status === 'error' && !at && problem?.cause !== 'rejected' ? m.retry : m.submit}
      </button>
      <p part="message" id="note" aria-live="polite">${note}${write}</p>
      ${privacy ? html`<a part="privacy" href=${privacy}>${m.privacy}</a>` : nothing}
    </form>`;
  }

  #success({ m, success, guideLabel, guideUrl }: View): TemplateResult {
    return html`<div part="success" tabindex="-1" role="status">
      <p>${success ?? (this.#signup.delivery === 'opaque' ? m.sent : m.thanks)}</p>
      ${
        guideLabel
          ? html`<p>
              ${m.guide}
              ${
                guideUrl
                  ? html`<a part="guide" href=${guideUrl}>${bdi(guideLabel)}</a>`
                  : html`<span part="guide">${bdi(guideLabel)}</span>`
              }
            </p>`
          : nothing
      }
    </div>`;
  }

  /**
   * On the submit button's click as well as the form's submit: in a frame sandboxed without
   * `allow-forms` (WordPress's oEmbed frames) a form is never submitted, and no submit event
   * fires, but the click does (Enter in a field clicks the button too). Cancelling the click
   * cancels the submission, so one sign-up goes either way.
   */
  #submit(event: Event): void {
    event.preventDefault();
    const inputs = (event.currentTarget as HTMLElement).closest('form')!.elements;
    const value = (name: string) => (inputs.namedItem(name) as HTMLInputElement).value.trim();
    const { m, consent, extra } = this.#view!;
    const invalid: Partial<Record<Field, string>> = {};
    for (const name of ['name', 'email'] as const) {
      const { validity } = inputs.namedItem(name) as HTMLInputElement;
      if (!value(name) || validity.valueMissing) invalid[name] = m[`${name}Missing` as const];
      else if (!validity.valid) invalid[name] = m.emailInvalid;
    }
    if (consent && !(inputs.namedItem('consent') as HTMLInputElement).checked) {
      invalid.consent = m.consentMissing;
    }
    this.invalid = invalid;
    const first = Object.keys(invalid)[0];
    if (first) return (inputs.namedItem(first) as HTMLElement).focus();
    // The exact words the person agreed to travel with the sign-up (and its time, consentAt).
    this.#signup.submit(
      { name: value('name'), email: value('email'), ...(consent && { consent }), ...extra },
      value(TRAP),
    );
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Measured while the form is still there: the thank-you takes the same height.
    this.#formHeight =
      this.renderRoot?.querySelector('form')?.getBoundingClientRect().height ?? this.#formHeight;
  }

  protected override updated(): void {
    for (const [cause, message] of this.#problems) this.reportError(cause, message);
    const view = this.#view;
    const status = view ? this.#signup.status : undefined;
    if (status === this.#shown) return;
    if (!this.#shown && view) emit(this, 'impact-ready', { id: view.id });
    this.#shown = status;
    const root = this.renderRoot;
    const focus = (selector: string) => root.querySelector<HTMLElement>(selector)?.focus();
    if (status === 'open') focus('#name');
    else if (status === 'success') {
      // CSSOM from script, which a strict style-src allows; the layout does not shift.
      root.querySelector<HTMLElement>('[part~="success"]')!.style.minHeight =
        `${this.#formHeight}px`;
      focus('[part~="success"]');
    } else if (status === 'error') {
      const field = this.#blamed();
      focus(field ? `#${field}` : 'button');
    }
  }
}

/** `detail` of `impact-signup-error`. */
export interface SignupErrorDetail {
  id: string;
  cause: SignupCause;
  /** True when the sign-up waits in `localStorage` for the network. */
  queued: boolean;
}

declare global {
  interface HTMLElementTagNameMap {
    'fundraise-cta': FundraiseCtaElement;
  }
  interface GlobalEventHandlersEventMap {
    'impact-cta-click': CustomEvent<{ id: string }>;
    'impact-signup-submit': CustomEvent<{
      id: string;
      submissionId: string;
      data: Record<string, string>;
    }>;
    'impact-signup': CustomEvent<{
      id: string;
      submissionId: string;
      delivery: SignupDelivery;
    }>;
    'impact-signup-error': CustomEvent<SignupErrorDetail>;
  }
}
