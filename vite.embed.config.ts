/**
 * The embed build (`npm run build` runs it after the app's): `dist/traffic-lab.js`,
 * the <traffic-lab> element as one ES module with a fixed name for course
 * pages to load, and `dist/embed.html`, the iframe page.
 *
 * Svelte compiles each component's CSS into its JavaScript (`emitCss: false`),
 * and every import of `svelte/internal/client` is pointed at
 * src/embed/svelte-client.ts, which turns that CSS into constructed
 * stylesheets for the element's shadow root instead of `<style>` elements
 * (refused under `style-src 'self'`). So no CSS file has to be found next
 * to the script, and styles neither leak out nor come in.
 *
 * Its plugins for world parts loaded on demand are in vite.embed.parts.ts,
 * and its minifying steps in vite.embed.minify.ts.
 *
 * Working on it: `npx vite -c vite.embed.config.ts` serves /embed-demo.html
 * and /embed.html with `/traffic-lab.js` mapped to the source.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, runnerImport, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { WORLD_PARTS, worldParts } from './vite.embed.parts';
import { plainDynamicImports, terserCompress } from './vite.embed.minify';

export { PART_CHUNKS, partImports, WORLD_PARTS } from './vite.embed.parts';
export { unwrapPreloads } from './vite.embed.minify';

const root = fileURLToPath(new URL('.', import.meta.url));
const lessonIndex = path.join(root, 'src/embed/lesson-chunks.ts');
const shim = fileURLToPath(new URL('./src/embed/svelte-client.ts', import.meta.url));
const entry = fileURLToPath(new URL('./src/embed/traffic-lab.ts', import.meta.url));
/** Where lesson chunks register their nginx configurations, parsed at build time. */
const nginxRegistry = path.join(root, 'src/embed/deferred/nginx-config.ts');

/**
 * Modules whose top-level code only defines things (the YAML parser, the
 * Markdown lexer, the scenario and lesson readers, the terminal's commands,
 * the nginx and Kubernetes models, whose tables and machines are built from
 * plain values). Without this a
 * bundler must assume their top-level code does something, and keeps them
 * wherever they are reached through a barrel file such as src/scenario's
 * index, even with nothing of theirs used: a lesson step, whose data comes
 * checked and lexed, would still download them.
 */
const DEFINITIONS_ONLY = /[\\/]node_modules[\\/](yaml|marked)[\\/]|[\\/]src[\\/](models[\\/](shell|nginx|k8s)[\\/]|scenario[\\/](sections[\\/]|schema\.ts|format\.ts|load\.ts)|lessons[\\/])/;

/** The policy the built iframe page declares for itself; a server's header can only narrow it. */
export const FRAME_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  // Scenarios may be fetched from other sites that allow it (CORS); nothing else leaves the page.
  "connect-src 'self' https:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Route Svelte's style insertion through constructed stylesheets (see the shim). */
function shadowStyles(): Plugin {
  return {
    name: 'trafficlab:shadow-styles',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === 'svelte/internal/client' && importer !== shim) return shim;
      return null;
    },
  };
}

/** What src/embed/build/lesson-modules.ts exports (loaded through Vite's module runner: it is TypeScript importing the lessons). */
interface LessonModules {
  LESSON_MODULE_PREFIX: string;
  loadLessonData(files: { file: string; text: string }[], lookup: (name: string) => { file: string; text: string } | undefined): { id: string }[];
  lessonModule(lesson: { id: string }, nginxRegistry?: string): string;
  indexModule(lessons: readonly { id: string }[]): string;
}

/** lessons/*.md (but the README) in course order, with paths from the repository root as the app names them. */
function lessonFiles(): { file: string; text: string }[] {
  const names = readdirSync(path.join(root, 'lessons')).filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md');
  return names.sort().map((name) => ({ file: `lessons/${name}`, text: readFileSync(path.join(root, 'lessons', name), 'utf8') }));
}

/** A scenario file of lessons/scenarios by name, or undefined when there is none. */
function scenarioFile(name: string): { file: string; text: string } | undefined {
  const file = `lessons/scenarios/${name}`;
  return existsSync(path.join(root, file)) ? { file, text: readFileSync(path.join(root, file), 'utf8') } : undefined;
}

/**
 * The lessons, checked and lexed at build time, one module per lesson in
 * place of src/embed/lesson-chunks.ts (see src/embed/build/lesson-modules.ts).
 * A lesson that does not load fails the build, as `trafficlab check` would.
 */
function bundledLessons(): Plugin {
  const lessonsDir = path.join(root, 'lessons');
  let built: Promise<{ m: LessonModules; lessons: { id: string }[] }> | undefined;
  const load = () =>
    (built ??= runnerImport<LessonModules>(path.join(root, 'src/embed/build/lesson-modules.ts'), { configFile: false, root, logLevel: 'warn' }).then(({ module: m }) => ({
      m,
      lessons: m.loadLessonData(lessonFiles(), scenarioFile),
    })));
  let prefix = '';
  return {
    name: 'trafficlab:bundled-lessons',
    enforce: 'pre',
    async buildStart() {
      built = undefined;
      prefix = (await load()).m.LESSON_MODULE_PREFIX;
      this.addWatchFile(lessonsDir);
    },
    resolveId(source) {
      return prefix !== '' && source.startsWith(prefix) ? `\0${source}` : null;
    },
    async load(id) {
      if (id === lessonIndex) {
        const { m, lessons } = await load();
        return m.indexModule(lessons);
      }
      if (prefix === '' || !id.startsWith(`\0${prefix}`)) return null;
      const { m, lessons } = await load();
      const lesson = lessons.find((l) => l.id === id.slice(1 + prefix.length));
      if (lesson === undefined) return this.error(`no bundled lesson ${id.slice(1 + prefix.length)}`);
      return m.lessonModule(lesson, nginxRegistry);
    },
    watchChange(id) {
      if (id.startsWith(lessonsDir)) built = undefined;
    },
  };
}

