/**
 * How a sign-up reaches each service a partner may already collect sign-ups in: one row of data
 * per service, and one `request()` that turns a submission into the request that service's own
 * embed code would make.
 *
 * The rows say only what differs: the service's names for our fields, the empty honeypot it
 * checks, how the body is written, whether it takes fields it does not know, and what its success
 * looks like. Everything else (status codes, error bodies, retries) is read the same way for every
 * service, in the controller, because a person should meet the same behaviour whichever service
 * the partner uses.
 *
 * A service that sends no CORS header (`blind`) gets a `no-cors` urlencoded POST, the request its
 * own HTML form makes: it arrives, but its answer cannot be read. Never JSONP, and never a script
 * from a service: a strict CSP forbids both, and so do tracker blockers.
 */

/** How a row writes its body. */
type Encoding = 'json' | 'form' | 'blind' | 'hubspot';

interface Provider {
  /** Our field names to the service's, as `ours:theirs` pairs; `data-fields` adds to them. */
  fields?: string;
  /** The honeypot field the service checks, always sent empty. */
  trap?: string | ((endpoint: URL) => string);
  /** The body; `custom` takes it from `data-encoding`. */
  as?: Encoding;
  /** The service refuses or drops fields it does not know: only mapped fields are sent. */
  closed?: 1;
  /**
   * The service's success: `json`, a JSON body; `html`, a page (after a redirect, perhaps). When
   * absent, our contract's: JSON or no body at all. Blind rows' answers cannot be read.
   */
  ok?: 'json' | 'html';
  /** The field that names the form, filled with `data-form-name` or the call to action's id. */
  formName?: string;
}

/**
 * Readable (`json`, `form`, `hubspot`): the answer's status and body are read, so delivery is
 * confirmed (Kit's CORS headers are seen in public code, not documented). Opaque (`blind`):
 * Mailchimp's `/subscribe/post`, Google Forms, Brevo and Salesforce send no CORS header. Services
 * whose documented fields are few take only mapped fields (`closed`), since HubSpot refuses
 * unknown ones and the others have no use for them.
 */
const PROVIDERS = {
  custom: {},
  formspree: { fields: 'email:email name:name', trap: '_gotcha', as: 'json', ok: 'json' },
  hubspot: { fields: 'email:email name:firstname', as: 'hubspot', closed: 1, ok: 'json' },
  mailchimp: {
    fields: 'email:EMAIL name:FNAME',
    trap: (url) => `b_${url.searchParams.get('u')}_${url.searchParams.get('id')}`,
    as: 'blind',
    closed: 1,
  },
  // Netlify answers a form with its thank-you page, or a redirect to the form's `action` page.
  netlify: { trap: 'bot-field', as: 'form', formName: 'form-name', ok: 'html' },
  // No field of its own for the email: without data-fields that maps it, it sends none.
  'google-forms': { as: 'blind', closed: 1 },
  basin: { as: 'json', ok: 'json' },
  // Asked for JSON (Accept), Kit answers {status: "success"}; else it redirects to a page.
  kit: { fields: 'email:email_address name:first_name', as: 'form', closed: 1, ok: 'json' },
  brevo: {
    fields: 'email:EMAIL name:FIRSTNAME',
    trap: 'email_address_check',
    as: 'blind',
    closed: 1,
  },
  // A lead needs a last name; the whole name goes there rather than a guess at splitting it.
  salesforce: { fields: 'email:email name:last_name', as: 'blind', closed: 1 },
} satisfies Record<string, Provider>;

export type ProviderName = keyof typeof PROVIDERS;

/** The row of a provider name (`custom` when absent), or undefined for a name it does not know. */
export const provider = (name = 'custom'): Provider | undefined =>
  Object.hasOwn(PROVIDERS, name) ? (PROVIDERS as Record<string, Provider>)[name] : undefined;

/** Keys that reach `Object.prototype` when written into a plain object. */
const PROTO = /^(__proto__|constructor|prototype)$/;

/**
 * The field map of a provider (`custom` when unknown): its own names with the partner's
 * `ours:theirs` pairs (`data-fields`) laid over them, in an object without a prototype; the pairs
 * that are not `ours:theirs`, left out; and why the whole map is refused, if it is. A map that
 * sends the email nowhere, or two fields under one name, loses what the person typed while the
 * service still answers 200, so it is never used: nor is one that names `__proto__`,
 * `constructor` or `prototype`, on either side. The embed builder asks it too.
 */
