/**
 * The embed builder in the browser, over real HTTP: its controls, documents loaded from URLs, the
 * clipboard, and the done-when: the copied snippet, pasted into a blank page that loads the
 * built bundle (its integrity hash checked by the browser), renders as the preview did.
 * Needs `npm run build` first (dist/integrity.json, dist/builder/).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, sendMouse } from '@web/test-runner-commands';
import { DEFAULT_DOCUMENT } from '../../src/index.js';
import type { PlainStudyDocument as StudyDocument } from '../../src/data/schema.js';
import {
  sentFields,
  serviceLog,
  signUpThrough,
  standIn,
  uniqueEmail,
} from '../../test/cta-helpers.js';
import { EMBEDS } from '../../test/fixtures/embeds.js';
import { multilingualDocument } from '../../test/fixtures/multilingual.js';
import { fresh, hits, openPage as openBuiltPage, TAGS } from '../../test/hardening/built-page.js';
import {
  expectTakenOver,
  look,
  pasted as pastedPage,
  snapshotOf,
} from '../../test/prerender/pasted.js';
import type { EmbedBuilderElement } from './embed-builder.js';
import './embed-builder.js';
import { fieldMap, readPaste, SERVICES } from './signup-services.js';
import { watchPage } from '../../test/watch-page.js';

/** test/fixtures/udhr.json: articles of the UDHR, by language. */
type Udhr = Record<'article1' | 'article3', Record<string, string>>;

/** A select or input takes one value; a group of checkboxes, the values to check. */
type Choice = string | string[];

/**
 * Per element: a fixture item to build with, the options to choose (every kind of control the
 * element offers), and how its fallback must read without script, from the source data and the
 * platform.
 */
const CASES: Record<
  string,
  {
    id: string;
    choices: Record<string, Choice>;
    reads(element: Element, doc: StudyDocument): void;
    /** How an iframe of the item is named, in French. */
    title(doc: StudyDocument): string;
  }
> = {
  'impact-stat': {
    id: 'share',
    choices: { 'data-animate': 'none' },
    reads(element, doc) {
      const stat = doc.stats.find((s) => s.id === 'share')!;
      const digits = { minimumFractionDigits: stat.decimals, maximumFractionDigits: stat.decimals };
      const value = new Intl.NumberFormat('fr', { style: 'percent', ...digits });
      const text = squash(element.textContent);
      for (const expected of [value.format(stat.value / 100), stat.label, stat.source!.label]) {
        expect(text).to.contain(expected);
      }
    },
    title(doc) {
      const stat = doc.stats.find((s) => s.id === 'share')!;
      const digits = { minimumFractionDigits: stat.decimals, maximumFractionDigits: stat.decimals };
      const value = new Intl.NumberFormat('fr', { style: 'percent', ...digits });
      return `${value.format(stat.value / 100)} ${stat.label}`;
    },
  },
  'study-quote': {
    id: 'first-voice',
    choices: {
      more: ['second-voice'],
      'data-clamp': '2',
      'data-interval': '60',
      'data-share': ['copy', 'email'],
    },
    reads(element, doc) {
      const quote = doc.quotes.find((q) => q.id === 'first-voice')!;
      // A real quotation, its words exactly, and who said it beside it.
      expect(squash(element.querySelector(':scope > blockquote')?.textContent)).to.equal(
        quote.text,
      );
      const text = squash(element.textContent);
      for (const expected of [quote.author, quote.role!, quote.source!.label]) {
        expect(text).to.contain(expected);
      }
      const link = element.querySelector('a')!;
      expect(link.href).to.equal(new URL(quote.source!.url!).href);
      expect(squash(link.textContent)).to.equal(quote.source!.label);
    },
    title(doc) {
      const quote = doc.quotes.find((q) => q.id === 'first-voice')!;
      return `Quote from ${quote.author}, ${quote.role}`;
    },
  },
  'fundraise-cta': {
    id: 'join',
    choices: {
      'data-endpoint': new URL('/api/signups?case=builder', location.href).href,
      'data-href': 'https://example.org/give',
      'data-provider': 'custom',
      'data-encoding': 'form',
      'data-fields': 'name:full_name',
      'data-consent': 'Oui, écrivez-moi au sujet des collectes.',
      'data-privacy-url': 'https://example.org/vie-privee',
      'data-contact-url': 'mailto:equipe@example.org',
      'data-raised': '1200',
      'data-goal': '5000',
      'data-currency': 'EUR',
      'data-success': 'Merci, vraiment.',
      'data-guide-label': 'Le guide',
      'data-guide-url': 'https://example.org/guide-fr',
    },
    reads(element, doc) {
      const cta = doc.ctas.find((c) => c.id === 'join')!;
      const text = squash(element.textContent);
      for (const expected of [cta.heading, cta.body]) expect(text).to.contain(expected);
      // The one thing a reader can act on without the script: a real link, the one chosen.
      const links = [...element.querySelectorAll('a')];
      expect(links.map((a) => [a.href, squash(a.textContent)])).to.deep.equal([
        ['https://example.org/give', cta.button.label],
      ]);
      expect(element.querySelector('button, form, input')).to.equal(null);
    },
    title: (doc) => doc.ctas.find((c) => c.id === 'join')!.heading,
  },
};

interface PageRecord {
  warnings: string[];
  errors: string[];
  violations: string[];
}
type PageWindow = Window & typeof globalThis & { record: PageRecord };

const pkg = (await (await fetch('/package.json')).json()) as { version: string };
const integrity = (await (await fetch('/built/integrity.json')).json()) as {
  [file: string]: string;
};
const study = (await (
  await fetch('/fixtures/study.json?case=builder-expected')
).json()) as StudyDocument;
const CDN = `https://unpkg.com/impact-widgets@${pkg.version}/dist/`;

const part = <T extends Element = HTMLElement>(b: EmbedBuilderElement, name: string) =>
  b.shadowRoot!.querySelector<T>(`[part~="${name}"]`)!;
const control = (b: EmbedBuilderElement, name: string) =>
  b.shadowRoot!.querySelector<HTMLSelectElement & HTMLInputElement>(`[name="${name}"]`)!;
const snippet = (b: EmbedBuilderElement) => part(b, 'snippet').textContent!;
const preview = (b: EmbedBuilderElement) => part(b, 'preview').firstElementChild as HTMLElement;
/** A part of the preview element's own rendering. */
const shown = (b: EmbedBuilderElement, name: string) =>
  preview(b).shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;
// Layout whitespace only: Intl's no-break spaces ("41,7 %") are part of the text.
const squash = (text: string | null | undefined) => (text ?? '').replace(/[ \t\n]+/g, ' ').trim();

async function builder(): Promise<EmbedBuilderElement> {
  const b = await fixture<EmbedBuilderElement>(
    html`<embed-builder integrity-src="/built/integrity.json"></embed-builder>`,
  );
  await waitUntil(() => snippet(b).includes('integrity='), 'integrity.json did not load');
  return b;
}

