/**
 * The hostile values broken-sources.test.ts serves in documents, given as `data-*` attributes to
 * the built bundle on a page of its own: markup, `javascript:` URLs, 2 MB, `__proto__`, lone
 * surrogates, and numbers too big, too small, negative, not a number or in exponent form. Each is
 * set before the element is connected (as a parsed page would) and on a rendered element. No
 * uncaught error; a card or the fallback, as the attribute's documented meaning says; text stays
 * text; and every warning names the element and the attribute.
 */
import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { closePages, openPage, part, rendered, TAGS, type BuiltPage } from './built-page.js';

const MARKUP = [
  '<script>window.pwned = 1</script>',
  '<img src=x onerror="window.pwned = 2">',
  '"><svg onload="window.pwned = 3">',
  '<iframe src="javascript:window.pwned = 4"></iframe>',
  '<b>bold</b>',
  '${window.pwned = 5}',
  '{{constructor.constructor("window.pwned = 6")()}}',
];
const STRINGS = [
  '',
  ' ',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '\uD800',
  'a\uDFFFb',
  '\u0000',
  '\u202Eevil',
  '\uFFFE\uFFFF',
  'x'.repeat(2 * 1024 * 1024),
];
const URLS = [
  'javascript:window.pwned = 7',
  ' JaVaScRiPt:window.pwned = 8',
  'java\tscript:window.pwned = 9',
  'data:text/html,<script>window.pwned = 10</script>',
  'vbscript:msgbox(1)',
  'http://[',
  '//elsewhere.example/x',
  'https://example.org/"><script>window.pwned = 11</script>',
];
const NUMBERS = [
  '1e309',
  '-1e309',
  'Infinity',
  '-Infinity',
  'NaN',
  '1e308',
  '-1e308',
  '5e-324',
  '-0',
  '1e21',
  '1.5e-7',
  '2.5E3',
  '-42.125',
  '9007199254740993',
  '0x10',
  '1_000',
  '2,2',
  '12abc',
];
const HOSTILE = [...MARKUP, ...STRINGS, ...URLS, ...NUMBERS];

/** What an attribute means, which says what each value must give. */
type Kind = 'src' | 'id' | 'free' | 'text' | 'number' | 'whole' | 'url' | 'format' | 'currency';

interface Attribute {
  name: string;
  kind: Kind;
  /** Attributes the hostile one needs beside it to matter. */
  with?: Record<string, string>;
}

/**
 * Per element: attributes that make a full card on their own (no document needed), and every
 * attribute it takes. A tag added to TAGS needs its entry here (the suite says so if it has none).
 */
const ELEMENTS: Record<string, { base: Record<string, string>; attributes: Attribute[] }> = {
  'impact-stat': {
    base: {
      'data-value': '1234.5',
      'data-baseline': '1000',
      'data-label': 'base label',
      'data-source': 'base source',
      'data-source-url': 'https://example.org/',
      'data-animate': 'none',
    },
    attributes: [
      { name: 'data-src', kind: 'src' },
      { name: 'data-id', kind: 'id' },
      { name: 'data-theme', kind: 'free' },
      { name: 'data-value', kind: 'number' },
      { name: 'data-format', kind: 'format' },
      {
        name: 'data-currency',
        kind: 'currency',
        with: { 'data-format': 'currency', 'data-currency': 'EUR' },
      },
      { name: 'data-decimals', kind: 'whole' },
      { name: 'data-label', kind: 'text' },
      { name: 'data-context', kind: 'text' },
      { name: 'data-baseline', kind: 'number' },
      { name: 'data-baseline-label', kind: 'text' },
      { name: 'data-source', kind: 'text' },
      { name: 'data-source-url', kind: 'url' },
      { name: 'data-animate', kind: 'free' },
    ],
  },
};

/** The documented formats. */
const FORMATS = ['percent', 'number', 'compact', 'currency'];

const isNumber = (value: string) => value.trim() !== '' && Number.isFinite(Number(value));
/** A link the element may make: an http(s) URL (an empty attribute is no URL). */
const webUrl = (value: string, base = page.document.baseURI) => {
  if (value === '') return false;
  try {
    return ['http:', 'https:'].includes(new URL(value, base).protocol);
  } catch {
    return false;
  }
};
const currency = (code: string) => {
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: code });
    return true;
  } catch {
    return false;
  }
};

/** Whether the element must show its card (else its fallback), and whether it must warn. */
function expected(kind: Kind, value: string): { card: boolean; warns: boolean } {
  const card = {
    src: value === '',
    id: value.trim() === '',
    free: true,
    text: true,
    number: isNumber(value),
    whole:
      isNumber(value) &&
      Number.isInteger(Number(value)) &&
      Number(value) >= 0 &&
      Number(value) <= 20,
    url: true,
    format: FORMATS.includes(value),
    currency: currency(value),
  }[kind];
  return { card, warns: !card || (kind === 'url' && value !== '' && !webUrl(value)) };
}

/** Digits after the point a number needs to show as itself (at most 20), found by toFixed. */
function ownDigits(n: number) {
  for (let digits = 0; digits < 20; digits++) {
    if (Math.abs(n) >= 1e21 || Number(n.toFixed(digits)) === n) return digits;
  }
  return 20;
}