/**
 * Modules of the world that only an interaction needs, replaced in the embed
 * by a stand-in that loads the real one on demand (src/embed/deferred):
 * importer → import → stand-in. The stand-in's own import of the real module
 * is left alone, so it becomes a chunk of its own.
 */
const deferredModules: { importer: string; source: string; standIn: string }[] = [
  { importer: 'src/scenario/runtime/full-world.ts', source: './apply', standIn: 'src/embed/deferred/kubectl-apply.ts' },
  // nginx starts from configurations parsed at build time; the parser loads for any other text.
  { importer: 'src/scenario/runtime/nginx-process.ts', source: '../../models/nginx/config', standIn: 'src/embed/deferred/nginx-config.ts' },
  { importer: 'src/scenario/terminal/adapters/nginx.ts', source: '../../../models/shell/../../models/nginx/config', standIn: 'src/embed/deferred/nginx-config.ts' },
  // The terminal's `nginx -t` reads any file: the shell loads with the parser.
  { importer: 'src/ui/terminal/Terminal.svelte', source: './Terminal.Shell.svelte', standIn: 'src/embed/deferred/Terminal.Shell.svelte' },
];

function deferred(): Plugin {
  return {
    name: 'trafficlab:deferred-modules',
    enforce: 'pre',
    resolveId(source, importer) {
      if (importer === undefined) return null;
      const hit = deferredModules.find((d) => d.source === source && path.relative(root, importer.split('?')[0] ?? '') === d.importer);
      return hit === undefined ? null : path.join(root, hit.standIn);
    },
  };
}

/**
 * One chunk for everything `traffic-lab.js` imports statically (the
 * element, the player, the diagram, Svelte, XState, the world's core): every
 * page loads all of it before it shows anything, and as one file it shares
 * one gzip window instead of paying for a dozen small ones (the bundler
 * would otherwise split out what some on-demand chunk also imports). Only
 * modules in that static graph and kept by the build (`$initial`, with
 * their dependencies left to their own groups) are taken: what only the
 * iframe page imports (src/embed/frame.ts) stays in its own entry, and what
 * loads on demand stays on demand.
 */
function firstLoad() {
  const reached = new WeakMap<object, Set<string>>();
  /** Modules reachable from the element's entry through static imports. */
  const staticGraph = (ctx: ModuleGraph): Set<string> => {
    let seen = reached.get(ctx);
    if (seen !== undefined) return seen;
    seen = new Set<string>();
    const queue = [entry];
    for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
      if (seen.has(id)) continue;
      seen.add(id);
      queue.push(...(ctx.getModuleInfo(id)?.importedIds ?? []));
    }
    reached.set(ctx, seen);
    return seen;
  };
  // A world part's module stays on demand even where a barrel re-exports it (the graph then reaches it statically).
  const parts = new Set(Object.values(WORLD_PARTS).flatMap((files) => files.map((f) => path.join(root, f))));
  return {
    name: (id: string, ctx: ModuleGraph) => (staticGraph(ctx).has(id) && !parts.has(id) ? 'traffic-lab' : null),
    tags: ['$initial' as const],
    includeDependenciesRecursively: false,
  };
}

/** What a chunking group's `name` function can ask about the module graph. */
interface ModuleGraph {
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}

/** The iframe page's own Content-Security-Policy, in the built file only (the dev server needs its inline client). */
function framePolicy(): Plugin {
  return {
    name: 'trafficlab:frame-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: FRAME_POLICY }, injectTo: 'head-prepend' }],
    },
  };
}

/** In the dev server, `/traffic-lab.js` (what the demo page loads) is the element's source. */
function devEntry(): Plugin {
  return {
    name: 'trafficlab:dev-entry',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url === '/traffic-lab.js') req.url = '/src/embed/traffic-lab.ts';
        next();
      });
    },
  };
}

export default defineConfig({
  plugins: [svelte({ emitCss: false }), shadowStyles(), plainDynamicImports(), bundledLessons(), deferred(), worldParts(root), framePolicy(), devEntry(), terserCompress()],
  // Relative URLs, so dist/ works from any folder of any site.
  base: './',
  server: { host: '127.0.0.1' },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    // The budget that matters is gzip of everything loaded up front (test/embed/size.test.ts), not one chunk's raw size.
    chunkSizeWarningLimit: 1000,
    // What loads on demand imports statically only the first load (already run) or a small shared chunk, so preloading
    // saves next to nothing, and its helper and dependency lists would be part of every page's first load.
    modulePreload: false,
    rolldownOptions: {
      input: { 'traffic-lab': entry, embed: fileURLToPath(new URL('./embed.html', import.meta.url)) },
      // The entry's chunk may carry more exports than the entry (the first-load group shares it with embed.html's).
      preserveEntrySignatures: 'allow-extension',
      treeshake: { moduleSideEffects: (id) => (DEFINITIONS_ONLY.test(id) ? false : undefined) },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'traffic-lab' ? 'traffic-lab.js' : 'assets/[name]-[hash].js'),
        codeSplitting: { groups: [firstLoad()] },
      },
    },
  },
});
