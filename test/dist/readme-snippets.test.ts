/**
 * A newcomer follows only the README: the snippets of its "Embed in 60 seconds" section, pasted
 * as they are into a blank page under the strict partner CSP, render; each snippet of its
 * "Sign-ups" section, pasted the same way, takes a sign-up to a loopback stand-in of its service,
 * delivered as the section's table says; the iframe snippet of "Where scripts are not allowed"
 * shows the item its title names, sized to its card; the pre-rendered snippet of "Keeping the page
 * still" shows its styled card without script, and is taken over in place by the script of "Embed in
 * 60 seconds". Only what cannot be reached from here is swapped: the
 * CDN URL for the bundle as built, the example document URL for the default document as built
 * (which the README offers as the start of a partner's own), and a service's endpoint for its
 * stand-in's.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { SERVICES } from '../../demo/builder/signup-services.js';
import {
  received,
  sentFields,
  serviceLog,
  signUpThrough,
  standIn,
  uniqueEmail,
} from '../cta-helpers.js';
import {
  closePages,
  fresh,
  openPage,
  part,
  TAGS,
  type BuiltPage,
} from '../hardening/built-page.js';
import { expectTakenOver, look, pasted } from '../prerender/pasted.js';

const readme = await (await fetch('/README.md')).text();

/** A section of the README, from its heading to the next heading of the same level. */
function sectionOf(heading: string): string {
  const start = readme.indexOf(`\n${heading}\n`);
  const level = heading.split(' ')[0];
  const end = readme.indexOf(`\n${level} `, start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** A section's HTML code blocks, without the indentation of the list they sit in. */
const htmlBlocks = (text: string) =>
  [...text.matchAll(/^( *)```html\n([\s\S]*?)^ *```/gm)].map(([, indent, code]) =>
    code.replace(new RegExp(`^${indent}`, 'gm'), ''),
  );

const blocks = htmlBlocks(sectionOf('## Embed in 60 seconds'));
/** The script tag as the README gives it, loading the bundle as built. */
const fromCdn = (html: string) =>
  html.replace(/https:\/\/unpkg\.com\/impact-widgets@[\d.]+\/dist\//g, '/built/');

interface Document {
  stats: { id: string; value: number; format: string; decimals?: number; label: string }[];
}
const builtDocument = (await (await fetch('/built/cambodia-2015.json')).json()) as Document;

async function pasteAll(): Promise<BuiltPage> {
  const page = fromCdn(blocks.join('\n')).replaceAll(
    'https://partner.example/study.json',
    '/built/cambodia-2015.json',
  );
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

const prerendered = htmlBlocks(sectionOf('### Keeping the page still'));

describe("the README's pre-rendered snippet", () => {
  afterEach(closePages);

  it('shows its styled card without script, under the strict CSP, and the script takes it over in place', async () => {
    expect(prerendered).to.have.length(1);
    const [snippet] = prerendered;
    const tag = /^<([\w-]+)/.exec(snippet)![1];
    expect(snippet).to.contain('<template shadowrootmode="open">');
    const off = await openPage(pasted(fromCdn(snippet), { csp: 'strict', script: 'blocked' }));
    const still = off.document.querySelector(tag)!;
    expect(!!still.shadowRoot!.querySelector('link')!.sheet, 'the stylesheet').to.be.true;
    const card = look(still);
    const stat = builtDocument.stats.find((item) => item.id === still.getAttribute('data-id'))!;
    const digits = stat.decimals ?? String(stat.value).split('.')[1]?.length ?? 0;
    const figure = new Intl.NumberFormat('en', {
      style: 'percent',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(stat.value / 100);
    expect(part(still, 'value')!.textContent).to.contain(figure);

    // The script tag of step 1 after it, arriving late.
    const script = fromCdn(blocks[0]).replace(
      '/built/impact-widgets.js',
      fresh('/built/impact-widgets.js?delay=1000'),
    );
    await expectTakenOver(fromCdn(snippet) + script, tag, card);
  });
});

const signups = sectionOf('## Sign-ups');
const snippets = htmlBlocks(signups);
const providerOf = (snippet: string) => /data-provider="([^"]+)"/.exec(snippet)?.[1] ?? 'custom';

/** The delivery the section's table gives a provider: `confirmed` or `opaque`. */
function deliveryOf(provider: string): string | undefined {
  const row = signups
    .split('\n')
    .find((line) => line.startsWith('|') && line.split('|')[2]?.includes(`\`${provider}\``));
  return row?.split('|').at(-2)?.trim();
}

describe("the README's sign-up snippets", () => {
  afterEach(closePages);

  it('are one for each service, and the table says what each lets the element know', () => {
    expect(snippets.map(providerOf).sort()).to.deep.equal(Object.keys(SERVICES).sort());
    for (const provider of Object.keys(SERVICES)) {
      expect(deliveryOf(provider), provider).to.be.oneOf(['confirmed', 'opaque']);
    }
  });

  for (const snippet of snippets) {
    const provider = providerOf(snippet);
    it(`${provider}: a sign-up reaches its stand-in under a strict CSP, ${deliveryOf(provider)} as the table says`, async () => {
      const { origin } = await (await fetch('/fixtures/services')).json();
      const given = /data-endpoint="([^"]*)"/.exec(snippet)![1].replaceAll('&amp;', '&');
      const endpoint = provider === 'custom' ? '/api/signups' : standIn(given, provider, origin);
      const pasted = snippet.replace(
        /data-endpoint="[^"]*"/,
        `data-endpoint="${endpoint.replaceAll('&', '&amp;')}"`,
      );
      const page = await openPage(
        `/pages/snippet?csp=services&html=${encodeURIComponent(fromCdn(`${blocks[0]}\n${pasted}`))}`,
      );
      const email = uniqueEmail(`readme-${provider}`);
      const event = await signUpThrough(page.document.querySelector('fundraise-cta')!, email);
      expect(event.type).to.equal('impact-signup');
      expect(event.detail.delivery).to.equal(deliveryOf(provider));
      const posts =
        provider === 'custom'
          ? (await received(email)).map((post) => post.body)
          : (await serviceLog(email.split('@')[0]))
              .filter((request) => request.method === 'POST')
              .map((request) => request.body);
      expect(posts).to.have.length(1);
      // The address arrives, and the consent words do when the snippet asks for consent.
      const [body] = posts;
      const text = body.startsWith('{') ? body : [...new URLSearchParams(body).values()].join(' ');
      expect(text).to.contain(email);
      const consent = /data-consent="([^"]*)"/.exec(snippet)?.[1];
      if (consent) expect(text).to.contain(consent);
      expect(page.record).to.deep.equal({ warnings: [], errors: [], violations: [] });
      const copy = page.document.querySelector('form[data-netlify]');
      expect(!!copy, 'a hidden form for Netlify').to.equal(provider === 'netlify');
      if (copy) {
        // Netlify keeps only the fields its copy of the form lists: the README's lists them all.
        const [request] = (await serviceLog(email.split('@')[0])).filter((r) => r.method === 'POST');
        const listed = [...copy.querySelectorAll('input')].map((input) => input.name);
        expect(listed.sort()).to.deep.equal(Object.keys(sentFields(request)).sort());
      }
    });
  }
});