export function fieldMap(
  name?: string,
  text = '',
): [map: Record<string, string>, bad: string[], refused?: string] {
  const row = provider(name) ?? {};
  const map: Record<string, string> = Object.create(null);
  const bad: string[] = [];
  for (const pair of `${row.fields ?? ''} ${text}`.split(/\s+/).filter(Boolean)) {
    const [, ours, theirs] = /^([^:]+):(.*)$/.exec(pair) ?? [];
    if (ours) map[ours] = theirs;
    else bad.push(pair);
  }
  // An open service gets our fields under our names unless the map renames them.
  const sent = { ...(!row.closed && { email: 'email', name: 'name' }), ...map };
  const theirs = Object.values(sent);
  const twice = theirs.find((name, index) => theirs.indexOf(name) < index);
  const refused = Object.entries(sent)
    .flat()
    .some((name) => PROTO.test(name))
    ? 'names __proto__, constructor or prototype'
    : !sent.email || theirs.includes('')
      ? `maps ${sent.email ? 'a field' : 'the email'} to nothing`
      : twice && `maps two fields to "${twice}"`;
  return [map, bad, refused];
}

/** What a submission needs to be sent again, later or from the offline queue. */
export interface Delivery {
  endpoint: string;
  /** `custom`'s body: `json` or `form`. */
  encoding: 'json' | 'form';
  provider?: string;
  /** Our field names to the service's. */
  fields?: Record<string, string>;
  body: Record<string, string>;
}

/** The request one submission makes to its service. */
export function request({
  endpoint,
  encoding,
  provider: name,
  fields = {},
  body,
}: Delivery): RequestInit {
  const row = provider(name) ?? {};
  const as = row.as ?? encoding;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (fields[key] || !row.closed) out[fields[key] ?? key] = value;
  }
  const { trap } = row;
  if (trap) out[typeof trap === 'string' ? trap : trap(new URL(endpoint))] = '';
  const json = as === 'json' || as === 'hubspot';
  return {
    method: 'POST',
    // `Accept` is safelisted, so a urlencoded body still goes without a preflight.
    headers: { accept: 'application/json', ...(json && { 'content-type': 'application/json' }) },
    mode: as === 'blind' ? 'no-cors' : 'cors',
    credentials: 'omit',
    body: !json
      ? new URLSearchParams(out)
      : JSON.stringify(
          as === 'json'
            ? out
            : {
                fields: Object.entries(out).map(([name, value]) => ({ name, value })),
                context: { pageUri: body.pageUrl, pageName: document.title },
                legalConsentOptions: body.consent && {
                  consent: { consentToProcess: true, text: body.consent },
                },
              },
        ),
  };
}

/**
 * What a 2xx answer was instead of this service's success, or undefined when it was that success.
 * A catch-all page or a login page answers 200 too, and so does a redirect to one (fetch follows
 * it); thanking a person for it would thank them for a sign-up that nobody took. So only the
 * row's own kind of answer (`ok`) is a success. A blind post's answer cannot be read, so it never
 * comes here.
 */
export async function unlike(name: string | undefined, response: Response) {
  const { ok } = provider(name) ?? {};
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes(ok ?? 'json') && (ok || (await response.text()))) {
    return `${type || 'no type'}${response.redirected ? ` from ${response.url}` : ''}`;
  }
}

/**
 * The field and message an error body names, whichever service wrote it: ours (`{error, field}`),
 * Formspree's (`{errors: [{field, message}]}`), HubSpot's (`{errors: [{message: "Error in
 * 'fields.email'. Invalid email address"}]}`) or Basin's (`{error}`). The field comes back under
 * our name.
 */
export function readError(
  json: unknown,
  fields: Record<string, string> = {},
): { message?: string; field?: string } {
  const first = Object(Object(json).errors?.[0] ?? json);
  let message = [first.message, first.error].find((text) => typeof text === 'string' && text);
  let field = typeof first.field === 'string' ? first.field : undefined;
  const named = /^Error in 'fields\.([^']+)'\.\s*(.+)/.exec(message);
  if (named) [, field, message] = named;
  return {
    message,
    field: Object.keys(fields).find((ours) => fields[ours] === field) ?? field,
  };
}
