/**
 * The built bundle on a host page at its worst (test/pages/hostile.css: a reset, Bootstrap-like
 * element rules, !important rules on common class names and on the elements' own shadow class
 * names, `* { box-sizing: content-box; line-height: 3 }`, a 40px root font size, odd inherited text
 * settings on the body). The oracle is the same element on a plain page: every element of its
 * shadow tree must compute the same styles, and the documented custom properties must still
 * theme it.
 *
 * What an embed takes from its host, and what it resets, is decided in src/styles/theme.ts: it
 * takes the font family (`--impact-font`, the page's by default), the direction and the
 * visibility (a partner may hide a section); everything else inherited (size, weight, style,
 * spacing, case, alignment, white space, color, color scheme…) is reset on the card.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { input, openForm, signUpAs } from '../signup-form.js';
import { closePages, part, TAGS, type BuiltPage } from './built-page.js';
import { openQueryPage, type ElementSpec } from './query-page.js';

/** Computed styles compared between the plain and the hostile page, on every shadow element. */
const PROPS = [
  'display',
  'position',
  'box-sizing',
  'visibility',
  'overflow',
  'clip-path',
  'font-size',
  'font-weight',
  'font-style',
  'font-variant-caps',
  'font-variant-numeric',
  'line-height',
  'letter-spacing',
  'word-spacing',
  'text-transform',
  'text-align',
  'text-indent',
  'text-shadow',
  'text-decoration-line',
  'white-space-collapse',
  'text-wrap-mode',
  'word-break',
  'hyphens',
  'cursor',
  'color-scheme',
  'color',
  'background-color',
  'grid-template-columns',
  'row-gap',
  'column-gap',
  ...['top', 'right', 'bottom', 'left'].flatMap((side) => [
    `margin-${side}`,
    `padding-${side}`,
    `border-${side}-width`,
    `border-${side}-style`,
    `border-${side}-color`,
  ]),
  'border-top-left-radius',
];

/**
 * Attributes every element of a tag gets: a stat shows every figure at once (so both pages show
 * the same text), and a call to action gets an endpoint (the embedded one has none, and warns).
 */
const BASE: Record<string, Record<string, string>> = {
  'impact-stat': { 'data-animate': 'none' },
  'fundraise-cta': { 'data-endpoint': '/api/signups' },
};

interface Variant {
  name: string;
  attrs: Record<string, string>;
  width: number;
  /** What a reader does to it once rendered, on both pages alike. */
  act?: (el: HTMLElement) => Promise<unknown>;
}

/** Network and timers take their time on a busy machine. */
const PATIENT = { timeout: 5000 };

/** Each element's own states, beyond the narrow, wide, fetched and dark cards every element has. */
const OWN: Record<string, Variant[]> = {
  'study-quote': [
    // Long enough an interval that neither page moves on while the test compares them.
    {
      name: 'rotating',
      attrs: { 'data-id': 'ed-wilson sharon-cohn-wu pol-phie-they', 'data-interval': '600' },
      width: 560,
    },
    { name: 'clamped', attrs: { 'data-id': 'sharon-cohn-wu', 'data-clamp': '2' }, width: 320 },
    {
      name: 'shared',
      attrs: { 'data-id': 'ed-wilson', 'data-share': 'copy x facebook linkedin email' },
      width: 560,
    },
  ],
  'fundraise-cta': [
    {
      name: 'progress',
      attrs: { 'data-raised': '3250', 'data-goal': '5000', 'data-currency': 'USD' },
      width: 560,
    },
    { name: 'form-narrow', attrs: {}, width: 320, act: openForm },
    { name: 'form-wide', attrs: {}, width: 800, act: openForm },
    {
      name: 'invalid',
      attrs: {},
      width: 560,
      act: async (el) => {
        await openForm(el);
        signUpAs(el, '', 'not an address');
        await waitUntil(
          () => input(el, 'email').getAttribute('aria-invalid') === 'true',
          undefined,
          PATIENT,
        );
      },
    },
    {
      name: 'success',
      attrs: { 'data-guide-label': 'The guide', 'data-guide-url': 'https://example.org/guide' },
      width: 560,
      act: async (el) => {
        await openForm(el);
        signUpAs(el, 'Hostile Reader', `hostile-${Date.now()}-${++unique}@example.org`);
        await waitUntil(() => part(el, 'success'), 'the sign-up did not succeed', PATIENT);
      },
    },
  ],
};

let unique = 0;

/**
 * The same elements for both pages: a narrow and a wide card, from the default and a fetched
 * document, and dark; then each element's own states.
 */
function specs(): ElementSpec[] {
  const src = `/fixtures/study.json?case=hostile-${Date.now()}-${++unique}`;
  return TAGS.flatMap((tag) =>
    variants(tag, src).map(({ name, attrs, width }) => ({
      tag,
      attrs: { ...BASE[tag], ...attrs, id: `${tag}--${name}` },
      text: 'fallback',
      width,
    })),
  );
}