const iframes = htmlBlocks(sectionOf('## Where scripts are not allowed'));

describe("the README's iframe snippet", () => {
  afterEach(closePages);

  it('pasted on a blank strict-CSP page, shows the item its title names, sized by embed-resize.js', async () => {
    expect(iframes).to.have.length(1);
    const page = await openPage(
      `/pages/snippet?csp=strict&html=${encodeURIComponent(fromCdn(iframes[0]))}`,
      [656, 1200],
    );
    // In view, or the lazy frame would not load.
    page.frameElement!.scrollIntoView();
    const frame = page.document.querySelector<HTMLIFrameElement>('iframe[data-impact-embed]')!;
    const query = new URL(frame.src).searchParams;
    const stat = builtDocument.stats.find((candidate) => candidate.id === query.get('id'))!;
    const figure = new Intl.NumberFormat(query.get('lang')!, {
      style: 'percent',
      minimumFractionDigits: stat.decimals,
      maximumFractionDigits: stat.decimals,
    }).format(stat.value / 100);
    expect(frame.title).to.equal(`${figure} ${stat.label}`);

    const element = () => frame.contentDocument?.querySelector(query.get('tag')!);
    await waitUntil(() => element() && part(element()!, 'card'), 'the frame shows no card', {
      timeout: 8000,
    });
    const card = part(element()!, 'card')!;
    expect(card.textContent).to.contain(figure).and.contain(stat.label);
    const fits = () =>
      frame.style.height !== '' &&
      Math.abs(frame.clientHeight - element()!.getBoundingClientRect().height) <= 2;
    await waitUntil(fits, 'embed-resize.js did not size the frame to its card', { timeout: 8000 });
    // The height the README gives is the card's in a 640 px column, the frame's width here.
    expect(frame.clientWidth).to.equal(640);
    expect(Math.abs(Number(frame.getAttribute('height')) - frame.clientHeight)).to.be.at.most(2);
    expect(page.record).to.deep.equal({ warnings: [], errors: [], violations: [] });
  });
});
