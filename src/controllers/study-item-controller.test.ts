import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { DEFAULT_DOCUMENT } from '../data/default-document.js';
import type { ItemKind } from '../data/schema.js';
import { findItems, StudyItemController } from './study-item-controller.js';

/** A bare host: only what the controller reads, so these tests see the controller alone. */
class ItemProbe extends LitElement {
  @property({ attribute: 'data-src' }) src?: string;
  @property({ attribute: 'data-id' }) itemId?: string;
  @property({ attribute: 'data-kind' }) kind: ItemKind = 'stats';
  @property({ type: Boolean }) standalone = false;
  controller!: StudyItemController<ItemKind>;
  updates = 0;

  override connectedCallback(): void {
    this.controller ??= new StudyItemController(this, this.kind, {
      standalone: () => this.standalone,
      timeoutMs: 300,
    });
    super.connectedCallback();
  }

  override render() {
    this.updates++;
    return html`${this.controller.state.status}`;
  }
}
customElements.define('item-probe', ItemProbe);

let counter = 0;
const fresh = () => `/fixtures/study.json?controller=${Date.now()}-${counter++}`;

async function hits(url: string): Promise<number> {
  const response = await fetch(`/api/hits?path=${encodeURIComponent(url)}`);
  return ((await response.json()) as { count: number }).count;
}

const settled = (el: ItemProbe) =>
  waitUntil(() => el.controller.state.status !== 'loading', 'the item never settled');

describe('StudyItemController', () => {
  it('answers from the default document before the first render', async () => {
    const el = await fixture<ItemProbe>(
      html`<item-probe data-id="ed-wilson" data-kind="quotes"></item-probe>`,
    );
    expect(el.updates).to.equal(1);
    expect(el.controller.item).to.equal(DEFAULT_DOCUMENT.quotes.find((q) => q.id === 'ed-wilson'));
    expect(el.controller.state.status === 'ready' && el.controller.state.study).to.equal(
      DEFAULT_DOCUMENT.study,
    );
  });

  it('takes the first item of its kind without data-id', async () => {
    const el = await fixture<ItemProbe>(html`<item-probe data-kind="ctas"></item-probe>`);
    expect(el.controller.item).to.equal(DEFAULT_DOCUMENT.ctas[0]);
  });

  it('leaves the default document out for a standalone element', async () => {
    const el = await fixture<ItemProbe>(html`<item-probe .standalone=${true}></item-probe>`);
    expect(el.controller.state).to.deep.equal({ status: 'ready', items: [] });
  });

  it('still uses a document when a standalone element names an id', async () => {
    const el = await fixture<ItemProbe>(
      html`<item-probe .standalone=${true} data-id="under-15-2015"></item-probe>`,
    );
    expect(el.controller.item?.id).to.equal('under-15-2015');
  });

  it('loads a data-src document and renders again when it arrives', async () => {
    const el = await fixture<ItemProbe>(
      html`<item-probe data-src=${fresh()} data-id="reach"></item-probe>`,
    );
    expect(el.controller.state.status).to.equal('loading');
    await settled(el);
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.equal('ready');
    expect(el.controller.item).to.include({ id: 'reach', value: 1200000 });
  });

  it('gives several items for a list of ids, in that order, and all for "*"', async () => {
    const list = await fixture<ItemProbe>(
      html`<item-probe data-kind="quotes" data-id="pol-phie-they  ed-wilson"></item-probe>`,
    );
    const state = list.controller.state;
    expect(state.status === 'ready' && state.items.map((q) => q.id)).to.deep.equal([
      'pol-phie-they',
      'ed-wilson',
    ]);
    const all = await fixture<ItemProbe>(
      html`<item-probe data-kind="quotes" data-id="*"></item-probe>`,
    );
    expect(all.controller.state.status === 'ready' && all.controller.state.items).to.have.length(3);
  });

  it('reports a missing id with the document it looked in', async () => {
    const el = await fixture<ItemProbe>(html`<item-probe data-id="nope"></item-probe>`);
    const state = el.controller.state;
    expect(state.status).to.equal('error');
    expect(state.status === 'error' && state.error.cause).to.equal('not-found');
    expect(state.status === 'error' && state.error.attribute).to.equal('data-id');
    expect(state.status === 'error' && state.error.message).to.equal(
      'the default document has no stat with id "nope"',
    );
  });

  it('reports a failed load', async () => {
    const el = await fixture<ItemProbe>(
      html`<item-probe data-src="/fixtures/status/404?c=1"></item-probe>`,
    );
    await settled(el);
    const state = el.controller.state;
    expect(state.status === 'error' && state.error.cause).to.equal('http');
    expect(state.status === 'error' && state.error.attribute).to.equal('data-src');
  });

  it('resolves again when data-id or data-src changes', async () => {
    const el = await fixture<ItemProbe>(html`<item-probe data-id="minors-2015"></item-probe>`);
    el.setAttribute('data-id', 'under-15-2015');
    await el.updateComplete;
    expect(el.controller.item?.id).to.equal('under-15-2015');
    el.itemId = 'households';
    el.src = fresh();
    await el.updateComplete;
    await settled(el);
    expect(el.controller.item?.id).to.equal('households');
  });

  it('drops an answer that arrives after the attributes changed', async () => {
    const src = `/fixtures/slow.json?ms=150&c=${counter++}`;
    const el = await fixture<ItemProbe>(
      html`<item-probe data-src=${src} data-id="reach"></item-probe>`,
    );
    el.removeAttribute('data-src');
    el.itemId = 'minors-2015';
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(el.controller.item?.id).to.equal('minors-2015');
  });

  it('makes one request for twenty elements on one URL', async () => {
    const url = fresh();
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    for (let i = 0; i < 20; i++) {
      const probe = document.createElement('item-probe');
      probe.setAttribute('data-src', url);
      container.append(probe);
    }
    const probes = [...container.querySelectorAll<ItemProbe>('item-probe')];
    await Promise.all(probes.map(settled));
    expect(probes.every((p) => p.controller.item?.id === 'share')).to.be.true;
    expect(await hits(url)).to.equal(1);
  });

  it('abandons a load when removed and resumes when put back', async () => {
    const el = await fixture<ItemProbe>(
      html`<item-probe data-src=${`/fixtures/slow.json?ms=100&c=${counter++}`}></item-probe>`,
    );
    const parent = el.parentElement!;
    el.remove();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(el.controller.state.status).to.equal('loading');
    parent.append(el);
    await settled(el);
    expect(el.controller.item?.id).to.equal('share');
  });
});

describe('findItems', () => {
  it('says when a document has none of a kind', () => {
    const empty = { ...DEFAULT_DOCUMENT, quotes: [] };
    expect(() => findItems(empty, 'quotes', undefined, 'x.json')).to.throw('x.json has no quotes');
    expect(() => findItems(empty, 'quotes', '*', 'x.json')).to.throw('x.json has no quotes');
  });
});
