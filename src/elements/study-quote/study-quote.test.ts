import { aTimeout, expect, fixture, html, nextFrame, oneEvent, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { emulateMedia, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { DEFAULT_DOCUMENT } from '../../data/default-document.js';
import type { ImpactErrorEvent } from '../../internal/events.js';
import './study-quote.define.js';
import { StudyQuoteElement } from './study-quote.js';
import { watchPage } from '../../../test/watch-page.js';

const QUOTES = DEFAULT_DOCUMENT.quotes;
const quote = (id: string) => QUOTES.find((q) => q.id === id)!;

/** The fixture document, read over the same loopback route the element uses. */
const studyFixture = fetch('/fixtures/study.json?quote-test-reference').then((r) => r.json());

let counter = 0;
const fresh = (path = '/fixtures/study.json') =>
  `${path}${path.includes('?') ? '&' : '?'}quote=${Date.now()}-${counter++}`;

const part = (el: Element, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const words = (el: Element, name: string) => part(el, name)?.textContent?.trim();
const buttons = (el: Element, name: string) => [
  ...part(el, name)!.querySelectorAll<HTMLButtonElement>('button'),
];
const toggle = (el: Element) =>
  part(el, 'quote')!.querySelector<HTMLButtonElement>('button[aria-controls]');

/** A container of a given width; set from script, as the elements themselves must. */
async function sized(width: number, content: TemplateResult): Promise<HTMLDivElement> {
  const wrap = await fixture<HTMLDivElement>(html`<div>${content}</div>`);
  wrap.style.width = `${width}px`;
  await nextFrame();
  await nextFrame();
  return wrap;
}

const rendered = (el: StudyQuoteElement) =>
  waitUntil(() => part(el, 'card'), 'the quote never rendered', { timeout: 3000 });

describe('<study-quote>', () => {
  describe('from the default document', () => {
    it('shows a quote by id, word for word, as a figure with its attribution', async () => {
      const sharon = quote('sharon-cohn-wu');
      let ready: CustomEvent<{ id?: string }> | undefined;
      const el = await fixture<StudyQuoteElement>(
        html`<study-quote
          data-id="sharon-cohn-wu"
          @impact-ready=${(event: CustomEvent<{ id?: string }>) => (ready = event)}
        ></study-quote>`,
      );
      const figure = part(el, 'quote')!;
      expect(figure.localName).to.equal('figure');
      expect(part(el, 'text')!.localName).to.equal('blockquote');
      expect(part(el, 'text')!.parentElement).to.equal(figure);
      expect(words(el, 'text')).to.equal(sharon.text);
      expect(part(el, 'author')!.closest('figcaption')!.parentElement).to.equal(figure);
      expect(words(el, 'author')).to.equal(sharon.author);
      expect(words(el, 'role')).to.equal(sharon.role);
      // The quote is in the study's language, whatever the page's.
      expect(part(el, 'text')!.lang).to.equal(DEFAULT_DOCUMENT.study.locale);
      // No source of its own and no study URL: cited as the study, as text.
      expect(part(el, 'source')!.localName).to.equal('cite');
      expect(words(el, 'source')).to.contain(DEFAULT_DOCUMENT.study.title);
      expect(words(el, 'source')).to.contain(String(DEFAULT_DOCUMENT.study.year));
      expect(ready?.detail.id).to.equal('sharon-cohn-wu');
      expect(ready?.bubbles && ready.composed).to.be.true;
      await expect(el).to.be.accessible();
    });

    it('can be built from script with properties', async () => {
      const el = document.createElement('study-quote');
      el.itemId = 'ed-wilson';
      const ready = oneEvent(el, 'impact-ready');
      document.body.append(el);
      try {
        await ready;
        expect(words(el, 'text')).to.equal(quote('ed-wilson').text);
        expect(words(el, 'author')).to.equal(quote('ed-wilson').author);
      } finally {
        el.remove();
      }
    });

    it('takes the first quote without data-id', async () => {
      const el = await fixture<StudyQuoteElement>(html`<study-quote></study-quote>`);
      expect(words(el, 'text')).to.equal(QUOTES[0].text);
    });

    it('lets inline attributes override the document item', async () => {
      const el = await fixture<StudyQuoteElement>(
        html`<study-quote
          data-id="ed-wilson"
          data-role="Board member"
          data-date="2015-03"
          data-source="Press release"
        ></study-quote>`,
      );
      expect(words(el, 'author')).to.equal(quote('ed-wilson').author);
      expect(words(el, 'role')).to.equal('Board member');
      expect(words(el, 'source')).to.equal('Press release');
      expect(words(el, 'date')).to.equal(
        new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
          Date.UTC(2015, 2),
        ),
      );
    });

    it('keeps a partner blockquote as fallback, not as the text, when an id is given', async () => {
      const el = await fixture<StudyQuoteElement>(
        html`<study-quote data-id="ed-wilson"
          ><blockquote>A shortened version</blockquote></study-quote
        >`,
      );
      expect(words(el, 'text')).to.equal(quote('ed-wilson').text);
      expect(el.querySelector('blockquote')!.assignedSlot).to.be.null;
    });
  });

  describe('from a JSON URL', () => {
    it('shows the fallback while loading, then the quote with its date and linked source', async () => {
      const expected = (await studyFixture).quotes[0];
      const el = await fixture<StudyQuoteElement>(
        html`<study-quote data-src=${fresh()} data-id="first-voice"
          ><blockquote>Loading text</blockquote></study-quote
        >`,
      );
      expect(part(el, 'card')).to.be.null;
      expect(el.querySelector('blockquote')!.assignedSlot).to.exist;
      await rendered(el);
      expect(words(el, 'text')).to.equal(expected.text);
      expect(words(el, 'author')).to.equal(expected.author);
      expect(words(el, 'role')).to.equal(expected.role);
      const date = part(el, 'date')!;
      expect(date.localName).to.equal('time');
      expect(date.getAttribute('datetime')).to.equal(expected.date);
      expect(date.textContent!.trim()).to.equal(
        new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(
          new Date(expected.date),
        ),
      );
      const source = part(el, 'source') as HTMLAnchorElement;
      expect(source.localName).to.equal('a');
      expect(source.href).to.equal(expected.source.url);
      expect(source.textContent!.trim()).to.equal(expected.source.label);
      expect(source.target).to.equal('_blank');
      expect(source.rel).to.equal('noopener noreferrer');
      expect(part(el, 'text')!.getAttribute('cite')).to.equal(expected.source.url);
      await expect(el).to.be.accessible();
    });

    it('writes dates and controls in the language of the page', async () => {
      const expected = (await studyFixture).quotes[0];
      const wrap = await fixture<HTMLDivElement>(
        html`<div lang="fr">
          <study-quote data-src=${fresh()} data-id="first-voice second-voice"></study-quote>
        </div>`,
      );
      const fr = wrap.querySelector('study-quote')!;
      await rendered(fr);
      expect(words(fr, 'date')).to.equal(
        new Intl.DateTimeFormat('fr', { dateStyle: 'long', timeZone: 'UTC' }).format(
          new Date(expected.date),
        ),
      );
      const en = await fixture<StudyQuoteElement>(
        html`<study-quote data-src=${fresh()} data-id="first-voice second-voice"></study-quote>`,
      );
      await rendered(en);
      const labels = (el: Element) => buttons(el, 'controls').map((b) => b.ariaLabel);
      expect(labels(fr)).to.have.length(3);
      labels(fr).forEach((label, i) =>
        expect(label).to.be.a('string').and.not.equal(labels(en)[i]),
      );
      await expect(fr).to.be.accessible();
    });

    it('shows a date that is not an ISO date as written', async () => {
      const el = await fixture<StudyQuoteElement>(
        html`<study-quote
          data-text="Words"
          data-author="Someone"
          data-date="Spring 2015"
        ></study-quote>`,
      );
      expect(words(el, 'date')).to.equal('Spring 2015');
      expect(part(el, 'date')!.hasAttribute('datetime')).to.be.false;
      el.date = '2015';
      await el.updateComplete;
      expect(words(el, 'date')).to.equal('2015');
      expect(part(el, 'date')!.getAttribute('datetime')).to.equal('2015');
    });
  });

  describe("a partner's own blockquote", () => {
    it('is a readable quote before the element is defined, then becomes its text', async () => {
      const text = 'While continued vigilance is required, Cambodia is a story of hope.';
      const el = await fixture<StudyQuoteElement>(
        `<study-quote-later data-author="Ed Wilson" data-role="Executive Director, IJM Canada">
          <blockquote>
            ${text}
          </blockquote>
        </study-quote-later>`,
      );
      const child = el.querySelector('blockquote')!;
      expect(customElements.get('study-quote-later')).to.be.undefined;
      expect(child.checkVisibility()).to.be.true;
      expect(child.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(child.innerText.trim()).to.equal(text);

      customElements.define('study-quote-later', class extends StudyQuoteElement {});
      await rendered(el);
      expect(words(el, 'text')).to.equal(text);
      expect(words(el, 'author')).to.equal('Ed Wilson');
      expect(words(el, 'role')).to.equal('Executive Director, IJM Canada');
      // The partner's blockquote stays in the page for feed readers, but is not shown twice.
      expect(el.querySelector('blockquote')).to.equal(child);
      expect(child.assignedSlot).to.be.null;
      expect(child.checkVisibility()).to.be.false;
      // A partner's own quote never gets the study's citation or language.
      expect(part(el, 'source')).to.be.null;
      expect(part(el, 'text')!.hasAttribute('lang')).to.be.false;
      await expect(el).to.be.accessible();
    });

    it('takes the text from data-text alone', async () => {
      const el = await fixture<StudyQuoteElement>(
        html`<study-quote data-text="A quote of my own." data-author="A. Blogger"></study-quote>`,
      );
      expect(words(el, 'text')).to.equal('A quote of my own.');
      expect(part(el, 'source')).to.be.null;
    });

    it('follows edits to the blockquote', async () => {
      const el = await fixture<StudyQuoteElement>(
        html`<study-quote data-author="A. Blogger"
          ><blockquote>First words</blockquote></study-quote
        >`,
      );
      expect(words(el, 'text')).to.equal('First words');
      el.querySelector('blockquote')!.textContent = 'Second words';
      await waitUntil(() => words(el, 'text') === 'Second words', 'the edit was not followed');
    });

    it('leaves no observer behind once removed, and reads edits made while out once back', async () => {
      // Which nodes each observer watches, counted from the platform's own calls.
      const watched = new Map<object, Set<Node>>();
      const patched = [MutationObserver.prototype, ResizeObserver.prototype].map((proto) => {
        const { observe, disconnect } = proto;
        proto.observe = function (this: object, target: Node, ...options: unknown[]) {
          (watched.get(this) ?? watched.set(this, new Set()).get(this)!).add(target);
          return Reflect.apply(observe, this, [target, ...options]);
        };
        proto.disconnect = function (this: object) {
          watched.delete(this);
          return Reflect.apply(disconnect, this, []);
        };
        return () => Object.assign(proto, { observe, disconnect });
      });
      try {
        const el = await fixture<StudyQuoteElement>(
          html`<study-quote data-author="A. Blogger" data-clamp="2"
            ><blockquote>First words</blockquote></study-quote
          >`,
        );
        const mine = () =>
          [...watched.values()].filter((targets) =>
            [...targets].some((t) => el.contains(t) || el.shadowRoot!.contains(t)),
          ).length;
        // The partner's blockquote, and the clamped text's size.
        await waitUntil(() => mine() === 2, 'not observing its child and its clamped text');
        const parent = el.parentElement!;
        el.remove();
        expect(mine(), 'observers left once removed').to.equal(0);
        el.querySelector('blockquote')!.textContent = 'Second words';
        parent.append(el);
        await waitUntil(() => words(el, 'text') === 'Second words', 'the edit was not read');
        await waitUntil(() => mine() === 2, 'not observing again once back');
      } finally {
        patched.forEach((restore) => restore());
      }
    });

    it('reports a quote without its author and keeps the blockquote', async () => {
      const page = watchPage();
      try {
        const errors: ImpactErrorEvent[] = [];
        const el = await fixture<StudyQuoteElement>(
          html`<study-quote @impact-error=${(event: ImpactErrorEvent) => errors.push(event)}
            ><blockquote>Anonymous words</blockquote></study-quote
          >`,
        );
        await aTimeout(50);
        expect(part(el, 'card')).to.be.null;
        expect(el.querySelector('blockquote')!.assignedSlot).to.exist;
        expect(errors.map((event) => event.detail.cause)).to.deep.equal(['attribute']);
        expect(page.warnings).to.have.length(1);
        expect(page.warnings[0]).to.contain('<study-quote>').and.contain('data-author');
        expect(page.uncaught).to.be.empty;
        el.author = 'Now Named';
        await el.updateComplete;
        expect(words(el, 'author')).to.equal('Now Named');
      } finally {
        page.stop();
      }
    });

    it('reports an empty blockquote', async () => {
      const page = watchPage();
      try {
        const el = await fixture<StudyQuoteElement>(
          html`<study-quote data-author="Someone"><blockquote></blockquote></study-quote>`,
        );
        expect(part(el, 'card')).to.be.null;
        expect(page.warnings).to.have.length(1);
        expect(page.warnings[0]).to.contain('<study-quote>').and.contain('blockquote');
        expect(page.uncaught).to.be.empty;
      } finally {
        page.stop();
      }
    });

    it("never puts the study's words under a partner's author when data-text is blank", async () => {
      for (const blank of ['', ' ']) {
        const errors: string[] = [];
        const el = await fixture<StudyQuoteElement>(
          html`<study-quote
            data-text=${blank}
            data-author="A. Blogger"
            @impact-error=${(event: ImpactErrorEvent) => errors.push(event.detail.message)}
            >Fallback</study-quote
          >`,
        );
        await aTimeout(20);
        // Booleans, not elements: a failure must not make the runner serialize a card.
        expect(part(el, 'card') === null, `data-text="${blank}"`).to.be.true;
        expect(el.shadowRoot!.querySelector('slot')).to.exist;
        expect(errors).to.have.length(1);
        expect(errors[0]).to.contain('<study-quote>').and.contain('data-text');
      }
    });

    it('takes a blank author or source for none: no blank attribution, no nameless link', async () => {
      const errors: string[] = [];
      const el = await fixture<StudyQuoteElement>(
        html`<study-quote
          data-text="Words"
          data-author=" "
          data-source=" "
          data-source-url="https://example.org/"
          @impact-error=${(event: ImpactErrorEvent) => errors.push(event.detail.message)}
        ></study-quote>`,
      );
      expect(part(el, 'card') === null, 'a card').to.be.true;
      expect(errors).to.have.length(1);
      expect(errors[0]).to.contain('data-author is missing');
      el.author = 'Someone';
      await el.updateComplete;
      expect(words(el, 'author')).to.equal('Someone');
      // A source needs words: a link without them would be announced as nothing.
      expect(part(el, 'source') === null, 'a source').to.be.true;
      expect(el.shadowRoot!.querySelector('a') === null, 'a link').to.be.true;
      await expect(el).to.be.accessible();
    });
  });

  describe('run-time changes', () => {
    it('renders again when attributes or properties change', async () => {
      const el = await fixture<StudyQuoteElement>(
        html`<study-quote data-id="ed-wilson"></study-quote>`,
      );
      el.setAttribute('data-author', 'Someone Else');
      await el.updateComplete;
      expect(words(el, 'author')).to.equal('Someone Else');
      el.authorRole = 'New role';
      el.text = 'New words';
      await el.updateComplete;
      expect(words(el, 'role')).to.equal('New role');
      expect(words(el, 'text')).to.equal('New words');
      el.removeAttribute('data-author');
      el.removeAttribute('data-role');
      el.text = undefined;
      el.itemId = 'pol-phie-they';
      await el.updateComplete;
      expect(words(el, 'text')).to.equal(quote('pol-phie-they').text);
      expect(words(el, 'author')).to.equal(quote('pol-phie-they').author);
    });

    it('renders HTML in its fields as text', async () => {
      const markup = '<img src="x" onerror="window.__quoteXss = 1"><b>bold</b>';
      const el = await fixture<StudyQuoteElement>(
        html`<study-quote data-text=${markup} data-author=${`<i>${markup}</i>`}></study-quote>`,
      );
      await aTimeout(50);
      expect(words(el, 'text')).to.equal(markup);
      expect(words(el, 'author')).to.equal(`<i>${markup}</i>`);
      expect(el.shadowRoot!.querySelector('img, b, i')).to.be.null;
      expect((window as any).__quoteXss).to.be.undefined;
    });

    it('never links a javascript: source URL, and reports it', async () => {
      const page = watchPage();
      const errors: string[] = [];
      const listen = (event: ImpactErrorEvent) => errors.push(event.detail.message);
      document.addEventListener('impact-error', listen);
      try {
        const el = await fixture<StudyQuoteElement>(
          html`<study-quote
            data-text="Words"
            data-author="Someone"
            data-source="The interview"
            data-source-url="javascript:alert(1)"
          ></study-quote>`,
        );
        expect(errors).to.deep.equal(page.warnings);
        expect(part(el, 'source')!.localName).to.equal('cite');
        expect(words(el, 'source')).to.equal('The interview');
        expect(el.shadowRoot!.querySelector('a')).to.be.null;
        expect(part(el, 'text')!.hasAttribute('cite')).to.be.false;
        expect(page.warnings).to.have.length(1);
        expect(page.warnings[0]).to.contain('<study-quote>').and.contain('data-source-url');
        expect(page.uncaught).to.be.empty;
      } finally {
        document.removeEventListener('impact-error', listen);
        page.stop();
      }
    });
  });

  describe('clamping', () => {
    const sharon = quote('sharon-cohn-wu');

    it('clamps a long quote to N lines behind an accessible Read more toggle', async () => {
      const wrap = await sized(
        320,
        html`<study-quote data-id="sharon-cohn-wu" data-clamp="3"></study-quote>`,
      );
      const el = wrap.querySelector('study-quote')!;
      const text = part(el, 'text')!;
      const lines = (height: number) => height / parseFloat(getComputedStyle(text).lineHeight);
      expect(lines(text.clientHeight)).to.be.closeTo(3, 0.1);
      expect(text.scrollHeight).to.be.greaterThan(text.clientHeight);
      const button = toggle(el)!;
      expect(button.checkVisibility()).to.be.true;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(el.shadowRoot!.getElementById(button.getAttribute('aria-controls')!)).to.equal(text);
      const collapsedLabel = button.textContent!.trim();
      // The full text is there for screen readers and find-in-page, only clipped visually.
      expect(text.textContent!.trim()).to.equal(sharon.text);
      await expect(el).to.be.accessible();

      button.click();
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(button.textContent!.trim()).not.to.equal(collapsedLabel);
      expect(lines(text.clientHeight)).to.be.greaterThan(4);
      await expect(el).to.be.accessible();

      button.click();
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(lines(text.clientHeight)).to.be.closeTo(3, 0.1);
    });

    it('offers no toggle when the quote fits, and one when a narrower container clips it', async () => {
      const wrap = await sized(
        800,
        html`<study-quote
          data-text="A short quote that fits on one line."
          data-author="Someone"
          data-clamp="1"
        ></study-quote>`,
      );
      const el = wrap.querySelector('study-quote')!;
      expect(toggle(el)!.checkVisibility()).to.be.false;
      await expect(el).to.be.accessible();
      wrap.style.width = '200px';
      await waitUntil(() => toggle(el)!.checkVisibility(), 'no toggle in a narrow container');
    });
    it('warns about a data-clamp that is no whole number of lines, and does not clamp', async () => {
      for (const clamp of ['two', '2.5', '-1']) {
        const errors: string[] = [];
        const wrap = await sized(
          320,
          html`<study-quote
            data-id="sharon-cohn-wu"
            data-clamp=${clamp}
            @impact-error=${(event: ImpactErrorEvent) => errors.push(event.detail.message)}
          ></study-quote>`,
        );
        const el = wrap.querySelector('study-quote')!;
        const text = part(el, 'text')!;
        expect(text.scrollHeight, `data-clamp="${clamp}"`).to.be.at.most(text.clientHeight + 1);
        expect(toggle(el) === null, 'a toggle that can do nothing').to.be.true;
        expect(errors).to.have.length(1);
        expect(errors[0]).to.contain('<study-quote>').and.contain(`data-clamp "${clamp}"`);
      }
    });
  });

  describe('rotation', () => {
    afterEach(async () => {
      await emulateMedia({ reducedMotion: 'no-preference' });
      await resetMouse();
    });

    const shown = (el: Element) => words(el, 'text');

    it('cycles through every quote of "*" at the interval, showing only one', async () => {
      const el = await fixture<StudyQuoteElement>(
        html`<study-quote data-id="*" data-interval="0.3"></study-quote>`,
      );
      const start = performance.now();
      expect(shown(el)).to.equal(QUOTES[0].text);
      expect(words(el, 'controls')).to.contain('1').and.contain(String(QUOTES.length));
      await waitUntil(() => shown(el) === QUOTES[1].text, 'no second quote', { timeout: 2000 });
      expect(performance.now() - start).to.be.at.least(250);
      expect(words(el, 'controls')).to.contain('2');
      await waitUntil(() => shown(el) === QUOTES[2].text, 'no third quote', { timeout: 2000 });
      await waitUntil(() => shown(el) === QUOTES[0].text, 'did not wrap around', { timeout: 2000 });
      // One quote in the tree, and nothing that announces the automatic changes.
      expect(el.shadowRoot!.querySelectorAll('blockquote')).to.have.length(1);
      expect(el.shadowRoot!.querySelector('[aria-live], [role="status"], [role="alert"]')).to.be
        .null;
      // A rotation shows each quote's own attribution, not the element's attributes.
      expect(words(el, 'author')).to.equal(QUOTES[0].author);
    });

    it('follows a list of ids in its order', async () => {
      const el = await fixture<StudyQuoteElement>(
        html`<study-quote data-id="pol-phie-they ed-wilson" data-interval="0.2"></study-quote>`,
      );
      expect(shown(el)).to.equal(quote('pol-phie-they').text);
      await waitUntil(() => shown(el) === quote('ed-wilson').text, 'no second quote');
    });

    it('pauses while the pointer is over it', async () => {
      const el = await fixture<StudyQuoteElement>(
        html`<study-quote data-id="*" data-interval="0.2"></study-quote>`,
      );
      const box = el.getBoundingClientRect();
      await sendMouse({
        type: 'move',
        position: [Math.round(box.x + box.width / 2), Math.round(box.y + 10)],
      });
      const held = shown(el);
      await aTimeout(700);
      expect(shown(el)).to.equal(held);
      await sendMouse({
        type: 'move',
        position: [Math.round(box.right + 50), Math.round(box.bottom + 50)],
      });
      await waitUntil(() => shown(el) !== held, 'did not resume after the pointer left');
    });

    it('pauses while focus is inside it', async () => {
      const el = await fixture<StudyQuoteElement>(
        html`<study-quote data-id="*" data-interval="0.2"></study-quote>`,
      );
      buttons(el, 'controls')[0].focus();
      const held = shown(el);
      await aTimeout(700);
      expect(shown(el)).to.equal(held);
      buttons(el, 'controls')[0].blur();
      await waitUntil(() => shown(el) !== held, 'did not resume after focus left');
    });

    it('pauses and plays with its button', async () => {
      const el = await fixture<StudyQuoteElement>(
        html`<study-quote data-id="*" data-interval="0.2"></study-quote>`,
      );
      const pause = buttons(el, 'controls')[1];
      const pauseLabel = pause.ariaLabel;
      pause.click();
      await el.updateComplete;
      expect(pause.ariaLabel).to.be.a('string').and.not.equal(pauseLabel);
      const held = shown(el);
      await aTimeout(700);
      expect(shown(el)).to.equal(held);
      await expect(el).to.be.accessible();
      pause.click();
      await el.updateComplete;
      expect(pause.ariaLabel).to.equal(pauseLabel);
      await waitUntil(() => shown(el) !== held, 'did not play again');
    });

    it('moves by keyboard with the previous and next buttons', async () => {
      const wrap = await fixture<HTMLDivElement>(
        html`<div>
          <button>before</button>
          <study-quote data-id="*" data-interval="60"></study-quote>
        </div>`,
      );
      const el = wrap.querySelector('study-quote')!;
      wrap.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(buttons(el, 'controls')[0]);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(shown(el)).to.equal(QUOTES[QUOTES.length - 1].text);
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(buttons(el, 'controls')[2]);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(shown(el)).to.equal(QUOTES[0].text);
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(shown(el)).to.equal(QUOTES[1].text);
    });

    it('does not advance on its own under reduced motion', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const el = await fixture<StudyQuoteElement>(
        html`<study-quote data-id="*" data-interval="0.2"></study-quote>`,
      );
      await aTimeout(800);
      expect(shown(el)).to.equal(QUOTES[0].text);
      buttons(el, 'controls')[2].click();
      await el.updateComplete;
      expect(shown(el)).to.equal(QUOTES[1].text);
      await aTimeout(500);
      expect(shown(el)).to.equal(QUOTES[1].text);
      // The reader may still ask for the rotation.
      buttons(el, 'controls')[1].click();
      await waitUntil(() => shown(el) === QUOTES[2].text, 'Play did not start the rotation');
    });

    for (const [interval, warns] of [
      ['1e-7', true],
      ['1e21', false],
    ] as const) {
      it(`does not spin with data-interval="${interval}"${warns ? ', and warns' : ''}`, async () => {
        const errors: string[] = [];
        const el = await fixture<StudyQuoteElement>(
          html`<study-quote
            data-id="*"
            data-interval=${interval}
            @impact-error=${(event: ImpactErrorEvent) => errors.push(event.detail.message)}
          ></study-quote>`,
        );
        // Every frame for 300 ms: a spinning rotation shows several quotes, however it ends.
        const seen = new Set([shown(el)]);
        for (const end = performance.now() + 300; performance.now() < end;) {
          await nextFrame();
          seen.add(shown(el));
        }
        expect([...seen]).to.have.length(1);
        // A tenth of a second is too short to read a quote; a thousand years is only long.
        expect(errors).to.have.length(warns ? 1 : 0);
        if (warns) expect(errors[0]).to.contain(`data-interval "${interval}"`);
      });
    }

    it('stops its timer when removed and starts it again when put back', async () => {
      const el = await fixture<StudyQuoteElement>(
        html`<study-quote data-id="*" data-interval="0.2"></study-quote>`,
      );
      const parent = el.parentElement!;
      el.remove();
      const held = shown(el);
      await aTimeout(700);
      expect(shown(el)).to.equal(held);
      parent.append(el);
      await waitUntil(() => shown(el) !== held, 'did not resume when put back');
    });
  });

  describe('sharing', () => {
    const text = `Tom & Jerry's "#1" café — naïve 日本 50% + more? <b>yes</b>`;
    const author = 'Zoë O’Brien';
    const role = 'R&D lead';

    async function shareQuote(share: string) {
      return fixture<StudyQuoteElement>(
        html`<study-quote
          data-text=${text}
          data-author=${author}
          data-role=${role}
          data-share=${share}
        ></study-quote>`,
      );
    }
    const link = (el: Element, prefix: string) =>
      part(el, 'share')!.querySelector<HTMLAnchorElement>(`a[href^="${prefix}"]`)!;

    it('links to plain intent URLs with every parameter encoded', async () => {
      const el = await shareQuote('x facebook linkedin email');
      const page = location.href;
      const line = `“${text}” — ${author}`;

      const x = link(el, 'https://twitter.com/intent/tweet?');
      expect(x.getAttribute('href')).to.equal(
        `https://twitter.com/intent/tweet?text=${encodeURIComponent(line)}&url=${encodeURIComponent(page)}`,
      );
      expect(new URL(x.href).searchParams.get('text')).to.equal(line);
      expect(new URL(x.href).searchParams.get('url')).to.equal(page);

      const facebook = link(el, 'https://www.facebook.com/sharer/sharer.php?');
      expect([...new URL(facebook.href).searchParams]).to.deep.equal([['u', page]]);
      const linkedin = link(el, 'https://www.linkedin.com/sharing/share-offsite/?');
      expect([...new URL(linkedin.href).searchParams]).to.deep.equal([['url', page]]);

      const email = link(el, 'mailto:?');
      const params = new URL(email.href).searchParams;
      expect(params.get('subject')).to.contain(author);
      expect(params.get('body')).to.equal(`“${text}” — ${author}, ${role}\n${page}`);
      expect(email.getAttribute('href')).to.contain(encodeURIComponent(`${line}, ${role}\n`));

      for (const a of [x, facebook, linkedin]) {
        expect(a.target).to.equal('_blank');
        expect(a.rel).to.equal('noopener noreferrer');
      }
      const labels = [x, facebook, linkedin, email].map((a) => a.ariaLabel);
      expect(new Set(labels).size).to.equal(4);
      expect(labels.every(Boolean)).to.be.true;
      expect(part(el, 'share')!.querySelectorAll('svg[aria-hidden="true"]').length).to.be.at.least(
        4,
      );
      // Sharing loads nothing from the networks: no script, no frame, no request.
      expect(el.shadowRoot!.querySelector('script, iframe, img')).to.be.null;
      const requested = performance.getEntriesByType('resource').map((entry) => entry.name);
      expect(requested.filter((url) => /twitter|facebook|linkedin|x\.com/.test(url))).to.be.empty;
      await expect(el).to.be.accessible();
    });

    it('shortens a long quote for X', async () => {
      const el = await fixture<StudyQuoteElement>(
        html`<study-quote data-id="sharon-cohn-wu" data-share="x"></study-quote>`,
      );
      const tweet = new URL(link(el, 'https://twitter.com/').href).searchParams.get('text')!;
      expect(tweet.length).to.be.at.most(280 - 24);
      expect(tweet).to.contain(quote('sharon-cohn-wu').text.slice(0, 50));
      expect(tweet).to.contain(quote('sharon-cohn-wu').author);
    });

    /**
     * Headless Chromium grants writeText to the test page but denies readText, so the call is
     * observed by wrapping it (the way console.warn is watched), and the real write still happens.
     */
    async function copyWith(writeText: (text: string) => Promise<void>) {
      const clipboard = navigator.clipboard;
      clipboard.writeText = writeText;
      try {
        const el = await shareQuote('copy');
        const status = el.shadowRoot!.querySelector('[role="status"]')!;
        expect(status.textContent!.trim()).to.equal('');
        buttons(el, 'share')[0].click();
        await waitUntil(() => status.textContent!.trim(), 'nothing was said after copying');
        return { el, said: status.textContent!.trim() };
      } finally {
        delete (clipboard as any).writeText;
      }
    }

    it('copies the quote, author and page URL, and says so in a live region', async () => {
      const written: string[] = [];
      const copied = await copyWith((value: string) => {
        written.push(value);
        return Clipboard.prototype.writeText.call(navigator.clipboard, value);
      });
      expect(written).to.deep.equal([`“${text}” — ${author}, ${role}\n${location.href}`]);
      await expect(copied.el).to.be.accessible();

      // A refusal (unfocused page, denied permission) cannot be caused on demand, so it is simulated.
      const refused = await copyWith(() =>
        Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')),
      );
      expect(refused.said).not.to.equal(copied.said);
      await expect(refused.el).to.be.accessible();
    });

    it('offers the native share sheet where the browser has one', async () => {
      // Headless Chromium on Linux has no Web Share; a stand-in shows what the element hands it.
      const shared: ShareData[] = [];
      Object.defineProperty(navigator, 'share', {
        configurable: true,
        value: (data: ShareData) => {
          shared.push(data);
          return Promise.reject(new DOMException('Share canceled', 'AbortError'));
        },
      });
      const page = watchPage();
      try {
        const el = await shareQuote('email');
        const native = buttons(el, 'share')[0];
        expect(native.ariaLabel).to.be.a('string').and.not.be.empty;
        native.click();
        await aTimeout(20);
        expect(shared).to.deep.equal([
          { text: `“${text}” — ${author}, ${role}`, url: location.href },
        ]);
        // Closing the sheet is not an error.
        expect(page.uncaught).to.be.empty;
        await expect(el).to.be.accessible();
      } finally {
        page.stop();
        delete (navigator as any).share;
      }
      expect('share' in navigator).to.be.false;
    });

    it('reports share names it does not know, Object.prototype keys among them', async () => {
      const page = watchPage();
      const errors: string[] = [];
      const listen = (event: ImpactErrorEvent) => errors.push(event.detail.message);
      document.addEventListener('impact-error', listen);
      try {
        const el = await shareQuote('copy constructor toString __proto__');
        expect(buttons(el, 'share')).to.have.length.at.least(1);
        expect(errors).to.have.length(3);
        for (const name of ['constructor', 'toString', '__proto__']) {
          expect(errors.filter((m) => m.includes(`data-share "${name}"`))).to.have.length(1);
        }
        expect(page.warnings).to.deep.equal(errors);
        expect(page.uncaught).to.be.empty;
      } finally {
        document.removeEventListener('impact-error', listen);
        page.stop();
      }
    });

    it('warns about a share name it does not know', async () => {
      const page = watchPage();
      try {
        const el = await shareQuote('copy myspace');
        expect(buttons(el, 'share')).to.have.length.at.least(1);
        expect(page.warnings).to.have.length(1);
        expect(page.warnings[0]).to.contain('<study-quote>').and.contain('data-share "myspace"');
      } finally {
        page.stop();
      }
    });
  });

  describe('errors', () => {
    const cases: [string, () => Promise<string>, string, string][] = [
      ['an unknown id', async () => '', 'not-found', 'data-id'],
      ['an unknown id in a JSON document', async () => fresh(), 'not-found', 'data-id'],
      ['a 404', async () => fresh('/fixtures/status/404'), 'http', 'data-src'],
      ['a 500', async () => fresh('/fixtures/status/500'), 'http', 'data-src'],
      ['malformed JSON', async () => fresh('/fixtures/malformed.json'), 'not-json', 'data-src'],
      ['an HTML page', async () => fresh('/fixtures/page.json'), 'not-json', 'data-src'],
      [
        'a document that breaks the schema',
        async () => fresh('/fixtures/bad-value.json'),
        'schema',
        'data-src',
      ],
      [
        'a cross-origin document without CORS',
        async () => ((await (await fetch('/fixtures/cross-origin')).json()) as { url: string }).url,
        'network',
        'data-src',
      ],
    ];

    for (const [name, src, cause, attribute] of cases) {
      it(`keeps the fallback on ${name}, warns once and fires impact-error`, async () => {
        const page = watchPage();
        try {
          const url = await src();
          const errors: ImpactErrorEvent[] = [];
          const listen = (event: ImpactErrorEvent) => errors.push(event);
          document.addEventListener('impact-error', listen);
          const el = await fixture<StudyQuoteElement>(
            html`<study-quote data-src=${url || undefined} data-id="no-such-quote"
              ><blockquote>Partner text</blockquote>
              <p>— Partner</p></study-quote
            >`,
          );
          await waitUntil(() => errors.length > 0, 'no impact-error', { timeout: 3000 });
          await aTimeout(50);
          document.removeEventListener('impact-error', listen);
          expect(errors).to.have.length(1);
          expect(errors[0].detail.cause).to.equal(cause);
          expect(errors[0].composed).to.be.true;
          expect(page.warnings).to.deep.equal([errors[0].detail.message]);
          expect(page.warnings[0]).to.match(new RegExp(`^<study-quote>: ${attribute}: `));
          expect(part(el, 'card')).to.be.null;
          expect(el.querySelector('blockquote')!.assignedSlot).to.exist;
          expect(el.querySelector('blockquote')!.checkVisibility()).to.be.true;
          expect(page.uncaught).to.be.empty;
        } finally {
          page.stop();
        }
      });
    }

    it('recovers when the id is corrected', async () => {
      const page = watchPage();
      try {
        const el = await fixture<StudyQuoteElement>(
          html`<study-quote data-id="missing-one"></study-quote>`,
        );
        expect(part(el, 'card')).to.be.null;
        el.itemId = 'ed-wilson';
        await el.updateComplete;
        expect(words(el, 'text')).to.equal(quote('ed-wilson').text);
      } finally {
        page.stop();
      }
    });
  });

  describe('accessibility', () => {
    for (const theme of ['light', 'dark']) {
      it(`passes axe in every state, ${theme}`, async () => {
        const page = watchPage();
        try {
          const wrap = await sized(
            360,
            html`<study-quote data-theme=${theme} data-id="ed-wilson"></study-quote>
              <study-quote data-theme=${theme} data-id="*" data-interval="60"></study-quote>
              <study-quote
                data-theme=${theme}
                data-id="sharon-cohn-wu"
                data-clamp="2"
              ></study-quote>
              <study-quote data-theme=${theme} data-id="pol-phie-they" data-clamp="2"></study-quote>
              <study-quote
                data-theme=${theme}
                data-share="copy x facebook linkedin email"
              ></study-quote>
              <study-quote
                data-theme=${theme}
                data-src=${fresh()}
                data-id="first-voice"
              ></study-quote>
              <study-quote data-theme=${theme} data-id="absent"
                ><blockquote>Fallback</blockquote></study-quote
              >`,
          );
          // A dark widget sits on a dark page, whose own colors its fallback content keeps.
          if (theme === 'dark') {
            wrap.style.background = '#121216';
            wrap.style.color = '#f2f2f5';
          }
          const quotes = [...wrap.querySelectorAll('study-quote')];
          await rendered(quotes[5]);
          toggle(quotes[3])!.click();
          await quotes[3].updateComplete;
          await nextFrame();
          expect(getComputedStyle(quotes[0]).colorScheme).to.equal(theme);
          await expect(wrap).to.be.accessible();
        } finally {
          page.stop();
        }
      });
    }
  });

  describe('layout', () => {
    it('fits containers from 200 to 800 px, with larger type in wider ones', async () => {
      const sizes: number[] = [];
      for (const width of [200, 400, 800]) {
        const wrap = await sized(
          width,
          html`<study-quote data-id="*" data-share="copy x facebook linkedin email"></study-quote>`,
        );
        const el = wrap.querySelector('study-quote')!;
        const card = part(el, 'card')!;
        expect(el.getBoundingClientRect().width).to.equal(width);
        expect(card.scrollWidth, `${width}px`).to.be.at.most(card.clientWidth);
        sizes.push(parseFloat(getComputedStyle(part(el, 'text')!).fontSize));
      }
      expect(sizes[0]).to.be.lessThan(sizes[1]);
      expect(sizes[1]).to.be.lessThan(sizes[2]);
    });
  });
});
