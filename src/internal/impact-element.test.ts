import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { property } from 'lit/decorators.js';
import { fallback, ImpactElement } from './impact-element.js';
import type { ImpactErrorEvent } from './events.js';
import { watchPage } from '../../test/watch-page.js';

class RenderProbe extends ImpactElement {
  @property() mode: 'fine' | 'throw' | 'waiting' = 'fine';

  protected override renderContent() {
    if (this.mode === 'throw') throw new Error('the card broke');
    if (this.mode === 'waiting') return fallback;
    return html`<p part="card">rendered</p>`;
  }
}
customElements.define('render-probe', RenderProbe);

const card = (el: Element) => el.shadowRoot!.querySelector('[part~="card"]');
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('ImpactElement', () => {
  it('renders its content', async () => {
    const el = await fixture<RenderProbe>(html`<render-probe>fallback text</render-probe>`);
    expect(card(el)?.textContent).to.equal('rendered');
  });

  it('shows the fallback content, reports once and throws nothing when rendering fails', async () => {
    const page = watchPage();
    try {
      const el = await fixture<RenderProbe>(html`<render-probe>fallback text</render-probe>`);
      const reported = oneEvent(el, 'impact-error') as Promise<ImpactErrorEvent>;
      el.mode = 'throw';
      const event = await reported;
      await el.updateComplete;
      await settle();
      expect(event.detail.cause).to.equal('render');
      expect(event.detail.message).to.equal('<render-probe>: could not render: the card broke');
      expect(event.bubbles && event.composed).to.be.true;
      expect(card(el)).to.be.null;
      expect(el.shadowRoot!.querySelector('slot')).to.exist;
      expect(page.warnings).to.deep.equal([event.detail.message]);
      expect(page.uncaught).to.be.empty;
      await expect(el).to.be.accessible();
    } finally {
      page.stop();
    }
  });

  it('tries again when its input changes', async () => {
    const page = watchPage();
    try {
      const el = await fixture<RenderProbe>(html`<render-probe mode="throw"></render-probe>`);
      await settle();
      expect(card(el)).to.be.null;
      el.mode = 'fine';
      await el.updateComplete;
      expect(card(el)?.textContent).to.equal('rendered');
      expect(page.uncaught).to.be.empty;
    } finally {
      page.stop();
    }
  });

  it('reflects data-theme for the theme styles', async () => {
    const el = await fixture<RenderProbe>(html`<render-probe></render-probe>`);
    el.theme = 'dark';
    await el.updateComplete;
    expect(el.getAttribute('data-theme')).to.equal('dark');
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    el.theme = 'auto';
    await el.updateComplete;
    expect(getComputedStyle(el).colorScheme).to.equal('light dark');
  });

  it('lets the partner restyle it through the public tokens', async () => {
    const el = await fixture<RenderProbe>(html`<render-probe></render-probe>`);
    el.style.setProperty('--impact-text', 'rgb(1, 2, 3)');
    expect(getComputedStyle(el).getPropertyValue('--_text')).to.equal('rgb(1, 2, 3)');
  });

  it('leaves the text color of its fallback to the page', async () => {
    const page = await fixture(
      html`<div><render-probe mode="waiting">fallback</render-probe></div>`,
    );
    (page as HTMLElement).style.color = 'rgb(4, 5, 6)';
    const el = page.querySelector<RenderProbe>('render-probe')!;
    el.theme = 'dark';
    await el.updateComplete;
    expect(getComputedStyle(el).color).to.equal('rgb(4, 5, 6)');
  });
});