/**
 * The builder as built (dist/builder/), in a page of its own with the built bundle: its previews
 * are the shipped elements, whose templates are minified as the snapshot command's are.
 */
async function builtBuilder(): Promise<[EmbedBuilderElement, PageWindow]> {
  const frame = document.createElement('iframe');
  frame.title = 'built builder';
  frame.src = '/pages/builder.html';
  frame.width = '1000';
  frame.height = '800';
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const page = frame.contentWindow as PageWindow;
  const built = page.document.querySelector('embed-builder') as EmbedBuilderElement;
  await waitUntil(
    () => built.shadowRoot && snippet(built).includes('integrity='),
    'the built builder did not run',
    { timeout: 5000 },
  );
  return [built, page];
}

/**
 * The built builder showing a fixture document's item of `tag`, in dark and in French, loaded
 * from a URL of its own (`kase`); and the command's options for the same card.
 */
async function builtCard(
  tag: string,
  kase: string,
): Promise<[EmbedBuilderElement, Record<string, string>]> {
  const [b] = await builtBuilder();
  await choose(b, 'element', tag);
  const url = `/fixtures/study.json?case=${kase}-${tag}`;
  await load(b, url);
  await choose(b, 'item', CASES[tag].id);
  await choose(b, 'theme', 'dark');
  await choose(b, 'lang', 'fr');
  const src = new URL(url, location.href).href;
  return [b, { tag, src, id: CASES[tag].id, lang: 'fr', theme: 'dark' }];
}

/** What a person does with a select or an input: pick a value, and the change event follows. */
async function choose(b: EmbedBuilderElement, name: string, value: string): Promise<void> {
  const field = control(b, name);
  field.value = value;
  expect(field.value, `${name} offers ${value}`).to.equal(value);
  field.dispatchEvent(new Event('change', { bubbles: true }));
  await b.updateComplete;
}

/** Checks exactly the given boxes of a group, clicking the ones that change, as a person would. */
async function check(b: EmbedBuilderElement, name: string, values: string[]): Promise<void> {
  const boxes = [...b.shadowRoot!.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)];
  for (const value of values) {
    expect(
      boxes.map((box) => box.value),
      `${name} offers ${value}`,
    ).to.include(value);
  }
  for (const box of boxes) if (box.checked !== values.includes(box.value)) box.click();
  await b.updateComplete;
}

/** Every choice of a case, in order. */
async function chooseAll(b: EmbedBuilderElement, choices: Record<string, Choice>): Promise<void> {
  for (const [name, value] of Object.entries(choices)) {
    await (Array.isArray(value) ? check(b, name, value) : choose(b, name, value));
  }
}

/** The iframe snippet's embed page address. */
const frameSrc = (b: EmbedBuilderElement) =>
  new DOMParser()
    .parseFromString(snippet(b), 'text/html')
    .querySelector('iframe')!
    .getAttribute('src')!;

async function load(b: EmbedBuilderElement, url: string): Promise<void> {
  control(b, 'src').value = url;
  b.shadowRoot!.querySelector('form')!.requestSubmit();
  await b.updateComplete;
  await waitUntil(
    () => /^(Loaded|The document)/.test(part(b, 'message').textContent!),
    'no answer',
  );
  await b.updateComplete;
}

/**
 * An element's rendering: the parts present, and its shadow root's text, piece by piece (the
 * built templates are minified, so the whitespace between tags differs from the source's).
 */
async function rendering(element: Element) {
  await waitUntil(() => element.shadowRoot?.querySelector('[part~="card"]'), 'no card rendered');
  const root = element.shadowRoot!;
  const parts = [...root.querySelectorAll('[part]')].map((e) => e.getAttribute('part'));
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const text: string[] = [];
  while (walker.nextNode()) text.push(squash(walker.currentNode.textContent));
  return { parts, text: text.filter(Boolean) };
}

/** Paste what the clipboard holds, the way a person does: Ctrl+V into a text field. */
async function paste(): Promise<string> {
  const area = document.createElement('textarea');
  area.setAttribute('aria-label', 'Pasted');
  document.body.append(area);
  area.focus();
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'KeyV' });
  await sendKeys({ up: 'Control' });
  area.remove();
  return area.value;
}

/** The copy button pressed from the keyboard: a real key press, so the clipboard may be written. */
async function copy(b: EmbedBuilderElement): Promise<string> {
  part(b, 'copy').focus();
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => part(b, 'status').textContent === 'Copied', 'not copied');
  return paste();
}

async function openPage(query: string, [width, height] = [300, 150]): Promise<PageWindow> {
  const frame = document.createElement('iframe');
  frame.title = 'pasted snippet';
  frame.width = String(width);
  frame.height = String(height);
  frame.src = `/pages/snippet?${query}`;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  return frame.contentWindow as PageWindow;
}

afterEach(async () => {
  document.querySelectorAll('iframe').forEach((frame) => frame.remove());
  await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
});

