import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import {
  a11ySnapshot,
  emulateMedia,
  executeServerCommand,
  sendKeys,
} from '@web/test-runner-commands';
import { ctaMessages } from './fundraise-cta.messages.js';
import './fundraise-cta.define.js';
import type { FundraiseCtaElement } from './fundraise-cta.js';
import { QUEUE_KEY } from './signup-controller.js';
import {
  absolute,
  deepActive,
  described,
  fill,
  input,
  openForm,
  part,
  parts,
  received,
  restoreNetwork,
  submit,
  submitButton,
  uniqueEmail,
} from '../../../test/cta-helpers.js';
import { watchPage } from '../../../test/watch-page.js';

const en = ctaMessages('en');
const fr = ctaMessages('fr');

const cta = (endpoint = '/api/signups', extra = '') =>
  fixture<FundraiseCtaElement>(
    html`<fundraise-cta
      data-endpoint=${endpoint}
      data-guide-url="https://example.org/guide"
      data-encoding=${extra || 'json'}
    ></fundraise-cta>`,
  );

/**
 * Takes the page offline in the real browser. The emulation also cuts the test runner's own
 * connection, so the server goes offline shortly after answering and comes back by itself; the
 * test sends nothing to the runner until the `online` event.
 */
async function goOfflineFor(ms: number) {
  const offline = oneEvent(window, 'offline');
  await executeServerCommand('set-offline', { offline: true, after: 50, for: ms });
  await offline;
}

/** The honeypot: the one field inside a wrapper hidden from assistive technology. */
const honeypot = (el: FundraiseCtaElement) =>
  el.shadowRoot!.querySelector<HTMLInputElement>('form [aria-hidden="true"] input')!;

afterEach(restoreNetwork);

