import { expect } from '@open-wc/testing';
import { DEFAULT_DOCUMENT } from '../../data/default-document.js';
import type { Cta } from '../../data/schema.js';
import { ctaView, type CtaAttributes } from './cta-view.js';
import { ctaMessages } from './fundraise-cta.messages.js';

// What the element's own tests do not reach through a rendered card: several mistakes at once,
// the document's privacy and contact links, relative URLs, Netlify's form name and amounts at
// the edges of what a progress bar takes.

const attributes = (given: Partial<CtaAttributes> = {}): CtaAttributes => ({ id: '', ...given });
const study: Cta = DEFAULT_DOCUMENT.ctas[0];
const page = (url: string) => new URL(url, document.baseURI).href;

describe('ctaView', () => {
  it('reports every mistake in one set-up at once, once each, in a fixed order', () => {
    const given: Record<string, string> = {
      encoding: 'xml',
      provider: 'nope',
      fields: 'email=EMAIL',
      href: 'javascript:alert(1)',
      endpoint: 'ftp://example.org/signups',
      contactUrl: 'javascript:alert(2)',
      guideUrl: 'data:text/html,hi',
      raised: '-1',
      goal: '10',
      privacyUrl: 'javascript:alert(3)',
    };
    const [view, problems] = ctaView(
      attributes(given as Partial<CtaAttributes>),
      study,
      'en',
      undefined,
    );
    // Each warning opens with the attribute at fault and quotes what the partner wrote.
    const named = [
      ['data-encoding', given.encoding],
      ['data-provider', given.provider],
      ['data-fields', given.fields],
      ['data-href', given.href],
      ['data-endpoint', given.endpoint],
      ['data-contact-url', given.contactUrl],
      ['data-guide-url', given.guideUrl],
      ['data-raised', given.raised],
      ['data-privacy-url', given.privacyUrl],
    ];
    expect(problems).to.have.length(named.length);
    for (const [index, [attribute, value]] of named.entries()) {
      expect(problems[index][0], attribute).to.equal('attribute');
      expect(problems[index][1], attribute).to.match(new RegExp(`^${attribute} `));
      expect(problems[index][1], attribute).to.contain(`"${value}"`);
    }
    // The card still shows, without anything refused.
    expect(view).to.include({
      heading: study.heading,
      encoding: 'json',
      href: undefined,
      endpoint: undefined,
      guideUrl: undefined,
      privacy: undefined,
      contact: undefined,
      progress: undefined,
    });
  });

  it("blames the document's privacy and contact links on their fields, unless an attribute replaces them", () => {
    const cta: Cta = {
      ...study,
      id: 'doc',
      button: { label: 'Go', href: 'https://example.org/go' },
      signup: {
        ...study.signup!,
        privacyUrl: 'javascript:alert(1)',
        contact: { label: 'Write to us', url: 'javascript:alert(2)' },
      },
    };
    const [view, problems] = ctaView(attributes(), cta, 'en', undefined);
    expect(problems.map(([cause]) => cause)).to.deep.equal(['schema', 'schema']);
    expect(problems[0][1]).to.match(/^signup\.contact\.url of call to action "doc" "javascript:/);
    expect(problems[1][1]).to.match(/^signup\.privacyUrl of call to action "doc" "javascript:/);
    expect(view!.privacy).to.be.undefined;
    expect(view!.contact).to.be.undefined;

    const [own, none] = ctaView(
      attributes({ privacyUrl: 'https://example.org/privacy', contactUrl: 'mailto:a@example.org' }),
      cta,
      'en',
      undefined,
    );
    expect(none).to.deep.equal([]);
    expect(own!.privacy).to.equal('https://example.org/privacy');
    // The document's label stays with the partner's address.
    expect(own!.contact).to.deep.equal(['Write to us', 'mailto:a@example.org']);
  });

  it('resolves relative links against the page', () => {
    const [view, problems] = ctaView(
      attributes({
        heading: 'Join',
        href: '/start',
        endpoint: 'api/signups',
        guideUrl: '../guide.pdf',
        privacyUrl: '?privacy',
        contactUrl: '#contact',
      }),
      undefined,
      'en',
      undefined,
    );
    expect(problems).to.deep.equal([]);
    expect(view).to.include({
      href: page('/start'),
      endpoint: page('api/signups'),
      guideUrl: page('../guide.pdf'),
      privacy: page('?privacy'),
    });
    expect(view!.contact).to.deep.equal([ctaMessages('en').contact, page('#contact')]);
  });

  it("names Netlify's form after data-form-name, else the document's, else the call to action", () => {
    const netlify = (given: Partial<CtaAttributes>, formName?: string) =>
      ctaView(
        attributes({ provider: 'netlify', endpoint: '/', id: 'element', ...given }),
        { ...study, signup: { ...study.signup!, formName } },
        'en',
        undefined,
      )[0]!.extra;
    expect(netlify({ formName: 'mine' }, 'theirs')).to.deep.equal({ 'form-name': 'mine' });
    expect(netlify({}, 'theirs')).to.deep.equal({ 'form-name': 'theirs' });
    // The document's call to action names it, not the element's own id.
    expect(netlify({})).to.deep.equal({ 'form-name': study.id });
    // A service without a form name gets no extra field.
    expect(netlify({ provider: 'formspree', formName: 'mine' })).to.deep.equal({});
  });

  it("refuses a field map that cannot be sent with one problem, the document's as well", () => {
    for (const [own, fromDocument] of [
      ['email=EMAIL email:', undefined],
      [undefined, 'name:email_address'],
    ]) {
      const [view, problems] = ctaView(
        attributes({ provider: 'kit', endpoint: 'https://example.org/signups', fields: own }),
        { ...study, signup: { ...study.signup!, fields: fromDocument } },
        'en',
        undefined,
      );
      const text = own ?? fromDocument;
      expect(problems, text).to.have.length(1);
      expect(problems[0][1], text).to.match(
        new RegExp(`^data-fields "${text}" .*no form is shown$`),
      );
      expect(view!.endpoint, text).to.be.undefined;
    }
  });

  describe('progress', () => {
    const bar = (raised: string, goal: string) =>
      ctaView(
        attributes({ heading: 'Give', href: 'https://example.org/give', raised, goal }),
        undefined,
        'en',
        undefined,
      );
    const plain = new Intl.NumberFormat('en');

    it('draws nothing raised yet as an empty bar', () => {
      const [view, problems] = bar('0', '250');
      expect(problems).to.deep.equal([]);
      expect(view!.progress).to.deep.equal([
        ctaMessages('en').progress(plain.format(0), plain.format(250)),
        0,
        250,
      ]);
    });

    it('reads amounts written with spaces around them', () => {
      expect(bar(' 40 ', '\t80\n')[0]!.progress!.slice(1)).to.deep.equal([40, 80]);
    });

    for (const [raised, goal] of [
      ['-5', '250'],
      ['5', '0'],
      ['5', '-250'],
      ['10', 'ten'],
    ]) {
      it(`draws no bar for ${raised} of ${goal}, and says so`, () => {
        const [view, problems] = bar(raised, goal);
        expect(view!.progress).to.be.undefined;
        expect(problems).to.have.length(1);
        expect(problems[0][1]).to.contain(`data-raised "${raised}", data-goal "${goal}"`);
      });
    }
  });
});
