/**
 * Documents a careless or hostile host could serve, over real HTTP: the element must show a card
 * or its fallback, keep text as text, and never let an error reach the page.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/impact-stat/impact-stat.define.js';
import type { ImpactStatElement } from '../../src/elements/impact-stat/impact-stat.js';
import type { ImpactErrorEvent } from '../../src/internal/events.js';
import { watchPage } from '../watch-page.js';

const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);
const settled = (el: ImpactStatElement, timeout = 8000) =>
  waitUntil(
    () => part(el, 'card') || el.matches(':state(error)'),
    'the stat neither rendered nor failed',
    { timeout },
  );

async function stat(name: string, id: string, src = `/fixtures/hostile/${name}`, timeout = 8000) {
  const el = await fixture<ImpactStatElement>(
    html`<impact-stat data-src=${src} data-id=${id} data-animate="none"
      >fallback text</impact-stat
    >`,
  );
  await settled(el, timeout);
  await el.updateComplete;
  return el;
}

/** The fallback is on show: the default slot is rendered and nothing else is. */
const showsFallback = (el: ImpactStatElement) =>
  !part(el, 'card') && el.shadowRoot!.querySelector('slot:not([name])') !== null;

let counter = 0;

describe('broken and hostile documents', () => {
  let page: ReturnType<typeof watchPage>;
  let causes: string[];
  const recordCause = (event: ImpactErrorEvent) => causes.push(event.detail.cause);
  beforeEach(() => {
    page = watchPage();
    causes = [];
    document.addEventListener('impact-error', recordCause);
  });
  afterEach(() => {
    page.stop();
    document.removeEventListener('impact-error', recordCause);
    expect(page.uncaught, 'uncaught errors').to.deep.equal([]);
  });

  const failures = [
    ['an HTML error page', '/fixtures/page.json', 'not-json'],
    ['404', '/fixtures/status/404', 'http'],
    ['500', '/fixtures/status/500', 'http'],
  ] as const;
  for (const [answer, url, cause] of failures) {
    it(`keeps its fallback, warns once and says why when the JSON URL answers ${answer}`, async () => {
      const el = await stat('', 'share', `${url}?broken=${counter++}`);
      expect(showsFallback(el)).to.be.true;
      expect(el.textContent).to.equal('fallback text');
      expect(causes).to.deep.equal([cause]);
      expect(page.warnings).to.have.length(1);
      expect(page.warnings[0]).to.match(/^<impact-stat>: data-src: /);
    });
  }

  it('gives up on a body that trickles in for 30 s, with a timeout', async function () {
    this.timeout(20_000);
    const el = await stat('', 'share', `/fixtures/trickle.json?ms=30000&case=${counter++}`, 15_000);
    expect(showsFallback(el)).to.be.true;
    expect(causes).to.deep.equal(['timeout']);
    expect(page.warnings[0]).to.contain('did not answer within 10 s');
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
