/**
 * `kubectl get pods` columns, computed as kubectl's `printPod` does
 * (`pkg/printers/internalversion/printers.go`): STATUS starts as the phase,
 * is replaced by the container's waiting reason (ContainerCreating,
 * CrashLoopBackOff) or terminated reason (Error, Completed), and by
 * `Terminating` once the pod is deleted; READY counts ready, running
 * containers; RESTARTS adds "(45s ago)" after the first restart; AGE uses
 * apimachinery's `HumanDuration`.
 */
import type { PodView } from './view';

export interface PodRow {
  readonly NAME: string;
  readonly READY: string;
  readonly STATUS: string;
  readonly RESTARTS: string;
  readonly AGE: string;
  readonly IP: string;
  readonly NODE: string;
}

/** `k8s.io/apimachinery/pkg/util/duration.HumanDuration`. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.floor(hours / 24) % 365;
    return dy === 0 ? `${Math.floor(hours / 24 / 365)}y` : `${Math.floor(hours / 24 / 365)}y${dy}d`;
  }
  return `${Math.floor(hours / 24 / 365)}y`;
}

export function podStatus(pod: PodView): string {
  let reason: string = pod.phase;
  const c = pod.container;
  if (c?.state === 'waiting') reason = c.reason;
  else if (c?.state === 'terminated') reason = c.reason;
  if (pod.deletedAt !== undefined) reason = 'Terminating';
  return reason;
}

export function podReady(pod: PodView): string {
  const ready = pod.ready && pod.container?.state === 'running' ? 1 : 0;
  return `${ready}/1`;
}

export function podRestarts(pod: PodView, now: number): string {
  if (pod.restartCount === 0 || pod.lastTerminationAt === undefined) return String(pod.restartCount);
  return `${pod.restartCount} (${humanDuration(now - pod.lastTerminationAt)} ago)`;
}

export function podRow(pod: PodView, createdAt: number, now: number): PodRow {
  return {
    NAME: pod.name,
    READY: podReady(pod),
    STATUS: podStatus(pod),
    RESTARTS: podRestarts(pod, now),
    AGE: humanDuration(now - createdAt),
    IP: pod.ip ?? '<none>',
    NODE: pod.node ?? '<none>',
  };
}

/** Columns padded as kubectl's tabwriter does: each column as wide as its widest cell, plus three spaces. */
export function formatTable(rows: readonly PodRow[], wide = false): string {
  const columns: (keyof PodRow)[] = wide ? ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE'] : ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'];
  const widths = columns.map((col) => Math.max(col.length, ...rows.map((r) => r[col].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]! + 3)))
      .join('')
      .trimEnd();
  return [line(columns), ...rows.map((r) => line(columns.map((c) => r[c])))].join('\n');
}