let page: BuiltPage;

interface Case {
  el: HTMLElement;
  value: string;
  errors: string[];
}

function create(tag: string, attributes: Record<string, string>): Case {
  const el = page.document.createElement(tag);
  el.append('fallback words');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const errors: string[] = [];
  el.addEventListener('impact-error', (event) => errors.push(event.detail.message));
  return { el, value: '', errors };
}

const settled = ({ el, errors }: Case) => part(el, 'card') !== null || errors.length > 0;

function check(tag: string, { name, kind }: Attribute, { el, value, errors }: Case) {
  const label = `${name}=${JSON.stringify(value.slice(0, 40))}${value.length > 40 ? '…' : ''}`;
  const { card, warns } = expected(kind, value);
  const root = el.shadowRoot!;
  if (card) {
    expect(part(el, 'card'), `${label}: a card`).to.exist;
  } else {
    expect(part(el, 'card'), `${label}: no card`).to.be.null;
    expect(root.querySelector('slot:not([name])'), `${label}: the fallback`).to.exist;
    expect(el.textContent).to.equal('fallback words');
  }
  if (warns) {
    expect(errors, `${label}: impact-error`).to.have.length.above(0);
    for (const message of errors) {
      expect(message, label).to.contain(`<${tag}>`).and.contain(name);
      expect(page.record.warnings, `${label}: the console`).to.include(message);
    }
  } else {
    expect(errors, label).to.deep.equal([]);
  }
  // Text is text: nothing the markup names became an element, no handler became an attribute.
  // (The stat draws its comparison bars in SVG of its own.)
  const planted = 'script, img, iframe, svg:not([part~="bars"] > svg), b, object, embed';
  expect(root.querySelector(planted)?.localName, label).to.be.undefined;
  for (const node of root.querySelectorAll('*')) {
    expect(
      [...node.attributes].filter((a) => a.name.startsWith('on')),
      label,
    ).to.deep.equal([]);
  }
  if (card && kind === 'text' && value.trim()) {
    expect(root.textContent!.includes(value), `${label}: shown as text`).to.be.true;
  }
  if (card && kind === 'url') {
    const link = part(el, 'source')!.querySelector('a');
    if (webUrl(value)) {
      expect(link?.href, label).to.equal(new URL(value, page.document.baseURI).href);
    } else if (value !== '') {
      expect(link, `${label}: no link`).to.be.null;
    }
  }
  if (card && tag === 'impact-stat' && (name === 'data-value' || name === 'data-decimals')) {
    const n = Number(name === 'data-value' ? value : ELEMENTS[tag].base['data-value']);
    const digits = name === 'data-decimals' ? Number(value) : ownDigits(n);
    const text = new Intl.NumberFormat('en', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(n);
    expect(part(el, 'value')!.textContent, label).to.contain(text);
  }
}

afterEach(closePages);

for (const tag of TAGS) {
  describe(`<${tag}> given hostile attributes`, () => {
    beforeEach(async () => {
      page = await openPage('/pages/bundle-once.html');
    });

    it('has its attributes listed here', () => {
      expect(ELEMENTS[tag]?.attributes, `ELEMENTS['${tag}']`).to.have.length.above(0);
    });

    for (const attribute of ELEMENTS[tag]?.attributes ?? []) {
      const { name, kind } = attribute;
      // No document request may leave the test machine.
      const values = HOSTILE.filter(
        (value) =>
          kind !== 'src' ||
          !webUrl(value, location.href) ||
          new URL(value, location.href).origin === location.origin,
      );

      it(`${name}: a card or the fallback, text as text, a warning naming it`, async () => {
        const host = page.document.createElement('div');
        page.document.body.append(host);
        const base = { ...ELEMENTS[tag].base, ...attribute.with };
        // Set before the element is connected, as a parsed page would.
        const before = values.map((value) => {
          const item = create(tag, { ...base, [name]: value });
          item.value = value;
          return item;
        });
        host.append(...before.map((item) => item.el));
        // Set on an element that has already rendered its card.
        const after = values.map(() => create(tag, base));
        host.append(...after.map((item) => item.el));
        await rendered(
          after.map((item) => item.el),
          8000,
        );
        after.forEach((item, i) => {
          item.value = values[i];
          item.el.setAttribute(name, values[i]);
        });
        const all = [...before, ...after];
        // Past the updates the new values asked for (microtasks), so an old card no longer counts.
        await aTimeout(0);
        await waitUntil(() => all.every(settled), 'an element neither rendered nor failed', {
          timeout: 8000,
        });
        // Time for any handler that markup might have planted to run.
        await aTimeout(50);
        for (const item of all) check(tag, attribute, item);
        expect((page as { pwned?: unknown }).pwned, 'window.pwned').to.be.undefined;
        expect((window as { pwned?: unknown }).pwned).to.be.undefined;
        expect(page.record.errors, 'uncaught errors').to.deep.equal([]);
        expect(page.record.warnings.every((w) => w.startsWith(`<${tag}>: `))).to.be.true;
      });
    }
  });
}