describe('<fundraise-cta>', () => {
  describe('content', () => {
    it("shows the default document's call to action by id, with no button that leads nowhere", async () => {
      const page = watchPage();
      try {
        const errors: string[] = [];
        const listener = (event: Event) => errors.push((event as CustomEvent).detail.message);
        document.addEventListener('impact-error', listener);
        const el = await fixture<FundraiseCtaElement>(
          html`<fundraise-cta data-id="start-fundraiser"></fundraise-cta>`,
        );
        el.buttonLabel = 'Again';
        await el.updateComplete;
        document.removeEventListener('impact-error', listener);
        expect(part(el, 'heading')!.textContent).to.equal('Make an Impact');
        expect(part(el, 'body')!.textContent).to.match(/^Your skills, talents, and ideas/);
        // The embedded document names no endpoint and no link: nothing to press.
        expect(el.shadowRoot!.querySelector('button, a, form')).to.be.null;
        expect(page.warnings).to.have.length(1);
        expect(page.warnings[0]).to.match(/^<fundraise-cta>: .*data-endpoint.*data-href/);
        expect(errors).to.deep.equal(page.warnings);
        await expect(el).to.be.accessible();
      } finally {
        page.stop();
      }
    });

    it('opens its form from the button, firing impact-cta-click', async () => {
      const el = await fixture<FundraiseCtaElement>(
        html`<fundraise-cta
          data-id="start-fundraiser"
          data-endpoint="/api/signups"
        ></fundraise-cta>`,
      );
      const button = part(el, 'button')!;
      expect(button.localName).to.equal('button');
      expect(button.textContent!.trim()).to.equal('Learn More');
      setTimeout(() => button.click());
      const event = await oneEvent(el, 'impact-cta-click');
      expect(event.detail).to.deep.equal({ id: 'start-fundraiser' });
      expect(event.bubbles && event.composed).to.be.true;
      await el.updateComplete;
      expect(part(el, 'form')).to.exist;
    });

    it('fires impact-ready with its id once rendered', async () => {
      const el = document.createElement('fundraise-cta');
      el.itemId = 'start-fundraiser';
      const ready = oneEvent(el, 'impact-ready');
      document.body.append(el);
      try {
        expect((await ready).detail).to.deep.equal({ id: 'start-fundraiser' });
      } finally {
        el.remove();
      }
    });

    it('stands alone on inline attributes, the button linking to data-href', async () => {
      const el = await fixture<FundraiseCtaElement>(html`
        <fundraise-cta
          id="own"
          data-heading="Run for them"
          data-body="Pick a race, we do the rest."
          data-button-label="Start"
          data-href="https://example.org/start"
        ></fundraise-cta>
      `);
      expect(part(el, 'heading')!.textContent).to.equal('Run for them');
      expect(part(el, 'body')!.textContent).to.equal('Pick a race, we do the rest.');
      const link = part<HTMLAnchorElement>(el, 'button')!;
      expect(link.localName).to.equal('a');
      expect(link.href).to.equal('https://example.org/start');
      expect(link.textContent).to.equal('Start');
      link.addEventListener('click', (event) => event.preventDefault());
      setTimeout(() => link.click());
      expect((await oneEvent(el, 'impact-cta-click')).detail).to.deep.equal({ id: 'own' });
    });

    it('lets mailto links through', async () => {
      const el = await fixture<FundraiseCtaElement>(
        html`<fundraise-cta
          data-heading="Write to us"
          data-href="mailto:team@example.org"
        ></fundraise-cta>`,
      );
      expect(part<HTMLAnchorElement>(el, 'button')!.href).to.equal('mailto:team@example.org');
      expect(part(el, 'button')!.textContent).to.equal(en.button);
    });

    it('renders HTML in its texts as text', async () => {
      const el = await fixture<FundraiseCtaElement>(
        html`<fundraise-cta data-heading=${'<img src=x onerror=alert(1)>Hi'}></fundraise-cta>`,
      );
      expect(part(el, 'heading')!.textContent).to.equal('<img src=x onerror=alert(1)>Hi');
      expect(el.shadowRoot!.querySelector('img')).to.be.null;
    });

    it('refuses javascript: and other schemes with one warning naming the attribute', async () => {
      const page = watchPage();
      try {
        const errors: string[] = [];
        const listener = (event: Event) => errors.push((event as CustomEvent).detail.message);
        document.addEventListener('impact-error', listener);
        const el = await fixture<FundraiseCtaElement>(
          html`<fundraise-cta
            data-heading="Careful"
            data-href="javascript:alert(1)"
            data-guide-url="javascript:alert(2)"
          ></fundraise-cta>`,
        );
        el.buttonLabel = 'Again';
        await el.updateComplete;
        document.removeEventListener('impact-error', listener);
        // The refused link was the only way on: no control at all, and no second warning.
        expect(el.shadowRoot!.querySelector('button, a')).to.be.null;
        expect(page.warnings).to.have.length(2);
        expect(page.warnings[0]).to.match(/^<fundraise-cta>: data-href "javascript:alert\(1\)"/);
        expect(page.warnings[1]).to.match(/^<fundraise-cta>: data-guide-url "javascript:/);
        expect(errors).to.deep.equal(page.warnings);
        expect(page.uncaught).to.be.empty;
      } finally {
        page.stop();
      }
    });

    it('refuses an endpoint that is not http(s), and never opens a form for it', async () => {
      const page = watchPage();
      try {
        const el = await fixture<FundraiseCtaElement>(
          html`<fundraise-cta data-endpoint="mailto:signups@example.org"></fundraise-cta>`,
        );
        expect(el.shadowRoot!.querySelector('button, a, form')).to.be.null;
        expect(page.warnings).to.have.length(1);
        expect(page.warnings[0]).to.match(/^<fundraise-cta>: data-endpoint "mailto:/);
      } finally {
        page.stop();
      }
    });

    it('blames a refused URL from the document on its field, not on an attribute', async () => {
      const page = watchPage();
      try {
        const causes: string[] = [];
        const listener = (event: Event) => causes.push((event as CustomEvent).detail.cause);
        document.addEventListener('impact-error', listener);
        // A document whose call to action "refused" has javascript: for every URL.
        const el = await fixture<FundraiseCtaElement>(
          html`<fundraise-cta
            data-src="/fixtures/hostile/ctas/markup?case=cta-blame"
            data-id="refused"
          ></fundraise-cta>`,
        );
        await waitUntil(() => part(el, 'heading'), 'the document did not load');
        await el.updateComplete;
        document.removeEventListener('impact-error', listener);
        expect(el.shadowRoot!.querySelector('button, a, form')).to.be.null;
        expect(page.warnings).to.have.length(3);
        for (const field of ['button.href', 'signup.endpoint', 'signup.guide.url']) {
          const named = page.warnings.filter((w) =>
            w.startsWith(`<fundraise-cta>: ${field} of call to action "refused" "javascript:`),
          );
          expect(named, field).to.have.length(1);
        }
        expect(causes).to.deep.equal(['schema', 'schema', 'schema']);
      } finally {
        page.stop();
      }
    });

    it("never shows the study's texts under a partner's link when data-heading is blank", async () => {
      for (const blank of ['', ' ']) {
        const errors: string[] = [];
        const el = await fixture<FundraiseCtaElement>(
          html`<fundraise-cta
            data-heading=${blank}
            data-href="https://example.org/"
            @impact-error=${(event: CustomEvent) => errors.push(event.detail.message)}
            >Fallback</fundraise-cta
          >`,
        );
        await aTimeout(20);
        // Booleans, not elements: a failure must not make the runner serialize a card.
        expect(part(el, 'card') === null, `data-heading="${blank}"`).to.be.true;
        expect(el.shadowRoot!.querySelector('slot')).to.exist;
        expect(errors).to.have.length(1);
        expect(errors[0]).to.match(/^<fundraise-cta>: data-heading is empty/);
      }
    });

    it('takes a blank button label, thanks or guide name for none: no nameless control, no silent thanks', async () => {
      const el = await fixture<FundraiseCtaElement>(
        html`<fundraise-cta
          data-endpoint="/api/signups"
          data-button-label=" "
          data-success=""
          data-guide-label=" "
        ></fundraise-cta>`,
      );
      // The embedded document's own words take their place.
      expect(part(el, 'button')!.textContent).to.equal('Learn More');
      await openForm(el);
      fill(el, 'Blank Words', uniqueEmail('blank'));
      await submit(el);
      await waitUntil(() => part(el, 'success'));
      expect(part(el, 'success')!.textContent).to.contain(
        'Thank you for signing up to learn more about starting a fundraiser. We will be in touch soon!',
      );
      expect(part(el, 'guide')!.textContent).to.equal('25 Tips for the Novice Fundraiser');
      await expect(el).to.be.accessible();
    });

    it('warns about an unknown data-encoding and sends json', async () => {
      const page = watchPage();
      try {
        const email = uniqueEmail('encoding');
        const el = await cta('/api/signups', 'xml');
        expect(page.warnings).to.have.length(1);
        expect(page.warnings[0]).to.match(/data-encoding "xml"/);
        await openForm(el);
        fill(el, 'Enc', email);
        await submit(el);
        await waitUntil(() => part(el, 'success'));
        const [post] = await received(email);
        expect(post.type).to.equal('application/json');
      } finally {
        page.stop();
      }
    });

    it('takes its texts, endpoint and progress from a data-src document', async () => {
      const el = await fixture<FundraiseCtaElement>(
        html`<fundraise-cta
          data-src="/fixtures/study.json?case=cta-doc"
          data-id="join"
        ></fundraise-cta>`,
      );
      await waitUntil(() => part(el, 'card'));
      const doc = await (await fetch('/fixtures/study.json?case=cta-doc-check')).json();
      const join = doc.ctas[0];
      expect(part(el, 'heading')!.textContent).to.equal(join.heading);
      expect(part(el, 'button')!.textContent).to.equal(join.button.label);
      const email = uniqueEmail('doc');
      await openForm(el);
      fill(el, 'Doc Reader', email);
      await submit(el);
      await waitUntil(() => part(el, 'success'));
      expect(part(el, 'success')!.textContent).to.contain(join.signup.success);
      expect(part<HTMLAnchorElement>(el, 'guide')!.href).to.equal(join.signup.guide.url);
      const [post] = await received(email);
      expect(post.url).to.equal(join.signup.endpoint);
      expect(JSON.parse(post.body).ctaId).to.equal('join');
    });

    it('lets inline attributes override the document', async () => {
      const el = await fixture<FundraiseCtaElement>(
        html`<fundraise-cta
          data-src="/fixtures/study.json?case=cta-override"
          data-heading="Our own heading"
          data-button-label="Go"
        ></fundraise-cta>`,
      );
      await waitUntil(() => part(el, 'card'));
      expect(part(el, 'heading')!.textContent).to.equal('Our own heading');
      expect(part(el, 'body')!.textContent).to.equal('A call to action served over loopback.');
      expect(part(el, 'button')!.textContent).to.equal('Go');
    });
  });

  describe('fallback', () => {
    for (const [name, attributes, cause, attribute] of [
      ['a bad id', { 'data-id': 'no-such-cta' }, 'not-found', 'data-id'],
      ['a 404', { 'data-src': '/fixtures/status/404?case=cta' }, 'http', 'data-src'],
      ['an HTML page', { 'data-src': '/fixtures/page.json?case=cta' }, 'not-json', 'data-src'],
    ] as const) {
      it(`keeps the fallback on ${name}, with one warning and no uncaught error`, async () => {
        const page = watchPage();
        try {
          const el = document.createElement('fundraise-cta');
          for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, value);
          el.textContent = 'Start a fundraiser at example.org';
          const reported = oneEvent(el, 'impact-error');
          document.body.append(el);
          const event = await reported;
          await el.updateComplete;
          await aTimeout(50);
          expect(event.detail.cause).to.equal(cause);
          expect(page.warnings).to.deep.equal([event.detail.message]);
          expect(page.warnings[0]).to.match(new RegExp(`^<fundraise-cta>: ${attribute}: `));
          expect(part(el, 'card')).to.be.null;
          expect(el.shadowRoot!.querySelector('slot')).to.exist;
          expect(page.uncaught).to.be.empty;
          el.remove();
        } finally {
          page.stop();
        }
      });
    }
  });

  describe('sign-up form', () => {
    it('opens in place with labelled, autocompleting fields and focus on the first', async () => {
      const el = await cta();
      await openForm(el);
      const form = part(el, 'form')!;
      expect(form).to.exist;
      expect(deepActive()).to.equal(input(el, 'name'));
      const name = input(el, 'name');
      const email = input(el, 'email');
      expect(name.autocomplete).to.equal('name');
      expect(email.type).to.equal('email');
      expect(email.autocomplete).to.equal('email');
      expect(name.required && email.required).to.be.true;
      expect(name.labels![0].textContent).to.equal(en.name);
      expect(email.labels![0].textContent).to.equal(en.email);
      expect(parts(el, 'label')).to.have.length(2);
      expect(parts(el, 'input')).to.have.length(2);
    });

    describe('the honeypot', () => {
      it('is named like no field an autofill fills, has no label, and is out of sight', async () => {
        const el = await cta();
        await openForm(el);
        const trap = honeypot(el);
        // The HTML spec's autofill field names, and the words the fill heuristics of browsers
        // and password managers look for in a field's name: none may be in the trap's.
        const autofill =
          /name|honorific|nickname|organi[sz]ation|street|address|line\d|level\d|country|postal|cc-|transaction|language|bday|sex|url|photo|tel|email|impp|username|password|one-time-code|mail|website|site|web|homepage|company|phone|mobile|city|zip|state|first|last|full|user|login|title|job|gender|birth/i;
        expect(trap.name).to.be.a('string').and.not.be.empty;
        expect(trap.name).not.to.match(autofill);
        expect(trap.id).not.to.match(autofill);
        expect(trap.autocomplete).to.equal('off');
        expect(trap.labels).to.have.length(0);
        expect(trap.closest('.trap')!.textContent!.trim()).to.equal('');
        for (const attribute of ['placeholder', 'aria-label', 'title', 'type', 'value']) {
          expect(trap.hasAttribute(attribute), attribute).to.be.false;
        }
        expect(trap.tabIndex).to.equal(-1);
        expect(trap.closest('[aria-hidden="true"]')).to.exist;
        // Hidden by the element's own styles: nothing inline that a strict CSP would drop.
        expect(el.shadowRoot!.querySelector('[style]')).to.be.null;
        // Nothing of it shows where it stands: a click there (were it on the screen) misses it.
        const { left, top } = trap.closest('.trap')!.getBoundingClientRect();
        const there = el.shadowRoot!.elementFromPoint(left + 0.5, top + 0.5);
        expect(!!there?.closest('.trap'), 'the trap where it stands').to.be.false;
        await expect(el).to.be.accessible();
      });

      it('is skipped by the keyboard', async () => {
        const el = await fixture<FundraiseCtaElement>(
          html`<fundraise-cta
            data-endpoint="/api/signups"
            data-consent="Yes, email me."
            data-privacy-url="https://example.org/privacy"
          ></fundraise-cta>`,
        );
        await openForm(el);
        expect(deepActive()).to.equal(input(el, 'name'));
        const reached: Element[] = [];
        for (let step = 0; step < 4; step++) {
          await sendKeys({ press: 'Tab' });
          reached.push(deepActive()!);
        }
        expect(reached).to.deep.equal([
          input(el, 'email'),
          input(el, 'consent'),
          submitButton(el),
          part(el, 'privacy'),
        ]);
      });

      it('is not in the accessibility tree', async () => {
        const el = await cta();
        await openForm(el);
        interface Node {
          role?: string;
          name?: string;
          children?: Node[];
        }
        const all = (node?: Node): Node[] =>
          node ? [node, ...(node.children ?? []).flatMap(all)] : [];
        // The whole page, which holds this one card: a snapshot rooted at the element gives only
        // its first node.
        const tree = all((await a11ySnapshot({})) as unknown as Node);
        const fields = tree.filter((node) => node.role === 'textbox');
        expect(fields.map((node) => node.name)).to.deep.equal([en.name, en.email]);
      });

      it('filled, sends nothing and shows success as bots expect; the partner hears "trapped"', async () => {
        const el = await cta();
        const email = uniqueEmail('bot');
        const events: CustomEvent[] = [];
        for (const type of ['impact-signup-submit', 'impact-signup', 'impact-signup-error']) {
          el.addEventListener(type, (event) => events.push(event as CustomEvent));
        }
        await openForm(el);
        // A bot fills every field it finds.
        for (const field of el.shadowRoot!.querySelectorAll('input')) field.value = email;
        await submit(el);
        expect(part(el, 'success')).to.exist;
        await aTimeout(300);
        expect(await received(email)).to.be.empty;
        expect(events.map((event) => [event.type, event.detail])).to.deep.equal([
          ['impact-signup-error', { id: 'start-fundraiser', cause: 'trapped', queued: false }],
        ]);
      });
    });

    it('sends json with every field, then shows the thanks and the guide and focuses them', async () => {
      const el = await cta();
      const email = uniqueEmail('json');
      await openForm(el);
      fill(el, '  Ada Lovelace ', email);
      const before = Date.now();
      const signedUp = oneEvent(el, 'impact-signup');
      await submit(el);
      const event = await signedUp;
      await el.updateComplete;
      const after = Date.now();

      const [post, ...more] = await received(email);
      expect(more).to.be.empty;
      expect(post.type).to.equal('application/json');
      const body = JSON.parse(post.body);
      expect(Object.keys(body).sort()).to.deep.equal(
        ['consentAt', 'ctaId', 'email', 'name', 'pageUrl', 'submissionId'].sort(),
      );
      expect(body.name).to.equal('Ada Lovelace');
      expect(body.email).to.equal(email);
      expect(body.ctaId).to.equal('start-fundraiser');
      expect(body.pageUrl).to.equal(location.origin + location.pathname);
      expect(body.submissionId).to.match(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-/,
      );
      const consent = Date.parse(body.consentAt);
      expect(new Date(consent).toISOString()).to.equal(body.consentAt);
      expect(consent).to.be.within(before, after);
      // Our endpoint's answer was read: the sign-up is confirmed, not merely sent.
      expect(event.detail).to.deep.equal({
        id: 'start-fundraiser',
        submissionId: body.submissionId,
        delivery: 'confirmed',
      });

      const success = part(el, 'success')!;
      expect(part(el, 'form')).to.be.null;
      expect(success.getAttribute('role')).to.equal('status');
      expect(deepActive()).to.equal(success);
      // The seed's words, from the embedded document.
      expect(success.textContent).to.contain(
        'Thank you for signing up to learn more about starting a fundraiser. We will be in touch soon!',
      );
      expect(success.textContent).to.contain(en.guide);
      const guide = part<HTMLAnchorElement>(el, 'guide')!;
      expect(guide.textContent).to.equal('25 Tips for the Novice Fundraiser');
      expect(guide.href).to.equal('https://example.org/guide');
    });

    it('shows the guide as text when it has no link', async () => {
      const el = await fixture<FundraiseCtaElement>(
        html`<fundraise-cta data-endpoint="/api/signups" data-success="Merci"></fundraise-cta>`,
      );
      await openForm(el);
      fill(el, 'No Link', uniqueEmail('nolink'));
      await submit(el);
      await waitUntil(() => part(el, 'success'));
      expect(part(el, 'success')!.querySelector('p')!.textContent).to.equal('Merci');
      expect(part(el, 'guide')!.localName).to.equal('span');
    });

    it('thanks a standalone sign-up in its own words, with no guide', async () => {
      const el = await fixture<FundraiseCtaElement>(
        html`<fundraise-cta data-heading="Join us" data-endpoint="/api/signups"></fundraise-cta>`,
      );
      await openForm(el);
      fill(el, 'Solo', uniqueEmail('solo'));
      await submit(el);
      await waitUntil(() => part(el, 'success'));
      expect(part(el, 'success')!.textContent!.trim()).to.equal(en.thanks);
      expect(part(el, 'guide')).to.be.null;
    });

    it('sends form encoding as application/x-www-form-urlencoded', async () => {
      const el = await cta('/api/signups?as=form', 'form');
      const email = uniqueEmail('form');
      await openForm(el);
      fill(el, 'Form Person', email);
      await submit(el);
      await waitUntil(() => part(el, 'success'));
      // Encoded, the address reads name%40example.org: look it up by its unique local part.
      const [post] = await received(email.split('@')[0]);
      expect(post.type).to.match(/^application\/x-www-form-urlencoded/);
      const body = Object.fromEntries(new URLSearchParams(post.body));
      expect(body.name).to.equal('Form Person');
      expect(body.email).to.equal(email);
      expect(body.ctaId).to.equal('start-fundraiser');
      expect(body.pageUrl).to.equal(location.origin + location.pathname);
      expect(body.submissionId).to.have.length(36);
      expect(Number.isNaN(Date.parse(body.consentAt))).to.be.false;
    });

    it('sends one request for five fast clicks and Enter presses', async () => {
      const el = await cta('/api/signups?delay=300');
      const email = uniqueEmail('five');
      await openForm(el);
      fill(el, 'Eager', email);
      const button = submitButton(el);
      for (let i = 0; i < 5; i++) button.click();
      await el.updateComplete;
      expect(button.disabled).to.be.true;
      expect(part(el, 'form')!.getAttribute('aria-busy')).to.equal('true');
      expect(button.textContent!.trim()).to.equal(en.sending);
      input(el, 'email').focus();
      for (let i = 0; i < 5; i++) await sendKeys({ press: 'Enter' });
      await waitUntil(() => part(el, 'success'), 'no success', { timeout: 3000 });
      await aTimeout(400);
      expect(await received(email)).to.have.length(1);
    });

    it('shows its own messages for missing and malformed fields, and sends nothing', async () => {
      const el = await cta();
      await openForm(el);
      const sent: unknown[] = [];
      el.addEventListener('impact-signup-submit', (event) => sent.push(event));
      input(el, 'name').value = '   ';
      await submit(el);
      const name = input(el, 'name');
      const email = input(el, 'email');
      expect(name.getAttribute('aria-invalid')).to.equal('true');
      expect(described(el, name)).to.equal(en.nameMissing);
      expect(described(el, email)).to.equal(en.emailMissing);
      expect(deepActive()).to.equal(name);

      name.value = 'Ada';
      email.value = 'not an address';
      await submit(el);
      expect(name.getAttribute('aria-invalid')).to.equal('false');
      expect(name.hasAttribute('aria-describedby')).to.be.false;
      expect(described(el, email)).to.equal(en.emailInvalid);
      expect(deepActive()).to.equal(email);
      expect(sent).to.be.empty;
    });

    it('can be completed with the keyboard alone', async () => {
      const el = await cta();
      const email = uniqueEmail('keys');
      const before = document.createElement('button');
      before.textContent = 'before';
      el.before(before);
      try {
        before.focus();
        await sendKeys({ press: 'Tab' });
        expect(deepActive()).to.equal(part(el, 'button'));
        await sendKeys({ press: 'Enter' });
        await el.updateComplete;
        expect(deepActive()).to.equal(input(el, 'name'));
        await sendKeys({ type: 'Key Board' });
        await sendKeys({ press: 'Tab' });
        await sendKeys({ type: email });
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => part(el, 'success'));
        const [post] = await received(email);
        expect(JSON.parse(post.body).name).to.equal('Key Board');
        expect(deepActive()).to.equal(part(el, 'success'));
      } finally {
        before.remove();
      }
    });
  });

  describe('failures', () => {
    it('after a 503, retries with the same submission id and keeps what was typed', async () => {
      const el = await cta('/api/signups?status=503');
      const email = uniqueEmail('retry');
      await openForm(el);
      fill(el, 'Patient', email);
      const failed = oneEvent(el, 'impact-signup-error');
      await submit(el);
      expect((await failed).detail).to.deep.equal({
        id: 'start-fundraiser',
        cause: 'server',
        queued: false,
      });
      await el.updateComplete;
      const retry = submitButton(el);
      expect(retry.textContent!.trim()).to.equal(en.retry);
      expect(described(el, retry)).to.equal(en.server);
      expect(deepActive()).to.equal(retry);
      expect(input(el, 'name').value).to.equal('Patient');
      expect(input(el, 'email').value).to.equal(email);

      // The endpoint recovers.
      el.endpoint = '/api/signups?status=201';
      await el.updateComplete;
      const signedUp = oneEvent(el, 'impact-signup');
      retry.click();
      const event = await signedUp;
      const posts = await received(email);
      expect(posts.map((post) => new URL(post.url, location.href).search)).to.deep.equal([
        '?status=503',
        '?status=201',
      ]);
      const [first, second] = posts.map((post) => JSON.parse(post.body));
      expect(second.submissionId).to.equal(first.submissionId);
      expect(event.detail.submissionId).to.equal(first.submissionId);
    });

    it('shows a 422 at the field it names, keeping the input', async () => {
      const error = 'This address bounced';
      const body = encodeURIComponent(JSON.stringify({ error, field: 'email' }));
      const el = await cta(`/api/signups?status=422&body=${body}`);
      const email = uniqueEmail('bounce');
      await openForm(el);
      fill(el, 'Bounce', email);
      const failed = oneEvent(el, 'impact-signup-error');
      await submit(el);
      expect((await failed).detail.cause).to.equal('rejected');
      await el.updateComplete;
      const field = input(el, 'email');
      expect(field.value).to.equal(email);
      expect(input(el, 'name').value).to.equal('Bounce');
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      expect(described(el, field)).to.equal(error);
      expect(deepActive()).to.equal(field);
      // Nothing to retry: the person corrects the field and signs up again.
      expect(submitButton(el).textContent!.trim()).to.equal(en.submit);
    });

    it('shows a 4xx without a field at the form, and a generic text without a message', async () => {
      const el = await cta('/api/signups?status=400&body=not-json');
      await openForm(el);
      fill(el, 'Plain', uniqueEmail('400'));
      await submit(el);
      await waitUntil(() => part(el, 'form')!.getAttribute('aria-busy') === 'false');
      const note = el.shadowRoot!.getElementById('note')!;
      expect(note.textContent).to.equal(en.rejected);
      expect(input(el, 'email').getAttribute('aria-invalid')).to.equal('false');

      const body = encodeURIComponent(JSON.stringify({ error: 'Sign-ups are closed' }));
      el.endpoint = `/api/signups?status=409&body=${body}`;
      await el.updateComplete;
      await submit(el);
      await waitUntil(() => note.textContent === 'Sign-ups are closed');
    });

    it('gives up after the timeout and offers a retry', async () => {
      const el = await cta('/api/signups?delay=1500');
      el.timeoutMs = 200;
      await openForm(el);
      fill(el, 'Slow', uniqueEmail('slow'));
      const failed = oneEvent(el, 'impact-signup-error');
      await submit(el);
      expect((await failed).detail.cause).to.equal('timeout');
      await el.updateComplete;
      expect(described(el, submitButton(el))).to.equal(en.timeout);
      expect(submitButton(el).textContent!.trim()).to.equal(en.retry);
    });

    it('reports an unreachable endpoint as a network error with a retry', async () => {
      const { url } = await (await fetch('/fixtures/cross-origin')).json();
      const el = await cta(url);
      await openForm(el);
      fill(el, 'Far', uniqueEmail('far'));
      const failed = oneEvent(el, 'impact-signup-error');
      await submit(el);
      expect((await failed).detail).to.deep.include({ cause: 'network', queued: false });
      await el.updateComplete;
      expect(described(el, submitButton(el))).to.equal(en.network);
      expect(localStorage.getItem(QUEUE_KEY)).to.be.null;
    });
  });

  describe('offline', () => {
    it('queues the sign-up, says so, and sends it when the page is back online', async () => {
      const el = await cta();
      const email = uniqueEmail('offline');
      await openForm(el);
      fill(el, 'Off Line', email);
      const online = oneEvent(window, 'online');
      await goOfflineFor(1500);
      expect(navigator.onLine).to.be.false;
      const failed = oneEvent(el, 'impact-signup-error');
      await submit(el);
      const failure = (await failed).detail;
      await el.updateComplete;
      const note = el.shadowRoot!.getElementById('note')!.textContent;
      const queue = JSON.parse(localStorage.getItem(QUEUE_KEY)!);
      const signedUp = oneEvent(el, 'impact-signup');
      await online;
      const event = await signedUp;

      expect(failure).to.deep.equal({ id: 'start-fundraiser', cause: 'offline', queued: true });
      expect(note).to.equal(en.offline);
      expect(queue).to.have.length(1);
      expect(queue[0].endpoint).to.equal(absolute('/api/signups'));
      expect(queue[0].encoding).to.equal('json');
      expect(queue[0].body.email).to.equal(email);
      const [post, ...more] = await received(email);
      expect(more).to.be.empty;
      expect(JSON.parse(post.body).submissionId).to.equal(queue[0].body.submissionId);
      expect(event.detail.submissionId).to.equal(queue[0].body.submissionId);
      await el.updateComplete;
      expect(part(el, 'success')).to.exist;
      expect(localStorage.getItem(QUEUE_KEY)).to.be.null;
    });

    it('queues a sign-up whose request fails because the network went away', async () => {
      // Offline emulation spares a request already on the wire; the redirect it gets is not.
      const el = await cta('/api/late-redirect?ms=600&to=/api/signups');
      const email = uniqueEmail('dropped');
      await openForm(el);
      fill(el, 'Dropped', email);
      const failed = oneEvent(el, 'impact-signup-error');
      const online = oneEvent(window, 'online');
      await submit(el);
      await goOfflineFor(1000);
      const failure = (await failed).detail;
      const queued = localStorage.getItem(QUEUE_KEY);
      await online;
      await waitUntil(() => part(el, 'success'), 'not sent after coming back', { timeout: 4000 });
      expect(failure).to.deep.include({ cause: 'offline', queued: true });
      expect(queued).to.contain(email);
    });

    it('sends and keeps only the origin and path of a page opened with tokens in its address', async () => {
      const address = location.href;
      const secrets = ['reset_token=reset-secret', 'access_token=access-secret'];
      history.replaceState(null, '', `${location.search}&${secrets[0]}#${secrets[1]}`);
      try {
        const el = await cta();
        const email = uniqueEmail('tokens');
        await openForm(el);
        fill(el, 'Token Holder', email);
        const online = oneEvent(window, 'online');
        await goOfflineFor(800);
        await submit(el);
        const kept = localStorage.getItem(QUEUE_KEY)!;
        const signedUp = oneEvent(el, 'impact-signup');
        await online;
        await signedUp;
        const [post] = await received(email);

        expect(kept).to.contain(email);
        const { origin, pathname } = new URL(address);
        expect(JSON.parse(post.body).pageUrl).to.equal(origin + pathname);
        for (const secret of secrets) {
          expect(kept).not.to.contain(secret.split('=')[1]);
          expect(post.body).not.to.contain(secret.split('=')[1]);
        }
      } finally {
        history.replaceState(null, '', address);
      }
    });

    it('sends a queued sign-up when an element with that endpoint connects on a later page', async () => {
      const el = await cta();
      const email = uniqueEmail('later');
      await openForm(el);
      fill(el, 'Next Page', email);
      const online = oneEvent(window, 'online');
      await goOfflineFor(800);
      await submit(el);
      // The person leaves the page while offline.
      el.remove();
      await online;
      await aTimeout(300);
      const whileAway = await received(email);
      const queued = JSON.parse(localStorage.getItem(QUEUE_KEY)!);

      // Another element elsewhere, on another endpoint, leaves it alone.
      const other = await cta('/api/signups?other=1');
      await aTimeout(200);
      expect(await received(email)).to.be.empty;
      other.remove();

      const next = await cta();
      await waitUntil(async () => (await received(email)).length === 1, 'not delivered');
      const [post] = await received(email);
      expect(whileAway).to.be.empty;
      expect(JSON.parse(post.body).submissionId).to.equal(queued[0].body.submissionId);
      await waitUntil(() => localStorage.getItem(QUEUE_KEY) === null, 'not removed');
      // The new element did not send the earlier page's sign-up on its own behalf.
      expect(part(next, 'form')).to.be.null;
    });
  });

  describe('partners', () => {
    it('let a partner add fields through the cancelable impact-signup-submit', async () => {
      const el = await cta();
      const email = uniqueEmail('partner');
      el.addEventListener('impact-signup-submit', (event) => {
        expect(event.cancelable).to.be.true;
        expect(event.detail.id).to.equal('start-fundraiser');
        expect(event.detail.data.submissionId).to.equal(event.detail.submissionId);
        event.detail.data.campaign = 'spring';
      });
      await openForm(el);
      fill(el, 'Partner', email);
      await submit(el);
      await waitUntil(() => part(el, 'success'));
      const [post] = await received(email);
      expect(JSON.parse(post.body).campaign).to.equal('spring');
    });

    it('let a partner take the submission over by cancelling it', async () => {
      const el = await cta();
      const email = uniqueEmail('takeover');
      const taken: string[] = [];
      el.addEventListener('impact-signup-submit', (event) => {
        event.preventDefault();
        taken.push(event.detail.data.email);
      });
      await openForm(el);
      fill(el, 'Taken', email);
      await submit(el);
      await aTimeout(300);
      expect(taken).to.deep.equal([email]);
      expect(await received(email)).to.be.empty;
      expect(part(el, 'form')!.getAttribute('aria-busy')).to.equal('false');
      expect(input(el, 'email').value).to.equal(email);
    });
  });

  describe('progress', () => {
    it('labels the bar with the amounts in the page currency format, in English', async () => {
      const el = await fixture<FundraiseCtaElement>(
        html`<fundraise-cta
          data-raised="3250"
          data-goal="5000"
          data-currency="USD"
        ></fundraise-cta>`,
      );
      const usd = new Intl.NumberFormat('en', {
        style: 'currency',
        currency: 'USD',
        maximumFractionDigits: 0,
      });
      const bar = part<HTMLProgressElement>(el, 'progress')!;
      expect(bar.localName).to.equal('progress');
      expect(bar.value).to.equal(3250);
      expect(bar.max).to.equal(5000);
      const label = el.shadowRoot!.getElementById(bar.getAttribute('aria-labelledby')!)!;
      expect(label.textContent).to.equal(`${usd.format(3250)} raised of ${usd.format(5000)} goal`);
      expect(label.textContent).to.equal('$3,250 raised of $5,000 goal');
      expect(label.checkVisibility()).to.be.true;
    });

    it('labels the bar in French with lang="fr"', async () => {
      const wrapper = await fixture(
        html`<div lang="fr">
          <fundraise-cta data-raised="3250" data-goal="5000" data-currency="EUR"></fundraise-cta>
        </div>`,
      );
      const el = wrapper.querySelector('fundraise-cta')!;
      await el.updateComplete;
      const eur = new Intl.NumberFormat('fr', {
        style: 'currency',
        currency: 'EUR',
        maximumFractionDigits: 0,
      });
      const bar = part(el, 'progress')!;
      const label = el.shadowRoot!.getElementById(bar.getAttribute('aria-labelledby')!)!;
      expect(label.textContent).to.equal(fr.progress(eur.format(3250), eur.format(5000)));
      expect(label.textContent).to.contain(eur.format(3250));
      expect(label.textContent).not.to.contain('raised');
    });

    it('takes progress from the document and caps the bar at the goal', async () => {
      const el = await fixture<FundraiseCtaElement>(
        html`<fundraise-cta data-src="/fixtures/study.json?case=cta-progress"></fundraise-cta>`,
      );
      await waitUntil(() => part(el, 'progress'));
      expect(part<HTMLProgressElement>(el, 'progress')!.value).to.equal(3250);
      el.raised = 7000;
      await el.updateComplete;
      const bar = part<HTMLProgressElement>(el, 'progress')!;
      expect(bar.value).to.equal(bar.max);
      const usd = new Intl.NumberFormat('en', {
        style: 'currency',
        currency: 'USD',
        maximumFractionDigits: 0,
      });
      expect(el.shadowRoot!.getElementById('raised')!.textContent).to.contain(usd.format(7000));
    });

    it('shows plain numbers without a currency, and warns instead of drawing bad figures', async () => {
      const page = watchPage();
      try {
        const el = await fixture<FundraiseCtaElement>(
          html`<fundraise-cta data-raised="1200" data-goal="5000"></fundraise-cta>`,
        );
        const plain = new Intl.NumberFormat('en');
        expect(el.shadowRoot!.getElementById('raised')!.textContent).to.contain(plain.format(1200));
        el.setAttribute('data-goal', 'lots');
        await el.updateComplete;
        expect(part(el, 'progress')).to.be.null;
        el.setAttribute('data-goal', '5000');
        el.currency = 'dollars';
        await el.updateComplete;
        expect(part(el, 'progress')).to.be.null;
        expect(part(el, 'heading')).to.exist;
        expect(page.warnings).to.have.length(2);
        expect(page.warnings[0]).to.match(/data-goal "lots"/);
        expect(page.warnings[1]).to.match(/data-currency "dollars"/);
        expect(page.uncaught).to.be.empty;
      } finally {
        page.stop();
      }
    });
  });

  describe('progress, given amounts as written', () => {
    for (const [name, attrs] of [
      ['an empty amount', { 'data-raised': '', 'data-goal': '5000' }],
      ['a blank goal', { 'data-raised': '10', 'data-goal': ' ' }],
      ['an infinite goal', { 'data-raised': '10', 'data-goal': '1e309' }],
      ['an empty currency', { 'data-raised': '10', 'data-goal': '20', 'data-currency': '' }],
    ] as const) {
      it(`draws no bar for ${name}, and says so`, async () => {
        const page = watchPage();
        const errors: string[] = [];
        try {
          const el = document.createElement('fundraise-cta');
          // A link, so the only problem is the amount under test.
          el.setAttribute('data-href', 'https://example.org/start');
          for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value);
          el.addEventListener('impact-error', (event) => errors.push(event.detail.message));
          document.body.append(el);
          await el.updateComplete;
          // Booleans: a failing assertion on an element would hang the runner serializing it.
          expect(!!part(el, 'heading'), 'the card').to.be.true;
          expect(!!part(el, 'progress'), 'a progress bar').to.be.false;
          expect(errors).to.have.length(1);
          const [key, value] = Object.entries(attrs).at(-1)!;
          expect(errors[0]).to.contain('<fundraise-cta>').and.contain(`${key} "${value}"`);
          expect(page.warnings).to.deep.equal(errors);
          el.remove();
        } finally {
          page.stop();
        }
      });
    }
  });

  describe('languages', () => {
    it('speaks French with lang="fr"', async () => {
      const wrapper = await fixture(
        html`<div lang="fr"><fundraise-cta data-endpoint="/api/signups"></fundraise-cta></div>`,
      );
      const el = wrapper.querySelector('fundraise-cta')!;
      await el.updateComplete;
      await openForm(el);
      expect(input(el, 'name').labels![0].textContent).to.equal(fr.name);
      expect(input(el, 'email').labels![0].textContent).to.equal(fr.email);
      expect(submitButton(el).textContent!.trim()).to.equal(fr.submit);
      expect(fr.submit).not.to.equal(en.submit);
      await submit(el);
      expect(described(el, input(el, 'name'))).to.equal(fr.nameMissing);
      fill(el, 'Zoé', uniqueEmail('fr'));
      await submit(el);
      await waitUntil(() => part(el, 'success'));
      expect(part(el, 'success')!.textContent).to.contain(fr.guide);
    });
  });

  describe('layout', () => {
    it('stacks the fields in a narrow column and sets them side by side when wide', async () => {
      const el = await cta();
      await openForm(el);
      const tops = () =>
        [input(el, 'name'), input(el, 'email')].map((i) => i.getBoundingClientRect());
      el.style.width = '200px';
      let [name, email] = tops();
      expect(email.top).to.be.greaterThan(name.bottom);
      expect(name.right).to.be.at.most(el.getBoundingClientRect().right);
      el.style.width = '800px';
      [name, email] = tops();
      expect(email.top).to.equal(name.top);
      expect(email.left).to.be.greaterThan(name.right);
    });

    it('keeps one footprint while open, busy, failed, busy again and thanking', async () => {
      const el = await cta('/api/signups?status=503&delay=300');
      el.style.width = '800px';
      await openForm(el);
      const height = () => el.getBoundingClientRect().height;
      const open = height();
      fill(el, 'Still', uniqueEmail('footprint'));
      const heights: Record<string, number> = {};
      await submit(el);
      heights.busy = height();
      await waitUntil(() => submitButton(el).textContent!.trim() === en.retry);
      heights.failed = height();
      el.endpoint = '/api/signups?delay=300';
      await el.updateComplete;
      await submit(el);
      heights.retrying = height();
      await waitUntil(() => part(el, 'success'));
      await el.updateComplete;
      heights.thanks = height();
      // The thank-you is shorter than the form, and takes the form's place without a shift.
      expect(part(el, 'success')!.scrollHeight).to.be.at.most(open);
      expect(heights).to.deep.equal({ busy: open, failed: open, retrying: open, thanks: open });
    });
  });

  describe('consent', () => {
    const words = 'Yes, email me about starting a fundraiser.';

    it("asks for it with an unticked, required box in the partner's words, and sends nothing without it", async () => {
      const el = await fixture<FundraiseCtaElement>(
        html`<fundraise-cta
          data-endpoint="/api/signups"
          data-consent=${words}
          data-privacy-url="https://example.org/privacy"
        ></fundraise-cta>`,
      );
      await openForm(el);
      const box = input(el, 'consent');
      expect(box.type).to.equal('checkbox');
      expect(box.checked).to.be.false;
      expect(box.required).to.be.true;
      expect(box.labels![0].textContent).to.equal(words);
      const privacy = part<HTMLAnchorElement>(el, 'privacy')!;
      expect(privacy.href).to.equal('https://example.org/privacy');
      expect(privacy.textContent).to.equal(en.privacy);
      await expect(el).to.be.accessible();

      const email = uniqueEmail('noconsent');
      const sent: Event[] = [];
      el.addEventListener('impact-signup-submit', (event) => sent.push(event));
      fill(el, 'Not Yet', email);
      await submit(el);
      expect(box.getAttribute('aria-invalid')).to.equal('true');
      expect(described(el, box)).to.equal(en.consentMissing);
      expect(deepActive()).to.equal(box);
      expect(input(el, 'email').getAttribute('aria-invalid')).to.equal('false');
      await expect(el).to.be.accessible();
      await aTimeout(200);
      expect(sent).to.be.empty;
      expect(await received(email)).to.be.empty;
    });

    it('sends the exact words and the time once the box is ticked', async () => {
      const el = await fixture<FundraiseCtaElement>(
        html`<fundraise-cta data-endpoint="/api/signups" data-consent=${words}></fundraise-cta>`,
      );
      await openForm(el);
      const email = uniqueEmail('consent');
      fill(el, 'Agreed', email);
      await sendKeys({ press: 'Tab' });
      input(el, 'consent').focus();
      await sendKeys({ press: 'Space' });
      expect(input(el, 'consent').checked).to.be.true;
      const before = Date.now();
      await submit(el);
      await waitUntil(() => part(el, 'success'));
      const after = Date.now();
      const body = JSON.parse((await received(email))[0].body);
      expect(body.consent).to.equal(words);
      expect(Date.parse(body.consentAt)).to.be.within(before, after);
      await expect(el).to.be.accessible();
    });

    it('shows a one-line privacy note under the form when there are no consent words', async () => {
      const el = await fixture<FundraiseCtaElement>(
        html`<fundraise-cta
          data-endpoint="/api/signups"
          data-privacy-url="https://example.org/privacy"
        ></fundraise-cta>`,
      );
      await openForm(el);
      expect(input(el, 'consent')).to.be.null;
      const privacy = part<HTMLAnchorElement>(el, 'privacy')!;
      expect(privacy.href).to.equal('https://example.org/privacy');
      const form = part(el, 'form')!.getBoundingClientRect();
      const line = privacy.getBoundingClientRect();
      expect(line.top).to.be.at.least(submitButton(el).getBoundingClientRect().bottom);
      expect(line.bottom).to.be.at.most(form.bottom);
      expect(line.height).to.be.below(2 * parseFloat(getComputedStyle(privacy).lineHeight));
      await expect(el).to.be.accessible();
    });

    it('speaks French', async () => {
      const wrapper = await fixture(
        html`<div lang="fr">
          <fundraise-cta
            data-endpoint="/api/signups"
            data-consent="Oui, écrivez-moi."
            data-privacy-url="https://example.org/confidentialite"
          ></fundraise-cta>
        </div>`,
      );
      const el = wrapper.querySelector('fundraise-cta')!;
      await el.updateComplete;
      await openForm(el);
      fill(el, 'Zoé', uniqueEmail('frconsent'));
      await submit(el);
      expect(described(el, input(el, 'consent'))).to.equal(fr.consentMissing);
      expect(part(el, 'privacy')!.textContent).to.equal(fr.privacy);
      expect(fr.consentMissing).not.to.equal(en.consentMissing);
    });

    it('takes the service, the field map, the consent, the privacy notice and the contact from the document', async () => {
      const doc = await (await fetch('/fixtures/services-study.json?form=check')).json();
      const { signup } = doc.ctas[0];
      const el = await fixture<FundraiseCtaElement>(
        html`<fundraise-cta
          data-src="/fixtures/services-study.json?form=missing"
          data-id=${doc.ctas[0].id}
        ></fundraise-cta>`,
      );
      await waitUntil(() => part(el, 'button'));
      await openForm(el);
      expect(input(el, 'consent').labels![0].textContent).to.equal(signup.consent);
      expect(part<HTMLAnchorElement>(el, 'privacy')!.href).to.equal(signup.privacyUrl);
      fill(el, 'Doc Reader', uniqueEmail('docsvc'));
      input(el, 'consent').checked = true;
      const page = watchPage();
      try {
        const failed = oneEvent(el, 'impact-signup-error');
        await submit(el);
        // The document's Formspree form does not exist: the partner's contact is offered.
        expect((await failed).detail.cause).to.equal('endpoint');
        await el.updateComplete;
        const contact = part<HTMLAnchorElement>(el, 'contact')!;
        expect(contact.textContent).to.equal(signup.contact.label);
        expect(contact.href).to.equal(signup.contact.url);
        expect(page.warnings).to.have.length(1);
      } finally {
        page.stop();
      }

      const working = await fixture<FundraiseCtaElement>(
        html`<fundraise-cta data-src="/fixtures/services-study.json?form=doc-ok"></fundraise-cta>`,
      );
      await waitUntil(() => part(working, 'button'));
      await openForm(working);
      const email = uniqueEmail('docok');
      fill(working, 'Doc Reader', email);
      input(working, 'consent').checked = true;
      const signedUp = oneEvent(working, 'impact-signup');
      await submit(working);
      expect((await signedUp).detail.delivery).to.equal('confirmed');
      const log = await (await fetch(`/api/service-log?key=${encodeURIComponent(email)}`)).json();
      const body = JSON.parse(log[0].body);
      expect(body).to.include({ email, full_name: 'Doc Reader', consent: signup.consent });
    });
  });

  describe('accessibility', () => {
    for (const theme of ['light', 'dark'] as const) {
      it(`passes axe when idle, open, busy, failed and done, in the ${theme} theme`, async () => {
        await emulateMedia({ colorScheme: theme });
        try {
          const el = await fixture<FundraiseCtaElement>(
            html`<fundraise-cta
              data-theme=${theme}
              data-endpoint="/api/signups?status=503"
              data-raised="3250"
              data-goal="5000"
              data-currency="USD"
              data-guide-url="https://example.org/guide"
            ></fundraise-cta>`,
          );
          await expect(el).to.be.accessible();
          await openForm(el);
          await expect(el).to.be.accessible();
          // Invalid fields.
          await submit(el);
          expect(input(el, 'name').getAttribute('aria-invalid')).to.equal('true');
          await expect(el).to.be.accessible();
          // A 503.
          fill(el, 'Axe', uniqueEmail(`axe-${theme}`));
          await submit(el);
          await waitUntil(() => submitButton(el).textContent!.trim() === en.retry);
          await expect(el).to.be.accessible();
          // In flight.
          el.endpoint = '/api/signups?delay=2500';
          await el.updateComplete;
          await submit(el);
          expect(part(el, 'form')!.getAttribute('aria-busy')).to.equal('true');
          await expect(el).to.be.accessible();
          // Done.
          await waitUntil(() => part(el, 'success'), 'no success', { timeout: 5000 });
          await expect(el).to.be.accessible();
        } finally {
          await emulateMedia({ colorScheme: 'light' });
        }
      });
    }
  });
});
