/**
 * A multilingual document's pre-rendered cards (test/fixtures/languages.json: UDHR Articles 1 and
 * 3 in en, fr, km and ar), taken over by the live bundle in Chromium. The snippet is rendered by
 * Node (the snapshot command), whose ICU has Khmer, and the live card by Chromium, whose Intl has
 * none: each shows the same words, in the same language, and the light-DOM words readers without
 * the template see carry the card's `lang` and `dir`.
 *
 * The elements ship no Khmer or Arabic words, and we write none: the document's `messages` here
 * give each English word in brackets ("[Source:]", test/marked-words.mjs), markers around the
 * organisation's real texts, never a translation.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { closePages, fresh, openPage, part, TAGS } from '../hardening/built-page.js';
import { bundle, openUntilParsed, pasted, snapshotOf } from './pasted.js';

type Texts = Record<string, string>;
interface Fixture {
  stats: { id: string; label: Texts; figure: Texts }[];
  quotes: { id: string; text: Texts; date: string }[];
  ctas: { id: string; heading: Texts }[];
}

const LANGS = ['en', 'fr', 'km', 'ar'];
const MARKED = '/fixtures/languages.json?marked=km,ar';

let fixture: Fixture;
before(async () => {
  fixture = (await (await fetch('/fixtures/languages.json')).json()) as Fixture;
});
afterEach(closePages);

/** Each element's item, and the organisation's text its card must show in `lang`. */
const ITEMS: Record<string, [id: () => string, text: (lang: string) => string]> = {
  'impact-stat': [() => fixture.stats[0]!.id, (lang) => fixture.stats[0]!.label[lang]!],
  'study-quote': [() => fixture.quotes[0]!.id, (lang) => fixture.quotes[0]!.text[lang]!],
  'fundraise-cta': [() => fixture.ctas[0]!.id, (lang) => fixture.ctas[0]!.heading[lang]!],
};

const collapse = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
/** What a card says about its language: its `lang` and `dir`, as one string. */
const speech = (node: Element | null) =>
  `lang=${node?.getAttribute('lang') ?? ''} dir=${node?.getAttribute('dir') ?? ''}`;
const RTL = new Set(['ar']);

describe('a multilingual document, pre-rendered in each of its languages', () => {
  for (const tag of TAGS) {
    for (const lang of LANGS) {
      it(`<${tag}> in ${lang}: the light DOM speaks as the card does, and the live card says the same`, async () => {
        const [id, text] = ITEMS[tag]!;
        const src = fresh(MARKED);
        const html = await snapshotOf({ tag, src, id: id(), lang });

        // Without script: the card, and the light-DOM words, in the card's language.
        const off = await openPage(pasted(html, { script: 'blocked' }));
        const el = off.document.querySelector(tag)!;
        const card = part(el, 'card');
        const words = el.querySelector(':scope > div');
        expect(speech(card), 'the card').to.equal(`lang=${lang} dir=${RTL.has(lang) ? 'rtl' : ''}`);
        expect(speech(words), 'the light-DOM words').to.equal(speech(card));
        expect(collapse(card?.textContent), 'the card').to.include(text(lang));
        expect(collapse(words?.textContent), 'the light-DOM words').to.include(text(lang));
        const still = collapse(card?.textContent);

        // With the bundle, late: the live card (Chromium's Intl) takes over, saying the same.
        const page = await openUntilParsed(pasted(html + bundle(800), { csp: 'strict' }));
        const live = page.document.querySelector(tag)!;
        const first = part(live, 'card');
        await waitUntil(() => page.customElements.get(tag), 'the bundle never came', {
          timeout: 8000,
        });
        await waitUntil(() => part(live, 'card') !== first, 'the card was not taken over', {
          timeout: 5000,
        });
        const taken = part(live, 'card');
        expect(speech(taken), 'the live card').to.equal(speech(card));
        expect(collapse(taken?.textContent), 'the live card').to.equal(still);
        expect(page.record.warnings, 'warnings').to.deep.equal([]);
      });
    }
  }

  it("a Khmer stat shows the study's own Khmer figure, in Node's snippet and Chromium's card alike", async () => {
    const [stat] = fixture.stats;
    const html = await snapshotOf({ tag: 'impact-stat', src: fresh(MARKED), lang: 'km' });
    const page = await openUntilParsed(pasted(html + bundle(800)));
    const el = page.document.querySelector('impact-stat')!;
    const value = () => collapse(part(el, 'value')?.querySelector('.sr')?.textContent);
    expect(value(), 'the snippet').to.equal(stat!.figure.km);
    const first = part(el, 'card');
    await waitUntil(() => part(el, 'card') !== first, 'the card was not taken over', {
      timeout: 8000,
    });
    expect(value(), 'the live card').to.equal(stat!.figure.km);
    // No other language's card borrows it: each shows its own formatted value.
    const english = await snapshotOf({ tag: 'impact-stat', src: fresh(MARKED), lang: 'en' });
    const percent = new Intl.NumberFormat('en', {
      style: 'percent',
      minimumFractionDigits: 1,
    }).format(0.022);
    expect(english).to.include(`<p>${percent}</p>`);
  });

  it('a Khmer quote names no month in English, in the snippet or the live card', async () => {
    const [quote] = fixture.quotes;
    const month = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(
      new Date(quote!.date),
    );
    const html = await snapshotOf({ tag: 'study-quote', src: fresh(MARKED), lang: 'km' });
    const page = await openUntilParsed(pasted(html + bundle(800)));
    const el = page.document.querySelector('study-quote')!;
    const date = () => collapse(part(el, 'date')?.textContent);
    const written = date();
    expect(written, 'the snippet').not.to.include(month);
    const first = part(el, 'card');
    await waitUntil(() => part(el, 'card') !== first, 'the card was not taken over', {
      timeout: 8000,
    });
    expect(date(), 'the live card').not.to.include(month);
    expect(date(), 'the live card').to.equal(written);
    // Chromium has no Khmer: its card shows the date as written, and the snippet agrees.
    expect(Intl.DateTimeFormat.supportedLocalesOf('km')).to.deep.equal([]);
    expect(date(), 'the live card').to.equal(quote!.date);
  });

  it('a Khmer page without Khmer words shows the whole card in English, marked so, with one warning', async () => {
    const src = fresh('/fixtures/languages.json');
    const page = await openPage(
      pasted(
        `<div lang="km"><impact-stat data-src="${src}" data-animate="none"></impact-stat></div>${bundle()}`,
      ),
    );
    const el = page.document.querySelector('impact-stat')!;
    await waitUntil(() => part(el, 'card'), 'no card', { timeout: 5000 });
    expect(speech(part(el, 'card'))).to.equal('lang=en dir=');
    expect(collapse(part(el, 'card')!.textContent)).to.include(fixture.stats[0]!.label.en);
    const warnings = page.record.warnings.filter((warning) => warning.includes('<impact-stat>'));
    expect(warnings.length, warnings.join('\n')).to.equal(1);
    expect(warnings[0]).to.include('"km"');
  });
});
