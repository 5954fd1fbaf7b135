/**
 * The demo page as `npm start` serves it: its markup, with its stylesheet, in a test document
 * whose elements come from the source (the built bundle is covered by test/dist/). Every element
 * on it must render from the embedded study, and the whole page must pass axe in both color
 * schemes, since partners copy from it.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/index.js';
import { watchPage } from '../watch-page.js';

const demo = new DOMParser().parseFromString(
  await (await fetch('/demo/index.html')).text(),
  'text/html',
);
const TAGS = ['impact-stat', 'study-quote', 'fundraise-cta'];

async function mountDemo(): Promise<HTMLElement> {
  const stylesheet = document.createElement('link');
  stylesheet.rel = 'stylesheet';
  stylesheet.href = '/demo/demo.css';
  const loaded = new Promise((resolve) => stylesheet.addEventListener('load', resolve));
  document.head.append(stylesheet);
  await loaded;
  const page = document.createElement('div');
  page.id = 'demo';
  page.append(...[...demo.body.children].map((node) => document.importNode(node, true)));
  document.body.append(page);
  const elements = page.querySelectorAll(TAGS.join(','));
  await waitUntil(
    () => [...elements].every((el) => el.shadowRoot?.querySelector('[part~="card"]')),
    'not every element on the demo page rendered',
  );
  return page;
}

describe('the demo page', () => {
  let watch: ReturnType<typeof watchPage>;
  beforeEach(() => (watch = watchPage()));
  afterEach(async () => {
    watch.stop();
    document.getElementById('demo')?.remove();
    document.querySelector('link[href="/demo/demo.css"]')?.remove();
    await emulateMedia({ colorScheme: 'light' });
  });

  it('is a whole page: language, title, one h1, and the bundle as a partner loads it', () => {
    expect(demo.documentElement.lang).to.equal('en');
    expect(demo.title).to.not.be.empty;
    expect(demo.querySelectorAll('h1')).to.have.length(1);
    const script = demo.querySelector('script[type="module"]')!;
    expect(script.getAttribute('src')).to.equal('../dist/impact-widgets.js');
  });

  it('shows the four stats of the study, each rendered from the embedded document', async () => {
    const page = await mountDemo();
    const ids = new Set([...page.querySelectorAll('impact-stat')].map((el) => el.dataset.id));
    expect([...ids].sort()).to.deep.equal(
      ['minors-2015', 'under-15-2015', 'reduction-2012-2015', 'minors-early-2000s'].sort(),
    );
    expect(watch.warnings).to.deep.equal([]);
    expect(watch.uncaught).to.deep.equal([]);
  });

  it('has a dark section, a narrow column and a newsletter landing section', async () => {
    const page = await mountDemo();
    expect(page.querySelector('.dark [data-theme="dark"]')).to.exist;
    expect(page.querySelector('.column impact-stat')!.getBoundingClientRect().width).to.be.below(
      400,
    );
    expect(page.querySelector('.newsletter impact-stat')).to.exist;
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`passes axe with the reader in ${colorScheme} mode`, async () => {
      await emulateMedia({ colorScheme });
      const page = await mountDemo();
      await expect(page).to.be.accessible();
    });
  }
});
