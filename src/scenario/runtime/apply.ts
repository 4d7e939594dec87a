/**
 * The `kubectl-apply` command in a full world: YAML documents read and
 * validated as the scenario's own manifests are (problems at their line and
 * field), then handed to the cluster, which checks them against what runs
 * (immutable fields, changes out of the simulation's reach) before changing
 * anything. Any problem refuses the whole command: the trace gets a
 * `command` record saying why, and the simulation goes on untouched, as a
 * refused `kubectl apply` leaves a cluster.
 */
import { LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import type { Trace } from '../../sim';
import type { KubectlApplyCommand } from '../commands';
import { APPLY_REFUSED } from '../commands';
import type { ScenarioError } from '../errors';
import { formatScenarioError } from '../errors';
import { nodeAt, readManifests, type ManifestSource, type ReadManifest } from '../manifests';
import type { Ctx } from '../schema';
import { posOf } from '../schema';
import type { ClusterPart } from './cluster-part';

export interface ApplyDeps {
  readonly trace: Trace;
  readonly cluster?: ClusterPart;
}

/** The name kubectl gives standard input in its messages. */
const STDIN = 'STDIN';

/** Read the documents; the manifests with their sources, or the errors at their lines. */
export function readApplyText(text: string): { ok: true; read: ReadManifest[]; ctx: Ctx } | { ok: false; errors: ScenarioError[] } {
  const lines = new LineCounter();
  const docs: Document.Parsed[] = parseAllDocuments(text, { lineCounter: lines, prettyErrors: true }) as Document.Parsed[];
  const all = Array.isArray(docs) ? docs : [];
  const syntax = all.flatMap((doc) =>
    doc.errors.map((e): ScenarioError => {
      const pos = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
      return { file: STDIN, line: pos.line, column: pos.col, path: '', message: `invalid YAML: ${e.message.split('\n')[0] ?? e.message}` };
    }),
  );
  if (syntax.length > 0) return { ok: false, errors: syntax };
  const sources: ManifestSource[] = all.flatMap((doc, i) => (doc.contents === null ? [] : [{ node: doc.contents as Node, path: `document ${i + 1}`, doc }]));
  const first = all[0];
  if (sources.length === 0 || first === undefined) return { ok: false, errors: [{ file: STDIN, line: 1, column: 1, path: '', message: 'error: no objects passed to apply' }] };
  const ctx: Ctx = { file: STDIN, source: text, doc: first, lines, errors: [], positions: new Map() };
  const read = readManifests(sources, ctx, []);
  if (read === undefined) return { ok: false, errors: [...ctx.errors].sort((a, b) => a.line - b.line || a.column - b.column) };
  return { ok: true, read, ctx };
}

/** Apply a `kubectl-apply` command now. Throws only when the world has no cluster or the command is malformed. */
export function applyKubectl(deps: ApplyDeps, command: KubectlApplyCommand): void {
  const cluster = deps.cluster;
  if (cluster === undefined) throw new Error('kubectl-apply: this world has no Kubernetes cluster');
  if (typeof command.text !== 'string') throw new Error('kubectl-apply: expected text, the YAML documents to apply');
  const refuse = (errors: readonly ScenarioError[]) =>
    deps.trace.record({
      kind: 'command',
      command: command.kind,
      target: command.target,
      why: `${APPLY_REFUSED}: ${errors.map(formatScenarioError).join('; ')}; nothing was applied`,
    });
  const parsed = readApplyText(command.text);
  if (!parsed.ok) {
    refuse(parsed.errors);
    return;
  }
  const { read, ctx } = parsed;
  const result = cluster.cluster.applyChanges(
    read.map((r) => r.manifest),
    'kubectl apply',
  );
  if (!result.ok) {
    refuse(
      result.problems.map(({ index, problem }) => {
        const source = read[index]?.source;
        const pos = source === undefined ? { line: 1, column: 1 } : posOf(nodeAt(source.node, problem.path), ctx);
        const field = problem.field === '' ? (source?.path ?? '') : `${source?.path ?? ''}.${problem.field}`;
        return { file: STDIN, line: pos.line, column: pos.column, path: field, message: `expected ${problem.expected}: ${problem.message}` };
      }),
    );
    return;
  }
  deps.trace.record({ kind: 'command', command: command.kind, target: command.target, why: `kubectl apply -f -: ${result.results.join(', ')}` });
}
