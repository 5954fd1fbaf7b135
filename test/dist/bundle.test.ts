/**
 * The built bundle where partners put it: a page of its own (in a frame), loaded from dist/ as
 * built, with and without the strictest Content-Security-Policy.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { TAGS } from '../hardening/built-page.js';

interface Record {
  warnings: string[];
  errors: string[];
  violations: string[];
}
type PageWindow = Window & typeof globalThis & { record: Record };

async function openPage(url: string): Promise<PageWindow> {
  const frame = document.createElement('iframe');
  frame.src = url;
  frame.title = 'test page';
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const view = frame.contentWindow as PageWindow;
  await waitUntil(
    () => TAGS.every((tag) => view.document.querySelector(tag)?.shadowRoot?.querySelector('[part~="card"]')),
    'the elements did not render',
  );
  return view;
}

afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

describe('the built bundle', () => {
  it('renders every element under a strict CSP with Trusted Types, without a violation', async () => {
    const page = await openPage('/pages/bundle-once.html?csp=strict');
    expect(page.record.violations).to.deep.equal([]);
    expect(page.record.errors).to.deep.equal([]);
    expect(page.record.warnings).to.deep.equal([]);
  });

  it('included twice, keeps the first copy and warns once', async () => {
    const page = await openPage('/pages/bundle-twice.html?csp=strict');
    await waitUntil(() => 'ImpactWidgets' in page, 'the classic bundle did not run');
    expect(page.record.errors).to.deep.equal([]);
    expect(page.record.violations).to.deep.equal([]);
    expect(page.record.warnings).to.have.length(1);
    expect(page.record.warnings[0]).to.contain('already defined');
  });
});
