import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { RotationController } from './rotation-controller.js';

/** A bare host with any number of items: what <study-quote> adds around the rotation is left out. */
class RotationProbe extends LitElement {
  @property({ type: Number }) count = 3;
  seconds = 0.05;
  turns = 0;
  /** Every index rendered, in order. */
  shown: number[] = [];
  rotation = new RotationController(
    this,
    () => this.seconds,
    () => this.turns++,
  );

  override render() {
    this.rotation.count = this.count;
    this.shown.push(this.rotation.index);
    return html`<button>${this.rotation.index}</button>`;
  }
}
customElements.define('rotation-probe', RotationProbe);

/** Long enough for several turns at 50 ms. */
const STILL = 300;

const button = (el: RotationProbe) => el.shadowRoot!.querySelector('button')!;

async function turnsAgain(el: RotationProbe, message: string) {
  const before = el.turns;
  await waitUntil(() => el.turns > before, message);
}

describe('RotationController', () => {
  it('turns through every item in order, wrapping around, one update per turn', async () => {
    const el = await fixture<RotationProbe>(html`<rotation-probe count="3"></rotation-probe>`);
    await waitUntil(() => el.shown.length >= 5, 'did not turn four times');
    expect(el.shown.slice(0, 5)).to.deep.equal([0, 1, 2, 0, 1]);
    await el.updateComplete;
    expect(el.turns).to.equal(el.shown.length - 1);
  });

  it('never turns on its own with a single item', async () => {
    const el = await fixture<RotationProbe>(html`<rotation-probe count="1"></rotation-probe>`);
    await aTimeout(STILL);
    expect(el.turns).to.equal(0);
    expect(el.shown).to.deep.equal([0]);
  });

  it('takes a changed interval from the next start of the timer', async () => {
    const el = await fixture<RotationProbe>(html`<rotation-probe></rotation-probe>`);
    el.seconds = 60;
    el.rotation.step(1);
    await el.updateComplete;
    const turns = el.turns;
    await aTimeout(STILL);
    expect(el.turns, 'turned within a minute').to.equal(turns);
    el.seconds = 0.05;
    el.requestUpdate();
    await turnsAgain(el, 'the shorter interval never applied');
  });

  it('holds still until both the pointer and focus have left', async () => {
    const el = await fixture<RotationProbe>(html`<rotation-probe></rotation-probe>`);
    el.dispatchEvent(new PointerEvent('pointerenter'));
    button(el).focus();
    const turns = el.turns;
    el.dispatchEvent(new PointerEvent('pointerleave'));
    await aTimeout(STILL);
    expect(el.turns, 'turned with focus inside').to.equal(turns);
    el.dispatchEvent(new PointerEvent('pointerenter'));
    button(el).blur();
    await aTimeout(STILL);
    expect(el.turns, 'turned under the pointer').to.equal(turns);
    el.dispatchEvent(new PointerEvent('pointerleave'));
    await turnsAgain(el, 'did not turn once both had left');
  });

  it('plays when told to, though focus is still inside', async () => {
    const el = await fixture<RotationProbe>(html`<rotation-probe></rotation-probe>`);
    button(el).focus();
    const turns = el.turns;
    el.rotation.paused = true;
    expect(el.rotation.paused).to.be.true;
    button(el).blur();
    await aTimeout(STILL);
    expect(el.turns, 'turned while paused').to.equal(turns);
    button(el).focus();
    el.rotation.paused = false;
    expect(el.shadowRoot!.activeElement).to.equal(button(el));
    await turnsAgain(el, 'Play did not play with focus inside');
  });

  it('stops while out of the page, and starts unheld when put back', async () => {
    const el = await fixture<RotationProbe>(html`<rotation-probe></rotation-probe>`);
    const parent = el.parentElement!;
    el.dispatchEvent(new PointerEvent('pointerenter'));
    el.remove();
    const turns = el.turns;
    await aTimeout(STILL);
    expect(el.turns, 'turned while out of the page').to.equal(turns);
    // No pointerleave reached it while it was out.
    parent.append(el);
    await turnsAgain(el, 'did not turn once put back');
  });
});
