/**
 * The layer table of DESIGN.md as data, and the ESLint rule that enforces it.
 *
 * A file under src/<layer> may import only the src layers and packages listed
 * for it. Keeping the browser out of the simulation is what lets every lesson
 * and test run headless, byte for byte the same as in the page.
 */
import path from 'node:path';

/** src layer → the src layers it may import (itself always allowed). */
export const layers = {
  sim: [],
  net: ['sim'],
  models: ['sim', 'net'],
  scenario: ['sim', 'net', 'models'],
  lessons: ['sim', 'net', 'models', 'scenario'],
  ui: ['sim', 'net', 'models', 'scenario', 'lessons'],
  embed: ['sim', 'net', 'models', 'scenario', 'lessons', 'ui'],
  cli: ['sim', 'net', 'models', 'scenario', 'lessons'],
};

/**
 * Inside src/models each component folder stands alone: it may import only
 * itself, except for these uses of another component's public logic. A client
 * resolves names the way a browser's stub resolver does, and a forward proxy
 * is a client acting for others. Everything else meets in src/scenario.
 */
export const modelDeps = {
  client: ['dns'],
  proxy: ['client', 'dns'],
};

/** Packages a layer may import; `*` means any. Headless layers stay free of DOM libraries. */
export const packages = {
  sim: [],
  net: [],
  models: ['xstate'],
  scenario: ['xstate', 'yaml'],
  lessons: ['xstate', 'yaml', 'marked', 'micromark'],
  ui: ['*'],
  embed: ['*'],
  cli: ['*'],
};

const layerOf = (file) => {
  const rel = path.relative(process.cwd(), file).split(path.sep);
  return rel[0] === 'src' && rel[1] in layers ? rel[1] : undefined;
};

/** The component folder of a path under src/models, if any. */
const componentOf = (file) => {
  const rel = path.relative(process.cwd(), file).split(path.sep);
  return rel[0] === 'src' && rel[1] === 'models' && rel.length >= 3 ? rel[2] : undefined;
};

const packageName = (source) =>
  source.startsWith('@') ? source.split('/').slice(0, 2).join('/') : source.split('/')[0];

/** @type {import('eslint').Rule.RuleModule} */
export const layerImports = {
  meta: {
    type: 'problem',
    docs: { description: 'imports must follow the layer table in DESIGN.md' },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const from = layerOf(file);
    if (from === undefined) return {};
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      if (source.startsWith('.')) {
        const to = layerOf(path.resolve(path.dirname(file), source));
        const target = path.relative(process.cwd(), path.resolve(path.dirname(file), source));
        if (to === undefined) {
          if (!target.startsWith('src' + path.sep) && from !== 'ui' && from !== 'embed' && from !== 'cli') {
            context.report({ node, message: `src/${from} may not import "${source}" from outside src (DESIGN.md, "Layers")` });
          }
          return;
        }
        if (to !== from && !layers[from].includes(to)) {
          context.report({ node, message: `src/${from} may not import src/${to} (DESIGN.md, "Layers": ${from} imports ${layers[from].join(', ') || 'nothing'})` });
        }
        const fromComponent = componentOf(file);
        const toComponent = componentOf(path.resolve(path.dirname(file), source));
        if (from === 'models' && to === 'models' && fromComponent !== toComponent && !(modelDeps[fromComponent] ?? []).includes(toComponent)) {
          context.report({ node, message: `src/models/${fromComponent} may not import src/models/${toComponent}: components meet in src/scenario (DESIGN.md, "Layers")` });
        }
        return;
      }
      if (source.startsWith('node:')) {
        if (from !== 'cli') context.report({ node, message: `src/${from} may not import Node built-in "${source}": only src/cli runs in Node` });
        return;
      }
      const allowed = packages[from];
      if (!allowed.includes('*') && !allowed.includes(packageName(source))) {
        context.report({ node, message: `src/${from} may not import package "${source}" (allowed: ${allowed.join(', ') || 'none'})` });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};