describe('<embed-builder>', () => {
  // First in the file: a key press or a click earlier in the page would still count as a user
  // gesture, and the clipboard would not refuse.
  it('when the clipboard is refused, selects the snippet and says how to copy it', async () => {
    const b = await builder();
    expect(navigator.userActivation.isActive, 'no user gesture yet').to.be.false;
    part(b, 'copy').click();
    await waitUntil(() => part(b, 'status').textContent, 'no status');
    expect(part(b, 'status').textContent).to.contain('Ctrl+C');
    expect(part(b, 'status').getAttribute('role')).to.equal('status');
    expect(getSelection()!.toString()).to.equal(snippet(b));
    // The selection is what Ctrl+C copies.
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'KeyC' });
    await sendKeys({ up: 'Control' });
    expect(await paste()).to.equal(snippet(b));
  });

  it("links the item's share page once given where the document was published", async () => {
    const b = await builder();
    expect(part(b, 'share-link')).to.equal(null);
    expect(part(b, 'share').textContent).to.contain('npx impact-widgets publish');
    const [, second] = DEFAULT_DOCUMENT.stats;
    await choose(b, 'item', second.id);
    // A project site's folder, given without its final slash.
    await choose(b, 'share-base', 'https://cards.example.org/study');
    // The page publish writes for the item: <tag>/<id>/ under the base URL.
    expect(part<HTMLAnchorElement>(b, 'share-link').href).to.equal(
      `https://cards.example.org/study/impact-stat/${second.id}/`,
    );
    await expect(b).to.be.accessible();
    await choose(b, 'share-base', 'cards.example.org');
    expect(part(b, 'share-link')).to.equal(null);
    expect(part(b, 'share').textContent).to.contain('not an absolute http(s) URL');
  });

  it('offers every element of the bundle and previews the element itself', async () => {
    const b = await builder();
    expect([...control(b, 'element').options].map((o) => o.value)).to.deep.equal(TAGS);
    for (const tag of TAGS) {
      await choose(b, 'element', tag);
      expect(preview(b).localName).to.equal(tag);
      await rendering(preview(b));
      expect(snippet(b)).to.contain(`<${tag} `).and.contain(`</${tag}>`);
    }
  });

  it('writes the CDN script tag with the built integrity hash, module or classic', async () => {
    const b = await builder();
    expect(snippet(b).split('\n')[0]).to.equal(
      `<script type="module" src="${CDN}impact-widgets.js" integrity="${integrity['impact-widgets.js']}" crossorigin="anonymous"></script>`,
    );
    await choose(b, 'snippet', 'classic');
    expect(snippet(b).split('\n')[0]).to.equal(
      `<script defer src="${CDN}impact-widgets.iife.js" integrity="${integrity['impact-widgets.iife.js']}" crossorigin="anonymous"></script>`,
    );
  });

  it('writes the iframe snippet: the embed page for the item, titled as it, at the preview’s height, and the resize script with its hash', async () => {
    const b = await builder();
    const [, second] = DEFAULT_DOCUMENT.stats;
    await choose(b, 'item', second.id);
    await choose(b, 'theme', 'dark');
    await choose(b, 'lang', 'fr');
    await choose(b, 'data-animate', 'none');
    await choose(b, 'data-decimals', '3');
    await choose(b, 'snippet', 'iframe');
    await rendering(preview(b));
    const height = () => Math.ceil(preview(b).getBoundingClientRect().height);
    await waitUntil(
      () => snippet(b).includes(` height="${height()}"`),
      'no height from the preview',
    );

    const pasted = new DOMParser().parseFromString(snippet(b), 'text/html').body;
    expect([...pasted.children].map((e) => e.localName)).to.deep.equal(['iframe', 'script']);
    const [frame, script] = pasted.children;
    const src = new URL(frame.getAttribute('src')!);
    expect(src.href.startsWith(`${CDN}embed.html?`)).to.be.true;
    expect(Object.fromEntries(src.searchParams)).to.deep.equal({
      tag: 'impact-stat',
      id: second.id,
      lang: 'fr',
      theme: 'dark',
    });
    const digits = {
      minimumFractionDigits: second.decimals,
      maximumFractionDigits: second.decimals,
    };
    const figure = new Intl.NumberFormat('fr', { style: 'percent', ...digits });
    expect(frame.getAttribute('title')).to.equal(
      `${figure.format(second.value / 100)} ${second.label}`,
    );
    expect(frame.hasAttribute('data-impact-embed')).to.be.true;
    expect(frame.getAttribute('loading')).to.equal('lazy');
    // Width and border from attributes: a strict CSP refuses a style attribute.
    expect(frame.hasAttribute('style')).to.be.false;
    expect(script.getAttribute('src')).to.equal(`${CDN}embed-resize.js`);
    expect(script.getAttribute('integrity')).to.equal(integrity['embed-resize.js']);
    expect(script.getAttribute('crossorigin')).to.equal('anonymous');

    // The page takes none of the element's options: the preview, like the frame, leaves them out,
    // and the hint names them.
    expect(preview(b).hasAttribute('data-animate')).to.be.false;
    expect(preview(b).hasAttribute('data-decimals')).to.be.false;
    expect(part(b, 'hint').textContent).to.contain('data-animate').and.contain('data-decimals');
    await expect(b).to.be.accessible();
    await choose(b, 'snippet', 'module');
    expect(preview(b).dataset.decimals).to.equal('3');
    expect(snippet(b)).to.contain('data-decimals="3"').and.not.contain('<iframe');
    expect(part(b, 'hint').textContent).to.equal('');
  });

  it('says where to serve the embed page when the iframe shows a document of another origin', async () => {
    const b = await builder();
    await choose(b, 'snippet', 'iframe');
    // embed.html on the CDN takes no document from elsewhere: the hint says where to put it.
    expect(part(b, 'hint').textContent).not.to.contain('own origin');
    await load(b, new URL('/fixtures/study.json?hint', location.href).href);
    const hint = part(b, 'hint').textContent!;
    expect(hint).to.contain('own origin').and.contain(`serve dist/ on ${location.origin}`);
    expect(new URL(frameSrc(b)).searchParams.get('src')).to.contain('/fixtures/study.json');
    await expect(b).to.be.accessible();
  });

  it('changes the preview and the snippet with the item, theme, language and options', async () => {
    const b = await builder();
    const [, second] = DEFAULT_DOCUMENT.stats;
    await choose(b, 'item', second.id);
    expect(preview(b).dataset.id).to.equal(second.id);
    await rendering(preview(b));
    expect(preview(b).shadowRoot!.querySelector('[part~="label"]')!.textContent).to.equal(
      second.label,
    );
    expect(snippet(b)).to.contain(`data-id="${second.id}"`).and.contain(second.label);

    await choose(b, 'theme', 'dark');
    expect(preview(b).dataset.theme).to.equal('dark');
    expect(snippet(b)).to.contain('data-theme="dark"');

    await choose(b, 'data-animate', 'none');
    await choose(b, 'lang', 'fr');
    const fr = (digits: number) =>
      new Intl.NumberFormat('fr', {
        style: 'percent',
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }).format(second.value / 100);
    expect(preview(b).lang).to.equal('fr');
    const value = () =>
      squash(preview(b).shadowRoot!.querySelector('[part~="value"] .sr')?.textContent);
    await waitUntil(() => value() === fr(second.decimals ?? 1), 'the preview is not in French');
    expect(snippet(b))
      .to.contain('lang="fr"')
      .and.contain(`<strong>${fr(second.decimals ?? 1)}</strong>`);

    await choose(b, 'data-decimals', '3');
    await waitUntil(() => value() === fr(3), 'the preview did not take data-decimals');
    expect(snippet(b))
      .to.contain('data-decimals="3"')
      .and.contain(`<strong>${fr(3)}</strong>`);
    expect(snippet(b)).to.contain('data-animate="none"');
  });

  it("offers the document's languages, and writes every snippet and its fallback in the one chosen", async () => {
    const b = await builder();
    // The embedded study's one language, and the elements' own: nothing a card could not speak.
    expect([...control(b, 'lang').options].map((o) => o.value)).to.deep.equal(['en', 'fr']);
    const udhr = (await (await fetch('/test/fixtures/udhr.json')).json()) as Udhr;
    const written = JSON.stringify(multilingualDocument(udhr));
    const url = URL.createObjectURL(new Blob([written], { type: 'application/json' }));
    await load(b, url);
    expect(part(b, 'message').textContent).to.contain('Loaded');
    expect([...control(b, 'lang').options].map((o) => o.value)).to.deep.equal([
      'en',
      'fr',
      'km',
      'ar',
    ]);
    await choose(b, 'data-animate', 'none');
    await choose(b, 'lang', 'km');
    const element = new DOMParser()
      .parseFromString(snippet(b), 'text/html')
      .querySelector('impact-stat')!;
    expect(element.getAttribute('lang')).to.equal('km');
    // The figure's words as the document writes them in Khmer, and none of its other languages'.
    const fallback = squash(element.textContent);
    expect(fallback).to.contain(udhr.article3.km).and.contain(udhr.article1.km);
    for (const lang of ['en', 'fr', 'ar']) expect(fallback).not.to.contain(udhr.article3[lang]);
    // The builder's own words are English, and say so.
    expect(
      [...element.querySelectorAll('[lang]')].map((e) => [e.getAttribute('lang'), e.textContent]),
    ).to.deep.equal([['en', 'Source: ']]);
    // The preview speaks Khmer: the document gives the element its words in it.
    await waitUntil(() => shown(b, 'card')?.lang === 'km', 'the preview is not in Khmer');
    expect(squash(shown(b, 'label')?.textContent)).to.equal(udhr.article3.km);
    await waitUntil(() => part(b, 'email'), 'no email HTML');
    expect(part(b, 'email').textContent).to.contain(' lang="km"');

    await choose(b, 'snippet', 'prerendered');
    await waitUntil(() => snippet(b).includes('<template'), 'no pre-rendered card');
    expect(snippet(b)).to.match(/^<impact-stat [^>]*lang="km"/m);
    expect(snippet(b)).to.contain(udhr.article3.km);

    await choose(b, 'snippet', 'iframe');
    expect(new URL(frameSrc(b)).searchParams.get('lang')).to.equal('km');

    // A document without Khmer: the language goes back to its own, which it offers.
    await load(b, '/fixtures/study.json?case=builder-languages');
    expect(control(b, 'lang').value).to.equal('en');
    expect(new URL(frameSrc(b)).searchParams.get('lang')).to.equal('en');
    await expect(b).to.be.accessible();
  });

  it('rotates a quote through the other quotes picked, and takes its clamp and share options', async () => {
    const b = await builder();
    await choose(b, 'element', 'study-quote');
    const [first, second, third] = DEFAULT_DOCUMENT.quotes;
    const others = [...b.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="more"]')];
    expect(others.map((box) => box.value)).to.deep.equal([second.id, third.id]);
    await check(b, 'more', [third.id]);
    expect(preview(b).dataset.id).to.equal(`${first.id} ${third.id}`);
    expect(snippet(b)).to.contain(`data-id="${first.id} ${third.id}"`);
    await rendering(preview(b));
    expect(squash(shown(b, 'text')!.textContent)).to.equal(first.text);
    // The preview is the element at work: its next quote is the one picked.
    shown(b, 'controls')!.querySelectorAll('button')[2].click();
    await waitUntil(() => squash(shown(b, 'text')!.textContent) === third.text, 'no next quote');
    // Without the script nothing rotates: the fallback is the quote shown first.
    const fallback = part(b, 'preview').querySelector('study-quote > blockquote')!;
    expect(squash(fallback.textContent)).to.equal(first.text);
    expect(snippet(b)).not.to.contain(third.author);

    await choose(b, 'data-clamp', '3');
    await check(b, 'data-share', ['email', 'copy']);
    expect(snippet(b)).to.contain('data-clamp="3"').and.contain('data-share="copy email"');
    await rendering(preview(b));
    const share = shown(b, 'share')!;
    expect(share.querySelector<HTMLAnchorElement>('a[href^="mailto:"]')).not.to.equal(null);
    await check(b, 'data-share', []);
    expect(snippet(b)).not.to.contain('data-share');
    await expect(b).to.be.accessible();
  });

  it('says when a call to action would have no button, until it has an endpoint or a link', async () => {
    const b = await builder();
    await choose(b, 'element', 'fundraise-cta');
    // The embedded study's call to action names neither: the partner has to.
    const [cta] = DEFAULT_DOCUMENT.ctas;
    expect([cta.button.href, cta.signup?.endpoint]).to.deep.equal([undefined, undefined]);
    await rendering(preview(b));
    const hint = () => part(b, 'hint').textContent!;
    expect(hint()).to.contain('No button').and.contain('data-endpoint').and.contain('data-href');
    expect(part(b, 'hint').getAttribute('role')).to.equal('status');
    expect(shown(b, 'button')).to.equal(null);
    await expect(b).to.be.accessible();

    const give = 'https://partner.example/give';
    await choose(b, 'data-href', give);
    expect(hint()).to.equal('');
    await rendering(preview(b));
    expect(shown(b, 'button')!.localName).to.equal('a');
    expect(shown(b, 'button')!.getAttribute('href')).to.equal(give);
    // The same link in the fallback, for readers without the script.
    expect(snippet(b))
      .to.contain(`data-href="${give}"`)
      .and.contain(`<a href="${give}">${cta.button.label}</a>`);

    await choose(b, 'data-href', '');
    await choose(b, 'data-endpoint', new URL('/api/signups', location.href).href);
    expect(hint()).to.equal('');
    await rendering(preview(b));
    expect(shown(b, 'button')!.localName).to.equal('button');
    expect(snippet(b)).not.to.contain('<a ');

    // A link the element refuses is no link: the hint is back, and the fallback links nowhere.
    await choose(b, 'data-endpoint', '');
    await choose(b, 'data-href', 'javascript:alert(1)');
    expect(hint()).to.contain('No button');
    expect(snippet(b)).to.contain('data-href="javascript:alert(1)"').and.not.to.contain('<a ');
  });

  it('lists the items of a document loaded from a JSON URL, and cites it by absolute URL', async () => {
    const b = await builder();
    const url = '/fixtures/study.json?case=builder-list&from=builder';
    await load(b, url);
    const options = [...control(b, 'item').options].map((o) => o.value);
    expect(options).to.deep.equal(study.stats.map((s) => s.id));
    const absolute = new URL(url, location.href).href;
    expect(preview(b).dataset.src).to.equal(absolute);
    expect(snippet(b)).to.contain(`data-src="${absolute.replace('&', '&amp;')}"`);
    await rendering(preview(b));
    expect(squash(preview(b).shadowRoot!.textContent)).to.contain(study.stats[0].label);
  });

  it('says why a URL did not load, and keeps the last good document, item and snippet', async () => {
    const b = await builder();
    await load(b, '/fixtures/study.json?case=builder-broken');
    await choose(b, 'item', 'budget');
    const before = snippet(b);
    for (const broken of ['/fixtures/status/404', '/fixtures/malformed.json?case=builder']) {
      await load(b, broken);
      expect(part(b, 'message').textContent).to.contain('did not load').and.contain(broken);
      expect(snippet(b)).to.equal(before);
      expect(control(b, 'item').value).to.equal('budget');
      expect(preview(b).dataset.id).to.equal('budget');
    }
    expect(part(b, 'message').textContent).to.contain('not JSON');
    await expect(b).to.be.accessible();
  });

  it('escapes the document text in the snippet, which then pastes as text', async () => {
    const b = await builder();
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      await load(b, '/fixtures/hostile/markup');
      await waitUntil(() => part(b, 'warning').textContent, 'the preview did not warn');
    } finally {
      console.warn = warn;
    }
    // The element's own console warning, passed on to the person building the snippet.
    expect(warnings).to.have.length(1);
    expect(part(b, 'warning').textContent).to.contain(warnings[0]);
    const text = snippet(b);
    expect(text).to.contain('&lt;script&gt;window.pwned = 1&lt;/script&gt;');
    expect(text).not.to.contain('<script>window').and.not.to.contain('href="javascript:');
    const page = await openPage(`script=blocked&html=${encodeURIComponent(text)}`);
    const stat = page.document.querySelector('impact-stat')!;
    expect(stat.textContent).to.contain('<script>window.pwned = 1</script>');
    expect(stat.querySelector('script, img, a, iframe')).to.equal(null);
    expect('pwned' in page).to.be.false;

    // A quote without a source of its own cites the study, whose title here is markup.
    await choose(b, 'element', 'study-quote');
    await choose(b, 'item', 'second-voice');
    const quoted = snippet(b);
    expect(quoted).to.contain('&lt;iframe src="javascript:window.pwned = 4"&gt;&lt;/iframe&gt;');
    expect(quoted).not.to.contain('<iframe');
    const quotePage = await openPage(`script=blocked&html=${encodeURIComponent(quoted)}`);
    const quote = quotePage.document.querySelector('study-quote')!;
    expect(quote.textContent).to.contain('<iframe src="javascript:window.pwned = 4"></iframe>');
    expect(quote.querySelector('script, img, iframe')).to.equal(null);
    expect('pwned' in quotePage).to.be.false;
  });

  it('copies with the Clipboard API, and says so', async () => {
    const b = await builder();
    const button = part(b, 'copy');
    button.scrollIntoView();
    const box = button.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.x + 4), Math.round(box.y + 4)] });
    await waitUntil(() => part(b, 'status').textContent === 'Copied', 'not copied');
    expect(await paste()).to.equal(snippet(b));
    // A new choice makes "Copied" untrue.
    await choose(b, 'theme', 'auto');
    expect(part(b, 'status').textContent).to.equal('');
  });

  it('works from the keyboard: an arrow key picks the next item', async () => {
    const b = await builder();
    control(b, 'item').focus();
    await sendKeys({ press: 'ArrowDown' });
    await b.updateComplete;
    expect(preview(b).dataset.id).to.equal(DEFAULT_DOCUMENT.stats[1].id);
    expect(await copy(b)).to.equal(snippet(b));
  });

  it('is accessible in light and dark', async () => {
    const b = await builder();
    await rendering(preview(b));
    await expect(b).to.be.accessible();
    await emulateMedia({ colorScheme: 'dark' });
    await choose(b, 'theme', 'dark');
    await expect(b).to.be.accessible();
  });
});

