/**
 * The hostile values broken-sources.test.ts serves in documents, given as `data-*` attributes to
 * the built bundle on a page of its own: markup, `javascript:` URLs, 2 MB, `__proto__`, lone
 * surrogates, and numbers too big, too small, negative, not a number or in exponent form. Each is
 * set before the element is connected (as a parsed page would) and on a rendered element, for
 * every attribute of every shipped element (the CTA's thanks and guide after a real sign-up). No
 * uncaught error; a card or the fallback, as the attribute's documented meaning says; a warning for
 * every value the element cannot honour, naming the element and the attribute; text stays text;
 * no link but of the allowed schemes; no control without a name and no thank-you without words.
 */
import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { openForm, signUpAs } from '../signup-form.js';
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
type Kind =
  | 'src'
  | 'id'
  | 'free'
  | 'text'
  | 'required'
  | 'number'
  | 'whole'
  | 'url'
  | 'format'
  | 'currency'
  | 'code'
  | 'amount'
  | 'goal'
  | 'lines'
  | 'seconds'
  | 'share'
  | 'encoding';

interface Attribute {
  name: string;
  kind: Kind;
  /** Attributes the hostile one needs beside it to matter. */
  with?: Record<string, string>;
  /**
   * For a URL: the schemes it may have (http and https by default), the control the element
   * makes of an allowed one, and whether it is the card's only way on (so no URL at all warns).
   */
  url?: { control: string; schemes?: string[]; only?: boolean };
  /** What a reader does before the value shows: the CTA's thanks appear after a sign-up. */
  reveal?: (el: HTMLElement) => Promise<void>;
}

/** The call to action's sign-up, as a person makes it, to the test server's endpoint. */
async function signUp(el: HTMLElement) {
  // Ninety-odd at once, on a page that lays out 2 MB of text: patience.
  await openForm(el, 10_000);
  signUpAs(el, 'Hostile Reader', `hostile-${Date.now()}-${++unique}@example.org`);
  await waitUntil(() => part(el, 'success'), 'the sign-up did not succeed', { timeout: 10_000 });
}
let unique = 0;

/** The attributes every element takes: where its document is, which item, and its theme. */
const SHARED: Attribute[] = [
  { name: 'data-src', kind: 'src' },
  { name: 'data-id', kind: 'id' },
  { name: 'data-theme', kind: 'free' },
];

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
      ...SHARED,
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
      { name: 'data-source-url', kind: 'url', url: { control: '[part~="source"] a' } },
      { name: 'data-animate', kind: 'free' },
    ],
  },
  'study-quote': {
    base: {
      'data-text': 'base words',
      'data-author': 'base author',
      'data-role': 'base role',
      'data-date': 'base date',
      'data-source': 'base source',
      'data-source-url': 'https://example.org/',
    },
    attributes: [
      ...SHARED,
      { name: 'data-text', kind: 'required' },
      { name: 'data-author', kind: 'required' },
      { name: 'data-role', kind: 'text' },
      { name: 'data-date', kind: 'text' },
      { name: 'data-source', kind: 'text' },
      { name: 'data-source-url', kind: 'url', url: { control: 'a[part~="source"]' } },
      { name: 'data-clamp', kind: 'lines' },
      // Only a rotation has an interval to keep.
      {
        name: 'data-interval',
        kind: 'seconds',
        with: { 'data-id': 'ed-wilson pol-phie-they' },
      },
      { name: 'data-share', kind: 'share' },
    ],
  },
  'fundraise-cta': {
    base: {
      'data-heading': 'base heading',
      'data-body': 'base body',
      'data-button-label': 'base label',
      'data-href': 'https://example.org/',
      'data-raised': '3250',
      'data-goal': '5000',
      'data-currency': 'USD',
    },
    attributes: [
      ...SHARED,
      { name: 'data-heading', kind: 'required' },
      { name: 'data-body', kind: 'text' },
      { name: 'data-button-label', kind: 'text' },
      {
        name: 'data-href',
        kind: 'url',
        url: { control: 'a[part~="button"]', schemes: ['http:', 'https:', 'mailto:'], only: true },
      },
      // The endpoint's control opens the form, so nothing is sent by merely showing it.
      { name: 'data-endpoint', kind: 'url', url: { control: 'button[part~="button"]' } },
      { name: 'data-encoding', kind: 'encoding' },
      { name: 'data-raised', kind: 'amount' },
      { name: 'data-goal', kind: 'goal' },
      { name: 'data-currency', kind: 'code' },
      // Shown after a sign-up: the thanks alone, so a blank one would leave a silent success.
      {
        name: 'data-success',
        kind: 'text',
        with: { 'data-endpoint': '/api/signups' },
        reveal: signUp,
      },
      {
        name: 'data-guide-label',
        kind: 'text',
        with: { 'data-endpoint': '/api/signups', 'data-guide-url': 'https://example.org/guide' },
        reveal: signUp,
      },
      {
        name: 'data-guide-url',
        kind: 'url',
        url: { control: 'a[part~="guide"]', schemes: ['http:', 'https:', 'mailto:'] },
        with: { 'data-endpoint': '/api/signups', 'data-guide-label': 'base guide' },
        reveal: signUp,
      },
    ],
  },
};

