/**
 * Cell texts of `kubectl get` as the API server's printers compute them: pod
 * STATUS from container states with RESTARTS "(45s ago)", LoadBalancer
 * EXTERNAL-IP or <pending>, PORT(S) with NodePorts, ready endpoints capped
 * at three with "+ N more...", and label selectors.
 */
import type { EndpointSliceView, PodView, ServiceView } from '../../host';
import { age } from '../../format/age';

/** `app=web,tier=edge`, keys sorted; `<none>` when empty (labels.FormatLabels). */
export function formatLabels(labels: Readonly<Record<string, string>>): string {
  const keys = Object.keys(labels).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels[k] ?? ''}`).join(',');
}

/** `a,b,c + 2 more...`, or `fallback` when empty (listWithMoreString and friends). */
export function capped(items: readonly string[], fallback: string): string {
  if (items.length === 0) return fallback;
  const shown = items.slice(0, 3).join(',');
  return items.length > 3 ? `${shown} + ${items.length - 3} more...` : shown;
}

/** READY, STATUS and RESTARTS of a pod, as printPod computes them. */
export function podStatus(pod: PodView, now: number): { ready: string; status: string; restarts: string } {
  let reason = pod.phase;
  let readyContainers = 0;
  let restarts = 0;
  let lastRestart: number | undefined;
  let hasRunning = false;
  for (let i = pod.containers.length - 1; i >= 0; i--) {
    const c = pod.containers[i];
    if (c === undefined) continue;
    restarts += c.restartCount;
    if (c.lastState?.kind === 'terminated' && (lastRestart === undefined || c.lastState.finishedMs > lastRestart)) {
      lastRestart = c.lastState.finishedMs;
    }
    if (c.state.kind === 'waiting' && c.state.reason !== '') reason = c.state.reason;
    else if (c.state.kind === 'terminated') reason = c.state.reason !== '' ? c.state.reason : `ExitCode:${c.state.exitCode}`;
    else if (c.ready && c.state.kind === 'running') {
      hasRunning = true;
      readyContainers++;
    }
  }
  if (reason === 'Completed' && hasRunning) {
    reason = pod.conditions.some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
  }
  if (pod.deletingMs !== undefined && pod.phase !== 'Succeeded' && pod.phase !== 'Failed') reason = 'Terminating';
  const restartText = restarts !== 0 && lastRestart !== undefined ? `${restarts} (${age(lastRestart, now)} ago)` : String(restarts);
  return { ready: `${readyContainers}/${pod.containers.length}`, status: reason, restarts: restartText };
}

/** EXTERNAL-IP of a service (getServiceExternalIP, wide: server-side printing never clips it). */
export function externalIp(s: ServiceView): string {
  if (s.type === 'LoadBalancer') {
    const lb = [...new Set(s.loadBalancerIngress)].sort();
    const all = [...lb, ...s.externalIps];
    return all.length > 0 ? all.join(',') : '<pending>';
  }
  if (s.type === 'ClusterIP' || s.type === 'NodePort') return s.externalIps.length > 0 ? s.externalIps.join(',') : '<none>';
  return '<unknown>';
}

/** `80:31080/TCP,443/TCP` (makePortString). */
export function portsText(s: ServiceView): string {
  const text = s.ports.map((p) => (p.nodePort !== undefined && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`)).join(',');
  return text === '' ? '<none>' : text;
}

/** `10.0.1.5:80,10.0.2.7:80`: ready addresses × ports of a service's slices (formatEndpointSlices), for `portName` or all ports. */
export function readyEndpoints(slices: readonly EndpointSliceView[], portName?: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  for (const slice of slices) {
    for (const port of slice.ports) {
      if (portName !== undefined && port.name !== portName) continue;
      for (const e of slice.endpoints) if (e.ready && e.addresses[0] !== undefined) list.push(`${e.addresses[0]}:${port.port}`);
    }
  }
  return list.length === 0 ? '' : capped(list, '');
}

