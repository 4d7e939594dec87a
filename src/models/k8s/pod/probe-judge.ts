/**
 * One probe attempt: what the world answered, whether the kubelet counts it
 * as a success, and the message it writes in the `Unhealthy` event.
 *
 * The kubelet's HTTP prober succeeds on a status from 200 to 399
 * (`pkg/probe/http/http.go`), and reports anything else as
 * `HTTP probe failed with statuscode: N`; a failed connection is reported
 * with Go's error text (`dial tcp 10.244.1.5:80: connect: connection
 * refused`). The TCP prober succeeds as soon as the connection opens.
 */
import type { ProbeHandler } from '../api/types';

/** What the world reports for one probe. Silence past `timeoutSeconds` is a timeout. */
export type ProbeAnswer =
  /** An HTTP response arrived (httpGet probes). */
  | { readonly outcome: 'http'; readonly status: number }
  /** The TCP connection opened (tcpSocket probes). */
  | { readonly outcome: 'connected' }
  /** Nothing listens on the port. */
  | { readonly outcome: 'refused' }
  /** The connection was reset before an answer. */
  | { readonly outcome: 'reset' };

/** Which probe is being run. */
export type ProbeKindName = 'readiness' | 'liveness' | 'startup';

/** A probe as the world receives it: the handler with its port resolved to a number. */
export interface ProbeRequest {
  readonly kind: ProbeKindName;
  readonly pod: string;
  readonly container: string;
  /** The address probed: the handler's host, else the pod IP. */
  readonly ip: string;
  readonly port: number;
  readonly handler: ProbeHandler;
  readonly timeoutMs: number;
}

/** The kubelet's reading of one probe attempt. */
export interface ProbeVerdict {
  readonly success: boolean;
  /** Empty on success; the kubelet's message otherwise. */
  readonly output: string;
}

function target(request: ProbeRequest): string {
  const h = request.handler;
  if (h.kind === 'tcpSocket') return `${request.ip}:${request.port}`;
  return `${h.scheme.toLowerCase()}://${request.ip}:${request.port}${h.path}`;
}

/** Judge an answer (or `timeout` when none came in time). */
export function judgeProbe(request: ProbeRequest, answer: ProbeAnswer | 'timeout'): ProbeVerdict {
  const h = request.handler;
  const where = `${request.ip}:${request.port}`;
  const prefix = h.kind === 'httpGet' ? `Get ${JSON.stringify(target(request))}: ` : '';
  if (answer === 'timeout') {
    return {
      success: false,
      output:
        h.kind === 'httpGet'
          ? `${prefix}context deadline exceeded (Client.Timeout exceeded while awaiting headers)`
          : `dial tcp ${where}: i/o timeout`,
    };
  }
  switch (answer.outcome) {
    case 'refused':
      return { success: false, output: `${prefix}dial tcp ${where}: connect: connection refused` };
    case 'reset':
      return { success: false, output: `${prefix}read tcp ${where}: read: connection reset by peer` };
    case 'connected':
      return h.kind === 'tcpSocket' ? { success: true, output: '' } : { success: false, output: `${prefix}EOF` };
    case 'http':
      if (h.kind === 'tcpSocket') return { success: true, output: '' };
      return answer.status >= 200 && answer.status < 400
        ? { success: true, output: '' }
        : { success: false, output: `HTTP probe failed with statuscode: ${answer.status}` };
  }
}

/** `Readiness probe failed: …`, the `Unhealthy` event text. */
export function unhealthyMessage(kind: ProbeKindName, output: string): string {
  return `${kind[0]!.toUpperCase()}${kind.slice(1)} probe failed: ${output}`;
}
