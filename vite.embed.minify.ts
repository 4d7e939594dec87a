/**
 * The embed build's last steps on each chunk (vite.embed.config.ts): dynamic
 * imports without Vite's preload wrapper, and terser's compressor before
 * Vite's own minifier. Both only make the code smaller; neither changes
 * what it does.
 */
import type { Plugin } from 'vite';
import { minify } from 'terser';

/**
 * Terser's compressor before Vite's minifier (oxc), which then mangles and
 * prints: on this code the two passes leave about 1 % less gzip than either
 * alone (the Kubernetes steps: 1.8 kB of 155), and the budget counts gzip.
 * Only safe transforms (no `unsafe*` options; `pure_getters` stays at its
 * default, since Svelte's state is read through getters). As a
 * `renderChunk` step its source map is chained like any other.
 */
export function terserCompress(): Plugin {
  return {
    name: 'trafficlab:terser-compress',
    apply: 'build',
    async renderChunk(code) {
      const out = await minify(unwrapPreloads(code), { module: true, toplevel: true, ecma: 2020, compress: { passes: 3 }, mangle: false, sourceMap: true });
      return out.code === undefined ? null : { code: out.code, map: typeof out.map === 'string' ? out.map : null };
    },
  };
}

/** The id Vite gives its preload helper, which wraps every dynamic `import()` of a build. */
const PRELOAD_HELPER = '\0vite/preload-helper.js';

/**
 * Vite's preload helper replaced by one that only calls the import. With
 * `modulePreload: false` and no CSS files (see the top of this file) every
 * dynamic import's dependency list is empty, so the helper's link-element
 * and CSS-loading code never runs, yet it was part of every page's first
 * load (about 1.3 kB gzip). A failed import rejects as before, and the embed
 * reports it in its own words; only Vite's `vite:preloadError` window event,
 * which nothing here listens to, is no longer sent.
 */
export function plainDynamicImports(): Plugin {
  return {
    name: 'trafficlab:plain-dynamic-imports',
    enforce: 'pre',
    apply: 'build',
    resolveId: (source) => (source === PRELOAD_HELPER || source === PRELOAD_HELPER.slice(1) ? PRELOAD_HELPER : null),
    load: (id) => (id === PRELOAD_HELPER ? 'export const __vitePreload = (load) => load();' : null),
    generateBundle(_options, bundle) {
      // A chunk that a dynamic import loads, or one it imports, with CSS of its own would give that import a dependency
      // the helper loads first: then this plugin must go. (The iframe page's stylesheet belongs to its entry, which
      // nothing imports.)
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const imported = new Set(chunks.flatMap((c) => c.imports));
      for (const chunk of chunks) {
        const css = [...(chunk.viteMetadata?.importedCss ?? [])];
        if (css.length > 0 && (chunk.isDynamicEntry || imported.has(chunk.fileName))) {
          this.error(`${chunk.fileName} comes with CSS (${css.join(', ')}), which Vite's preload helper would load before it`);
        }
      }
    },
  };
}

/** How Vite wraps each dynamic import in a chunk, before minifying: `__vitePreload(() => import(…), __VITE_PRELOAD__, import.meta.url)`. */
const PRELOAD_OPEN = '__vitePreload(';
const PRELOAD_CLOSE = ', __VITE_PRELOAD__, import.meta.url)';

/**
 * `code` with each dynamic import's preload wrapper (see
 * plainDynamicImports) replaced by a call of the function it wraps:
 * `(() => import(…))()`, which the compressor makes `import(…)`. Openings
 * and closings nest as the calls do, so each becomes a bracket. The text
 * taken off is replaced by spaces, so every other character keeps its line
 * and column and the minifier's source map (which drops the spaces) stays right.
 */
export function unwrapPreloads(code: string): string {
  const opens = code.split(PRELOAD_OPEN).length - 1;
  const closes = code.split(PRELOAD_CLOSE).length - 1;
  if (opens !== closes) throw new Error(`a chunk has ${opens} preload wrappers opening and ${closes} closing: Vite wraps dynamic imports differently now`);
  return code.replaceAll(PRELOAD_OPEN, `(${' '.repeat(PRELOAD_OPEN.length - 1)}`).replaceAll(PRELOAD_CLOSE, `${' '.repeat(PRELOAD_CLOSE.length - 3)})()`);
}
