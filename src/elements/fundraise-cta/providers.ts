/**
 * How a sign-up reaches each service a partner may already collect sign-ups in: one row of data
 * per service, and one `request()` that turns a submission into the request that service's own
 * embed code would make.
 *
 * The rows say only what differs: the service's names for our fields, the empty honeypot it
 * checks, how the body is written, and whether it takes fields it does not know. Everything else
 * (status codes, error bodies, retries) is read the same way for every service, in the
 * controller, because a person should meet the same behaviour whichever service the partner uses.
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
  /** The service cannot work without a field map (`data-fields`). */
  needsFields?: 1;
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
  formspree: { fields: 'email:email name:name', trap: '_gotcha', as: 'json' },
  hubspot: { fields: 'email:email name:firstname', as: 'hubspot', closed: 1 },
  mailchimp: {
    fields: 'email:EMAIL name:FNAME',
    trap: (url) => `b_${url.searchParams.get('u')}_${url.searchParams.get('id')}`,
    as: 'blind',
    closed: 1,
  },
  netlify: { trap: 'bot-field', as: 'form', formName: 'form-name' },
  'google-forms': { as: 'blind', closed: 1, needsFields: 1 },
  basin: { as: 'json' },
  kit: { fields: 'email:email_address name:first_name', as: 'form', closed: 1 },
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

/**
 * `email:entry.1 name:entry.2` as `{email: 'entry.1', name: 'entry.2'}`, with the pairs that are
 * not `ours:theirs` returned apart so the partner can be told.
 */
export function parseFields(text = ''): [map: Record<string, string>, bad: string[]] {
  const map: Record<string, string> = {};
  const bad: string[] = [];
  for (const pair of text.split(/\s+/).filter(Boolean)) {
    const [, ours, theirs] = /^([^:]+):(.+)$/.exec(pair) ?? [];
    if (theirs) map[ours] = theirs;
    else bad.push(pair);
  }
  return [map, bad];
}

/** The row's field map with the partner's pairs laid over it. */
export const fieldMap = (row: Provider, given: Record<string, string>) => ({
  ...parseFields(row.fields)[0],
  ...given,
});

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
