/**
 * `GET /demo-api/card-image?tag=…&id=…&theme=…&lang=…&as=png|svg&width=…&src=…&data-…=…`: an
 * element's image card, for the embed builder's download links, mounted by `npm start`
 * (scripts/serve.mjs) and by the browser tests' server (test/server.js). The images are drawn in
 * Node (HarfBuzz, resvg), so the builder asks the server for them.
 *
 * The query is the snapshot command's options, read by the command's own code
 * (bin/snapshot-options.mjs) and drawn by its renderer, dist/snapshot.mjs: the same card gives
 * the same image as `npx impact-widgets snapshot <tag> --as png`, and bad input the command's
 * refusal, as a 400 with its one line of text. Any other `data-*` parameter is an attribute of
 * the element, as the builder sets it (`data-raised`, `data-label`…).
 *
 * It draws the embedded study, or a document this server serves itself (`src`: a path here, or a
 * URL of this same host), read from its file: it never fetches a URL, so no one can make the
 * demo's server request another.
 *
 * The answer: the image, `Content-Disposition: attachment; filename="<tag>-<id>.png"`, and its
 * alternative text (the card's words) in `X-Alt-Text`, percent-encoded as UTF-8, since a header
 * carries no other characters safely.
 */
import { MAX_TEXT_LENGTH, readDocument } from '../bin/read-document.mjs';
import { Refusal } from '../bin/refusal.mjs';
import { cardOptions, imageOf, options, renderRefusal } from '../bin/snapshot-options.mjs';
import { fileFor } from './static-files.mjs';

/** The formats the endpoint draws, and their types. */
const TYPES = { png: 'image/png', svg: 'image/svg+xml' };
/** The command's options the query may give, each once; `src` is read here, not by the command. */
const OPTIONS = ['id', 'theme', 'lang', 'width', 'src'];
/** What the renderer sets itself from the options: a parameter does not override it. */
const OWN = ['data-src', 'data-id', 'data-theme'];
/** An attribute's name. */
const ATTRIBUTE = /^data-[a-z][a-z0-9-]*$/;

const text = (status, body, headers = {}) => ({
  status,
  headers: { 'content-type': 'text/plain; charset=utf-8', ...headers },
  body: `${body}\n`,
});

/** The command's words for its options, said of this query's parameters. */
const asParameters = (message) =>
  message.replace(/ \(see impact-widgets --help\)$/, '').replace(/(^|\s)--([a-z][a-z-]*)/g, '$1$2');

/** The query read as the command line it stands for, and the element's other attributes. */
function read(query) {
  const args = [];
  const attributes = {};
  for (const name of new Set(query.keys())) {
    const values = query.getAll(name);
    if (values.length > 1) throw new Refusal(`${name} is given ${values.length} times`);
    const [value] = values;
    if (name === 'tag') continue;
    if (name === 'as') {
      if (!Object.hasOwn(TYPES, value)) {
        throw new Refusal(`as "${value}" is not one of ${Object.keys(TYPES).join(', ')}`);
      }
    } else if (OPTIONS.includes(name)) {
      // One argument each, `--id=-x` included: a value is never read as another option.
      args.push(`--${name}=${value}`);
    } else if (ATTRIBUTE.test(name) && !OWN.includes(name)) {
      // The command's cap for a document's texts, for the texts that stand in for them.
      if (value.length > MAX_TEXT_LENGTH) {
        throw new Refusal(`${name} is over ${MAX_TEXT_LENGTH} characters`);
      }
      attributes[name] = value;
    } else {
      throw new Refusal(`unknown parameter "${name}"`);
    }
  }
  if (!query.has('as')) throw new Refusal(`as is missing: ${Object.keys(TYPES).join(' or ')}`);
  // After `--`, the tag is the element's name, whatever it says.
  args.push(`--as=${query.get('as')}`, '--', ...query.getAll('tag'));
  return { given: options(['snapshot', ...args]), attributes };
}

/**
 * The document `src` names on this server (`host`), read from its file within the command's caps;
 * never fetched.
 */
function localDocument(renderer, root, src, host) {
  let url;
  try {
    url = new URL(src, `http://${host}`);
  } catch {
    throw new Refusal(`src "${src}" is not a URL`);
  }
  if (!/^https?:$/.test(url.protocol) || url.host !== host) {
    throw new Refusal(
      `src "${src}" is not on this server, which draws only the embedded study or a document it serves; the snapshot command draws any other`,
    );
  }
  const file = fileFor(root, url.pathname);
  if (!file) throw new Refusal(`src "${src}": this server has no such document`);
  return readDocument(renderer, src, { file });
}

/**
 * Makes the endpoint, reading documents from the files under `root`.
 * @param {{root: string}} options the project's folder, as the demo server serves it
 * @returns {(request: import('node:http').IncomingMessage) => Promise<{status: number, headers: Record<string, string>, body: string | Buffer}>}
 *   the answer to one request, for the caller to send its own way (node:http or koa)
 */
export function createCardImages({ root }) {
  let renderer;
  return async function answer(request) {
    if (request.method !== 'GET')
      return text(405, 'Image cards are fetched with GET.', { allow: 'GET' });
    const query = new URL(request.url ?? '/', 'http://localhost').searchParams;
    try {
      const { given, attributes } = read(query);
      try {
        renderer ??= await import('../dist/snapshot.mjs');
      } catch (error) {
        if (error.code !== 'ERR_MODULE_NOT_FOUND') throw error;
        return text(503, 'dist/snapshot.mjs is missing; build the package first (npm run build)');
      }
      const host = request.headers.host ?? 'localhost';
      const document = given.src && (await localDocument(renderer, root, given.src, host));
      let drawn;
      try {
        drawn = await imageOf(renderer, { ...cardOptions(given, document), attributes }, given);
      } catch (error) {
        throw renderRefusal(error, given);
      }
      const name = [given.tag, given.id]
        .filter(Boolean)
        .join('-')
        .replace(/[^\w.-]+/g, '-');
      return {
        status: 200,
        headers: {
          'content-type': TYPES[given.as],
          'content-disposition': `attachment; filename="${name}.${given.as}"`,
          'x-alt-text': encodeURIComponent(drawn.alt),
        },
        // A Buffer, which node:http and koa both send as bytes.
        body: typeof drawn.image === 'string' ? drawn.image : Buffer.from(drawn.image),
      };
    } catch (error) {
      if (error instanceof Refusal) return text(400, asParameters(error.message));
      // A bug, not the request's fault: its stack goes to the server's output.
      console.error(error);
      return text(500, `The image could not be drawn: ${error.message}`);
    }
  };
}
