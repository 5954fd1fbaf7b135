import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { DEFAULT_DOCUMENT } from '../data/default-document.js';
import { loadedStudyDocument, loadStudyDocument, StudyLoadError } from '../data/loader.js';
import type { ItemKind, ItemOf, Study, StudyDocument } from '../data/schema.js';

/** What the controller reads from its element: the `data-src` and `data-id` attributes. */
export interface StudyItemHost extends ReactiveControllerHost {
  src?: string | undefined;
  itemId?: string | undefined;
}

export type StudyItemState<K extends ItemKind> =
  | { status: 'loading' }
  | { status: 'ready'; study?: Study; items: ItemOf<K>[] }
  | { status: 'error'; error: StudyLoadError };

export interface StudyItemOptions {
  /**
   * True when the element's own attributes describe the item completely (a stat with `data-value`
   * but no `data-id` or `data-src`); the default document is then left out, so a blogger's own
   * figure is never dressed in the study's citation.
   */
  standalone?: () => boolean;
  timeoutMs?: number;
}

/** Each host's controller, for a server render: Lit SSR never calls `hostUpdate`. */
const onServer = new WeakMap<StudyItemHost, StudyItemController<ItemKind>>();

/**
 * Resolves the host's item now. Lit SSR calls `willUpdate` and `render` but no controller hook,
 * so a server render calls this from `willUpdate`; a document it can have (the embedded one, or
 * one the snapshot command preloaded) is then ready for `render`.
 */
export function resolveOnServer(host: StudyItemHost): void {
  onServer.get(host)?.hostUpdate();
}

const SINGULAR: Record<ItemKind, string> = {
  stats: 'stat',
  quotes: 'quote',
  ctas: 'call to action',
};

/**
 * The items of one kind that `data-id` names in one document: `"*"` for all, a space-separated
 * list for several in that order, one id, or nothing for the first.
 */
export function findItems<K extends ItemKind>(
  document: StudyDocument,
  kind: K,
  ids: string | undefined,
  documentName: string,
): ItemOf<K>[] {
  const all = document[kind] as ItemOf<K>[];
  const wanted = (ids ?? '').trim().split(/\s+/).filter(Boolean);
  if (wanted.length === 0 || wanted.includes('*')) {
    if (all.length === 0) {
      throw new StudyLoadError('not-found', `${documentName} has no ${kind}`);
    }
    return wanted.length === 0 ? [all[0]] : all;
  }
  return wanted.map((id) => {
    const item = all.find((candidate) => candidate.id === id);
    if (!item) {
      throw new StudyLoadError(
        'not-found',
        `${documentName} has no ${SINGULAR[kind]} with id "${id}"`,
      );
    }
    return item;
  });
}

/**
 * Resolves an element's item from its `data-src` document (the embedded default when absent) and
 * its `data-id`, and again whenever either changes. Without `data-src` the answer is ready before
 * the first render, so a default-document widget never shows a loading state. Answers that arrive
 * after the element was removed, or after its attributes changed, are dropped.
 */
export class StudyItemController<K extends ItemKind> implements ReactiveController {
  state: StudyItemState<K> = { status: 'loading' };

  #key?: string;
  #generation = 0;
  /** Aborted when this element stops waiting for its document, so an unwanted fetch can end. */
  #waiting?: AbortController;

  constructor(
    private readonly host: StudyItemHost,
    private readonly kind: K,
    private readonly options: StudyItemOptions = {},
  ) {
    host.addController(this);
    if (isServer) onServer.set(host, this);
  }

  /** The first item, the one a single-item element shows. */
  get item(): ItemOf<K> | undefined {
    return this.state.status === 'ready' ? this.state.items[0] : undefined;
  }

  hostConnected(): void {
    // Coming back after a load was abandoned: resolve again.
    if (this.#key === undefined) this.host.requestUpdate();
  }

  hostUpdate(): void {
    const { src, itemId } = this.host;
    const standalone = !src && !itemId && (this.options.standalone?.() ?? false);
    const key = `${src ?? ''}\n${itemId ?? ''}\n${standalone}`;
    if (key === this.#key) return;
    this.#key = key;
    const generation = ++this.#generation;
    this.#waiting?.abort();

    // A server render cannot wait: its document was handed over beforehand (preloadStudyDocument).
    const loaded = isServer && src ? loadedStudyDocument(src) : undefined;
    if (standalone) {
      this.state = { status: 'ready', items: [] };
    } else if (!src) {
      this.state = this.#lookup(DEFAULT_DOCUMENT, 'the default document');
    } else if (loaded) {
      this.state = this.#lookup(loaded, src);
    } else {
      this.state = { status: 'loading' };
      this.#waiting = new AbortController();
      loadStudyDocument(src, this.options.timeoutMs, this.#waiting.signal).then(
        (document) => this.#settle(generation, this.#lookup(document, src)),
        (error: StudyLoadError) => this.#settle(generation, { status: 'error', error }),
      );
    }
  }

  hostDisconnected(): void {
    // A load still in flight is abandoned; reconnecting starts it again (from the shared cache).
    if (this.state.status === 'loading') {
      this.#generation++;
      this.#key = undefined;
      this.#waiting?.abort();
    }
  }

  #lookup(document: StudyDocument, name: string): StudyItemState<K> {
    try {
      return {
        status: 'ready',
        study: document.study,
        items: findItems(document, this.kind, this.host.itemId, name),
      };
    } catch (error) {
      return { status: 'error', error: error as StudyLoadError };
    }
  }

  #settle(generation: number, state: StudyItemState<K>): void {
    if (generation !== this.#generation) return;
    this.state = state;
    this.host.requestUpdate();
  }
}
