/**
 * The sign-up services `<fundraise-cta>` sends to, as the builder offers them: one row each, and
 * what the builder reads from the embed code or form URL a partner pastes (the provider, the
 * endpoint and the field map), saying what it read and what it left.
 *
 * Pasted HTML is parsed with DOMParser into a document of its own, which has no browsing context:
 * its scripts never run, nothing in it loads, and none of it reaches the page. Only attribute
 * values and the text of a HubSpot embed's inline script are read from it, and only as text.
 */
import { signupFieldMap, type ProviderName } from '../../src/index.js';
import type { Tree } from './markup.js';

/** The fields of a person's that a service may have its own names for. */
type Ours = 'email' | 'name';

export interface Service {
  /** What a partner calls it. */
  label: string;
  /**
   * The service sends no CORS header: the element posts blind, and cannot know whether the
   * service took the sign-up.
   */
  opaque?: true;
  /**
   * The endpoint the element posts to, when a URL (a form's action, a link, a frame) is this
   * service's; `form` is the pasted form it came from, whose attributes and hidden fields some
   * services need.
   */
  endpoint?(url: URL, form?: Element): string | undefined;
  /** The service's own names for our fields, most likely first. */
  names?: Partial<Record<Ours, string[]>>;
}

/** The same URL on its own origin, when its path has the shape, else undefined. */
const at = (url: URL, host: RegExp, path: RegExp) =>
  host.test(url.hostname) && path.test(url.pathname) ? url.origin + url.pathname : undefined;

/**
 * In the element's order. URL shapes are those of each service's own embed code (see
 * /work/shared/research/signup-providers.md); a service that hides its answers is `opaque`, as
 * the element's provider row sends it blind.
 */
export const SERVICES = {
  custom: { label: 'Custom: your own endpoint' },
  formspree: {
    label: 'Formspree',
    endpoint: (url) => at(url, /^formspree\.io$/, /^\/(p\/\w+\/)?f\/\w+$/),
  },
  hubspot: {
    label: 'HubSpot',
    endpoint: (url) =>
      at(url, /(^|\.)hsforms\.com$/, /^\/submissions\/v3\/integration\/submit\/\d+\/[\w-]+$/),
    names: { email: ['email'], name: ['firstname'] },
  },
  mailchimp: {
    label: 'Mailchimp',
    opaque: true,
    endpoint(url) {
      const { u, id, f_id } = Object.fromEntries(url.searchParams);
      // The hosted form's page and the JSONP address name the same list as the form's own post.
      return u && id && at(url, /\.list-manage\d*\.com$/, /^\/subscribe(\/post(-json)?)?\/?$/)
        ? `https://${url.hostname}/subscribe/post?${new URLSearchParams({ u, id, ...(f_id && { f_id }) })}`
        : undefined;
    },
    names: { email: ['EMAIL'], name: ['FNAME'] },
  },
  netlify: {
    label: 'Netlify Forms',
    // Netlify takes a site's forms at any path of the site itself, so the page must be on Netlify.
    endpoint: (_url, form) => (form?.matches('[data-netlify], [netlify]') ? '/' : undefined),
  },
  'google-forms': {
    label: 'Google Forms',
    opaque: true,
    endpoint(url) {
      const id =
        url.hostname === 'docs.google.com' &&
        /^\/forms(?:\/u\/\d+)?\/d\/e\/([\w-]+)\/(?:formResponse|viewform)$/.exec(url.pathname)?.[1];
      return id ? `https://docs.google.com/forms/d/e/${id}/formResponse` : undefined;
    },
  },
  basin: { label: 'Basin', endpoint: (url) => at(url, /^usebasin\.com$/, /^\/f\/\w+$/) },
  kit: {
    label: 'Kit (ConvertKit)',
    endpoint: (url) => at(url, /^app\.(convertkit|kit)\.com$/, /^\/forms\/\d+\/subscriptions$/),
    names: { email: ['email_address'], name: ['first_name', 'fields[first_name]'] },
  },
  brevo: {
    label: 'Brevo',
    opaque: true,
    endpoint: (url) => at(url, /\.sibforms\.com$/, /^\/serve\/[\w-]+$/),
    names: { email: ['EMAIL'], name: ['FIRSTNAME'] },
  },
  salesforce: {
    label: 'Salesforce Web-to-Lead',
    opaque: true,
    endpoint(url, form) {
      const base = at(url, /(^|\.)salesforce\.com$/, /^\/servlet\/servlet\.WebToLead$/);
      // The organisation id is a hidden field of the form, which the element cannot send; it
      // goes in the query string, which a servlet reads as well.
      const oid =
        url.searchParams.get('oid') ??
        form?.querySelector('[name="oid"]')?.getAttribute('value') ??
        '';
      return base && `${base}?${new URLSearchParams({ encoding: 'UTF-8', ...(oid && { oid }) })}`;
    },
    // A lead needs a last name, and the element never splits a name: the whole of it goes there.
    names: { email: ['email'], name: ['last_name'] },
  },
} satisfies Record<ProviderName, Service>;

