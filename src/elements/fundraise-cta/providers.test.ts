/**
 * Sign-ups through each service a partner may use, in the real browser, against loopback
 * stand-ins on a second origin (test/server.js) that answer as each service documents: with CORS
 * or without, with the service's own success and error bodies, answering a preflight only where
 * the service does.
 */
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { ctaMessages } from './fundraise-cta.messages.js';
import './fundraise-cta.define.js';
import type { FundraiseCtaElement } from './fundraise-cta.js';
import { QUEUE_KEY } from './signup-controller.js';
import {
  deepActive,
  described,
  fill,
  input,
  note,
  openForm,
  part,
  received,
  restoreNetwork,
  serviceLog,
  submit,
  submitButton,
  uniqueEmail,
  type ServiceRequest,
} from '../../../test/cta-helpers.js';
import { watchPage } from '../../../test/watch-page.js';

const en = ctaMessages('en');

let origin = '';
let unique = 0;
/** A key no other test uses, for a form id in an endpoint and for the stand-in's log. */
const key = (label: string) => `${label}${Date.now()}x${unique++}`;

/** The element, made from attributes as a partner writes them, connected and rendered. */
async function cta(attrs: Record<string, string>): Promise<FundraiseCtaElement> {
  const holder = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('fundraise-cta');
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  holder.append(el);
  await el.updateComplete;
  return el;
}

/** The first of impact-signup and impact-signup-error. */
const outcome = (el: FundraiseCtaElement) =>
  new Promise<CustomEvent>((resolve) => {
    for (const type of ['impact-signup', 'impact-signup-error']) {
      el.addEventListener(type, (event) => resolve(event as CustomEvent), { once: true });
    }
  });

/** Opens the form, fills it and sends it; resolves with the outcome event. */
async function signUp(
  el: FundraiseCtaElement,
  email: string,
  name = 'Ada Lovelace',
  consent = false,
): Promise<CustomEvent> {
  await openForm(el);
  fill(el, name, email);
  if (consent) input(el, 'consent').checked = true;
  const done = outcome(el);
  await submit(el);
  const event = await done;
  await el.updateComplete;
  return event;
}

const posts = (log: ServiceRequest[]) => log.filter((request) => request.method === 'POST');
const form = (request: ServiceRequest) => Object.fromEntries(new URLSearchParams(request.body));
const seconds = (lang: string, n: number) =>
  new Intl.NumberFormat(lang, { style: 'unit', unit: 'second', unitDisplay: 'long' }).format(n);

before(async () => {
  ({ origin } = await (await fetch('/fixtures/services')).json());
});

afterEach(restoreNetwork);

