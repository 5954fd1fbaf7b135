/**
 * The block editor's side of the three blocks (wordpress/blocks/*): an item picker read from the
 * study document, the element's other attributes, and a live preview that is the element itself
 * (the bundle is enqueued in the editor). The blocks render on the server, so `save` is null.
 *
 * Built by this repository's rollup into build/editor.js as a classic script on WordPress's `wp.*`
 * globals (its dependencies in includes/assets.php), not with a second build system.
 */
import type { StudyDocument } from '../../src/data/schema.js';
import type { WordPress } from './wordpress.js';

declare global {
  interface Window {
    wp: WordPress;
  }
}

const { blocks, blockEditor, components, element, i18n, apiFetch } = window.wp;
const h = element.createElement;
const __ = (text: string) => i18n.__(text, 'impact-widgets');

type Kind = 'stats' | 'quotes' | 'ctas';
type Item = StudyDocument[Kind][number];

/** What each block shows, and how the picker names an item of its list. */
const BLOCKS: Record<
  string,
  { kind: Kind; label(item: Item): string; extra: (readonly [name: string, label: string])[] }
> = {
  'impact-stat': {
    kind: 'stats',
    label: (item) => `${item.id}: ${(item as { label: string }).label}`,
    extra: [],
  },
  'study-quote': {
    kind: 'quotes',
    label: (item) => `${item.id}: ${(item as { author: string }).author}`,
    extra: [],
  },
  'fundraise-cta': {
    kind: 'ctas',
    label: (item) => `${item.id}: ${(item as { heading: string }).heading}`,
    extra: [
      ['endpoint', __('Sign-up endpoint (empty: the site’s)')],
      ['provider', __('Sign-up service (empty: the site’s)')],
      ['fields', __('Field names, ours:theirs (empty: the site’s)')],
    ],
  },
};

/** The settings' document, read once per editor: {src: '' for the embedded study, document}. */
interface Answer {
  src: string;
  document: StudyDocument;
}
let settingsDocument: Promise<Answer> | undefined;
const readDocument = () =>
  (settingsDocument ??= apiFetch<Answer>({ path: '/impact-widgets/v1/document' }));

/** The block's own `src`, else the settings' document; an error becomes its message. */
function useDocument(src: string): { document?: StudyDocument; src: string; error?: string } {
  const [state, setState] = element.useState<{
    document?: StudyDocument;
    src: string;
    error?: string;
  }>({ src });
  element.useEffect(() => {
    let current = true;
    const reading: Promise<Answer> = src
      ? fetch(src).then(async (response) => {
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          return { src, document: (await response.json()) as StudyDocument };
        })
      : readDocument();
    reading.then(
      (answer) => current && setState(answer),
      (error: unknown) =>
        current && setState({ src, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [src]);
  return state;
}

type Attributes = Record<string, string>;

function edit(tag: string) {
  const spec = BLOCKS[tag]!;
  return function Edit({
    attributes,
    setAttributes,
  }: {
    attributes: Attributes;
    setAttributes(next: Attributes): void;
  }) {
    const { document, src, error } = useDocument(attributes.src ?? '');
    const items = document?.[spec.kind] ?? [];
    const text = (name: string, label: string) =>
      h(components.TextControl, {
        key: name,
        label,
        value: attributes[name] ?? '',
        onChange: (value: string) => setAttributes({ [name]: value }),
      });
    const controls = h(
      blockEditor.InspectorControls,
      null,
      h(
        components.PanelBody,
        { title: __('Study item') },
        h(components.SelectControl, {
          label: __('Item'),
          value: attributes.id ?? '',
          options: [
            { value: '', label: __('The first item') },
            ...items.map((item) => ({ value: item.id, label: spec.label(item) })),
          ],
          onChange: (id: string) => setAttributes({ id }),
        }),
        text('src', __('Study document URL (empty: the site’s)')),
        h(components.SelectControl, {
          label: __('Theme'),
          value: attributes.theme ?? '',
          options: [
            { value: '', label: __('Default (light)') },
            { value: 'light', label: __('Light') },
            { value: 'dark', label: __('Dark') },
            { value: 'auto', label: __('Follow the reader’s system') },
          ],
          onChange: (theme: string) => setAttributes({ theme }),
        }),
        text('lang', __('Language (empty: the page’s)')),
        ...spec.extra.map(([name, label]) => text(name, label)),
      ),
    );
    // The preview is the element, with the attributes the server will write.
    const preview = h(tag, {
      'data-id': attributes.id || undefined,
      'data-src': src || undefined,
      'data-theme': attributes.theme || undefined,
      lang: attributes.lang || undefined,
      ...Object.fromEntries(
        spec.extra.map(([name]) => [`data-${name}`, attributes[name] || undefined]),
      ),
    });
    const notice = error
      ? h(
          components.Notice,
          { status: 'warning', isDismissible: false },
          `${__('The study document could not be read:')} ${error}`,
        )
      : null;
    return h('div', blockEditor.useBlockProps(), controls, notice, preview);
  };
}

for (const tag of Object.keys(BLOCKS)) {
  blocks.registerBlockType(`impact-widgets/${tag}`, { edit: edit(tag), save: () => null });
}
