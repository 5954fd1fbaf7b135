/**
 * The skeleton an element shows while its `data-src` document loads: shaped like its card and sized
 * by the card's own rules, so the page does not move when the card arrives; hidden from assistive
 * technology, which reads the fallback content meanwhile; and still under reduced motion.
 *
 * The documents here are the embedded study as JSON (dist/cambodia-2015.json), answered late.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { a11ySnapshot, emulateMedia } from '@web/test-runner-commands';
import '../../src/index.js';
import { fresh, part, TAGS } from '../hardening/built-page.js';

/**
 * The part holding each card's main text. The skeleton's height may differ from the card's by one
 * line of it: the skeleton holds placeholder words of a typical length, not the item's own, which
 * have not arrived, so a card whose words take one line more or less than typical differs by that
 * line. (The fixed 128px the element held before missed these cards by 80 to 250px.)
 */
const MAIN_TEXT: Record<string, string> = {
  'impact-stat': 'label',
  'study-quote': 'text',
  'fundraise-cta': 'body',
};

/** An element of `tag` loading the embedded study's first item, in a column `width` wide. */
async function loading(tag: string, width = 320) {
  const column = await fixture<HTMLDivElement>(html`<div></div>`);
  column.style.width = `${width}px`;
  const el = document.createElement(tag);
  el.setAttribute('data-src', fresh('/built/cambodia-2015.json?delay=800'));
  // The study's call to action leads nowhere until the partner says where: the skeleton has a button.
  if (tag === 'fundraise-cta') el.setAttribute('data-href', 'https://example.org/fundraise');
  el.append('The fallback words, for readers and assistive technology alike.');
  column.append(el);
  await waitUntil(() => part(el, 'skeleton'), 'no skeleton while the document loads');
  return el;
}

interface A11yNode {
  name?: string;
  children?: A11yNode[];
}
const names = (node?: A11yNode): string[] =>
  node ? [node.name ?? '', ...(node.children ?? []).flatMap(names)] : [];

describe('the skeleton while a document loads', () => {
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  for (const tag of TAGS) {
    for (const width of [320, 640]) {
      it(`<${tag}> holds its card's size in a ${width}px column`, async () => {
        const el = await loading(tag, width);
        expect(part(el, 'card'), 'the card, already').to.be.null;
        const skeleton = el.getBoundingClientRect();
        await waitUntil(() => part(el, 'card'), 'the card did not arrive', { timeout: 5000 });
        const card = el.getBoundingClientRect();
        const line = parseFloat(getComputedStyle(part(el, MAIN_TEXT[tag])!).lineHeight);
        expect(card.width).to.equal(skeleton.width);
        expect(Math.abs(card.height - skeleton.height), 'height difference').to.be.at.most(line);
      });
    }

    it(`<${tag}> hides the skeleton from assistive technology, which reads the fallback`, async () => {
      const el = await loading(tag);
      el.id = `loading-${tag}`;
      const skeleton = part(el, 'skeleton')!;
      expect(skeleton.getAttribute('aria-hidden')).to.equal('true');
      const tree = names((await a11ySnapshot({ selector: `#${el.id}` })) as unknown as A11yNode);
      expect(tree.join(' ')).to.contain('The fallback words');
      expect(tree.join(' ')).not.to.contain('xxxxx');
      // Read, not seen: the fallback adds nothing to the skeleton's box.
      expect(el.getBoundingClientRect().height).to.equal(skeleton.getBoundingClientRect().height);
      await expect(el).to.be.accessible();
    });

    it(`<${tag}> pulses, and is still under reduced motion`, async () => {
      const el = await loading(tag);
      const line = part(el, 'skeleton')!.querySelector('i')!;
      expect(getComputedStyle(line).animationName).to.equal('impact-pulse');
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(getComputedStyle(line).animationName).to.equal('none');
    });
  }
});
