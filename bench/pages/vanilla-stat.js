/**
 * The vanilla baseline for `<impact-stat>`: a plain custom element, no library, that renders the
 * same shadow DOM and the same styles for a stat given inline (`data-value`, `data-format`
 * `percent` or `number`, label, baseline, context, source), formatted with a cached
 * `Intl.NumberFormat`. `bench/run.mjs` renders one of each with the same attributes and checks
 * that the two shadow trees and style sheets match before it times anything.
 *
 * It is the floor, so it does only what the output needs: it renders once, synchronously, in
 * connectedCallback, from a cloned template. What `<impact-stat>` does beyond that (count-up,
 * IntersectionObserver, events, validation and error reporting, document lookup) is part of what
 * the ratio measures.
 */

// The same rules as src/styles/theme.ts and impact-stat.styles.ts, copied as written (compared
// rule by rule at run time, so a change to either stops the bench until this follows).
const CSS = `
  :host {
    color-scheme: light;
    --_accent: var(--impact-accent, light-dark(#9b1c31, #ff9aaa));
    --_on-accent: var(--impact-on-accent, light-dark(#ffffff, #1b1b1f));
    --_text: var(--impact-text, light-dark(#1b1b1f, #f2f2f5));
    --_muted: var(--impact-muted, light-dark(#55555f, #b9b9c3));
    --_surface: var(--impact-surface, light-dark(#ffffff, #1e1e24));
    --_border: var(--impact-border, light-dark(#d6d6dc, #3c3c46));
    --_font: var(--impact-font, inherit);
    --_radius: var(--impact-radius, 12px);
    --_focus: var(--impact-focus, light-dark(#1a56db, #8ab4ff));

    display: block;
    container-type: inline-size;
    font-family: var(--_font);
  }
  :host([hidden]) {
    display: none;
  }
  [part~='card'],
  .skeleton {
    all: initial;
    display: block;
    visibility: inherit;
    color-scheme: inherit;
    font-family: var(--_font);
    box-sizing: border-box;
    padding: 1em 1.25em;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    line-height: 1.4;
  }
  /* The skeleton's text: placeholder words of a typical length, invisible, that wrap as the
     card's words would, each line of them drawn as a grey bar. */
  .skeleton i {
    font: inherit;
    color: #0000; /* transparent, as the build minifies it */
    background: linear-gradient(var(--_border) 0 0) 0 60% / 100% 0.6em no-repeat;
    -webkit-box-decoration-break: clone;
    box-decoration-break: clone;
    animation: impact-pulse 1s ease-in-out infinite alternate;
  }
  @keyframes impact-pulse {
    to {
      opacity: 0.5;
    }
  }
  /* Out of sight, still read: the figure's words under its counting digits, and the fallback
     content while the skeleton shows. */
  .sr {
    position: absolute;
    display: block;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  :host([data-theme='dark']) {
    color-scheme: dark;
  }
  :host([data-theme='auto']) {
    color-scheme: light dark;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
`;

const STAT_CSS = `
  .card {
    display: grid;
    gap: 0.5em 1.5em;
  }
  p {
    margin: 0;
  }
  /* The skeleton's lines carry the parts' names as classes: it is no card, and has no parts. */
  [part~='value'],
  .value {
    color: var(--_accent);
    font-size: clamp(1.75em, 14cqi, 4.5em);
    font-weight: 700;
    line-height: 1.05;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
  [part~='label'],
  .label {
    font-weight: 600;
  }
  [part~='context'],
  [part~='source'],
  .context,
  .source {
    color: var(--_muted);
    font-size: 0.875em;
  }
  a {
    color: inherit;
  }
  [part~='bars'] {
    display: grid;
    gap: 3px;
    margin-block: 0.25em;
  }
  /* Round caps: each bar is a pill, and a figure of 0 still shows as a dot. The padding holds the
     caps, which reach half the stroke beyond each end of the line. */
  [part~='bars'] svg {
    display: block;
    box-sizing: border-box;
    width: 100%;
    height: 0.5em;
    padding-inline: 0.25em;
    overflow: visible;
    stroke: var(--_accent);
    stroke-width: 0.5em;
    stroke-linecap: round;
  }
  [part~='bars'] svg + svg {
    stroke: var(--_muted);
  }
  /* Paper cannot count up: print the final figure, even for a stat never scrolled to. */
  @media print {
    .sr {
      all: unset;
    }
    .sr + * {
      display: none;
    }
  }
  /* From a blog column to a hero: side by side, and a bigger figure, once there is room. */
  @container (min-width: 480px) {
    .card {
      grid-template-columns: auto minmax(0, 1fr);
      align-items: center;
      padding: 1.5em 2em;
    }
    [part~='value'],
    .value {
      font-size: clamp(2.5em, 10cqi, 4.5em);
    }
    [part~='context'],
    [part~='source'],
    .context,
    .source {
      grid-column: 1 / -1;
    }
  }
`;