function variants(tag: string, src: string): Variant[] {
  return [
    { name: 'narrow', attrs: {}, width: 300 },
    { name: 'wide', attrs: {}, width: 800 },
    { name: 'fetched-narrow', attrs: { 'data-src': src }, width: 320 },
    { name: 'fetched-wide', attrs: { 'data-src': src }, width: 800 },
    { name: 'dark', attrs: { 'data-src': src, 'data-theme': 'dark' }, width: 560 },
    ...(OWN[tag] ?? []),
  ];
}

async function open(name: string, elements: ElementSpec[]) {
  const page = await openQueryPage(name, elements);
  const hosts = elements.map((spec) => page.document.getElementById(spec.attrs!.id)!);
  await waitUntil(
    () => hosts.every((el) => part(el, 'card')),
    `not every card rendered on ${name}`,
    {
      timeout: 8000,
    },
  );
  for (const host of hosts) {
    const [tag, variant] = host.id.split('--');
    await OWN[tag]?.find((own) => own.name === variant)?.act?.(host);
  }
  return page;
}

/** Every element of a shadow tree, named for messages. */
function shadowElements(host: Element) {
  return [...host.shadowRoot!.querySelectorAll<HTMLElement>('*')]
    .filter((el) => el.localName !== 'style')
    .map((el, i) => ({
      el,
      name: `${host.id} ${el.getAttribute('part') ?? `${el.localName}#${i}`}`,
    }));
}

/** Where the hostile page's shadow trees differ from the plain page's, as readable lines. */
function differences(plain: BuiltPage, hostile: BuiltPage, props: string[], geometry = false) {
  const found: string[] = [];
  for (const host of plain.document.querySelectorAll(TAGS.join())) {
    const expected = shadowElements(host);
    const actual = shadowElements(hostile.document.getElementById(host.id)!);
    expect(actual.map((e) => e.name)).to.deep.equal(expected.map((e) => e.name));
    expected.forEach(({ el, name }, i) => {
      const want = plain.getComputedStyle(el);
      const got = hostile.getComputedStyle(actual[i].el);
      for (const prop of props) {
        const [a, b] = [want, got].map((style) => {
          const value = style.getPropertyValue(prop);
          // Track sizes follow the text's width, so the font: without the same font, count tracks.
          return prop === 'grid-template-columns' && !geometry
            ? `${value.split(' ').length} tracks`
            : value;
        });
        if (a !== b) found.push(`${name} ${prop}: ${b}, not ${a}`);
      }
      if (geometry) {
        const [a, b] = [el.getBoundingClientRect(), actual[i].el.getBoundingClientRect()];
        if (Math.abs(a.width - b.width) > 0.5 || Math.abs(a.height - b.height) > 0.5) {
          found.push(`${name} size: ${b.width}×${b.height}, not ${a.width}×${a.height}`);
        }
      }
    });
  }
  return found;
}

const TOKENS = {
  '--impact-accent': 'rgb(0, 90, 60)',
  '--impact-on-accent': 'rgb(255, 250, 240)',
  '--impact-text': 'rgb(10, 20, 30)',
  '--impact-muted': 'rgb(70, 70, 20)',
  '--impact-surface': 'rgb(250, 240, 200)',
  '--impact-border': 'rgb(0, 0, 200)',
  '--impact-radius': '3px',
  '--impact-font': 'monospace',
};

afterEach(closePages);