const ROWS = Object.entries(SERVICES) as [ProviderName, Service][];

/**
 * What the element sends, under our names (signup-controller.ts and fundraise-cta.ts); the
 * builder's tests sign up through the element to check that this is all of it.
 */
const SENT = ['name', 'email', 'ctaId', 'pageUrl', 'submissionId', 'consentAt'];

/** `data-fields` as the element reads it: `ours:theirs` pairs, anything else left out. */
export const fieldMap = (text = ''): Record<string, string> =>
  Object.fromEntries(
    text.split(/\s+/).flatMap((pair) => {
      const [, ours, theirs] = /^([^:]+):(.+)$/.exec(pair) ?? [];
      return theirs ? [[ours, theirs]] : [];
    }),
  );

/**
 * The hidden copy of the form that Netlify reads at deploy time: it detects a form only in the
 * site's static HTML, and keeps only the fields that copy lists. So it names every field the
 * element sends, under the names `data-fields` gives them, the `form-name` Netlify injects into
 * forms it detects, and the honeypot the element leaves empty.
 */
export function netlifyForm(name: string, consent: boolean, fields: Record<string, string>): Tree {
  const sent = [...SENT, ...(consent ? ['consent'] : [])].map((ours) => fields[ours] ?? ours);
  return [
    'form',
    { name, 'data-netlify': 'true', 'netlify-honeypot': 'bot-field', hidden: '' },
    ['input', { type: 'hidden', name: 'form-name', value: name }],
    ...sent.map((theirs): Tree => ['input', { name: theirs }]),
    ['input', { name: 'bot-field' }],
  ];
}

/** One field of a pasted form, or one entry of a Google Form's pre-filled link. */
interface Field {
  name: string;
  type: string;
  value: string;
  /** Its name, label and hints, for guessing what it asks. */
  text: string;
  /** A honeypot: hidden from people, and left empty. */
  trap: boolean;
}

// The honeypots of the services' own embeds, besides the ones their markup hides.
const TRAPS = /^(b_\w+_\w+|_gotcha|bot-field|email_address_check)$/;
const NOT_ASKED = ['hidden', 'submit', 'button', 'image', 'reset', 'checkbox', 'radio'];
const BASE = 'https://partner.invalid/';

function fieldsOf(form: Element | undefined, url: URL): Field[] {
  if (!form) {
    // A pre-filled link carries each question's entry id, with the sample answer given for it.
    return [...url.searchParams]
      .filter(([name]) => /^entry\.\d+$/.test(name))
      .map(([name, text]) => ({ name, type: 'text', value: '', text, trap: false }));
  }
  return [...form.querySelectorAll('input, textarea, select')].map((input) => {
    const attr = (name: string) => input.getAttribute(name) ?? '';
    const name = attr('name');
    const labels = [...((input as HTMLInputElement).labels ?? [])].map((l) => l.textContent);
    return {
      name,
      type: input.localName === 'input' ? (attr('type') || 'text').toLowerCase() : input.localName,
      value: attr('value'),
      text: [name, input.id, attr('aria-label'), attr('placeholder'), ...labels].join(' '),
      trap:
        TRAPS.test(name) ||
        name === form.getAttribute('netlify-honeypot') ||
        attr('tabindex') === '-1' ||
        !!input.closest('[aria-hidden="true"]'),
    };
  });
}