describe('sign-up services', () => {
  describe('readable services', () => {
    it('Formspree: JSON after a preflight, asking for JSON, with every field and its empty trap', async () => {
      const id = key('fs');
      const email = uniqueEmail('formspree');
      const el = await cta({
        'data-provider': 'formspree',
        'data-endpoint': `${origin}/formspree/f/${id}`,
      });
      const event = await signUp(el, email);
      expect(event.type).to.equal('impact-signup');
      expect(event.detail.delivery).to.equal('confirmed');
      expect(part(el, 'success')).to.exist;

      const log = await serviceLog(id);
      expect(log.map((request) => request.method)).to.deep.equal(['OPTIONS', 'POST']);
      const [post] = posts(log);
      expect(post.headers.accept).to.equal('application/json');
      expect(post.headers['content-type']).to.equal('application/json');
      expect(post.headers['sec-fetch-mode']).to.equal('cors');
      expect(post.headers.origin).to.equal(location.origin);
      const body = JSON.parse(post.body);
      expect(Object.keys(body).sort()).to.deep.equal(
        ['_gotcha', 'consentAt', 'ctaId', 'email', 'name', 'pageUrl', 'submissionId'].sort(),
      );
      expect(body).to.include({ email, name: 'Ada Lovelace', _gotcha: '' });
      expect(body.submissionId).to.equal(event.detail.submissionId);
    });

    it("Formspree: a field error is shown at that field in the service's words, the input kept", async () => {
      const id = key('fsbad');
      const endpoint = `${origin}/formspree/f/${id}`;
      // What the service says about such an address, asked directly.
      const answer = await fetch(endpoint, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'probe@bounce.invalid' }),
      });
      const { errors } = await answer.json();
      expect(answer.status).to.equal(400);
      const el = await cta({ 'data-provider': 'formspree', 'data-endpoint': endpoint });
      const email = uniqueEmail('bounce', 'bounce.invalid');
      const event = await signUp(el, email, 'Kept Name');
      expect(event.detail.cause).to.equal('rejected');
      const field = input(el, 'email');
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      expect(described(el, field)).to.equal(errors[0].message);
      expect(field.value).to.equal(email);
      expect(input(el, 'name').value).to.equal('Kept Name');
      expect(input(el, 'name').getAttribute('aria-invalid')).to.equal('false');
      expect(deepActive()).to.equal(field);
      expect(submitButton(el).textContent!.trim()).to.equal(en.submit);
      await expect(el).to.be.accessible();
    });

    it('HubSpot: a fields array, the page as context and the consent words as legalConsentOptions', async () => {
      const id = key('hs');
      const email = uniqueEmail('hubspot');
      const words = 'Yes, email me about starting a fundraiser.';
      const el = await cta({
        'data-provider': 'hubspot',
        'data-endpoint': `${origin}/hubspot/submissions/v3/integration/submit/12345/${id}`,
        'data-consent': words,
        'data-fields': 'submissionId:submission_id',
      });
      const event = await signUp(el, email, 'Ada Lovelace', true);
      expect(event.type).to.equal('impact-signup');
      expect(event.detail.delivery).to.equal('confirmed');
      const log = await serviceLog(id);
      expect(log.map((request) => request.method)).to.deep.equal(['OPTIONS', 'POST']);
      const body = JSON.parse(posts(log)[0].body);
      // Only the fields the form defines: HubSpot refuses any other.
      expect(body.fields).to.have.deep.members([
        { name: 'email', value: email },
        { name: 'firstname', value: 'Ada Lovelace' },
        { name: 'submission_id', value: event.detail.submissionId },
      ]);
      expect(body.context).to.deep.equal({
        pageUri: location.origin + location.pathname,
        pageName: document.title,
      });
      expect(body.legalConsentOptions).to.deep.equal({
        consent: { consentToProcess: true, text: words },
      });
    });

    it("HubSpot: its 'fields.email' error at the email field; an unseen field's at the form", async () => {
      const id = key('hsbad');
      const endpoint = `${origin}/hubspot/submissions/v3/integration/submit/12345/${id}`;
      const el = await cta({ 'data-provider': 'hubspot', 'data-endpoint': endpoint });
      const event = await signUp(el, uniqueEmail('hsbad', 'bounce.invalid'));
      expect(event.detail.cause).to.equal('rejected');
      const [post] = posts(await serviceLog(id));
      expect(post).to.exist;
      const field = input(el, 'email');
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      // The service's own sentence, without the field path only code needs.
      expect(described(el, field)).to.equal('Invalid email address');

      const other = await cta({
        'data-provider': 'hubspot',
        'data-endpoint': endpoint,
        // A field of ours the person never sees: the message can only go at the form.
        'data-fields': 'submissionId:submission_ref',
      });
      await signUp(other, uniqueEmail('hsnick'));
      expect(note(other).textContent).to.equal(
        'This field was not defined in the form definition.',
      );
      expect(input(other, 'name').getAttribute('aria-invalid')).to.equal('false');
      expect(input(other, 'email').getAttribute('aria-invalid')).to.equal('false');
    });

    it('Kit and Basin: their field names, their answers read and confirmed', async () => {
      for (const [provider, path, expected, preflight] of [
        ['kit', 'kit/forms/ID/subscriptions', ['email_address', 'first_name'], false],
        [
          'basin',
          'basin/f/ID',
          ['email', 'name', 'ctaId', 'pageUrl', 'submissionId', 'consentAt'],
          true,
        ],
      ] as const) {
        const id = key(provider);
        const email = uniqueEmail(provider);
        const el = await cta({
          'data-provider': provider,
          'data-endpoint': `${origin}/${path.replace('ID', id)}`,
        });
        const event = await signUp(el, email);
        expect(event.detail.delivery, provider).to.equal('confirmed');
        const log = await serviceLog(id);
        // A urlencoded body with Accept needs no preflight; JSON does.
        expect(
          log.map((request) => request.method),
          provider,
        ).to.deep.equal(preflight ? ['OPTIONS', 'POST'] : ['POST']);
        const [post] = posts(log);
        const body = preflight ? JSON.parse(post.body) : form(post);
        expect(Object.keys(body), provider).to.have.members([...expected]);
        expect(Object.values(body), provider).to.include(email);
      }
    });
  });

  describe('services that hide their answers', () => {
    it('Mailchimp: a blind urlencoded post with its merge tags and the empty b_<u>_<id> trap, shown as sent', async () => {
      const u = key('u');
      const email = uniqueEmail('mailchimp');
      const el = await cta({
        'data-heading': 'Join the list',
        'data-provider': 'mailchimp',
        'data-endpoint': `${origin}/mailchimp/subscribe/post?u=${u}&id=list7`,
      });
      const event = await signUp(el, email);
      expect(event.type).to.equal('impact-signup');
      expect(event.detail.delivery).to.equal('opaque');
      // Its own words say it was sent, and claim nothing more.
      expect(part(el, 'success')!.textContent!.trim()).to.equal(en.sent);
      expect(part(el, 'success')!.textContent).not.to.contain(en.thanks);

      const log = await serviceLog(u);
      expect(log.map((request) => request.method)).to.deep.equal(['POST']);
      const [post] = log;
      expect(post.headers['sec-fetch-mode']).to.equal('no-cors');
      expect(post.headers['content-type']).to.equal(
        'application/x-www-form-urlencoded;charset=UTF-8',
      );
      expect(form(post)).to.deep.equal({
        EMAIL: email,
        FNAME: 'Ada Lovelace',
        [`b_${u}_list7`]: '',
      });
    });

    it("shows the partner's own thanks after a blind post", async () => {
      const el = await cta({
        'data-provider': 'mailchimp',
        'data-endpoint': `${origin}/mailchimp/subscribe/post?u=${key('u')}&id=list7`,
        'data-success': 'Check your inbox to confirm.',
      });
      await signUp(el, uniqueEmail('mcthanks'));
      expect(part(el, 'success')!.querySelector('p')!.textContent).to.equal(
        'Check your inbox to confirm.',
      );
    });

    it('Google Forms: the mapped entry ids only, the submission id included when mapped', async () => {
      const id = key('gf');
      const email = uniqueEmail('gforms');
      const el = await cta({
        'data-provider': 'google-forms',
        'data-endpoint': `${origin}/google/forms/d/e/${id}/formResponse`,
        'data-fields': 'email:entry.1111 name:entry.2222 submissionId:entry.3333',
      });
      const event = await signUp(el, email);
      expect(event.detail.delivery).to.equal('opaque');
      const log = await serviceLog(id);
      expect(log).to.have.length(1);
      expect(log[0].headers['sec-fetch-mode']).to.equal('no-cors');
      expect(form(log[0])).to.deep.equal({
        'entry.1111': email,
        'entry.2222': 'Ada Lovelace',
        'entry.3333': event.detail.submissionId,
      });
    });

    it('Google Forms without data-fields: no form, one warning and impact-error for the partner', async () => {
      const page = watchPage();
      const errors: CustomEvent[] = [];
      const listener = (event: Event) => errors.push(event as CustomEvent);
      document.addEventListener('impact-error', listener);
      try {
        const el = await cta({
          'data-heading': 'Tell us',
          'data-provider': 'google-forms',
          'data-endpoint': `${origin}/google/forms/d/e/${key('gfnone')}/formResponse`,
        });
        el.buttonLabel = 'Again';
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('button, a, form')).to.be.null;
        expect(part(el, 'heading')!.textContent).to.equal('Tell us');
        expect(page.warnings).to.have.length(1);
        expect(page.warnings[0]).to.match(
          /^<fundraise-cta>: data-provider "google-forms" needs data-fields/,
        );
        expect(errors.map((event) => event.detail.message)).to.deep.equal(page.warnings);
      } finally {
        document.removeEventListener('impact-error', listener);
        page.stop();
      }
    });

    it('Brevo and Salesforce: their field names and trap, sent blind', async () => {
      for (const [provider, path, expected] of [
        ['brevo', 'brevo/serve/ID', { EMAIL: '', FIRSTNAME: '', email_address_check: '' }],
        ['salesforce', 'salesforce/servlet/servlet.WebToLead?encoding=UTF-8&oid=ID', {}],
      ] as const) {
        const id = key(provider);
        const email = uniqueEmail(provider);
        const el = await cta({
          'data-provider': provider,
          'data-endpoint': `${origin}/${path.replace('ID', id)}`,
        });
        const event = await signUp(el, email, 'Grace Hopper');
        expect(event.detail.delivery, provider).to.equal('opaque');
        const log = await serviceLog(id);
        expect(log.map((request) => request.headers['sec-fetch-mode'])).to.deep.equal(['no-cors']);
        const body = form(log[0]);
        if (provider === 'brevo') {
          expect(body).to.deep.equal({ ...expected, EMAIL: email, FIRSTNAME: 'Grace Hopper' });
        } else {
          // A lead needs a last name: the whole name goes there, never split by guessing.
          expect(body).to.deep.equal({ email, last_name: 'Grace Hopper' });
        }
      }
    });
  });

  describe('Netlify', () => {
    it("posts urlencoded to its own site with form-name (the call to action's id) and the empty bot-field", async () => {
      const email = uniqueEmail('netlify');
      const el = await cta({ 'data-provider': 'netlify', 'data-endpoint': '/' });
      const event = await signUp(el, email);
      expect(event.detail.delivery).to.equal('confirmed');
      const [post] = await serviceLog(email.split('@')[0]);
      expect(post.headers['sec-fetch-mode']).to.equal('cors');
      expect(post.headers['content-type']).to.match(/^application\/x-www-form-urlencoded/);
      const body = form(post);
      expect(body).to.include({
        'form-name': 'start-fundraiser',
        'bot-field': '',
        email,
        name: 'Ada Lovelace',
        submissionId: event.detail.submissionId,
      });

      const named = await cta({
        'data-provider': 'netlify',
        'data-endpoint': '/',
        'data-form-name': 'newsletter',
      });
      const other = uniqueEmail('netlifyname');
      await signUp(named, other);
      expect(form((await serviceLog(other.split('@')[0]))[0])['form-name']).to.equal('newsletter');
    });
  });

  describe('a custom field map', () => {
    it("renames our fields for our own contract, and maps the endpoint's field back", async () => {
      const email = uniqueEmail('mapped');
      const el = await cta({
        'data-endpoint': '/api/signups',
        'data-fields': 'email:contact_email name:full_name',
      });
      await signUp(el, email);
      const body = JSON.parse((await received(email))[0].body);
      expect(body).to.include({ contact_email: email, full_name: 'Ada Lovelace' });
      expect(body).not.to.have.any.keys('email', 'name');

      const error = encodeURIComponent(
        JSON.stringify({ error: 'That address bounced', field: 'contact_email' }),
      );
      const refused = await cta({
        'data-endpoint': `/api/signups?status=422&body=${error}`,
        'data-fields': 'email:contact_email name:full_name',
      });
      await signUp(refused, uniqueEmail('mappedbad'));
      expect(described(refused, input(refused, 'email'))).to.equal('That address bounced');
    });

    it('warns about an unknown provider and a pair that is not ours:theirs, once each', async () => {
      const page = watchPage();
      try {
        const email = uniqueEmail('unknown');
        const el = await cta({
          'data-endpoint': '/api/signups',
          'data-provider': 'mailchimpp',
          'data-fields': 'email=EMAIL name:full_name',
        });
        await signUp(el, email);
        expect(page.warnings).to.have.length(2);
        expect(page.warnings[0]).to.match(/^<fundraise-cta>: data-provider "mailchimpp"/);
        expect(page.warnings[1]).to.match(/^<fundraise-cta>: data-fields "email=EMAIL"/);
        // Sent our way, with the pair that was fine.
        const [post] = await received(email);
        expect(post.type).to.equal('application/json');
        expect(JSON.parse(post.body)).to.include({ email, full_name: 'Ada Lovelace' });
      } finally {
        page.stop();
      }
    });
  });

  describe('a map that cannot be sent', () => {
    it('is refused with one warning naming data-fields, and no form or button is shown', async () => {
      const endpoints: Record<string, string> = {
        custom: '/api/signups',
        formspree: `${origin}/formspree/f/${key('fsmap')}`,
        kit: `${origin}/kit/forms/${key('kitmap')}/subscriptions`,
        'google-forms': `${origin}/google/forms/d/e/${key('gfmap')}/formResponse`,
      };
      for (const [provider, fields] of [
        ['custom', '__proto__:email'],
        ['custom', 'email:__proto__'],
        ['formspree', 'constructor:contact'],
        ['custom', 'name:prototype'],
        // The email mapped to nothing, or left out where only mapped fields are sent.
        ['custom', 'email:'],
        ['google-forms', 'name:entry.2222'],
        // Two of ours under one name of theirs: one would overwrite the other.
        ['custom', 'email:contact name:contact'],
        // Unmapped, the email goes as `email`: the name would take its place.
        ['custom', 'name:email'],
        // Kit's own name for the email.
        ['kit', 'name:email_address'],
      ]) {
        const page = watchPage();
        const errors: string[] = [];
        const listener = (event: Event) => errors.push((event as CustomEvent).detail.message);
        document.addEventListener('impact-error', listener);
        try {
          const el = await cta({
            'data-heading': 'Join the list',
            'data-provider': provider,
            'data-endpoint': endpoints[provider],
            'data-fields': fields,
          });
          el.buttonLabel = 'Again';
          await el.updateComplete;
          expect(el.shadowRoot!.querySelector('button, a, form')?.localName, fields).to.be
            .undefined;
          expect(part(el, 'heading')!.textContent).to.equal('Join the list');
          expect(page.warnings, fields).to.have.length(1);
          expect(page.warnings[0].startsWith(`<fundraise-cta>: data-fields "${fields}" `), fields)
            .to.be.true;
          expect(errors, fields).to.deep.equal(page.warnings);
          await expect(el).to.be.accessible();
        } finally {
          document.removeEventListener('impact-error', listener);
          page.stop();
        }
      }
    });

    it('takes an open form away when its map turns bad, leaving no dead button', async () => {
      const el = await cta({ 'data-endpoint': '/api/signups', 'data-fields': 'name:full_name' });
      await openForm(el);
      expect(part(el, 'form')).to.exist;
      const page = watchPage();
      try {
        el.fields = 'name:full email:full';
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('button, a, form')?.localName).to.be.undefined;
        expect(page.warnings).to.have.length(1);
      } finally {
        page.stop();
      }
    });
  });

  describe("a 2xx that is not the service's answer", () => {
    const login = `/api/signups?status=200&type=text/html&body=${encodeURIComponent(
      '<!doctype html><title>Sign in</title><h1>Sign in</h1>',
    )}`;

    it('a 200 page where the service answers JSON is the set-up: no thanks, no impact-signup, nothing lost', async () => {
      for (const [provider, endpoint] of [
        ['custom', login],
        ['formspree', login],
        ['kit', login],
        // fetch follows a redirect; where it lands is the answer.
        ['custom', `/api/late-redirect?ms=0&to=${encodeURIComponent(login)}`],
      ]) {
        const page = watchPage();
        try {
          const el = await cta({
            'data-provider': provider,
            'data-endpoint': endpoint,
            'data-contact-url': 'mailto:team@example.org',
          });
          const seen: CustomEvent[] = [];
          for (const type of ['impact-signup', 'impact-signup-error', 'impact-error']) {
            el.addEventListener(type, (event) => seen.push(event as CustomEvent));
          }
          const email = uniqueEmail('page200');
          const event = await signUp(el, email, 'Not Their Fault');
          await aTimeout(50);
          // It did arrive somewhere (urlencoded for Kit), and that place answered 200.
          expect(await received(email.split('@')[0]), endpoint).to.have.length(1);
          expect(event.detail.cause, endpoint).to.equal('endpoint');
          expect(
            seen.map((e) => `${e.type} ${e.detail.cause}`),
            endpoint,
          ).to.deep.equal(['impact-signup-error endpoint', 'impact-error endpoint']);
          expect(part(el, 'success'), endpoint).to.be.null;
          expect(el.shadowRoot!.textContent).not.to.contain(en.thanks);
          expect(page.warnings, endpoint).to.have.length(1);
          expect(page.warnings[0], endpoint)
            .to.contain('<fundraise-cta>: data-endpoint')
            .and.contain('200 with text/html');
          expect(note(el).textContent!.startsWith(en.endpoint), endpoint).to.be.true;
          expect(part<HTMLAnchorElement>(el, 'contact')!.href).to.equal('mailto:team@example.org');
          expect(input(el, 'name').value).to.equal('Not Their Fault');
          expect(input(el, 'email').value).to.equal(email);
          expect(input(el, 'email').getAttribute('aria-invalid')).to.equal('false');
          expect(submitButton(el).textContent!.trim()).to.equal(en.retry);
          await expect(el).to.be.accessible();
        } finally {
          page.stop();
        }
      }
    });

    it("still thanks for the service's own kind of answer: Netlify's page, our JSON or no body", async () => {
      for (const [provider, endpoint] of [
        ['netlify', '/'],
        ['custom', '/api/signups'],
        ['custom', '/api/signups?status=204&type=text/plain'],
        ['custom', '/api/signups?status=201&body=&type=text/plain'],
        ['custom', '/api/signups?status=202&body=&type=text/plain'],
        ['custom', '/api/signups?status=200&body='],
      ]) {
        const page = watchPage();
        try {
          const el = await cta({ 'data-provider': provider, 'data-endpoint': endpoint });
          const event = await signUp(el, uniqueEmail('owned'));
          expect(event.type, endpoint).to.equal('impact-signup');
          expect(event.detail.delivery, endpoint).to.equal('confirmed');
          expect(part(el, 'success'), endpoint).to.exist;
          expect(page.warnings, endpoint).to.deep.equal([]);
        } finally {
          page.stop();
        }
      }
    });
  });

  describe('failures', () => {
    it('never shows a request that could not leave as a success, whatever the service', async () => {
      const closed = new URL((await (await fetch('/fixtures/closed-port')).json()).url);
      const noCors = new URL((await (await fetch('/fixtures/cross-origin')).json()).url);
      for (const [provider, url] of [
        ['mailchimp', `${closed.origin}/subscribe/post?u=a&id=b`],
        ['google-forms', `${closed.origin}/forms/d/e/x/formResponse`],
        ['formspree', `${closed.origin}/f/x`],
        // Reached, but its answer carries no CORS header: the browser refuses it.
        ['formspree', `${noCors.origin}/f/x`],
        ['hubspot', `${noCors.origin}/submissions/v3/integration/submit/1/x`],
      ]) {
        const el = await cta({
          'data-provider': provider,
          'data-endpoint': url,
          'data-fields': 'email:entry.1',
        });
        const event = await signUp(el, uniqueEmail(`refused-${provider}`));
        expect(event.type, url).to.equal('impact-signup-error');
        expect(event.detail.cause, url).to.equal('network');
        expect(part(el, 'success'), url).to.be.null;
        expect(note(el).textContent, url).to.equal(en.network);
        expect(submitButton(el).textContent!.trim(), url).to.equal(en.retry);
      }
    });

    it('does not blame the person for the endpoint: impact-error "endpoint", one warning, Retry and the contact', async () => {
      const html404 = encodeURIComponent('<!doctype html><title>Not found</title>');
      for (const [provider, endpoint, status] of [
        ['formspree', `${origin}/formspree/f/missing`, 404],
        ['hubspot', `${origin}/hubspot/submissions/v3/integration/submit/1/missing`, 404],
        ['custom', '/api/signups?status=401', 401],
        ['custom', '/api/signups?status=403', 403],
        ['custom', '/api/signups?status=405', 405],
        ['custom', '/api/signups?status=410', 410],
        ['custom', `/api/signups?status=400&type=text/html&body=${html404}`, 400],
        ['netlify', '/', 404],
      ] as const) {
        const page = watchPage();
        try {
          const errors: CustomEvent[] = [];
          const el = await cta({
            'data-provider': provider,
            'data-endpoint': endpoint,
            'data-form-name': 'undetected-form',
            'data-contact-url': 'mailto:team@example.org',
          });
          el.addEventListener('impact-error', (event) => errors.push(event));
          const email = uniqueEmail('setup');
          const event = await signUp(el, email, 'Not Their Fault');
          expect(event.detail.cause, endpoint).to.equal('endpoint');
          await el.updateComplete;
          expect(
            errors.map((error) => error.detail.cause),
            endpoint,
          ).to.deep.equal(['endpoint']);
          expect(page.warnings, endpoint).to.have.length(1);
          expect(page.warnings[0], endpoint)
            .to.contain('<fundraise-cta>: data-endpoint')
            .and.contain(String(status));
          expect(errors[0].detail.message).to.equal(page.warnings[0]);
          expect(note(el).textContent!.startsWith(en.endpoint), endpoint).to.be.true;
          expect(note(el).textContent).not.to.contain(en.rejected);
          const contact = part<HTMLAnchorElement>(el, 'contact')!;
          expect(contact.href).to.equal('mailto:team@example.org');
          expect(contact.textContent).to.equal(en.contact);
          for (const name of ['name', 'email']) {
            expect(input(el, name).getAttribute('aria-invalid'), name).to.equal('false');
          }
          expect(input(el, 'name').value).to.equal('Not Their Fault');
          expect(input(el, 'email').value).to.equal(email);
          expect(submitButton(el).textContent!.trim()).to.equal(en.retry);
          await expect(el).to.be.accessible();
          // The same mistake again warns no more.
          const again = outcome(el);
          submitButton(el).click();
          await again;
          await el.updateComplete;
          expect(page.warnings, endpoint).to.have.length(1);
        } finally {
          page.stop();
        }
      }
    });

    it('HubSpot 429: asks to try again shortly and refuses a retry until then', async () => {
      const id = key('hslimit');
      const el = await cta({
        'data-provider': 'hubspot',
        'data-endpoint': `${origin}/hubspot/submissions/v3/integration/submit/limited/${id}`,
      });
      const event = await signUp(el, uniqueEmail('hslimit'));
      expect(event.detail.cause).to.equal('throttled');
      // HubSpot does not expose Retry-After to the page, so the element waits its default 10 s.
      expect(note(el).textContent).to.equal(en.throttled(seconds('en', 10)));
      const button = submitButton(el);
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(button.textContent!.trim()).to.equal(en.retry);
      // Still focusable, so a keyboard user stays on it and hears why.
      expect(deepActive()).to.equal(button);
      button.click();
      await aTimeout(300);
      expect(posts(await serviceLog(id))).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('honours a readable Retry-After, then retries with the same submission id', async () => {
      const email = uniqueEmail('retryafter');
      const el = await cta({ 'data-endpoint': '/api/signups?status=429&retry-after=1' });
      const event = await signUp(el, email);
      expect(event.detail.cause).to.equal('throttled');
      expect(note(el).textContent).to.equal(en.throttled(seconds('en', 1)));
      const button = submitButton(el);
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      await waitUntil(() => !button.hasAttribute('aria-disabled'), 'Retry stayed disabled', {
        timeout: 3000,
      });
      // The wait is over: the note no longer counts down to a time that has passed.
      expect(note(el).textContent).to.equal(
        'Too many sign-ups at once. Your details are still here: please retry.',
      );
      expect(note(el).getAttribute('aria-live')).to.equal('polite');
      el.endpoint = '/api/signups';
      await el.updateComplete;
      const done = oneEvent(el, 'impact-signup');
      button.click();
      await done;
      const [first, second] = (await received(email)).map((post) => JSON.parse(post.body));
      expect(second.submissionId).to.equal(first.submissionId);
    });

    it('counts the wait down in French too, and drops the count once it is over', async () => {
      const el = await cta({
        lang: 'fr',
        'data-endpoint': '/api/signups?status=429&retry-after=1',
      });
      await signUp(el, uniqueEmail('retryfr'));
      expect(note(el).textContent).to.equal(
        `Trop d’inscriptions en même temps. Vos informations sont conservées : veuillez réessayer dans ${seconds('fr', 1)}.`,
      );
      await waitUntil(
        () => !submitButton(el).hasAttribute('aria-disabled'),
        'Retry stayed disabled',
        {
          timeout: 3000,
        },
      );
      expect(note(el).textContent).to.equal(
        'Trop d’inscriptions en même temps. Vos informations sont conservées : veuillez réessayer.',
      );
      await expect(el).to.be.accessible();
    });
  });

  describe('offline', () => {
    it('queues a sign-up with its provider and field map, and delivers it to that service', async () => {
      const id = key('fsoff');
      const email = uniqueEmail('fsoffline');
      const el = await cta({
        'data-provider': 'formspree',
        'data-endpoint': `${origin}/formspree/f/${id}`,
        'data-fields': 'name:full_name',
      });
      await openForm(el);
      fill(el, 'Off Line', email);
      const online = oneEvent(window, 'online');
      const offline = oneEvent(window, 'offline');
      await executeServerCommand('set-offline', { offline: true, after: 50, for: 1200 });
      await offline;
      await submit(el);
      const [queued] = JSON.parse(localStorage.getItem(QUEUE_KEY)!);
      const signedUp = oneEvent(el, 'impact-signup');
      await online;
      await signedUp;
      expect(queued.provider).to.equal('formspree');
      expect(queued.fields).to.deep.equal({ email: 'email', name: 'full_name' });
      const body = JSON.parse(posts(await serviceLog(id))[0].body);
      expect(body).to.include({ email, full_name: 'Off Line', _gotcha: '' });
      expect(body.submissionId).to.equal(queued.body.submissionId);
    });
  });

  describe('the page', () => {
    it('requests no script from any service: every request is a fetch', async () => {
      const id = key('noscript');
      for (const [provider, path] of [
        ['mailchimp', `mailchimp/subscribe/post?u=${id}&id=l`],
        ['google-forms', `google/forms/d/e/${id}/formResponse`],
        ['formspree', `formspree/f/${id}`],
        ['hubspot', `hubspot/submissions/v3/integration/submit/1/${id}`],
        ['brevo', `brevo/serve/${id}`],
        ['salesforce', `salesforce/servlet/servlet.WebToLead?oid=${id}`],
        ['kit', `kit/forms/${id}/subscriptions`],
        ['basin', `basin/f/${id}`],
      ]) {
        const el = await cta({
          'data-provider': provider,
          'data-endpoint': `${origin}/${path}`,
          ...(provider === 'google-forms' && { 'data-fields': 'email:entry.1' }),
        });
        expect((await signUp(el, uniqueEmail(`noscript-${provider}`))).type).to.equal(
          'impact-signup',
        );
      }
      const log = await serviceLog(id);
      expect(posts(log)).to.have.length(8);
      expect([...new Set(log.map((request) => request.headers['sec-fetch-dest']))]).to.deep.equal([
        'empty',
      ]);
      const resources = performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.startsWith(origin)) as PerformanceResourceTiming[];
      expect(resources.length).to.be.at.least(8);
      expect([...new Set(resources.map((entry) => entry.initiatorType))]).to.deep.equal(['fetch']);
      expect(document.querySelector(`script[src^="${origin}"]`)).to.be.null;
    });
  });
});
