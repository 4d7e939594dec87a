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
 * Working on it: `npx vite -c vite.embed.config.ts` serves /embed-demo.html
 * and /embed.html with `/traffic-lab.js` mapped to the source.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, runnerImport, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { minify } from 'terser';

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
 * World parts the embed loads only for scenarios that have them
 * (src/embed/world-parts.ts): part → its modules. Every import of one of
 * these modules gets a generated stand-in instead, made from the names that
 * import takes: for each a live binding, which throws until the part is
 * loaded and is then the real function or class, and a loader registered
 * with world-parts.ts. The embed awaits the loaders a scenario needs before
 * building its world, so the world's code, unchanged, finds the real things.
 */
export const WORLD_PARTS: Record<string, readonly string[]> = {
  // The world of a scenario with `topology` (clients straight to servers), and what its terminal reads.
  direct: ['src/scenario/legacy-world.ts'],
  cluster: ['src/scenario/runtime/cluster-part.ts'],
  nlb: ['src/models/nlb/index.ts', 'src/scenario/runtime/nlb-ip-targets.ts'],
  nginx: ['src/scenario/runtime/nginx-process.ts'],
  proxy: ['src/models/proxy/index.ts'],
  // nginx's balancing methods besides round-robin, for configurations that choose one.
  // (ketama.ts: the ring of `hash … consistent`, which an upstream's state builds only for that method.)
  balancers: [
    'src/models/nginx/upstream/consistentHash.ts',
    'src/models/nginx/upstream/hash.ts',
    'src/models/nginx/upstream/ipHash.ts',
    'src/models/nginx/upstream/leastConn.ts',
    'src/models/nginx/upstream/random.ts',
    'src/models/nginx/upstream/ketama.ts',
  ],
  // The terminal's view of a world (src/scenario/runtime/terminal-part.ts, which full-world.ts makes when the terminal
  // first asks), with what its commands read the world with (kubectl, aws elbv2, dig, nginx -t), and `nginx -s reload`,
  // the world's `nginx-reload` command (which only the terminal and the editors issue), and kube-proxy's rules as
  // `iptables-save` prints them and `aws elbv2 describe-target-health` (only the terminal asks): loaded when the terminal opens.
  terminal: ['src/scenario/runtime/terminal-part.ts', 'src/scenario/runtime/nginx-reload.ts', 'src/models/k8s/proxy/iptables-save.ts', 'src/models/nlb/describe.ts'],
  // What the network faults run (dns-ttl, dns-record, nlb-health-check, cut-link, restore-link): loaded before a world
  // whose scenario or lesson step gives one (src/embed/world-parts.ts).
  'net-faults': [
    'src/scenario/runtime/faults-net-apply.ts',
    'src/models/dns/edit.ts',
    'src/scenario/runtime/dns-edit.ts',
    'src/models/nlb/healthcheck/modify.ts',
  ],
  // `kubectl apply` to a running cluster (Cluster.applyChanges): loaded with the real kubectl apply (src/embed/deferred/kubectl-apply.ts).
  apply: ['src/models/k8s/cluster/apply-changes.ts'],
};
const STAND_IN = '\0trafficlab-part:';

/**
 * World parts that always load together, imported as one module so that
 * they make one chunk (one gzip window, one request): `partsNeeded` gives
 * the NLB part with every cluster, and only a cluster makes NLBs. A part of
 * several modules that import one another (the network faults) is one chunk too.
 */
export const PART_CHUNKS: Record<string, readonly string[]> = { cluster: ['cluster', 'nlb'], 'net-faults': ['net-faults'] };
const PART_CHUNK = '\0trafficlab-parts:';

/** What the embed imports to load `part`: its modules, or the module of the chunk it shares (as build manifest keys). */
export function partImports(part: string): string[] {
  const shared = Object.entries(PART_CHUNKS).find(([, parts]) => parts.includes(part));
  return shared === undefined ? [...(WORLD_PARTS[part] ?? [`(no part ${part})`])] : [`${PART_CHUNK.slice(1)}${shared[0]}`];
}

/** The value names an import statement of `importer` takes from `source`, or a barrel's `export { … } from` passes on (types left out). */
function importedNames(importer: string, source: string): string[] {
  const text = readFileSync(importer, 'utf8');
  const quoted = source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const names: string[] = [];
  for (const m of text.matchAll(new RegExp(`^(?:import|export)\\s+(type\\s+)?\\{([^}]*)\\}\\s+from\\s+'${quoted}';`, 'gm'))) {
    if (m[1] !== undefined) continue;
    for (const item of (m[2] ?? '').split(',').map((x) => x.trim())) {
      if (item === '' || item.startsWith('type ')) continue;
      names.push(item.split(/\s+as\s+/)[0] ?? item);
    }
  }
  if (new RegExp(`^import\\s+(?!type\\b)[\\w*][^;{]*from\\s+'${quoted}';`, 'm').test(text)) {
    throw new Error(`${importer} imports ${source} as a namespace or default, which a world part's stand-in cannot stand in for`);
  }
  if (new RegExp(`^export\\s+\\*[^;]*from\\s+'${quoted}';`, 'm').test(text)) {
    throw new Error(`${importer} re-exports all of ${source}, which a world part's stand-in cannot stand in for`);
  }
  return names;
}

