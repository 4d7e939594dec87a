/**
 * The embed build's world parts (vite.embed.config.ts): which modules load
 * only for the scenarios that need them, the stand-ins that take their place
 * in the first load, and the chunks parts share.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

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

export function worldParts(root: string): Plugin {
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
