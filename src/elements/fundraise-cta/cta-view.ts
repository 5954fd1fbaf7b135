/**
 * What a `<fundraise-cta>` shows, worked out from the partner's `data-*` attributes laid over the
 * document's call to action. Plain logic with no element in it, so the element keeps only its
 * templates and lifecycle, and every rule here can be checked without rendering a card.
 *
 * Every mistake found on the way is returned, in the order it was found, for the element to report
 * once each: the partner learns of all of them from one page load, and a re-render repeats none.
 */
import { numberFormat } from '../../format/intl-cache.js';
import { safeUrl } from '../../internal/safe-url.js';
import type { Cta } from '../../data/schema.js';
import { ctaMessages, type CtaMessages } from './fundraise-cta.messages.js';
import { fieldMap, provider } from './providers.js';
import type { SignupEncoding, SignupProblem, SignupTarget } from './signup-controller.js';

/** A mistake to tell the partner of: the `impact-error` cause and the warning's text. */
export type Problem = [cause: string, message: string];

/** The element's `data-*` attributes, by property name, and its own `id`. */
export interface CtaAttributes {
  id: string;
  heading?: string;
  body?: string;
  buttonLabel?: string;
  href?: string;
  endpoint?: string;
  encoding?: SignupEncoding;
  provider?: string;
  fields?: string;
  formName?: string;
  consent?: string;
  privacyUrl?: string;
  contactUrl?: string;
  success?: string;
  guideLabel?: string;
  guideUrl?: string;
  raised?: number | string;
  goal?: number | string;
  currency?: string;
}

/** What one render shows, with inline attributes already laid over the document's fields. */
export interface View extends SignupTarget {
  m: CtaMessages;
  lang: string;
  heading: string;
  body?: string;
  label: string;
  href?: string;
  /** The partner's thanks; without it, the element's own, which depend on the delivery. */
  success?: string;
  guideLabel?: string;
  guideUrl?: string;
  progress?: [label: string, raised: number, goal: number];
  consent?: string;
  privacy?: string;
  contact?: [label: string, url: string];
  /** Fields the service needs besides the person's, such as Netlify's `form-name`. */
  extra: Record<string, string>;
}

/**
 * The texts and links a call to action shows in `lang`: `own`'s attributes over `cta`, the
 * document's item (absent when the element stands alone). The view is undefined when there is no
 * heading to show. `failure` is the sign-up's last failure: a set-up the service refused is the
 * partner's to fix, so it is among the problems.
 */
