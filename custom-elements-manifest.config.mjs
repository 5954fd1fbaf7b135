import { existsSync } from 'node:fs';

/**
 * custom-elements.json describes the package as it ships, for the editors and tools that read it
 * (and for scripts/readme-docs.mjs and scripts/framework-types.mjs): each module by its built
 * file under dist/esm/ (src/ is not in the tarball), and each tag by the define module that
 * registers it. Run by scripts/build.mjs after rollup, so the built files are there to check.
 */
const built = (path) => path.replace(/^src\/(.*)\.ts$/, 'dist/esm/$1.js');

/**
 * Our define modules call `define('impact-stat', ImpactStatElement)` (src/internal/define.ts),
 * which the analyzer does not know; the one `customElements.define(tag, element)` it does see is
 * inside that helper, where the tag is a variable, not a tag.
 */
function defineCalls() {
  const variableTags = new Set();
  return {
    name: 'impact-widgets: define calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node)) return;
      const [tag, element] = node.arguments;
      const callee = node.expression.getText();
      if (callee === 'customElements.define' && tag && !ts.isStringLiteral(tag)) {
        variableTags.add(`${moduleDoc.path}:${tag.getText()}`);
      } else if (callee === 'define' && tag && ts.isStringLiteral(tag) && element) {
        moduleDoc.exports = [
          ...(moduleDoc.exports ?? []),
          {
            kind: 'custom-element-definition',
            name: tag.text,
            declaration: { name: element.getText() },
          },
        ];
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const classModule = new Map(
        customElementsManifest.modules.flatMap((module) =>
          (module.declarations ?? [])
            .filter((declaration) => declaration.kind === 'class')
            .map((declaration) => [declaration.name, module.path]),
        ),
      );
      for (const module of customElementsManifest.modules) {
        module.exports = (module.exports ?? []).filter(
          (entry) =>
            entry.kind !== 'custom-element-definition' ||
            !variableTags.has(`${module.path}:${entry.name}`),
        );
        for (const entry of module.exports) {
          if (entry.kind === 'custom-element-definition' && !entry.declaration.module) {
            entry.declaration.module = classModule.get(entry.declaration.name);
          }
        }
      }
    },
  };
}

/** Every module path by its built file; a module that does not ship is left out. */
function shippedPaths() {
  const rewrite = (value) => {
    if (Array.isArray(value)) return value.forEach(rewrite);
    if (!value || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if ((key === 'path' || key === 'module') && typeof child === 'string') {
        value[key] = built(child);
      } else rewrite(child);
    }
  };
  return {
    name: 'impact-widgets: shipped paths',
    packageLinkPhase({ customElementsManifest }) {
      const { modules } = customElementsManifest;
      for (const module of modules) {
        if (existsSync(built(module.path))) continue;
        if (module.declarations?.some((declaration) => declaration.tagName)) {
          throw new Error(
            `${module.path} declares an element but ${built(module.path)} is not built`,
          );
        }
      }
      customElementsManifest.modules = modules.filter((module) => existsSync(built(module.path)));
      rewrite(customElementsManifest.modules);
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/snapshot/**'],
  outdir: '.',
  litelement: true,
  plugins: [defineCalls(), shippedPaths()],
};
