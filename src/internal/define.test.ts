import { expect } from '@open-wc/testing';
import { define } from './define.js';

describe('define', () => {
  it('registers a free tag', () => {
    class FreeTag extends HTMLElement {}
    define('define-free-tag', FreeTag);
    expect(customElements.get('define-free-tag')).to.equal(FreeTag);
  });

  it('leaves a taken tag to its first owner, with one warning for the whole second copy', () => {
    class First extends HTMLElement {}
    class Second extends HTMLElement {}
    class Third extends HTMLElement {}
    customElements.define('define-taken-a', First);
    customElements.define('define-taken-b', class extends HTMLElement {});
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      expect(() => define('define-taken-a', Second)).not.to.throw();
      expect(() => define('define-taken-b', Third)).not.to.throw();
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('define-taken-a')).to.equal(First);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<define-taken-a> is already defined');
  });
});
