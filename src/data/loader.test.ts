import { expect, waitUntil } from '@open-wc/testing';
import { loadStudyDocument, StudyLoadError } from './loader.js';

/** A URL no other test has used, so the per-page cache starts empty for it. */
let counter = 0;
const fresh = (path: string) =>
  `${path}${path.includes('?') ? '&' : '?'}case=${Date.now()}-${counter++}`;

async function hits(url: string): Promise<number> {
  const path = new URL(url, location.href);
  const response = await fetch(`/api/hits?path=${encodeURIComponent(path.pathname + path.search)}`);
  return ((await response.json()) as { count: number }).count;
}

async function failure(promise: Promise<unknown>): Promise<StudyLoadError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(StudyLoadError);
    return error as StudyLoadError;
  }
  throw new Error('expected the load to fail');
}

describe('loadStudyDocument', () => {
  it('loads and validates a document over HTTP', async () => {
    const document = await loadStudyDocument(fresh('/fixtures/study.json'));
    expect(document.study.title).to.equal('Fixture Study of Test Figures');
    expect(document.stats.map((stat) => stat.id)).to.include('households');
  });

  it('accepts a JSON body served as text/plain', async () => {
    const document = await loadStudyDocument(fresh('/fixtures/as-text.json'));
    expect(document.quotes).to.have.length(2);
  });

  it('requests a shared URL once however many callers ask, relative or absolute', async () => {
    const url = fresh('/fixtures/study.json');
    const absolute = new URL(url, location.href).href;
    const loads = Array.from({ length: 20 }, (_, i) => loadStudyDocument(i % 2 ? url : absolute));
    const documents = await Promise.all(loads);
    expect(new Set(documents).size).to.equal(1);
    await loadStudyDocument(url);
    expect(await hits(url)).to.equal(1);
  });

  it('forgets a failed load so a later caller tries again', async () => {
    const url = fresh('/fixtures/status/503');
    await failure(loadStudyDocument(url));
    await failure(loadStudyDocument(url));
    expect(await hits(url)).to.equal(2);
  });

  it('names the HTTP status', async () => {
    for (const code of [404, 500]) {
      const error = await failure(loadStudyDocument(fresh(`/fixtures/status/${code}`)));
      expect(error.cause).to.equal('http');
      expect(error.message).to.contain(`HTTP ${code}`);
    }
  });

  it('says an HTML page is not JSON', async () => {
    const error = await failure(loadStudyDocument(fresh('/fixtures/page.json')));
    expect(error.cause).to.equal('not-json');
    expect(error.message).to.contain('HTML').and.contain('text/html');
  });

  it('says a truncated body is not JSON', async () => {
    const error = await failure(loadStudyDocument(fresh('/fixtures/malformed.json')));
    expect(error.cause).to.equal('not-json');
  });

  it('names the path and the problem of a schema error', async () => {
    const error = await failure(loadStudyDocument(fresh('/fixtures/bad-value.json')));
    expect(error.cause).to.equal('schema');
    expect(error.message).to.contain('stats[2].value: expected a number, got "2,2"');
  });

  it('gives up after the timeout', async () => {
    const error = await failure(loadStudyDocument(fresh('/fixtures/slow.json?ms=2000'), 200));
    expect(error.cause).to.equal('timeout');
    expect(error.message).to.contain('0.2 s');
  });

  it('blames CORS when another origin refuses to share', async () => {
    const { url } = (await (await fetch('/fixtures/cross-origin')).json()) as { url: string };
    const error = await failure(loadStudyDocument(fresh(url)));
    expect(error.cause).to.equal('network');
    expect(error.message).to.contain('CORS');
  });

  it('aborts a fetch that no caller waits for, and fetches again for the next one', async () => {
    const url = fresh('/fixtures/slow.json?ms=400');
    const leaving = new AbortController();
    const abandoned = loadStudyDocument(url, undefined, leaving.signal);
    // Once the server has the request, so that the next one is a second request.
    await waitUntil(async () => (await hits(url)) === 1, 'the request did not arrive');
    leaving.abort();
    // Nobody waits for the answer any more; all that matters is that there is none.
    await failure(abandoned);
    const document = await loadStudyDocument(url);
    expect(document.stats.map((stat) => stat.id)).to.include('share');
    expect(await hits(url)).to.equal(2);
  });

  it('keeps a shared fetch while any caller waits, or comes back within the task', async () => {
    const url = fresh('/fixtures/slow.json?ms=150');
    const [first, second] = [new AbortController(), new AbortController()];
    const loads = [url, url].map((u, i) =>
      loadStudyDocument(u, undefined, [first, second][i].signal),
    );
    first.abort();
    second.abort();
    // Back before the task ends, like an element moved from one container to another.
    const back = loadStudyDocument(url, undefined, new AbortController().signal);
    const documents = await Promise.all([...loads, back]);
    expect(new Set(documents).size).to.equal(1);
    expect(await hits(url)).to.equal(1);
  });

  it("takes the page's own copy of a document, with no request, and checks it as a fetched one", async () => {
    const url = fresh('/fixtures/study.json');
    const copy = document.createElement('script');
    copy.type = 'application/json';
    // Named relative to the page, looked up by its absolute URL, as data-src is.
    copy.dataset.impactSrc = url;
    const title = 'The page’s own copy </script> of the study';
    copy.text = JSON.stringify({
      version: 1,
      study: { id: 'copy', title, publisher: 'P', year: 2020 },
      stats: [],
      quotes: [],
      ctas: [],
    });
    document.head.append(copy);
    try {
      const loaded = await loadStudyDocument(new URL(url, location.href).href);
      expect(loaded.study.title).to.equal(title);
      expect(await hits(url)).to.equal(0);

      const broken = fresh('/fixtures/study.json');
      copy.dataset.impactSrc = broken;
      copy.text = '{"version": 1}';
      const error = await failure(loadStudyDocument(broken));
      expect(error.cause).to.equal('schema');
      expect(await hits(broken)).to.equal(0);
    } finally {
      copy.remove();
    }
  });

  it('refuses a URL that does not parse', async () => {
    const error = await failure(loadStudyDocument('http://['));
    expect(error.cause).to.equal('network');
    expect(error.message).to.contain('not a valid URL');
  });
});