describe('the copied snippet, pasted into a blank page', () => {
  for (const tag of TAGS) {
    for (const script of ['module', 'classic']) {
      it(`<${tag}> from the ${script} script renders as the preview, integrity checked`, async () => {
        const b = await builder();
        await choose(b, 'element', tag);
        await load(b, `/fixtures/study.json?case=pasted-${tag}-${script}`);
        await choose(b, 'item', CASES[tag].id);
        await choose(b, 'theme', 'dark');
        await choose(b, 'lang', 'fr');
        await choose(b, 'snippet', script);
        await chooseAll(b, CASES[tag].choices);
        const copied = await copy(b);
        expect(copied).to.equal(snippet(b));

        expect(copied).to.contain(CDN);
        const pasted = copied.replace(CDN, '/built/');
        const page = await openPage(`csp=strict&html=${encodeURIComponent(pasted)}`);
        const element = page.document.querySelector(tag)!;
        expect(await rendering(element)).to.deep.equal(await rendering(preview(b)));
        expect(page.record).to.deep.equal({ warnings: [], errors: [], violations: [] });

        // The same page with a hash that does not match: the browser refuses the script. (From its
        // own URL: Chromium remembers the refusal for the URL, across the pages of this test run.)
        const wrong = Object.values(integrity).find((hash) => !pasted.includes(hash))!;
        const tampered = pasted.replace(/sha384-[^"]+/, wrong).replace('.js"', '.js?tampered"');
        const refused = await openPage(`html=${encodeURIComponent(tampered)}`);
        expect(refused.customElements.get(tag)).to.equal(undefined);
      });
    }

    it(`<${tag}>'s fallback content reads as the item when no script runs`, async () => {
      const b = await builder();
      await choose(b, 'element', tag);
      await load(b, `/fixtures/study.json?case=fallback-${tag}`);
      await choose(b, 'item', CASES[tag].id);
      await choose(b, 'lang', 'fr');
      await chooseAll(b, CASES[tag].choices);
      const page = await openPage(`script=blocked&html=${encodeURIComponent(snippet(b))}`);
      const element = page.document.querySelector(tag)!;
      expect(page.customElements.get(tag)).to.equal(undefined);
      CASES[tag].reads(element, study);
    });
  }
});

describe('the copied iframe snippet, pasted into a blank strict-CSP page', () => {
  for (const tag of TAGS) {
    it(`<${tag}>: the preview's item, titled as it, sized by embed-resize.js within 2 px`, async () => {
      // Nothing counts up or rotates: the frame and the preview can be compared at any moment.
      await emulateMedia({ reducedMotion: 'reduce' });
      const b = await builder();
      await choose(b, 'element', tag);
      await load(b, `/fixtures/study.json?case=iframe-${tag}`);
      await choose(b, 'item', CASES[tag].id);
      await choose(b, 'theme', 'dark');
      await choose(b, 'lang', 'fr');
      // Options the iframe cannot carry: the preview leaves them out as the frame does.
      await chooseAll(b, CASES[tag].choices);
      await choose(b, 'snippet', 'iframe');
      const expected = await rendering(preview(b));
      await waitUntil(() => / height="\d+"/.test(snippet(b)), 'no height from the preview');
      const copied = await copy(b);
      expect(copied).to.equal(snippet(b));

      // The partner's column as wide as the preview: the height measured there is the card's here.
      const width = Math.round(preview(b).getBoundingClientRect().width);
      const pasted = copied.replaceAll(CDN, '/built/');
      const page = await openPage(`csp=strict&html=${encodeURIComponent(pasted)}`, [
        width + 16,
        1200,
      ]);
      // In view, or the lazy frame would not load.
      page.frameElement!.scrollIntoView();
      const frame = page.document.querySelector<HTMLIFrameElement>('iframe[data-impact-embed]')!;
      expect(frame.title).to.equal(CASES[tag].title(study));
      await waitUntil(() => frame.contentDocument?.querySelector(tag), 'the frame shows no card', {
        timeout: 8000,
      });
      const element = frame.contentDocument!.querySelector(tag)!;
      expect(await rendering(element)).to.deep.equal(expected);
      expect(frame.offsetWidth).to.equal(page.document.body.clientWidth);
      expect(page.getComputedStyle(frame).borderTopWidth).to.equal('0px');

      // embed-resize.js wrote the height (the frame's attribute alone sets none), to the card's.
      const fits = () =>
        frame.style.height !== '' &&
        Math.abs(frame.clientHeight - element.getBoundingClientRect().height) <= 2;
      await waitUntil(fits, 'embed-resize.js did not size the frame to its card', {
        timeout: 8000,
      });
      const root = frame.contentDocument!.documentElement;
      expect(root.scrollHeight).to.be.at.most(root.clientHeight);
      // The height the snippet came with was already the card's.
      expect(Math.abs(Number(frame.getAttribute('height')) - frame.clientHeight)).to.be.at.most(2);
      expect(page.record).to.deep.equal({ warnings: [], errors: [], violations: [] });
    });
  }
});

describe('the copied pre-rendered snippet', () => {
  for (const tag of TAGS) {
    it(`<${tag}>: is what npx impact-widgets snapshot prints, shows its styled card without script, and is taken over in place`, async () => {
      // The shipped elements' card: the one a partner's builder copies, its templates minified.
      const [b, command] = await builtCard(tag, 'prerendered');
      await choose(b, 'snippet', 'prerendered');
      await waitUntil(() => snippet(b), 'no snippet from the preview’s card');
      const copied = await copy(b);
      expect(copied).to.equal(snippet(b));

      // The command's snippet for the same document, item, language and theme, its stylesheet on
      // this server; then the script tag.
      const printed = await snapshotOf(command);
      const text = copied.replaceAll(CDN, '/built/');
      expect(text).to.equal(
        `${printed}<script type="module" src="/built/impact-widgets.js" integrity="${integrity['impact-widgets.js']}" crossorigin="anonymous"></script>`,
      );

      // No script under the strict CSP: the card, styled by its stylesheet, integrity checked.
      const off = await openBuiltPage(pastedPage(text, { csp: 'strict', script: 'blocked' }));
      const still = off.document.querySelector(tag)!;
      expect(!!off.customElements.get(tag), 'a script ran').to.be.false;
      expect(!!still.shadowRoot!.querySelector('link')!.sheet, 'the stylesheet').to.be.true;
      const prerendered = look(still);

      // The bundle 1.5 s late: the element takes the card over, in place, styled as it was.
      const late = text.replace(
        'src="/built/impact-widgets.js"',
        `src="${fresh('/built/impact-widgets.js?delay=1500')}"`,
      );
      await expectTakenOver(late, tag, prerendered);
    });
  }

  it('pins its stylesheet: the browser refuses a changed one', async () => {
    const b = await builder();
    await choose(b, 'snippet', 'prerendered');
    await waitUntil(() => snippet(b), 'no snippet from the preview’s card');
    const text = snippet(b).replaceAll(CDN, '/built/');
    expect(text).to.contain(
      `href="/built/impact-widgets.css" integrity="${integrity['impact-widgets.css']}" crossorigin="anonymous"`,
    );
    const sheet = async (html: string) => {
      const page = await openBuiltPage(pastedPage(html, { csp: 'strict', script: 'blocked' }));
      return !!page.document.querySelector('impact-stat')!.shadowRoot!.querySelector('link')!.sheet;
    };
    expect(await sheet(text), 'as built').to.be.true;
    // Another file's hash, at a URL of its own: Chromium remembers a refusal for the URL.
    const tampered = text
      .replace(integrity['impact-widgets.css'], integrity['impact-widgets.js'])
      .replace('impact-widgets.css"', 'impact-widgets.css?tampered"');
    expect(await sheet(tampered), 'tampered').to.be.false;
  });

  it('leaves out what needs a browser, and says so', async () => {
    const b = await builder();
    await choose(b, 'element', 'study-quote');
    await choose(b, 'data-clamp', '2');
    await check(b, 'data-share', ['copy', 'email']);
    await choose(b, 'snippet', 'prerendered');
    await waitUntil(() => snippet(b), 'no snippet from the preview’s card');
    // The preview shows them, live; the card in the snippet has neither the share controls (they
    // carry the page's address) nor what the script sets after rendering.
    expect(shown(b, 'share')).not.to.equal(null);
    const template = /<template[\s\S]*<\/template>/.exec(snippet(b))![0];
    expect(template).to.contain('part="card"').and.contain('class="more"');
    expect(template)
      .not.to.contain('part="share"')
      .and.not.to.match(/\s(style|hidden)\b/);
    // The element keeps them, for the card the script takes over.
    expect(snippet(b)).to.contain('data-share="copy email"').and.contain('data-clamp="2"');
    expect(part(b, 'hint').textContent).to.contain('share controls').and.contain('style-src');
    await expect(b).to.be.accessible();
  });
});

/** A copy button of the builder's cards pressed from the keyboard, and what the clipboard then holds. */
async function copyPart(b: EmbedBuilderElement, name: 'email' | 'alt'): Promise<string> {
  part(b, `copy-${name}`).focus();
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => part(b, `${name}-status`).textContent === 'Copied', `${name} not copied`);
  return paste();
}

/** What the command says when it refuses, after `impact-widgets: <tag>: `. */
async function refusalOf(params: Record<string, string>): Promise<string> {
  const response = await fetch(`/api/snapshot?${new URLSearchParams(params)}`);
  const stderr = await response.text();
  expect(response.status, stderr).to.equal(422);
  return stderr.trim().replace(/^impact-widgets: <[a-z-]+>: /, '');
}

/** A PNG's width and height, from its IHDR chunk, right after the 8-byte signature. */
async function pngSize(url: string): Promise<[number, number]> {
  const response = await fetch(url);
  expect(response.headers.get('content-type')).to.equal('image/png');
  const bytes = new DataView(await response.arrayBuffer());
  expect(bytes.getUint32(0)).to.equal(0x89504e47);
  expect(bytes.getUint32(12)).to.equal(0x49484452); // "IHDR"
  return [bytes.getUint32(16), bytes.getUint32(20)];
}

describe('the email and image cards in the builder', () => {
  for (const tag of TAGS) {
    it(`<${tag}>: copies the email HTML that npx impact-widgets snapshot --as email prints`, async () => {
      // The shipped elements' card, its templates minified as the command's are.
      const [b, command] = await builtCard(tag, 'email');
      await waitUntil(() => b.shadowRoot!.querySelector('[part~="email"]'), 'no email HTML');
      const printed = await snapshotOf({ ...command, as: 'email' });
      expect(await copyPart(b, 'email')).to.equal(printed);
    });
  }

  it("refuses a call to action's email without a link, in the command's words, until it has one", async () => {
    const b = await builder();
    // The embedded study's call to action has a sign-up and no button.href.
    await choose(b, 'element', 'fundraise-cta');
    await waitUntil(() => b.shadowRoot!.querySelector('[part~="email-refused"]'), 'not refused');
    const reason = await refusalOf({ tag: 'fundraise-cta', as: 'email' });
    expect(part(b, 'email-refused').textContent).to.contain(reason);
    // No control that would do nothing.
    expect(b.shadowRoot!.querySelector('[part~="copy-email"], [part~="email"]')).to.equal(null);
    await expect(b).to.be.accessible();

    await choose(b, 'data-href', 'https://example.org/give');
    await waitUntil(() => b.shadowRoot!.querySelector('[part~="email"]'), 'no email HTML');
    const email = new DOMParser().parseFromString(part(b, 'email').textContent!, 'text/html');
    const links = [...email.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).to.include('https://example.org/give');
    expect(await copyPart(b, 'email')).to.equal(part(b, 'email').textContent);
    await expect(b).to.be.accessible();
  });

  it('says that an email or an image needs light or dark, for theme auto', async () => {
    const b = await builder();
    await choose(b, 'theme', 'auto');
    const refused = part(b, 'cards-refused').textContent!;
    expect(refused).to.contain('theme "auto"').and.contain('light or dark');
    const controls = '[part~="copy-email"], [part~="download-png"], [part~="download-svg"]';
    expect(b.shadowRoot!.querySelector(controls)).to.equal(null);
    await expect(b).to.be.accessible();
  });

  it('links the PNG and the SVG the server draws, at the width chosen, with the alt text the command gives', async () => {
    const b = await builder();
    await choose(b, 'theme', 'dark');
    await waitUntil(() => b.shadowRoot!.querySelector('[part~="download-png"]'), 'no image');
    const png = part<HTMLAnchorElement>(b, 'download-png');
    const svg = part<HTMLAnchorElement>(b, 'download-svg');
    for (const link of [png, svg]) {
      expect(link.hasAttribute('download'), 'a download link').to.be.true;
      link.focus();
      expect(b.shadowRoot!.activeElement, 'reached from the keyboard').to.equal(link);
    }
    expect(await pngSize(png.href)).to.deep.equal([1200, 630]);
    const drawn = new DOMParser().parseFromString(
      await (await fetch(svg.href)).text(),
      'image/svg+xml',
    );
    expect(drawn.querySelector('parsererror')).to.equal(null);
    expect(drawn.documentElement.getAttribute('width')).to.equal('1200');

    // The command's own image of the same card carries the alt text as its title.
    const printed = new DOMParser().parseFromString(
      await snapshotOf({ tag: 'impact-stat', theme: 'dark', lang: 'en', as: 'svg' }),
      'image/svg+xml',
    );
    const alt = printed.querySelector('title')!.textContent!;
    expect(alt).to.contain(DEFAULT_DOCUMENT.stats[0].label);
    expect(part(b, 'alt').textContent).to.equal(alt);
    expect(await copyPart(b, 'alt')).to.equal(alt);

    // A newsletter's width, picked from the keyboard.
    part(b, 'image-width').focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(
      () => part<HTMLAnchorElement>(b, 'download-png')?.href.includes('width=600'),
      'the width did not change',
    );
    expect(await pngSize(part<HTMLAnchorElement>(b, 'download-png').href)).to.deep.equal([
      600, 315,
    ]);
    await expect(b).to.be.accessible();
  });

  it('says why the server draws no image: a document it does not serve', async () => {
    const b = await builder();
    // Served by a route of the test server, not from a file: the endpoint reads files only.
    await load(b, '/fixtures/study.json?case=image-refused');
    await waitUntil(
      () => /^No image/.test(part(b, 'image-status')?.textContent ?? ''),
      'no reason',
    );
    expect(part(b, 'image-status').textContent).to.contain('this server has no such document');
    expect(b.shadowRoot!.querySelector('[part~="download-png"]')).to.equal(null);
    await expect(b).to.be.accessible();
  });
});

/** Pastes text into the builder's paste box and has it read, its button pressed from the keyboard. */
async function readPasted(b: EmbedBuilderElement, text: string): Promise<string> {
  b.shadowRoot!.querySelector('textarea')!.value = text;
  b.shadowRoot!.querySelector<HTMLButtonElement>('.paste button')!.focus();
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => part(b, 'recognised').textContent, 'nothing was said about the paste');
  await b.updateComplete;
  return part(b, 'recognised').textContent!;
}