describe('the built bundle on a hostile page', () => {
  let plain: BuiltPage;
  let hostile: BuiltPage;
  beforeEach(async () => {
    const elements = specs();
    [plain, hostile] = [await open('states', elements), await open('hostile', elements)];
  });

  it('applies the hostile stylesheet (or this suite proves nothing)', () => {
    const body = hostile.getComputedStyle(hostile.document.body);
    expect(body.textTransform).to.equal('uppercase');
    expect(hostile.getComputedStyle(hostile.document.documentElement).fontSize).to.equal('40px');
    expect(plain.getComputedStyle(plain.document.body).textTransform).to.equal('none');
  });

  it('computes the same styles for every part as on a plain page', () => {
    expect(differences(plain, hostile, PROPS).join('\n')).to.equal('');
    expect(hostile.record.errors).to.deep.equal([]);
    expect(hostile.record.warnings).to.deep.equal([]);
  });

  it('takes its font family, direction and visibility from the page', () => {
    const main = hostile.document.querySelector('main')!;
    const cards = [...hostile.document.querySelectorAll(TAGS.join())].map((el) =>
      part(el, 'card')!,
    );
    for (const card of cards) {
      expect(hostile.getComputedStyle(card).fontFamily).to.equal(
        hostile.getComputedStyle(hostile.document.body).fontFamily,
      );
    }
    main.dir = 'rtl';
    main.style.visibility = 'hidden';
    for (const card of cards) {
      expect(hostile.getComputedStyle(card).direction).to.equal('rtl');
      expect(hostile.getComputedStyle(card).visibility).to.equal('hidden');
    }
  });

  it('can still be sized by the partner through ::part(card), everything in proportion', async () => {
    const sheet = new hostile.CSSStyleSheet();
    sheet.replaceSync(`${TAGS.map((tag) => `${tag}::part(card)`).join()} { font-size: 24px }`);
    hostile.document.adoptedStyleSheets = [...hostile.document.adoptedStyleSheets, sheet];
    for (const host of hostile.document.querySelectorAll(TAGS.join())) {
      const card = part(host, 'card')!;
      expect(hostile.getComputedStyle(card).fontSize).to.equal('24px');
      const plainCard = part(plain.document.getElementById(host.id)!, 'card')!;
      const scale = 24 / parseFloat(plain.getComputedStyle(plainCard).fontSize);
      const padding = (page: BuiltPage, el: Element) =>
        parseFloat(page.getComputedStyle(el).paddingLeft);
      expect(padding(hostile, card)).to.be.closeTo(padding(plain, plainCard) * scale, 0.01);
    }
  });

  it('is themed by the documented custom properties, and then looks the same to the pixel', async () => {
    for (const page of [plain, hostile]) {
      for (const host of page.document.querySelectorAll<HTMLElement>(TAGS.join())) {
        for (const [name, value] of Object.entries(TOKENS)) host.style.setProperty(name, value);
      }
    }
    for (const host of hostile.document.querySelectorAll(TAGS.join())) {
      const card = hostile.getComputedStyle(part(host, 'card')!);
      expect(card.color, `${host.id} text`).to.equal(TOKENS['--impact-text']);
      expect(card.backgroundColor, `${host.id} surface`).to.equal(TOKENS['--impact-surface']);
      expect(card.borderTopColor, `${host.id} border`).to.equal(TOKENS['--impact-border']);
      expect(card.borderTopLeftRadius, `${host.id} radius`).to.equal(TOKENS['--impact-radius']);
      expect(card.fontFamily, `${host.id} font`).to.equal(TOKENS['--impact-font']);
    }
    const stat = hostile.document.querySelector('impact-stat[data-src]')!;
    expect(hostile.getComputedStyle(part(stat, 'value')!).color).to.equal(
      TOKENS['--impact-accent'],
    );
    expect(hostile.getComputedStyle(part(stat, 'context') ?? part(stat, 'source')!).color).to.equal(
      TOKENS['--impact-muted'],
    );
    const quote = hostile.document.getElementById('study-quote--rotating')!;
    const style = (el: Element, pseudo?: string) => hostile.getComputedStyle(el, pseudo);
    expect(style(part(quote, 'quote')!, '::before').color, 'quotation mark').to.equal(
      TOKENS['--impact-accent'],
    );
    expect(style(part(quote, 'author')!).color).to.equal(TOKENS['--impact-text']);
    expect(style(part(quote, 'role')!).color).to.equal(TOKENS['--impact-muted']);
    expect(style(part(quote, 'controls')!.querySelector('button')!).borderTopColor).to.equal(
      TOKENS['--impact-border'],
    );
    const cta = hostile.document.getElementById('fundraise-cta--progress')!;
    expect(style(part(cta, 'button')!).backgroundColor).to.equal(TOKENS['--impact-accent']);
    expect(style(part(cta, 'button')!).color).to.equal(TOKENS['--impact-on-accent']);
    expect(style(part(cta, 'progress')!).borderTopColor).to.equal(TOKENS['--impact-border']);
    const form = hostile.document.getElementById('fundraise-cta--form-wide')!;
    expect(style(part(form, 'input')!).backgroundColor).to.equal(TOKENS['--impact-surface']);
    expect(style(part(form, 'input')!).borderTopColor).to.equal(TOKENS['--impact-muted']);
    expect(differences(plain, hostile, [...PROPS, 'font-family'], true).join('\n')).to.equal('');
  });
});

describe('the built bundle on a hostile page, while a document loads', () => {
  it('holds the same space as on a plain page', async () => {
    const src = `/fixtures/slow.json?ms=4000&case=hostile-loading-${Date.now()}`;
    const elements = TAGS.map((tag) => ({ tag, attrs: { id: tag, 'data-src': src }, width: 320 }));
    const [plain, hostile] = [
      await openQueryPage('states', elements),
      await openQueryPage('hostile', elements),
    ];
    for (const tag of TAGS) {
      const [a, b] = [plain, hostile].map((page) => page.document.getElementById(tag)!);
      expect(part(a, 'card') ?? part(b, 'card'), 'loaded already').to.be.null;
      await waitUntil(() => part(a, 'skeleton') && part(b, 'skeleton'), `${tag}: no skeleton`);
      // One font on both: the card takes the page's by design, and the hostile page's is wider.
      for (const el of [a, b]) el.style.setProperty('--impact-font', TOKENS['--impact-font']);
      const height = (el: HTMLElement) => part(el, 'skeleton')!.getBoundingClientRect().height;
      expect(height(b), tag).to.equal(height(a));
    }
  });
});
