/**
 * Documents a careless or hostile host could serve, over real HTTP: the element must show a card
 * or its fallback, keep text as text, and never let an error reach the page.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/impact-stat/impact-stat.define.js';
import type { ImpactStatElement } from '../../src/elements/impact-stat/impact-stat.js';
import { watchPage } from '../watch-page.js';

const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);
const settled = (el: ImpactStatElement) =>
  waitUntil(
    () => part(el, 'card') || el.matches(':state(error)'),
    'the stat neither rendered nor failed',
    { timeout: 8000 },
  );

async function stat(name: string, id: string) {
  const el = await fixture<ImpactStatElement>(
    html`<impact-stat data-src="/fixtures/hostile/${name}" data-id=${id} data-animate="none"
      >fallback text</impact-stat
    >`,
  );
  await settled(el);
  await el.updateComplete;
  return el;
}

/** The fallback is on show: the default slot is rendered and nothing else is. */
const showsFallback = (el: ImpactStatElement) =>
  !part(el, 'card') && el.shadowRoot!.querySelector('slot:not([name])') !== null;

describe('broken and hostile documents', () => {
  let page: ReturnType<typeof watchPage>;
  beforeEach(() => (page = watchPage()));
  afterEach(() => {
    page.stop();
    expect(page.uncaught, 'uncaught errors').to.deep.equal([]);
  });

  it('renders from a 2 MB document', async () => {
    const el = await stat('big', 'share');
    expect(part(el, 'context')!.textContent!.length).to.be.above(2_000_000);
  });

  it('finds the last of 10,000 stats', async () => {
    const el = await stat('many', 'stat-9999');
    expect(part(el, 'value')!.textContent).to.contain(new Intl.NumberFormat('en').format(9999));
  });

  it('survives JSON nested 100,000 levels deep in an unknown key', async () => {
    const el = await stat('deep', 'share');
    // Either the parser takes it (the key is ignored) or it refuses it as not JSON; both are fine.
    expect(part(el, 'card') !== null || showsFallback(el)).to.be.true;
  });

  it('treats __proto__ and constructor keys as data, polluting nothing', async () => {
    const el = await stat('proto', 'households');
    expect(part(el, 'card')).to.exist;
    expect(({} as Record<string, unknown>).polluted).to.be.undefined;
    expect((Object.prototype as Record<string, unknown>).polluted).to.be.undefined;
  });

  it('does not take a value "inherited" through a __proto__ key', async () => {
    const el = await stat('protovalue', 'reach');
    expect(showsFallback(el)).to.be.true;
    expect(page.warnings.join('\n')).to.contain('stats[2].value: required, but missing');
  });

  it('shows invalid UTF-8 as replacement characters', async () => {
    const el = await stat('utf8', 'households');
    expect(part(el, 'label')!.textContent).to.contain('\uFFFD');
  });

  it('keeps markup as text and never links javascript:', async () => {
    const el = await stat('markup', 'share');
    const root = el.shadowRoot!;
    expect(root.querySelector('script, img, iframe, b')).to.be.null;
    expect(part(el, 'label')!.textContent).to.equal('<script>window.pwned = 1</script>');
    expect(part(el, 'context')!.textContent).to.equal('<img src=x onerror="window.pwned = 2">');
    expect(part(el, 'source')!.querySelector('a')).to.be.null;
    expect(part(el, 'source')!.textContent).to.contain('<b>bold</b>');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((window as { pwned?: number }).pwned).to.be.undefined;
    expect(page.warnings.some((w) => w.includes('javascript:'))).to.be.true;
  });
});
