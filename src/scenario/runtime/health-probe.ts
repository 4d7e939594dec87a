/**
 * One health check carried out on the fabric, for whoever asks (the kubelet's
 * probes, the NLB's target checks): a `health` connection from the checker
 * to the target, then for HTTP checks a GET and its status. The checker gives
 * up after its timeout; the connection is released then, and a late answer
 * is not reported.
 */
import type { Engine } from '../../sim';
import type { Tcp } from './tcp';

/** What the check found. No answer at all (before the timeout) is reported as nothing. */
export type CheckResult = { readonly kind: 'connected' } | { readonly kind: 'http'; readonly status: number } | { readonly kind: 'refused' } | { readonly kind: 'reset' };

export interface CheckSpec {
  readonly from: string;
  readonly srcIp: string;
  readonly srcPort: number;
  readonly dstIp: string;
  readonly dstPort: number;
  /** An HTTP check's request; absent for a TCP check (the handshake is the check). */
  readonly http?: { readonly id: string; readonly path: string; readonly userAgent: string };
  readonly timeoutMs: number;
}

/** Run one check; `report` is called at most once, before the timeout. */
export function runCheck(tcp: Tcp, engine: Engine, spec: CheckSpec, report: (result: CheckResult) => void): void {
  let done = false;
  const once = (result: CheckResult) => {
    if (done) return;
    done = true;
    report(result);
  };
  let close = (): void => undefined;
  const pending = tcp.dial(
    { from: spec.from, srcIp: spec.srcIp, srcPort: spec.srcPort, dstIp: spec.dstIp, dstPort: spec.dstPort, purpose: 'health' },
    {
      connected: (connection) => {
        close = () => connection.close();
        const http = spec.http;
        if (http === undefined || done) {
          connection.close();
          once({ kind: 'connected' });
          return;
        }
        connection.send(
          { id: http.id, method: 'GET', target: http.path, headers: [['Host', `${spec.dstIp}:${spec.dstPort}`], ['User-Agent', http.userAgent]] },
          {
            response: (reply) => {
              connection.close();
              once({ kind: 'http', status: reply.status });
            },
            reset: () => once({ kind: 'reset' }),
          },
        );
      },
      refused: () => once({ kind: 'refused' }),
    },
  );
  engine.schedule(spec.timeoutMs, () => {
    done = true;
    pending.abort();
    close();
  }, 'health check timeout');
}