export function ctaView(
  own: CtaAttributes,
  cta: Cta | undefined,
  lang: string,
  failure: SignupProblem | undefined,
): [view: View | undefined, problems: Problem[]] {
  const problems: Problem[] = [];
  const m = ctaMessages(lang);
  // A blank heading, label or thanks is no value: never an empty heading, a control without a
  // name or a silent success.
  const heading = own.heading?.trim() || cta?.heading;
  if (!heading) {
    problems.push(['attribute', 'data-heading is empty, so there is nothing to show']);
    return [undefined, problems];
  }
  // The partner's URL, else the document's; a refused one is blamed on where it came from, so
  // the partner looks for an attribute only when they wrote one.
  const check = (
    attribute: string,
    mine: string | undefined,
    field: string,
    given: string | undefined,
    schemes?: string[],
  ) => {
    const value = mine ?? given;
    const url = safeUrl(value, schemes ?? ['http:', 'https:', 'mailto:']);
    if (value && !url) {
      const [cause, name] =
        mine != null
          ? ['attribute', attribute]
          : ['schema', `${field} of call to action "${cta!.id}"`];
      problems.push([
        cause,
        `${name} "${value}" is refused: only ${schemes ? 'http(s)' : 'http(s) and mailto'} URLs are allowed`,
      ]);
    }
    return url;
  };
  const signup = cta?.signup;
  let encoding = own.encoding ?? signup?.encoding ?? 'json';
  if (encoding !== 'json' && encoding !== 'form') {
    problems.push(['attribute', `data-encoding "${encoding}" is not json or form; sending json`]);
    encoding = 'json';
  }
  const name = own.provider ?? signup?.provider;
  let row = provider(name);
  if (!row) {
    problems.push(['attribute', `data-provider "${name}" is unknown; sending as custom`]);
    row = {};
  }
  const text = own.fields ?? signup?.fields;
  const [fields, bad, refused] = fieldMap(name, text);
  // A refused map says so once, with no second warning about its pairs.
  if (bad.length && !refused) {
    problems.push([
      'attribute',
      `data-fields "${bad.join(' ')}" is not ours:theirs pairs; ignored`,
    ]);
  }
  const [givenHref, givenEndpoint] = [
    own.href ?? cta?.button.href,
    own.endpoint ?? signup?.endpoint,
  ];
  const href = check('data-href', own.href, 'button.href', cta?.button.href);
  let endpoint = check('data-endpoint', own.endpoint, 'signup.endpoint', signup?.endpoint, [
    'http:',
    'https:',
  ]);
  // A refused URL has said why already; one warning per cause.
  if (!givenHref && !givenEndpoint) {
    problems.push([
      'attribute',
      'neither data-endpoint nor data-href leads anywhere, so no button is shown',
    ]);
  }
  // A map that loses the email would have the service answer 200 to a sign-up it never got (a
  // Google Form without its entry ids swallows every one): no form at all is better.
  if (refused && endpoint) {
    problems.push([
      'attribute',
      text
        ? `data-fields "${text}" ${refused}, so no form is shown`
        : `data-provider "${name}" needs data-fields, so no form is shown`,
    ]);
    endpoint = undefined;
  }
  if (failure?.cause === 'endpoint') {
    const { status, answer } = failure;
    problems.push([
      'endpoint',
      `data-endpoint "${endpoint}" answered ${status}${answer ? ` with ${answer}, not ${name ?? 'custom'}'s answer` : ''}; check it`,
    ]);
  }
  const id = cta?.id ?? own.id;
  const contactUrl = check(
    'data-contact-url',
    own.contactUrl,
    'signup.contact.url',
    signup?.contact?.url,
  );
  return [
    {
      m,
      lang,
      id,
      heading,
      body: own.body ?? cta?.body,
      label: own.buttonLabel?.trim() || cta?.button.label || m.button,
      href,
      endpoint,
      encoding,
      provider: name,
      fields,
      extra: row.formName ? { [row.formName]: own.formName ?? signup?.formName ?? id } : {},
      // Undefined leaves the thank-you to say what a blind post allows ("sent"), or "thanks".
      success: own.success?.trim() || signup?.success,
      guideLabel: own.guideLabel?.trim() || signup?.guide?.label,
      guideUrl: check('data-guide-url', own.guideUrl, 'signup.guide.url', signup?.guide?.url),
      progress: progress(own, lang, m, problems, cta?.progress),
      consent: own.consent ?? signup?.consent,
      privacy: check('data-privacy-url', own.privacyUrl, 'signup.privacyUrl', signup?.privacyUrl),
      contact: contactUrl ? [signup?.contact?.label ?? m.contact, contactUrl] : undefined,
    },
    problems,
  ];
}

/** The progress bar's label and figures, or undefined (with a problem when the amounts are bad). */
function progress(
  own: CtaAttributes,
  lang: string,
  m: CtaMessages,
  problems: Problem[],
  from?: Cta['progress'],
): View['progress'] {
  const raised = own.raised ?? from?.raised;
  const goal = own.goal ?? from?.goal;
  const currency = own.currency ?? from?.currency;
  if (raised == null || goal == null) return undefined;
  try {
    // Read as written: an empty attribute is no amount (not 0), nor is 1e309 (Infinity).
    const [r, g] = [raised, goal].map((v) => (String(v).trim() ? Number(v) : NaN));
    if (!(r >= 0 && g > 0 && Number.isFinite(r + g))) throw 0;
    const { format } = numberFormat(
      lang,
      currency != null ? { style: 'currency', currency, maximumFractionDigits: 0 } : {},
    );
    return [m.progress(format(r), format(g)), Math.min(r, g), g];
  } catch {
    problems.push([
      'attribute',
      `data-raised "${raised}", data-goal "${goal}" or data-currency "${currency ?? ''}" is not valid, so no progress bar is shown`,
    ]);
  }
}
