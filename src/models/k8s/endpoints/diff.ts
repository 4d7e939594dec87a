/**
 * What changed between two versions of a Service's endpoints, endpoint by
 * endpoint, in words a student can follow ("10.244.1.5 (auth-7c9f-x2k4p):
 * ready true → false").
 */
import type { Endpoint, EndpointConditions, EndpointSlice } from './slice';

export interface EndpointChange {
  readonly address: string;
  readonly pod: string;
  readonly before?: EndpointConditions;
  readonly after?: EndpointConditions;
  readonly summary: string;
}

function byAddress(slices: readonly EndpointSlice[]): Map<string, Endpoint> {
  const map = new Map<string, Endpoint>();
  for (const slice of slices) for (const e of slice.endpoints) map.set(e.address, e);
  return map;
}

export function formatConditions(c: EndpointConditions): string {
  return `ready=${c.ready} serving=${c.serving} terminating=${c.terminating}`;
}

export function diffEndpoints(before: readonly EndpointSlice[], after: readonly EndpointSlice[]): EndpointChange[] {
  const old = byAddress(before);
  const now = byAddress(after);
  const changes: EndpointChange[] = [];
  for (const [address, e] of now) {
    const prev = old.get(address);
    const pod = e.targetRef.name;
    if (prev === undefined) {
      changes.push({ address, pod, after: e.conditions, summary: `${address} (${pod}) added: ${formatConditions(e.conditions)}` });
      continue;
    }
    const a = prev.conditions;
    const b = e.conditions;
    if (a.ready !== b.ready || a.serving !== b.serving || a.terminating !== b.terminating) {
      const parts = (['ready', 'serving', 'terminating'] as const).filter((k) => a[k] !== b[k]).map((k) => `${k} ${a[k]} → ${b[k]}`);
      changes.push({ address, pod, before: a, after: b, summary: `${address} (${pod}): ${parts.join(', ')}` });
    }
  }
  for (const [address, e] of old) {
    if (!now.has(address)) {
      changes.push({ address, pod: e.targetRef.name, before: e.conditions, summary: `${address} (${e.targetRef.name}) removed` });
    }
  }
  return changes;
}
