/**
 * The demo page as `npm start` serves it. Its markup, with its stylesheet, is mounted in a test
 * document whose elements come from the source, so every element on it must render from the
 * embedded study and the whole page must pass axe in both color schemes, since partners copy from
 * it. The page itself, with the built bundle, runs in a frame for a sign-up through its call to
 * action, answered by the stand-in endpoint that `npm start` also serves (scripts/demo-signups.mjs).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { DEFAULT_DOCUMENT } from '../../src/index.js';
import { closePages, openPage, part } from '../hardening/built-page.js';
import { watchPage } from '../watch-page.js';

const demo = new DOMParser().parseFromString(
  await (await fetch('/demo/index.html')).text(),
  'text/html',
);
const TAGS = ['impact-stat', 'study-quote', 'fundraise-cta'];
const ENDPOINT = '/demo-api/signups';

/** Runs of white space as one space, as a reader sees the text. */
const words = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const ids = (el: Element) => (el.getAttribute('data-id') ?? '').trim().split(/\s+/);
const quoteById = (id: string) => DEFAULT_DOCUMENT.quotes.find((quote) => quote.id === id)!;

async function mountDemo(): Promise<HTMLElement> {
  const stylesheet = document.createElement('link');
  stylesheet.rel = 'stylesheet';
  stylesheet.href = '/demo/demo.css';
  const loaded = new Promise((resolve) => stylesheet.addEventListener('load', resolve));
  document.head.append(stylesheet);
  await loaded;
  const page = document.createElement('div');
  page.id = 'demo';
  page.append(...[...demo.body.children].map((node) => document.importNode(node, true)));
  document.body.append(page);
  const elements = page.querySelectorAll(TAGS.join(','));
  await waitUntil(
    () => [...elements].every((el) => el.shadowRoot?.querySelector('[part~="card"]')),
    'not every element on the demo page rendered',
  );
  return page;
}

/** Opens a call to action's form and waits for its first field. */
async function openForm(cta: Element) {
  part(cta, 'button')!.click();
  await waitUntil(() => cta.shadowRoot!.querySelector('form'), 'the sign-up form did not open');
}