const sheets = [CSS, STAT_CSS].map((text) => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return sheet;
});

const formatters = new Map();

function numberFormat(locale, options) {
  const key = `${locale}|${options.style}|${options.digits}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: options.style,
      minimumFractionDigits: options.digits,
      maximumFractionDigits: options.digits,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Formats like `statFormatter`: a value's own decimals (at most one for percentages). */
function format(value, percent, locale) {
  const own = (String(value).split('.')[1] ?? '').length;
  const formatter = numberFormat(locale, {
    style: percent ? 'percent' : 'decimal',
    digits: percent ? Math.min(own, 1) : own,
  });
  return formatter.format(percent ? value / 100 : value);
}

function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

const SVG = 'http://www.w3.org/2000/svg';

/** One comparison bar: an SVG line whose end, `x2`, is the figure's share of the longer one. */
function bar() {
  const svg = document.createElementNS(SVG, 'svg');
  const line = document.createElementNS(SVG, 'line');
  line.setAttribute('y1', '50%');
  line.setAttribute('y2', '50%');
  svg.append(line);
  return svg;
}

const template = h(
  'div',
  { part: 'card', class: 'card' },
  h('p', { part: 'value' }, h('span', { class: 'sr' }), h('span', { 'aria-hidden': 'true' })),
  h(
    'div',
    {},
    h('p', { part: 'label' }),
    h('div', { part: 'bars', 'aria-hidden': 'true' }, bar(), bar()),
    h('p', { part: 'baseline' }),
  ),
  h('p', { part: 'context' }),
  h('p', { part: 'source' }, 'Source: ', h('a')),
);

function webUrl(url) {
  try {
    const parsed = new URL(url, document.baseURI);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

class VanillaStat extends HTMLElement {
  /** The harness awaits this on both sides; this element is done when connectedCallback returns. */
  get updateComplete() {
    return Promise.resolve(true);
  }

  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = sheets;
    const card = template.cloneNode(true);
    const [figure, body, context, source] = card.children;
    const [label, bars, baseline] = body.children;
    const attribute = (name) => this.getAttribute(`data-${name}`);
    const locale = this.closest('[lang]')?.getAttribute('lang') || 'en';
    const percent = attribute('format') === 'percent';

    const value = Number(attribute('value'));
    const text = format(value, percent, locale);
    figure.firstChild.textContent = text;
    figure.lastChild.textContent = text;
    if (attribute('label') === null) label.remove();
    else label.textContent = attribute('label');

    if (attribute('baseline') === null) {
      bars.remove();
      baseline.remove();
    } else {
      const then = Number(attribute('baseline'));
      const when = attribute('baseline-label');
      const word = value < then ? 'down from' : value > then ? 'up from' : 'the same as';
      baseline.textContent = `${word} ${format(then, percent, locale)}${when ? ` ${when}` : ''}`;
      const max = Math.max(Math.abs(value), Math.abs(then)) || 1;
      const [now, before] = bars.children;
      now.firstChild.setAttribute('x2', `${(Math.abs(value) / max) * 100}%`);
      before.firstChild.setAttribute('x2', `${(Math.abs(then) / max) * 100}%`);
    }

    if (attribute('context') === null) context.remove();
    else context.textContent = attribute('context');

    const href = webUrl(attribute('source-url'));
    const link = source.lastChild;
    if (attribute('source') === null && !href) source.remove();
    else if (href) {
      link.href = href;
      link.textContent = attribute('source') ?? href;
    } else link.replaceWith(attribute('source'));
    root.append(card);
  }
}

customElements.define('vanilla-stat', VanillaStat);