describe('sign-up services in the builder', () => {
  it('offers every service the element knows, and the consent, privacy, contact and field options', async () => {
    const b = await builder();
    await choose(b, 'element', 'fundraise-cta');
    const offered = [...control(b, 'data-provider').options].map((o) => o.value).filter(Boolean);
    expect(offered).to.deep.equal(Object.keys(SERVICES));
    await choose(b, 'data-endpoint', new URL('/api/signups', location.href).href);
    // Each is a provider the element itself knows: it warns of none as unknown.
    for (const provider of offered) {
      await choose(b, 'data-provider', provider);
      await rendering(preview(b));
      await b.updateComplete;
      expect(part(b, 'warning').textContent, provider).not.to.contain('unknown');
    }
    await choose(b, 'data-provider', 'formspree');
    const words = 'Yes, email me about starting a fundraiser.';
    await choose(b, 'data-consent', words);
    await choose(b, 'data-privacy-url', 'https://partner.example/privacy');
    await choose(b, 'data-contact-url', 'mailto:team@partner.example');
    await choose(b, 'data-fields', 'name:full_name');
    await rendering(preview(b));
    shown(b, 'button')!.click();
    await waitUntil(() => shown(b, 'checkbox'), 'the preview asks for no consent');
    const label = preview(b).shadowRoot!.querySelector('label[for="consent"]')!;
    expect(label.textContent).to.equal(words);
    expect(shown(b, 'privacy')!.getAttribute('href')).to.equal('https://partner.example/privacy');
    expect(snippet(b))
      .to.contain(`data-consent="${words}"`)
      .and.contain('data-privacy-url="https://partner.example/privacy"')
      .and.contain('data-contact-url="mailto:team@partner.example"')
      .and.contain('data-fields="name:full_name"');
    await expect(b).to.be.accessible();
  });

  it("reads each service's embed code or form URL into the provider, endpoint and field map, and says what it left", async () => {
    const b = await builder();
    await choose(b, 'element', 'fundraise-cta');
    expect(part(b, 'recognised').getAttribute('role')).to.equal('status');
    expect(await readPasted(b, '   ')).to.contain('Paste');
    for (const embed of EMBEDS) {
      const which = `${embed.provider} ${embed.what}`;
      const said = await readPasted(b, embed.pasted);
      expect(said, which).to.contain(`Recognised ${SERVICES[embed.provider].label}:`);
      expect(control(b, 'data-provider').value, which).to.equal(embed.provider);
      expect(control(b, 'data-endpoint').value, which).to.equal(embed.endpoint);
      // An earlier paste's form name and field map do not stay behind.
      expect(control(b, 'data-form-name').value, which).to.equal(embed.formName ?? '');
      const map = fieldMap(control(b, 'data-fields').value);
      if (embed.email) expect(map.email ?? 'email', which).to.equal(embed.email);
      if (embed.name) expect(map.name ?? 'name', which).to.equal(embed.name);
      if (!embed.email && !embed.name) expect(map, which).to.deep.equal({});
      for (const left of embed.left ?? []) expect(said, which).to.contain(left);
      if (!embed.left) expect(said, which).not.to.contain('Not carried over');
      expect(snippet(b), which)
        .to.contain(`data-provider="${embed.provider}"`)
        .and.contain(`data-endpoint="${embed.endpoint.replaceAll('&', '&amp;')}"`);
      const hint = part(b, 'hint').textContent!;
      expect(hint.includes('hides its answers'), which).to.equal(
        'opaque' in SERVICES[embed.provider],
      );
      expect(hint.includes('hidden form'), which).to.equal(embed.provider === 'netlify');
    }
    // Something it does not know changes nothing, and says so.
    const before = snippet(b);
    const said = await readPasted(b, 'https://example.org/newsletter/subscribe');
    expect(said)
      .to.match(/^Not recognised/)
      .and.contain('https://example.org/newsletter/subscribe');
    expect(snippet(b)).to.equal(before);
    expect(await readPasted(b, '<p>Join our list!</p>')).to.match(/^Not recognised: it holds no/);
    expect(snippet(b)).to.equal(before);
    await expect(b).to.be.accessible();
  });

  it('never writes a field map that the element refuses, whatever a pasted form names its fields', async () => {
    for (const pasted of [
      '<form action="https://formspree.io/f/mqkrzabc"><input type="email" name="__proto__"><input name="name"></form>',
      '<form action="https://formspree.io/f/mqkrzabc"><input type="email" name="contact"><input name="constructor" placeholder="Your name"></form>',
      '<form action="https://app.convertkit.com/forms/6108001/subscriptions"><input type="email" name="prototype"><input name="first_name"></form>',
      // A Google Form whose email question was not found: its name alone would send no email.
      '<form action="https://docs.google.com/forms/d/e/1FAIpQLSdExample/formResponse"><input name="entry.2222" aria-label="Your name"></form>',
    ]) {
      const { options, said } = readPaste(pasted);
      expect(said, pasted).to.match(/^Recognised/);
      const page = watchPage();
      try {
        const el = document.createElement('fundraise-cta');
        el.setAttribute('data-heading', 'Join');
        for (const [name, value] of Object.entries(options)) {
          if (value) el.setAttribute(name, value);
        }
        const holder = await fixture<HTMLDivElement>(html`<div></div>`);
        holder.append(el);
        await el.updateComplete;
        expect(
          page.warnings.filter((warning) => warning.includes('data-fields "')),
          pasted,
        ).to.deep.equal([]);
      } finally {
        page.stop();
      }
    }
  });

  it('reads pasted HTML without running or loading any of it, and shows its words as text', async () => {
    const b = await builder();
    await choose(b, 'element', 'fundraise-cta');
    const probe = `/fixtures/status/204?probe=${Date.now()}`;
    const hostile = '<img src=x onerror="window.pwned = 4">';
    const said = await readPasted(
      b,
      `<img src="${probe}-img" onerror="window.pwned = 1"><script>window.pwned = 2</script>
<script src="${probe}-script"></script><link rel="stylesheet" href="${probe}-style">
<iframe src="${probe}-frame"></iframe><object data="${probe}-object"></object>
<form action="https://formspree.io/f/mqkrzabc" onsubmit="window.pwned = 3">
  <input type="hidden" name='${hostile}' value="x">
  <input type="email" name="email" autofocus onfocus="window.pwned = 5"><input name="name">
</form>`,
    );
    expect(said).to.contain('Recognised Formspree').and.contain(hostile);
    expect(part(b, 'recognised').children).to.have.length(0);
    // A request of the test's own, made after the paste was read: once it has arrived, any request
    // the paste had made would have arrived too.
    await fetch(`${probe}-control`);
    expect(await hits(`${probe}-control`)).to.equal(1);
    for (const what of ['img', 'script', 'style', 'frame', 'object']) {
      expect(await hits(`${probe}-${what}`), what).to.equal(0);
    }
    expect('pwned' in window).to.be.false;
    expect(document.querySelector(`[src^="${probe}"]`)).to.equal(null);
    expect(b.shadowRoot!.querySelector(`[src^="${probe}"], iframe, object, img`)).to.equal(null);
  });

  for (const embed of EMBEDS) {
    it(`${embed.provider} ${embed.what}: the snippet signs up at the service's stand-in, under the pasted names`, async () => {
      const { origin } = await (await fetch('/fixtures/services')).json();
      const b = await builder();
      await choose(b, 'element', 'fundraise-cta');
      await readPasted(b, embed.pasted);
      const netlify = embed.provider === 'netlify';
      if (netlify) await choose(b, 'data-consent', 'Yes, email me about starting a fundraiser.');
      // The one change: the service's own address, as the builder wrote it, for its stand-in's.
      const endpoint = control(b, 'data-endpoint').value;
      await choose(b, 'data-endpoint', standIn(endpoint, embed.provider, origin));
      const pasted = snippet(b).replace(CDN, '/built/');
      const page = await openPage(`csp=services&html=${encodeURIComponent(pasted)}`);
      const email = uniqueEmail(`builder-${embed.provider}`);
      const event = await signUpThrough(
        page.document.querySelector('fundraise-cta')!,
        email,
        'Grace Hopper',
      );
      expect(event.type).to.equal('impact-signup');
      expect(event.detail.delivery).to.equal(
        'opaque' in SERVICES[embed.provider] ? 'opaque' : 'confirmed',
      );
      const posts = (await serviceLog(email.split('@')[0])).filter((r) => r.method === 'POST');
      expect(posts).to.have.length(1);
      const fields = sentFields(posts[0]);
      expect(fields[embed.email ?? 'email']).to.equal(email);
      if (embed.name) expect(fields[embed.name]).to.equal('Grace Hopper');
      expect(page.record).to.deep.equal({ warnings: [], errors: [], violations: [] });
      if (netlify) {
        // Netlify keeps only the fields its hidden copy of the form lists: it must list them all.
        const copy = page.document.querySelector<HTMLFormElement>('form[data-netlify="true"]')!;
        expect(copy.hidden).to.be.true;
        expect(copy.getAttribute('name')).to.equal(fields['form-name']);
        expect(copy.getAttribute('netlify-honeypot')).to.equal('bot-field');
        const listed = [...copy.querySelectorAll('input')].map((input) => input.name);
        expect(listed.sort()).to.deep.equal(Object.keys(fields).sort());
        expect(listed).to.include('consent').and.include(embed.name!);
        // Beside the element in the snippet; the preview, which would show nothing of it, has the
        // element alone.
        expect(snippet(b).endsWith('</form>')).to.be.true;
        expect(part(b, 'preview').children).to.have.length(1);
      }
    });
  }
});

describe('the built builder page', () => {
  it('runs the one copy of the elements, from the bundle beside it', async () => {
    const [built, page] = await builtBuilder();
    await rendering(preview(built));
    // A second copy of the elements would have warned that <impact-stat> is already defined.
    expect(page.record).to.deep.equal({ warnings: [], errors: [], violations: [] });
    expect(snippet(built)).to.contain(`${CDN}impact-widgets.js`);
    expect(snippet(built)).to.contain(integrity['impact-widgets.js']);
    // And none of the package's code inside: not the elements, the loader or the default study.
    const code = await (await fetch('/built/builder/embed-builder.js')).text();
    expect(code).to.contain('from"../impact-widgets.js"');
    for (const marker of [
      'data-baseline-label',
      'credentials:"omit"',
      DEFAULT_DOCUMENT.study.title,
    ]) {
      expect(code).not.to.contain(marker);
    }
  });
});
