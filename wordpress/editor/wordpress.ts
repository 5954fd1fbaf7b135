/**
 * The few parts of WordPress's `wp.*` globals the editor script uses, typed as it uses them.
 * WordPress's own type packages are not dependencies of this repository.
 */

/** A React element, as far as this script handles one. */
export type Node = unknown;
type Component<P> = (props: P) => Node;

export interface WordPress {
  apiFetch<T>(options: { path: string }): Promise<T>;
  blocks: {
    registerBlockType(
      name: string,
      settings: { edit: Component<never>; save: () => null },
    ): unknown;
  };
  blockEditor: {
    InspectorControls: Component<{ children?: Node }>;
    useBlockProps(): Record<string, unknown>;
  };
  components: {
    Notice: Component<{ status: string; isDismissible: boolean }>;
    PanelBody: Component<{ title: string }>;
    SelectControl: Component<{
      label: string;
      value: string;
      options: { value: string; label: string }[];
      onChange(value: string): void;
    }>;
    TextControl: Component<{ label: string; value: string; onChange(value: string): void }>;
  };
  element: {
    createElement(type: string | Component<never>, props: object | null, ...children: Node[]): Node;
    useEffect(effect: () => void | (() => void), deps: unknown[]): void;
    useState<S>(initial: S): [S, (next: S) => void];
  };
  i18n: { __(text: string, domain: string): string };
}
