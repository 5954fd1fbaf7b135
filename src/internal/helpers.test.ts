import { expect, fixture, html } from '@open-wc/testing';
import { numberFormat } from '../format/intl-cache.js';
import { elementLang } from './lang.js';
import { messagesFor } from './messages.js';
import { safeUrl } from './safe-url.js';
import { warnOnce } from './warn.js';

describe('elementLang', () => {
  it('takes the closest lang, else the document, else English', async () => {
    const tree = await fixture(
      html`<div lang="fr-CA">
        <section><span></span></section>
      </div>`,
    );
    expect(elementLang(tree.querySelector('span')!)).to.equal('fr-CA');
    const loose = await fixture(html`<span></span>`);
    const before = document.documentElement.lang;
    try {
      document.documentElement.lang = 'de';
      expect(elementLang(loose)).to.equal('de');
      document.documentElement.lang = '';
      expect(elementLang(loose)).to.equal('en');
      expect(elementLang(loose, 'km')).to.equal('km');
      document.documentElement.lang = 'de';
      expect(elementLang(loose, 'km')).to.equal('de');
    } finally {
      document.documentElement.lang = before;
    }
  });

  it('looks through shadow roots to the host page', async () => {
    const host = await fixture(html`<div lang="km"><div></div></div>`);
    const inner = host.firstElementChild!;
    const span = document.createElement('span');
    inner.attachShadow({ mode: 'open' }).append(span);
    expect(elementLang(span)).to.equal('km');
  });

  it('falls back to English for a malformed tag', async () => {
    const el = await fixture(html`<span lang="not a language!"></span>`);
    expect(elementLang(el)).to.equal('en');
  });
});

describe('safeUrl', () => {
  it('lets web links through, resolved against the page', () => {
    expect(safeUrl('https://example.org/a?b=1')).to.equal('https://example.org/a?b=1');
    expect(safeUrl('/study.json')).to.equal(new URL('/study.json', location.href).href);
  });

  it('drops other schemes, empty values and what does not parse', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JAVASCRIPT:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      '',
      undefined,
      'http://[',
    ]) {
      expect(safeUrl(url), String(url)).to.be.undefined;
    }
  });

  it('takes the schemes an element allows', () => {
    expect(safeUrl('mailto:a@example.org', ['mailto:'])).to.equal('mailto:a@example.org');
    expect(safeUrl('https://example.org', ['mailto:'])).to.be.undefined;
  });
});

describe('messagesFor', () => {
  const table = { en: 'hello', fr: 'bonjour', 'fr-CA': 'allo' };
  it('prefers the exact tag, then the base language, then English', () => {
    expect(messagesFor('fr-CA', table)).to.equal('allo');
    expect(messagesFor('fr-BE', table)).to.equal('bonjour');
    expect(messagesFor('km', table)).to.equal('hello');
  });
});

describe('numberFormat', () => {
  it('hands back one formatter per locale and options', () => {
    const a = numberFormat('fr', { style: 'percent' });
    expect(numberFormat('fr', { style: 'percent' })).to.equal(a);
    expect(numberFormat('en', { style: 'percent' })).not.to.equal(a);
    expect(a.format(0.5)).to.equal(new Intl.NumberFormat('fr', { style: 'percent' }).format(0.5));
  });
});

describe('warnOnce', () => {
  it('prints each distinct message once', () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const unique = `helpers-test ${Math.random()}`;
      warnOnce(unique);
      warnOnce(unique);
      warnOnce(`${unique} again`);
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(2);
  });
});
