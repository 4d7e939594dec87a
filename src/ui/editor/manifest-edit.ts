/**
 * What an edit of the scenario file asks for, as `kubectl apply -f` sees
 * it: whether the scenario's settings (its first document) changed, which
 * needs a rebuild from t = 0, and for each Kubernetes object whether it is
 * created, configured or unchanged. Only created and configured objects go
 * into the apply; an object left out of the file is not deleted (kubectl
 * apply never deletes), which the editor says.
 */
import { KUBECTL_APPLY } from '../../scenario';
import { wasRefused, type Command, type Given } from '../instructor/plan';
import { canonical, docValue, foldApplied, joinDocs, kubectlName, objectIdOf, objectKey, splitDocs, type Doc, type ObjectId } from './documents';

export interface ObjectChange {
  readonly id: ObjectId;
  /** `deployment.apps/api`. */
  readonly name: string;
  readonly change: 'created' | 'configured' | 'unchanged';
  readonly doc: Doc;
}

export interface ManifestEdit {
  /** The first document says something else than the running one. */
  readonly settingsChanged: boolean;
  /** The draft's first document. */
  readonly settings: Doc;
  /** Every object of the draft, in its order. */
  readonly objects: readonly ObjectChange[];
  /** Objects running that the draft no longer has (kubectl names). */
  readonly leftOut: readonly string[];
  /** The created and configured objects as one text for the apply command ('' when none). */
  readonly applyText: string;
  /** For each document of `applyText`: its first line there and in the draft. */
  readonly lines: readonly { readonly apply: number; readonly draft: number }[];
}

/** The objects of a file's manifest documents, by key. */
function objectsOf(docs: readonly Doc[]): Map<string, { id: ObjectId; doc: Doc; value: string }> {
  const out = new Map<string, { id: ObjectId; doc: Doc; value: string }>();
  for (const doc of docs.slice(1)) {
    const value = docValue(doc);
    const id = objectIdOf(value);
    if (id !== undefined) out.set(objectKey(id), { id, doc, value: canonical(value) });
  }
  return out;
}

/** Compare the draft with the file as it runs now (`running`). */
export function manifestEdit(running: string, draft: string): ManifestEdit {
  const before = splitDocs(running);
  const after = splitDocs(draft);
  const settings = after[0] ?? { marker: '', body: '', line: 1 };
  const settingsChanged = canonical(docValue(settings)) !== canonical(before[0] === undefined ? null : docValue(before[0]));
  const old = objectsOf(before);
  const now = objectsOf(after);
  const objects: ObjectChange[] = [...now.values()].map(({ id, doc, value }) => {
    const was = old.get(objectKey(id));
    return { id, name: kubectlName(id), change: was === undefined ? 'created' : was.value === value ? 'unchanged' : 'configured', doc };
  });
  const leftOut = [...old.entries()].filter(([key]) => !now.has(key)).map(([, o]) => kubectlName(o.id));
  const applied = objects.filter((o) => o.change !== 'unchanged');
  const lines: { apply: number; draft: number }[] = [];
  let at = 1;
  for (const o of applied) {
    // Each document after the first gets a `---` line before it.
    const first = lines.length === 0 ? at : at + 1;
    lines.push({ apply: first, draft: o.doc.line });
    at = first + o.doc.body.split('\n').length;
  }
  const applyText = applied.length === 0 ? '' : joinDocs(applied.map((o, i) => ({ marker: i === 0 ? '' : '---', body: o.doc.body, line: 0 })));
  return { settingsChanged, settings, objects, leftOut, applyText, lines };
}

/** The draft's line for a line of the apply text (1-based); undefined past its end. */
export function draftLine(edit: ManifestEdit, applyLine: number): number | undefined {
  const doc = [...edit.lines].reverse().find((l) => l.apply <= applyLine);
  return doc === undefined ? undefined : doc.draft + (applyLine - doc.apply);
}

/** What kubectl apply prints: one line per object, `deployment.apps/api configured`. */
export function kubectlOutput(edit: ManifestEdit): string {
  return edit.objects.map((o) => `${o.name} ${o.change}`).join('\n');
}

/** `scenario` with its first document replaced by `settings`: the settings edited, the manifests as they were at t = 0. */
export function withSettings(scenario: string, settings: Doc): string {
  const docs = splitDocs(scenario);
  docs[0] = { marker: '', body: settings.body, line: 1 };
  return joinDocs(docs);
}

/** The scenario file as the cluster runs it now: the plan's scenario with each apply given so far (and not refused) written over it. */
export function runningScenario(scenario: string, given: readonly Given[]): string {
  let text = scenario;
  for (const g of given) {
    const applied = g.command['text'];
    if (g.command.kind === KUBECTL_APPLY && typeof applied === 'string' && !wasRefused(g.command)) text = foldApplied(text, applied);
  }
  return text;
}

/** `kubectl apply -f (deployment.apps/api, service/x)` for a `kubectl-apply` command; undefined for other commands. */
export function describeApply(command: Command): string | undefined {
  const text = command['text'];
  if (command.kind !== KUBECTL_APPLY || typeof text !== 'string') return undefined;
  const names = splitDocs(text).flatMap((d) => {
    const id = objectIdOf(docValue(d));
    return id === undefined ? [] : [kubectlName(id)];
  });
  return `kubectl apply -f (${names.join(', ')})${wasRefused(command) ? ', refused' : ''}`;
}
