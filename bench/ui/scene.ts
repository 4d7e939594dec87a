/**
 * A synthetic scene for the diagram benchmark: a dozen components on a
 * full-path-like layout, and packets sent at a steady rate over one-second
 * links, so that `inFlight` packets are on the wire at any moment. Built
 * from plain data with a fixed pattern: no simulation, nothing random.
 */
import type { ComponentSnapshot, WorldSnapshot } from '../../src/scenario';
import { PacketIndex } from '../../src/ui/history/packets';

const COMPONENTS: [string, string, string?][] = [
  ['browser-1', 'client'], ['browser-2', 'client'], ['browser-3', 'client'],
  ['nlb-a', 'nlb-node', 'a'], ['nlb-b', 'nlb-node', 'b'],
  ['nginx-1', 'nginx', 'a'], ['nginx-2', 'nginx', 'b'],
  ['api-1', 'pod', 'a'], ['api-2', 'pod', 'b'], ['auth-1', 'pod', 'a'], ['auth-2', 'pod', 'b'], ['web-1', 'pod', 'a'],
];

const LINKS: [string, string][] = [
  ['browser-1', 'nlb-a'], ['browser-2', 'nlb-b'], ['browser-3', 'nlb-a'],
  ['nlb-a', 'nginx-1'], ['nlb-b', 'nginx-2'], ['nlb-a', 'nginx-2'],
  ['nginx-1', 'api-1'], ['nginx-1', 'auth-1'], ['nginx-1', 'web-1'], ['nginx-2', 'api-2'], ['nginx-2', 'auth-2'],
];

export const LATENCY_MS = 1_000;

export function benchSnapshot(): WorldSnapshot {
  return {
    t: 0,
    // `kind` and `az` as the full-path world writes them; the snapshot type names fewer kinds today.
    components: COMPONENTS.map(([id, kind, az]) => ({ id, kind, label: id, address: '', state: 'up', counters: {}, ...(az === undefined ? {} : { az }) }) as unknown as ComponentSnapshot),
    links: LINKS.map(([from, to]) => ({ id: `${from}~${to}`, from, to, latencyMs: LATENCY_MS })),
  };
}

const TYPES = ['request', 'response', 'health', 'dns', 'request', 'response', 'request', 'response', 'tcp', 'response'];

/** Packets for `seconds` of virtual time, `inFlight` on the wire at any moment once the first second has passed. */
export function benchPackets(inFlight: number, seconds: number): PacketIndex {
  const index = new PacketIndex(inFlight * (seconds + 2));
  const everyMs = LATENCY_MS / inFlight;
  const count = Math.ceil((seconds * 1000) / everyMs);
  const ends: { t: number; packet: string; from: string; to: string; type: string }[] = [];
  let seq = 0;
  for (let i = 0; i < count; i++) {
    const t = i * everyMs;
    while (ends.length > 0 && (ends[0]?.t ?? Infinity) <= t) {
      const e = ends.shift();
      if (e !== undefined) index.add({ kind: 'deliver', t: e.t, seq: seq++, packet: e.packet, type: e.type, from: e.from, to: e.to, summary: '' });
    }
    const [from, to] = LINKS[i % LINKS.length] ?? ['browser-1', 'nlb-a'];
    const back = i % 2 === 1;
    const type = TYPES[i % TYPES.length] ?? 'request';
    const summary = type === 'response' && i % 50 === 1 ? '502 Bad Gateway → x' : `GET /${i}`;
    const packet = `p${i}`;
    index.add({ kind: 'send', t, seq: seq++, packet, type, from: back ? to : from, to: back ? from : to, summary });
    ends.push({ t: t + LATENCY_MS, packet, from: back ? to : from, to: back ? from : to, type });
  }
  return index;
}
