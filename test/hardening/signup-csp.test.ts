/**
 * Sign-ups from the built bundle on a page under the strict partner policy: with a `connect-src`
 * that names the service (a stand-in on a second loopback origin), a readable service and a blind
 * one both work without a single violation; with the plain policy (`connect-src 'self'`) the
 * browser refuses the request, and the person sees an error with a Retry, never a thank-you.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { closePages, part, type BuiltPage } from './built-page.js';
import { openQueryPage } from './query-page.js';

let unique = 0;
const key = (label: string) => `${label}${Date.now()}x${unique++}`;

async function servicesOrigin(): Promise<string> {
  return (await (await fetch('/fixtures/services')).json()).origin;
}

/** Opens the element's form in the page, fills it in and sends it. */
async function signUp(page: BuiltPage, id: string, email: string): Promise<HTMLElement> {
  const el = page.document.getElementById(id)!;
  await waitUntil(() => part(el, 'button'), `#${id} did not render its button`);
  part(el, 'button')!.click();
  await waitUntil(() => el.shadowRoot!.querySelector('form'), `#${id} did not open its form`);
  const form = el.shadowRoot!.querySelector('form')!;
  (form.elements.namedItem('name') as HTMLInputElement).value = 'Strict Page';
  (form.elements.namedItem('email') as HTMLInputElement).value = email;
  form.requestSubmit();
  return el;
}

/** A call to action signing up through a provider, for build-page.js to create. */
const spec = (id: string, provider: string, endpoint: string) => ({
  tag: 'fundraise-cta',
  attrs: { id, 'data-provider': provider, 'data-endpoint': endpoint },
});

afterEach(closePages);

describe('sign-ups from the built bundle under a strict Content-Security-Policy', () => {
  it("reach a readable and a blind service when connect-src names the service's origin", async () => {
    const origin = await servicesOrigin();
    const response = await fetch('/pages/states.html?csp=services');
    expect(response.headers.get('content-security-policy')).to.contain(
      `connect-src 'self' ${origin};`,
    );
    const id = key('csp');
    const page = await openQueryPage(
      'states',
      [
        spec('readable', 'formspree', `${origin}/formspree/f/${id}`),
        spec('blind', 'mailchimp', `${origin}/mailchimp/subscribe/post?u=${id}&id=l`),
      ],
      { csp: 'services' },
    );
    const delivered: string[] = [];
    for (const which of ['readable', 'blind']) {
      page.document
        .getElementById(which)!
        .addEventListener('impact-signup', (event) =>
          delivered.push(`${which} ${(event as CustomEvent).detail.delivery}`),
        );
      const el = await signUp(page, which, `${which}-${id}@example.org`);
      await waitUntil(() => part(el, 'success'), `#${which} did not thank`);
    }
    expect(delivered).to.deep.equal(['readable confirmed', 'blind opaque']);
    const log = await (await fetch(`/api/service-log?key=${id}`)).json();
    expect(log.map((request: { method: string }) => request.method)).to.deep.equal([
      'OPTIONS',
      'POST',
      'POST',
    ]);
    expect(page.record.violations).to.deep.equal([]);
    expect(page.record.errors).to.deep.equal([]);
    expect(page.record.warnings).to.deep.equal([]);
  });

  it('is refused when connect-src does not name it, and shows that as an error with a Retry', async () => {
    const origin = await servicesOrigin();
    const id = key('blocked');
    const page = await openQueryPage(
      'states',
      [spec('blocked', 'mailchimp', `${origin}/mailchimp/subscribe/post?u=${id}&id=l`)],
      { csp: 'strict' },
    );
    const causes: string[] = [];
    page.document
      .getElementById('blocked')!
      .addEventListener('impact-signup-error', (event) =>
        causes.push((event as CustomEvent).detail.cause),
      );
    const el = await signUp(page, 'blocked', `${id}@example.org`);
    await waitUntil(() => causes.length, 'no impact-signup-error');
    await waitUntil(() => page.record.violations.length, 'no violation was recorded');
    expect(causes).to.deep.equal(['network']);
    expect(page.record.violations.join()).to.contain('connect-src').and.contain(origin);
    expect(part(el, 'success')).to.be.null;
    expect(el.shadowRoot!.querySelector('form [part~="button"]')!.textContent!.trim()).to.equal(
      'Retry',
    );
    expect(await (await fetch(`/api/service-log?key=${id}`)).json()).to.deep.equal([]);
  });
});
