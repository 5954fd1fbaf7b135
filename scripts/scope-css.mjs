/**
 * One element's stylesheet rewritten to share a file with the others: `dist/impact-widgets.css`,
 * which a pre-rendered card's shadow root links because a strict CSP blocks the `<style>` Lit SSR
 * would write. Every rule is scoped to its element, so each shadow root that links the file meets
 * only its own element's rules:
 *
 *   :host                  → :host(impact-stat)
 *   :host([data-theme=x])  → :host(impact-stat[data-theme=x])
 *   [part~='value']        → :host(impact-stat) [part~='value']
 *
 * Scoping adds the same specificity to every rule of one kind (0,0,1 to each `:host` rule, 0,1,1
 * to each other rule), and the two kinds never match the same element, so within one shadow root
 * the rules win and lose exactly as the element's own stylesheets do. Comments go, and whitespace
 * is collapsed.
 */
import postcss from 'postcss';
import selectorParser from 'postcss-selector-parser';

/** `cssText` with every selector scoped to `tag`. */
export function scopeCss(cssText, tag) {
  const scope = selectorParser((selectors) => {
    selectors.each((selector) => {
      selector.spaces.before = '';
      const first = selector.first;
      if (first?.type === 'pseudo' && first.value === ':host') {
        // The tag goes into the host's own compound: `:host(impact-stat[data-theme=x])`.
        if (first.nodes.length) first.nodes[0].prepend(selectorParser.tag({ value: tag }));
        else first.append(selectorParser.selector({ nodes: [selectorParser.tag({ value: tag })] }));
      } else {
        selector.prepend(selectorParser.combinator({ value: ' ' }));
        selector.prepend(
          selectorParser.pseudo({
            value: ':host',
            nodes: [selectorParser.selector({ nodes: [selectorParser.tag({ value: tag })] })],
          }),
        );
      }
    });
  });
  const root = postcss.parse(cssText);
  root.walkComments((comment) => comment.remove());
  root.walk((node) => {
    node.raws.before = '';
    node.raws.after = '';
    if (node.type === 'decl') {
      node.raws.between = ':';
      node.value = node.value.replace(/\s+/g, ' ');
    } else if (node.type === 'rule') {
      node.raws.between = '';
      node.raws.semicolon = false;
      // Keyframe selectors (`to`, `50%`) name a moment, not an element.
      if (!(node.parent?.type === 'atrule' && /keyframes$/i.test(node.parent.name))) {
        node.selector = scope
          .processSync(node.selector)
          .replace(/\s+/g, ' ')
          .replace(/\s*,\s*/g, ',');
      }
    } else if (node.type === 'atrule') {
      node.raws.between = '';
      node.raws.afterName = ' ';
      node.params = node.params.replace(/\s+/g, ' ');
    }
  });
  return root.toString().trim();
}

/**
 * `dist/impact-widgets.css`: each element's stylesheets (`elementStyles`, the theme's and its
 * own), scoped to it, one element after the other.
 */
export function sharedStylesheet(elements) {
  const sheets = Object.entries(elements).map(([tag, { element }]) =>
    scopeCss(element.elementStyles.map((style) => style.cssText).join('\n'), tag),
  );
  return `${sheets.join('\n')}\n`;
}
