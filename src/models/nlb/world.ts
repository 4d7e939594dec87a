/**
 * The contract between a running NLB and the world around it: what the world
 * must provide (probes on its network, RSTs to flow ends, the flow-hash
 * stream, the engine and the trace). Nothing here knows how the world
 * carries a packet.
 */
import type { Engine, Rng, Trace } from '../../sim';
import type { Flow } from './flowTable';
import type { ProbeAnswer } from './healthcheck/judge';
import type { HealthCheckProtocol } from './healthcheck/types';
import type { Ip, NlbNode, Target } from './types';

/** One health check the world must carry out: from `node.privateIp` to `ip:port`. */
export interface HealthProbe {
  readonly nlb: string;
  readonly targetGroup: string;
  readonly target: Readonly<Target>;
  readonly node: NlbNode;
  readonly protocol: HealthCheckProtocol;
  readonly ip: Ip;
  /** The resolved health-check port (`traffic-port` → the target's port). */
  readonly port: number;
  /** For HTTP(S) checks. */
  readonly path: string;
  /** The checker stops listening after this long; answering later changes nothing. */
  readonly timeoutMs: number;
}

/** What the world gives the NLB. */
export interface NlbWorld {
  readonly engine: Engine;
  readonly trace: Trace;
  /** The flow-hash stream, e.g. `random.stream('nlb:web:flow-hash')`. */
  readonly rng: Rng;
  /** Carry out one probe; call `answer` once, later, on the engine clock. */
  probe(probe: HealthProbe, answer: (answer: ProbeAnswer) => void): void;
  /** The NLB reset an established flow: send an RST to both ends. */
  resetFlow?(flow: Flow, why: string): void;
}

/** The key of a target inside the NLB: `tg/id:port`. */
export function targetKey(tg: string, t: Pick<Target, 'id' | 'port'>): string {
  return `${tg}/${t.id}:${t.port}`;
}