/** Whether `importer` only re-exports from `source` (a barrel), some of it constants, which a stand-in cannot stand in for. */
function passesOnConstants(importer: string, source: string, real: string): boolean {
  const text = readFileSync(importer.split('?')[0] ?? '', 'utf8');
  const quoted = source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (new RegExp(`^import\\b[^;]*from\\s+'${quoted}';`, 'm').test(text)) return false;
  return importedNames(importer.split('?')[0] ?? '', source).some((n) => !declaredAsFunctionOrClass(real, n));
}

/** Whether `name` is a function or class declared in the part module's folder (a stand-in cannot stand in for a constant). */
function declaredAsFunctionOrClass(file: string, name: string): boolean {
  const dir = file.endsWith('index.ts') ? path.dirname(file) : undefined;
  const files = dir === undefined ? [file] : readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f));
  const declaration = new RegExp(`^export (?:async )?(?:function\\*? |(?:abstract )?class )${name}\\b`, 'm');
  return files.some((f) => declaration.test(readFileSync(f, 'utf8')));
}

function worldParts(): Plugin {
  const partOf = new Map(Object.entries(WORLD_PARTS).flatMap(([part, files]) => files.map((f) => [path.join(root, f), part] as const)));
  // The last segment an import of a part module ends with (`../../models/nlb`, `./cluster-part`): only those are resolved to check.
  const lastSegment = (file: string) => (path.basename(file) === 'index.ts' ? path.basename(path.dirname(file)) : path.basename(file, '.ts'));
  const candidates = new Set([...partOf.keys()].map(lastSegment));
  const registry = path.join(root, 'src/embed/world-parts.ts');
  return {
    name: 'trafficlab:world-parts',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source.startsWith(PART_CHUNK)) return source;
      if (importer === undefined || importer.startsWith(STAND_IN) || !source.startsWith('.')) return null;
      if (!candidates.has(path.basename(source).replace(/\.ts$/, ''))) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      // Within a part its modules import each other as they are.
      if (resolved === null || !partOf.has(resolved.id) || partOf.get(resolved.id) === partOf.get(importer)) return null;
      // A barrel that passes on constants of a part module keeps the real module: what uses those constants gets
      // them, and what calls the part's functions imports them from the module itself (and gets a stand-in).
      if (passesOnConstants(importer, source, resolved.id)) return null;
      return `${STAND_IN}${path.relative(root, resolved.id)}?${new URLSearchParams({ importer: path.relative(root, importer), source })}`;
    },
    load(id) {
      if (id.startsWith(PART_CHUNK)) {
        const files = (PART_CHUNKS[id.slice(PART_CHUNK.length)] ?? []).flatMap((p) => WORLD_PARTS[p] ?? []);
        // Star re-exports, so the chunk keeps only what the stand-ins take (a stand-in checks its names are not ambiguous).
        return files.map((f) => `export * from ${JSON.stringify(path.join(root, f))};`).join('\n');
      }
      if (!id.startsWith(STAND_IN)) return null;
      const [file = '', query = ''] = id.slice(STAND_IN.length).split('?');
      const params = new URLSearchParams(query);
      const real = path.join(root, file);
      const part = partOf.get(real) ?? '';
      // The real module, or the module of the chunk its part shares and the name the module has there.
      const shared = Object.entries(PART_CHUNKS).find(([, parts]) => parts.includes(part));
      const sharedFiles = shared === undefined ? [] : shared[1].flatMap((p) => WORLD_PARTS[p] ?? []).map((f) => path.join(root, f));
      const target = shared === undefined ? real : `${PART_CHUNK}${shared[0]}`;
      const names = importedNames(path.join(root, params.get('importer') ?? ''), params.get('source') ?? '');
      for (const n of names) if (!declaredAsFunctionOrClass(real, n)) this.error(`${params.get('importer')} takes ${n} from the ${part} part (${file}), and a stand-in can only stand in for functions and classes`);
      for (const n of names) {
        const others = sharedFiles.filter((f) => f !== real && declaredAsFunctionOrClass(f, n));
        if (others.length > 0) this.error(`${n} is declared in ${file} and ${others.map((f) => path.relative(root, f)).join(', ')}, which share a chunk: the name would be ambiguous there`);
      }
      return [
        `import { registerWorldPart } from ${JSON.stringify(registry)};`,
        `const notLoaded = (name) => function () { throw new Error(\`\${name}: the ${part} part of the world is not loaded (src/embed/world-parts.ts)\`); };`,
        ...names.map((n) => `export let ${n} = notLoaded(${JSON.stringify(n)});`),
        `registerWorldPart(${JSON.stringify(part)}, () => import(${JSON.stringify(target)}).then((m) => { ${names.map((n) => `${n} = m.${n};`).join(' ')} }));`,
      ].join('\n');
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

/**
 * Terser's compressor before Vite's minifier (oxc), which then mangles and
 * prints: on this code the two passes leave about 1 % less gzip than either
 * alone (the Kubernetes steps: 1.8 kB of 155), and the budget counts gzip.
 * Only safe transforms (no `unsafe*` options; `pure_getters` stays at its
 * default, since Svelte's state is read through getters). As a
 * `renderChunk` step its source map is chained like any other.
 */
function terserCompress(): Plugin {
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
function plainDynamicImports(): Plugin {
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
  plugins: [svelte({ emitCss: false }), shadowStyles(), plainDynamicImports(), bundledLessons(), deferred(), worldParts(), framePolicy(), devEntry(), terserCompress()],
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