/** The URLs in what was pasted, each with the form it came from: a link, or a page's markup. */
function candidates(text: string): [URL, Element?][] {
  if (!text.includes('<')) {
    try {
      return [[new URL(text)]];
    } catch {
      return [];
    }
  }
  const doc = new DOMParser().parseFromString(text, 'text/html');
  const url = (value: string | null) => {
    try {
      return new URL(value ?? '', BASE);
    } catch {
      return new URL(BASE);
    }
  };
  const found: [URL, Element?][] = [...doc.querySelectorAll('form')].map((form) => [
    url(form.getAttribute('action')),
    form,
  ]);
  // HubSpot's embeds make their form in a script: hbspt.forms.create({portalId, formId}), or the
  // newer frame with data-portal-id and data-form-id. Their ids name the submission endpoint.
  const script = [...doc.scripts].map((s) => s.textContent).join('\n');
  const frame = doc.querySelector('[data-portal-id][data-form-id]');
  const portal =
    frame?.getAttribute('data-portal-id') ?? /portalId\s*:\s*["']?(\d+)/.exec(script)?.[1];
  const formId =
    frame?.getAttribute('data-form-id') ?? /formId\s*:\s*["']([\w-]+)/.exec(script)?.[1];
  if (portal && formId) {
    found.push([
      url(`https://api.hsforms.com/submissions/v3/integration/submit/${portal}/${formId}`),
    ]);
  }
  // A Google Form's embed is a frame of its page.
  for (const iframe of doc.querySelectorAll('iframe[src]'))
    found.push([url(iframe.getAttribute('src'))]);
  return found;
}

/** The options a paste sets, and a sentence for the person saying what was read and what was not. */
export interface Reading {
  options: Record<string, string>;
  said: string;
}

/**
 * Reads a service's embed code or form URL. Options it cannot tell are cleared (`''`), so nothing
 * of an earlier paste stays; with nothing recognised, no option changes.
 */
export function readPaste(pasted: string): Reading {
  const text = pasted.trim();
  if (!text)
    return { options: {}, said: 'Paste a sign-up service’s embed code or form URL first.' };
  const found = candidates(text).filter(([url]) => /^https?:$/.test(url.protocol));
  for (const [url, form] of found) {
    for (const [provider, row] of ROWS) {
      const endpoint = row.endpoint?.(url, form);
      if (endpoint) return read(provider, row, endpoint, url, form);
    }
  }
  const posts = found.map(([url]) => url.href).filter((href) => !href.startsWith(BASE));
  const known = ROWS.filter(([, row]) => row.endpoint).map(([, row]) => row.label);
  return {
    options: {},
    said: `Not recognised: ${posts.length ? `it leads to ${posts.join(', ')}, which is not` : 'it holds no'} a form address of ${known.join(', ')}. Nothing was changed: set the service and its endpoint below.`,
  };
}

function read(
  provider: ProviderName,
  row: Service,
  endpoint: string,
  url: URL,
  form?: Element,
): Reading {
  const fields = fieldsOf(form, url);
  const asked = fields.filter((f) => f.name && !f.trap && !NOT_ASKED.includes(f.type));
  const used = new Set<string>();
  // The service's own name first, then the input's type, then its name, label and hints.
  const pick = (ours: Ours, guess: RegExp) => {
    const open = asked.filter((f) => !used.has(f.name));
    const theirs =
      row.names?.[ours]?.find((name) => open.some((f) => f.name === name)) ??
      open.find((f) => f.type === ours)?.name ??
      open.find((f) => guess.test(f.text) && !/last|family|surname|lname/i.test(f.text))?.name ??
      // A pre-filled link's answers are samples: the one entry besides the email is the name.
      (!form && open.length === 1 ? open[0].name : undefined);
    if (theirs) used.add(theirs);
    return theirs;
  };
  const map = { email: pick('email', /e-?mail|courriel|@/i), name: pick('name', /name|nom/i) };
  const query = new URL(endpoint, BASE).searchParams;
  const left = fields
    .filter(
      (f) =>
        f.name &&
        !f.trap &&
        !used.has(f.name) &&
        !['submit', 'button', 'image', 'reset'].includes(f.type) &&
        f.name !== 'form-name' &&
        !(f.value && query.get(f.name) === f.value),
    )
    .map((f) => (f.type === 'hidden' ? `${f.name} (hidden, ${f.value || 'empty'})` : f.name));
  const pairs = Object.entries(map)
    .filter(([ours, theirs]) => theirs && theirs !== ours)
    .map(([ours, theirs]) => `${ours}:${theirs}`)
    .join(' ');
  // The element's own judgement: a map it would refuse (a field named __proto__, a Google Form
  // whose email has no entry id) is never written; the service's usual names stand instead.
  const refused = signupFieldMap(provider, pairs)[2];
  const options = {
    'data-provider': provider,
    'data-endpoint': endpoint,
    'data-fields': refused ? '' : pairs,
    'data-form-name': provider === 'netlify' ? (form?.getAttribute('name') ?? '') : '',
  };
  const set = Object.entries(options)
    .filter(([, value]) => value)
    .map(([name, value]) => `${name}="${value}"`)
    .join(', ');
  const notes = [`Recognised ${row.label}: ${set}.`];
  if (refused && pairs) {
    notes.push(`Its fields were not mapped (data-fields "${pairs}" ${refused}).`);
  }
  if (left.length) {
    notes.push(
      `Not carried over, as the element asks for a name and an email only: ${left.join(', ')}.`,
    );
  }
  if (!fields.length && provider !== 'google-forms') {
    notes.push(
      'It names no fields: the element will send the service’s usual names, and data-fields can change them.',
    );
  }
  if (provider === 'google-forms' && !map.email) {
    notes.push(
      'Google Forms needs the entry id of each question: paste the form’s HTML or a pre-filled link, or write data-fields (email:entry.… name:entry.…).',
    );
  }
  return { options, said: notes.join(' ') };
}
