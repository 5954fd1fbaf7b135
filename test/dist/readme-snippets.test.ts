/**
 * A newcomer follows only the README: the snippets of its "Embed in 60 seconds" section, pasted
 * as they are into a blank page under the strict partner CSP, render. Only what cannot be reached
 * from here is swapped: the CDN URL for the bundle as built, and the example document URL for
 * the default document as built (which the README offers as the start of a partner's own).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { closePages, openPage, part, TAGS, type BuiltPage } from '../hardening/built-page.js';

const readme = await (await fetch('/README.md')).text();
const section = readme.slice(
  readme.indexOf('## Embed in 60 seconds'),
  readme.indexOf('\n## ', readme.indexOf('## Embed in 60 seconds') + 1),
);

/** The section's HTML code blocks, without the indentation of the list they sit in. */
const blocks = [...section.matchAll(/^( *)```html\n([\s\S]*?)^ *```/gm)].map(([, indent, code]) =>
  code.replace(new RegExp(`^${indent}`, 'gm'), ''),
);

interface Document {
  stats: { id: string; value: number; format: string; decimals?: number }[];
}
const builtDocument = (await (await fetch('/built/cambodia-2015.json')).json()) as Document;

async function pasteAll(): Promise<BuiltPage> {
  const page = blocks
    .join('\n')
    .replace(/https:\/\/unpkg\.com\/impact-widgets@[\d.]+\/dist\//g, '/built/')
    .replaceAll('https://partner.example/study.json', '/built/cambodia-2015.json');
  return openPage(`/pages/snippet?csp=strict&html=${encodeURIComponent(page)}`, [900, 2400]);
}

describe("the README's embed snippets", () => {
  afterEach(closePages);

  it('are a script tag and, for each element in the bundle, the three ways to feed it', () => {
    expect(blocks[0]).to.match(/^<script\s+type="module"\s+src="https:\/\/unpkg\.com\//);
    for (const tag of TAGS) {
      const uses = blocks.filter((block) => block.startsWith(`<${tag}`));
      expect(uses.some((block) => !block.includes('data-src') && /data-id=/.test(block))).to.be
        .true;
      expect(uses.some((block) => block.includes('data-src='))).to.be.true;
      expect(uses.some((block) => !block.includes('data-id') && !block.includes('data-src'))).to
        .be.true;
    }
  });

  it('render in a blank page under a strict CSP, with no warning, error or violation', async () => {
    const page = await pasteAll();
    const elements = [...page.document.querySelectorAll(TAGS.join())];
    expect(elements).to.have.length(blocks.length - 1);
    await waitUntil(() => elements.every((el) => part(el, 'card')), undefined, {
      timeout: 5000,
    }).catch(() => undefined);
    const blank = elements.filter((el) => !part(el, 'card')).map((el) => el.outerHTML);
    expect(blank, 'README snippets that did not render').to.deep.equal([]);
    expect(page.record.warnings).to.deep.equal([]);
    expect(page.record.errors).to.deep.equal([]);
    expect(page.record.violations).to.deep.equal([]);
  });

  it("show the document's figures, and a partner's own figure as written", async () => {
    const page = await pasteAll();
    const stats = [...page.document.querySelectorAll<HTMLElement>('impact-stat')];
    await waitUntil(() => stats.every((el) => part(el, 'card')), 'a stat did not render');
    for (const stat of stats) {
      const value = part(stat, 'value')!.querySelector(':not([aria-hidden])')!.textContent;
      const { id, value: written, format, decimals } = stat.dataset;
      const item = builtDocument.stats.find((candidate) => candidate.id === id);
      const figure = Number(written ?? item!.value);
      const digits = decimals ?? item?.decimals ?? String(figure).split('.')[1]?.length ?? 0;
      expect(format ?? item!.format).to.equal('percent');
      expect(value).to.equal(
        new Intl.NumberFormat('en', {
          style: 'percent',
          minimumFractionDigits: Number(digits),
          maximumFractionDigits: Number(digits),
        }).format(figure / 100),
      );
    }
  });
});
