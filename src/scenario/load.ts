/**
 * Loading a scenario: YAML text → checked `Scenario`, or every error found,
 * each with file, line, column and field. Nothing here throws on bad input.
 *
 * The first YAML document is the scenario; any further documents (after
 * `---`) are Kubernetes manifests, as in a file for `kubectl apply -f`.
 */
import { LineCounter, parseAllDocuments, parseDocument, type Document, type Node } from 'yaml';
import type { ScenarioError } from './errors';
import { scenarioFile } from './format';
import { checkReferences } from './references';
import { checkFullReferences } from './references-full';
import { readManifests, type ManifestSource } from './manifests';
import { buildCluster } from './cluster-build';
import type { Ctx } from './schema';
import { read, report } from './schema';
import type { ClusterSpec, Scenario } from './types';

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

/** yaml's messages end with " at line 3, column 5:" and a code excerpt; we give the position ourselves. */
function yamlMessage(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, '');
}

function sorted(errors: ScenarioError[]): ScenarioError[] {
  return [...errors].sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Parse and validate a scenario. `file` is only used in messages and kept on the scenario. */
export function loadScenario(text: string, file: string): LoadResult {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: true });
  const all: Document.Parsed[] = Array.isArray(docs) ? docs : [];
  const syntax = all.flatMap((doc) =>
    doc.errors.map((e) => {
      const pos = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
      return { file, line: pos.line, column: pos.col, path: '', message: `invalid YAML: ${yamlMessage(e.message)}` };
    }),
  );
  if (syntax.length > 0) return { ok: false, errors: sorted(syntax) };
  // An empty file has no document at all; read it as an empty one, so the message is the usual one.
  const first = all[0] ?? parseDocument('');
  const ctx: Ctx = { file, source: text, doc: first, lines, errors: [], positions: new Map() };
  const parsed = read(scenarioFile, first.contents as Node | null, '', ctx);
  if (parsed === undefined) return { ok: false, errors: sorted(ctx.errors) };

  const extra: ManifestSource[] = all.slice(1).flatMap((doc, i) => (doc.contents === null ? [] : [{ node: doc.contents as Node, path: `document ${i + 2}`, doc }]));
  const fromCluster: ManifestSource[] = (parsed.cluster?.manifests ?? []).map((m) => ({ ...m, doc: first }));
  if (parsed.cluster === undefined && extra.length > 0) {
    const at = extra[0]!;
    report(ctx, { line: lines.linePos(at.node.range?.[0] ?? 0).line, column: 1 }, at.path, 'expected a cluster section for these Kubernetes objects to run in, found none');
    return { ok: false, errors: sorted(ctx.errors) };
  }
  let cluster: ClusterSpec | undefined;
  if (parsed.cluster !== undefined) {
    const ignored: string[] = [];
    const manifests = readManifests([...fromCluster, ...extra], ctx, ignored);
    if (manifests !== undefined) cluster = buildCluster(parsed.cluster, manifests, ctx, ignored);
  }
  if (ctx.errors.length > 0) return { ok: false, errors: sorted(ctx.errors) };

  const scenario: Scenario = {
    file,
    name: parsed.name,
    description: parsed.description,
    seed: parsed.seed,
    topology: parsed.topology,
    ...(parsed.dns === undefined ? {} : { dns: parsed.dns }),
    machines: parsed.machines,
    proxies: parsed.proxies,
    ...(cluster === undefined ? {} : { cluster }),
    apps: parsed.apps,
    traffic: parsed.traffic,
    faults: parsed.faults,
  };
  const legacy = scenario.topology.clients.length + scenario.topology.servers.length > 0;
  const full = scenario.traffic.length + scenario.machines.length + scenario.proxies.length > 0 || scenario.cluster !== undefined || scenario.dns !== undefined;
  if (legacy && full) {
    report(ctx, ctx.positions.get('topology') ?? { line: 1, column: 1 }, 'topology', 'expected either topology (direct links, no DNS) or dns/machines/cluster/traffic, not both in one scenario');
  } else if (legacy) {
    checkReferences(scenario.topology, ctx);
    const servers = scenario.topology.servers.map((x) => x.id);
    scenario.faults.forEach((f, i) => {
      if (f.kind !== 'crash' && f.kind !== 'recover') {
        report(ctx, ctx.positions.get(`faults[${i}].${f.kind}`) ?? { line: 1, column: 1 }, `faults[${i}].${f.kind}`, `expected crash or recover in a topology scenario, got ${f.kind}`);
      } else if (!servers.includes(f.target)) {
        report(ctx, ctx.positions.get(`faults[${i}].${f.kind}`) ?? { line: 1, column: 1 }, `faults[${i}].${f.kind}`, `expected the id of a server (${servers.join(', ')}), got "${f.target}"`);
      }
    });
  } else {
    checkFullReferences(scenario, ctx);
  }
  if (ctx.errors.length > 0) return { ok: false, errors: sorted(ctx.errors) };
  return { ok: true, scenario };
}