describe('the demo page', () => {
  let watch: ReturnType<typeof watchPage>;
  beforeEach(() => (watch = watchPage()));
  afterEach(async () => {
    watch.stop();
    closePages();
    document.getElementById('demo')?.remove();
    document.querySelector('link[href="/demo/demo.css"]')?.remove();
    await emulateMedia({ colorScheme: 'light' });
  });

  it('is a whole page: language, title, one h1, and the bundle as a partner loads it', () => {
    expect(demo.documentElement.lang).to.equal('en');
    expect(demo.title).to.not.be.empty;
    expect(demo.querySelectorAll('h1')).to.have.length(1);
    const script = demo.querySelector('script[type="module"]')!;
    expect(script.getAttribute('src')).to.equal('../dist/impact-widgets.js');
  });

  it('shows all three elements, each rendered from the embedded document, without a warning', async () => {
    const page = await mountDemo();
    for (const tag of TAGS) expect(page.querySelector(tag), tag).to.exist;
    const stats = new Set([...page.querySelectorAll('impact-stat')].flatMap(ids));
    expect([...stats].sort()).to.deep.equal(DEFAULT_DOCUMENT.stats.map((s) => s.id).sort());
    expect(watch.warnings).to.deep.equal([]);
    expect(watch.uncaught).to.deep.equal([]);
  });

  it('gives every element fallback content a reader gets without the script', () => {
    for (const el of demo.querySelectorAll('impact-stat')) {
      // The figure as the study gives it, with where it comes from.
      const stat = DEFAULT_DOCUMENT.stats.find((s) => s.id === el.getAttribute('data-id'))!;
      expect(words(el.textContent), stat.id)
        .to.contain(`${stat.value}%`)
        .and.match(/\(.+\)$/);
    }
    for (const el of demo.querySelectorAll('study-quote')) {
      // A real blockquote: the first quote the element shows, word for word, then who said it.
      const quote = quoteById(ids(el)[0]);
      const blockquote = el.querySelector(':scope > blockquote');
      expect(words(blockquote?.textContent), quote.id).to.equal(quote.text);
      const attribution = words(blockquote?.nextElementSibling?.textContent);
      expect(attribution).to.contain(quote.author).and.contain(quote.role!);
    }
    for (const el of demo.querySelectorAll('fundraise-cta')) {
      const link = el.querySelector<HTMLAnchorElement>('p a[href]');
      expect(link, 'the call to action has no link in its fallback').to.exist;
      expect(new URL(link!.href).protocol).to.equal('https:');
      expect(words(link!.closest('p')!.textContent)).to.match(/\.$/);
    }
  });

  it("shows the study's three quotes, one element rotating through several", async () => {
    const page = await mountDemo();
    const quotes = [...page.querySelectorAll('study-quote')];
    expect([...new Set(quotes.flatMap(ids))].sort()).to.deep.equal(
      DEFAULT_DOCUMENT.quotes.map((quote) => quote.id).sort(),
    );
    for (const el of quotes) {
      const quote = quoteById(ids(el)[0]);
      expect(words(part(el, 'text')!.textContent)).to.equal(quote.text);
      expect(part(el, 'author')!.textContent).to.equal(quote.author);
    }
    const rotating = quotes.find((el) => ids(el).length > 1)!;
    expect(rotating, 'no quote rotates').to.exist;
    expect(part(rotating, 'controls')).to.exist;
    const next = part(rotating, 'controls')!.querySelectorAll('button')[2];
    next.click();
    await waitUntil(
      () => words(part(rotating, 'text')!.textContent) !== quoteById(ids(rotating)[0]).text,
    );
    expect(words(part(rotating, 'text')!.textContent)).to.equal(quoteById(ids(rotating)[1]).text);
  });

  it('shows the call to action with its progress bar, posting to the stand-in endpoint', async () => {
    const page = await mountDemo();
    const cta = page.querySelector('fundraise-cta')!;
    expect(cta.getAttribute('data-endpoint')).to.equal(ENDPOINT);
    const progress = part(cta, 'progress') as HTMLProgressElement;
    expect(progress.max).to.equal(Number(cta.getAttribute('data-goal')));
    expect(progress.value).to.equal(Number(cta.getAttribute('data-raised')));
    const label = cta.shadowRoot!.getElementById(progress.getAttribute('aria-labelledby')!)!;
    for (const amount of ['data-raised', 'data-goal']) {
      expect(label.textContent).to.contain(
        new Intl.NumberFormat('en').format(Number(cta.getAttribute(amount))),
      );
    }
    // The sample amounts are said to be samples, next to the element.
    expect(words(cta.previousElementSibling!.textContent)).to.contain('sample');
  });

  it('has a dark section, a narrow column and a newsletter landing section', async () => {
    const page = await mountDemo();
    expect(page.querySelector('.dark impact-stat[data-theme="dark"]')).to.exist;
    expect(page.querySelector('.dark study-quote[data-theme="dark"]')).to.exist;
    for (const el of page.querySelectorAll('.column impact-stat, .column study-quote')) {
      expect(el.getBoundingClientRect().width).to.be.below(400);
    }
    expect(page.querySelector('.newsletter impact-stat')).to.exist;
    expect(page.querySelector('.newsletter fundraise-cta')).to.exist;
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`passes axe with the reader in ${colorScheme} mode, the sign-up form open too`, async () => {
      await emulateMedia({ colorScheme });
      const page = await mountDemo();
      await expect(page).to.be.accessible();
      await openForm(page.querySelector('fundraise-cta')!);
      await expect(page).to.be.accessible();
    });
  }

  it('takes a sign-up through its call to action, answered by the stand-in endpoint', async () => {
    const frame = await openPage('/demo/index.html', [900, 700]);
    const cta = frame.document.querySelector('fundraise-cta')!;
    await waitUntil(() => part(cta, 'card'), 'the call to action did not render');
    await openForm(cta);
    const field = (name: string) =>
      cta.shadowRoot!.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
    const submit = () => cta.shadowRoot!.querySelector<HTMLButtonElement>('form button')!.click();
    const name = 'Demo Reader';

    // An address the browser lets through but the endpoint refuses: its words, at the field.
    const refused = 'reader@localhost';
    const expected = await fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name,
        email: refused,
        submissionId: crypto.randomUUID(),
        consentAt: new Date().toISOString(),
      }),
    });
    expect(expected.status).to.equal(400);
    const { error } = (await expected.json()) as { error: string };
    field('name').value = name;
    field('email').value = refused;
    submit();
    await waitUntil(() => field('email').getAttribute('aria-invalid') === 'true', 'not refused');
    const describedBy = field('email').getAttribute('aria-describedby')!;
    expect(words(cta.shadowRoot!.getElementById(describedBy)!.textContent)).to.equal(error);
    expect(field('name').value, 'what was typed is kept').to.equal(name);

    // Corrected, it goes through: the thank-you and the guide replace the form.
    const signedUp = new Promise<CustomEvent<{ submissionId: string }>>((resolve) =>
      cta.addEventListener('impact-signup', resolve as EventListener, { once: true }),
    );
    field('email').value = `demo-${Date.now()}@example.org`;
    submit();
    await waitUntil(() => part(cta, 'success'), 'no thank-you after the sign-up');
    const { signup } = DEFAULT_DOCUMENT.ctas[0];
    expect(words(part(cta, 'success')!.textContent)).to.contain(signup!.success);
    expect(part(cta, 'guide')!.textContent).to.equal(signup!.guide!.label);

    // The stand-in kept that submission: sent again, it is a duplicate, not a second sign-up.
    const { submissionId } = (await signedUp).detail;
    const again = await fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name,
        email: 'again@example.org',
        submissionId,
        consentAt: new Date().toISOString(),
      }),
    });
    expect(again.ok).to.be.true;
    expect(await again.json()).to.include({ submissionId, duplicate: true });
  });
});
