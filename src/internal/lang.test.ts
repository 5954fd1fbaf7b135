import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../index.js';

/** What each element says in English and in French: its words, and its controls' names. */
const SAYS = [
  {
    tag: 'impact-stat',
    markup: html`<impact-stat data-id="minors-2015" data-animate="none"></impact-stat>`,
    // The figure as Intl writes 2.2 % in each language: "2.2%", "2,2 %".
    words: (lang: string) =>
      new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(0.022),
  },
  {
    tag: 'study-quote',
    markup: html`<study-quote data-share="copy"></study-quote>`,
    words: (lang: string) => (lang === 'fr' ? 'Copier la citation' : 'Copy quote'),
  },
  {
    tag: 'fundraise-cta',
    markup: html`<fundraise-cta
      data-href="https://example.org/give"
      data-raised="2500"
      data-goal="10000"
      data-currency="USD"
    ></fundraise-cta>`,
    words: (lang: string) => (lang === 'fr' ? 'collectés sur un objectif de' : 'raised of'),
  },
];

const shown = (el: Element) =>
  [
    el.shadowRoot!.textContent,
    ...[...el.shadowRoot!.querySelectorAll('[aria-label]')].map((named) =>
      named.getAttribute('aria-label'),
    ),
  ].join(' ');

async function says(el: Element, words: string) {
  await waitUntil(() => shown(el).includes(words), `<${el.localName}> says "${words}"`, {
    timeout: 2000,
  });
}

describe('a change of language on the page', () => {
  const pageLang = document.documentElement.lang;
  afterEach(() => {
    document.documentElement.lang = pageLang;
  });

  for (const { tag, markup, words } of SAYS) {
    it(`reaches <${tag}> from <html lang>`, async () => {
      document.documentElement.lang = 'en';
      const el = await fixture(markup);
      await says(el, words('en'));
      document.documentElement.lang = 'fr';
      await says(el, words('fr'));
      expect(shown(el)).not.to.include(words('en'));
      await expect(el).to.be.accessible();
    });

    it(`reaches <${tag}> from its own lang, and from a section around it`, async () => {
      const section = await fixture(html`<section lang="en">${markup}</section>`);
      const el = section.firstElementChild!;
      await says(el, words('en'));
      el.setAttribute('lang', 'fr');
      await says(el, words('fr'));
      el.removeAttribute('lang');
      await says(el, words('en'));
      section.setAttribute('lang', 'fr');
      await says(el, words('fr'));
    });
  }

  it('is read again by an element that comes back to the page', async () => {
    const section = await fixture(html`<section lang="en">${SAYS[0]!.markup}</section>`);
    const el = section.firstElementChild!;
    await says(el, SAYS[0]!.words('en'));
    el.remove();
    section.setAttribute('lang', 'fr');
    section.append(el);
    await says(el, SAYS[0]!.words('fr'));
  });
});