/** The documented formats, encodings and share names. */
const FORMATS = ['percent', 'number', 'compact', 'currency'];
const ENCODINGS = ['json', 'form'];
const SHARES = ['copy', 'x', 'facebook', 'linkedin', 'email'];

const isNumber = (value: string) => value.trim() !== '' && Number.isFinite(Number(value));
/** A link the element may make: a URL of those schemes (an empty attribute is no URL). */
const allowedUrl = (value: string, schemes = ['http:', 'https:'], base = page.document.baseURI) => {
  if (value === '') return false;
  try {
    return schemes.includes(new URL(value, base).protocol);
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
/** A progress bar's amounts as written: an empty attribute is no amount. */
const amounts = (raised: string, goal: string) => {
  const [r, g] = [raised, goal].map((v) => (v.trim() ? Number(v) : NaN));
  return r >= 0 && g > 0 && Number.isFinite(r + g);
};

/**
 * Whether each value of a kind must give a card (else the fallback), and whether it must warn:
 * a value the element cannot honour is refused with a warning, whatever it shows instead.
 */
const MEANINGS: Record<
  Kind,
  (value: string, base: Record<string, string>) => [card: boolean, honoured: boolean]
> = {
  src: (value) => [value === '', value === ''],
  id: (value) => [value.trim() === '', value.trim() === ''],
  free: () => [true, true],
  text: () => [true, true],
  required: (value) => [value.trim() !== '', value.trim() !== ''],
  number: (value) => [isNumber(value), isNumber(value)],
  whole: (value) => {
    const n = Number(value);
    const whole = isNumber(value) && Number.isInteger(n) && n >= 0 && n <= 20;
    return [whole, whole];
  },
  url: () => [true, true],
  format: (value) => [FORMATS.includes(value), FORMATS.includes(value)],
  currency: (value) => [currency(value), currency(value)],
  code: (value) => [true, currency(value)],
  amount: (value, base) => [true, amounts(value, base['data-goal'])],
  goal: (value, base) => [true, amounts(base['data-raised'], value)],
  // As the attribute converter reads them: Number(''), so an empty attribute is 0.
  lines: (value) => [true, Number.isInteger(Number(value)) && Number(value) >= 0],
  seconds: (value) => [true, Number(value) >= 0.1],
  share: (value) => [true, value.split(/\s+/).every((name) => !name || SHARES.includes(name))],
  encoding: (value) => [true, ENCODINGS.includes(value)],
};

function expected(
  { kind, url }: Attribute,
  value: string,
  base: Record<string, string>,
): { card: boolean; warns: boolean } {
  const [card, honoured] = MEANINGS[kind](value, base);
  const link = url && allowedUrl(value, url.schemes);
  const refusedUrl = url && !link && (value !== '' || url.only);
  return { card, warns: !honoured || !!refusedUrl };
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
  // Only what is on screen is laid out: some of these hold 2 MB of text, and laying all of them
  // out would take minutes on a busy machine. Layout is the hostile-CSS suite's concern, and the
  // broken-sources suite lays 2 MB out in view.
  el.style.contentVisibility = 'auto';
  el.append('fallback words');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const errors: string[] = [];
  el.addEventListener('impact-error', (event) => errors.push(event.detail.message));
  return { el, value: '', errors };
}

const settled = ({ el, errors }: Case) => part(el, 'card') !== null || errors.length > 0;

/** The element's own icons: decorative SVG paths, which no attribute can add to. */
/** The elements' own drawings: the quote's icons (paths) and the stat's comparison bars (lines). */
const ownIcon = (svg: Element) =>
  (svg.getAttribute('aria-hidden') === 'true' &&
    [...svg.children].every((child) => child.localName === 'path')) ||
  (svg.parentElement?.matches('[part~="bars"]') &&
    [...svg.children].every((child) => child.localName === 'line'));

function check(tag: string, attribute: Attribute, { el, value, errors }: Case) {
  const { name, kind, url } = attribute;
  const label = `${name}=${JSON.stringify(value.slice(0, 40))}${value.length > 40 ? '…' : ''}`;
  const base = { ...ELEMENTS[tag].base, ...attribute.with };
  const { card, warns } = expected(attribute, value, base);
  const root = el.shadowRoot!;
  if (card) {
    expect(part(el, 'card') !== null, `${label}: a card`).to.be.true;
  } else {
    expect(part(el, 'card') !== null, `${label}: a card`).to.be.false;
    expect(root.querySelector('slot:not([name])') !== null, `${label}: the fallback`).to.be.true;
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
  // (Assertions compare strings and booleans: a failure message that held an element of the
  // frame would take the test runner minutes to serialize.)
  expect(root.querySelector('script, img, iframe, b, object, embed')?.outerHTML, label).to.be
    .undefined;
  const svgs = [...root.querySelectorAll('svg')];
  expect(
    svgs.filter((svg) => !ownIcon(svg)).map((svg) => svg.outerHTML),
    `${label}: svg`,
  ).to.deep.equal([]);
  for (const node of root.querySelectorAll('*')) {
    expect(
      [...node.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name),
      label,
    ).to.deep.equal([]);
  }
  // No control without a name, nor a thank-you without words.
  for (const control of root.querySelectorAll<HTMLElement>('a, button:not([hidden])')) {
    expect(
      (control.ariaLabel ?? control.textContent)!.trim(),
      `${label}: a ${control.localName} with no name`,
    ).not.to.equal('');
  }
  if (part(el, 'success')) {
    expect(part(el, 'success')!.textContent!.trim(), `${label}: thanks`).not.to.equal('');
  }
  if (card && (kind === 'text' || kind === 'required') && value.trim()) {
    // As HTML shows text: the spaces around it are no part of it.
    expect(root.textContent!.includes(value.trim()), `${label}: shown as text`).to.be.true;
  }
  if (card && url) {
    const control = root.querySelector<HTMLAnchorElement>(url.control);
    if (allowedUrl(value, url.schemes)) {
      expect(control !== null, `${label}: ${url.control}`).to.be.true;
      if (control!.localName === 'a') {
        expect(control!.href, label).to.equal(new URL(value, page.document.baseURI).href);
      }
    } else if (value !== '' || url.only) {
      expect(control !== null, `${label}: ${url.control}`).to.be.false;
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
  if (card && (kind === 'amount' || kind === 'goal')) {
    expect(!!part(el, 'progress'), `${label}: a progress bar`).to.equal(!warns);
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
          !allowedUrl(value, undefined, location.href) ||
          new URL(value, location.href).origin === location.origin,
      );

      it(`${name}: a card or the fallback, text as text, a warning naming it`, async function () {
        // Each value twice; the sign-ups take their time under load.
        this.timeout(30_000);
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
        if (attribute.reveal) {
          await Promise.all(
            all.filter((item) => part(item.el, 'card')).map((item) => attribute.reveal!(item.el)),
          );
        }
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
