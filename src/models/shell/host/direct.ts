/**
 * Terminal hooks for a direct world (clients joined to app servers by
 * links, no DNS): `curl` from the student's machine becomes a real request
 * on a real link to the server whose address it names, so it shows in the
 * diagram and the trace like any client's. A world builds these once and
 * exposes them as `world.terminal`.
 *
 * The machine's links are made on first use, so a world whose terminal is
 * never used has exactly the links its scenario describes.
 */
import type { Engine, EventHandle, Trace } from '../../../sim';
import type { Endpoint, Message, Network, Packet } from '../../../net';
import { reasonPhrase } from '../../../net';
import type { TerminalHooks } from './from-world';
import { DEFAULT_MACHINE } from './from-world';
import type { HttpCall, HttpEvents, HttpResult } from './net';

export interface DirectWorldParts {
  readonly engine: Engine;
  readonly trace: Trace;
  readonly network: Network;
  /** The app servers a request can reach, by address and port. */
  readonly servers: readonly { readonly id: string; readonly address: string; readonly port: number }[];
  /** One-way latency of the machine's links (default 25 ms). */
  readonly linkMs?: number;
  /** How long a connection to an address nobody has waits before timing out (default 127 s, Linux's SYN retries). */
  readonly connectTimeoutMs?: number;
}

/** The endpoint id of the student's machine on the network. */
export const MACHINE_ID = 'laptop';

interface Pending {
  readonly events: HttpEvents;
  readonly timer?: EventHandle;
  readonly startedMs: number;
}

/** The outcome record's result for what curl got (one outcome per request, as for every client). */
export function outcomeResult(result: HttpResult): 'ok' | 'error' | 'refused' | 'reset' | 'timeout' {
  if (result.kind === 'response') return result.status >= 500 ? 'error' : 'ok';
  if (result.failure === 'refused') return 'refused';
  return result.failure === 'reset' || result.failure === 'empty' ? 'reset' : 'timeout';
}

/** The hooks, and the machine as a component once it has sent something (for the world's snapshot). */
export interface DirectTerminal {
  readonly hooks: TerminalHooks;
  components(): { id: string; kind: 'client'; label: string; address: string; state: string; counters: Record<string, number> }[];
}

export function directTerminal(parts: DirectWorldParts): DirectTerminal {
  const { engine, trace, network } = parts;
  const pending = new Map<string, Pending>();
  const linked = new Set<string>();
  let count = 0;
  let answered = 0;

  const settle = (requestId: string, result: HttpResult, connected: boolean, notify = true): void => {
    const p = pending.get(requestId);
    if (p === undefined) return;
    pending.delete(requestId);
    if (p.timer !== undefined) engine.cancel(p.timer);
    trace.record({
      kind: 'outcome',
      requestId,
      client: MACHINE_ID,
      status: result.kind === 'response' ? result.status : 0,
      result: outcomeResult(result),
      latencyMs: engine.now - p.startedMs,
      ...(result.kind === 'response' && result.servedBy !== undefined ? { servedBy: result.servedBy } : {}),
      why: result.kind === 'response' ? `the terminal's curl got ${result.status}` : (result.why ?? `the terminal's curl failed: ${result.failure}`),
    });
    if (result.kind === 'response') answered++;
    if (!notify) return;
    if (connected) p.events.connected();
    p.events.done(result);
  };

  const machine: Endpoint = {
    id: MACHINE_ID,
    refusal: () => undefined,
    receive(packet: Packet) {
      const m: Message = packet.message;
      if (m.type === 'response') {
        const r = m.response;
        settle(r.requestId, { kind: 'response', requestId: r.requestId, httpVersion: 'HTTP/1.1', status: r.status, reason: reasonPhrase(r.status), headers: [], body: '', servedBy: r.servedBy }, true);
      } else if (m.type === 'rst') {
        settle(m.requestId, { kind: 'failure', requestId: m.requestId, failure: m.reason === 'refused' ? 'refused' : 'reset', why: m.why }, m.reason !== 'refused');
      }
    },
  };
  network.attach(machine);

  const hooks: TerminalHooks = {
    machine: { ...DEFAULT_MACHINE, hostname: MACHINE_ID },
    knownHosts: () => parts.servers.map((s) => (s.port === 80 ? s.address : `${s.address}:${s.port}`)),
    http(call: HttpCall, events: HttpEvents) {
      const requestId = `${MACHINE_ID}#${++count}`;
      const server = parts.servers.find((s) => s.address === call.connectIp);
      const host = call.headers.find(([n]) => n.toLowerCase() === 'host')?.[1] ?? call.connectIp;
      trace.record({ kind: 'request', requestId, client: MACHINE_ID, method: call.method, url: `http://${host}${call.target}` });
      const limit = Math.min(call.timeoutMs ?? Infinity, server === undefined ? (parts.connectTimeoutMs ?? 127_000) : Infinity);
      const timer = Number.isFinite(limit)
        ? engine.schedule(limit, () => settle(requestId, { kind: 'failure', requestId, failure: server === undefined ? 'connect-timeout' : 'timeout', why: server === undefined ? `no route to ${call.connectIp}: no component has that address` : `no answer within ${limit} ms` }, false), `terminal timeout ${requestId}`)
        : undefined;
      pending.set(requestId, { events, startedMs: engine.now, ...(timer === undefined ? {} : { timer }) });
      if (server !== undefined && server.port !== call.connectPort) {
        // Nothing listens on that port: the host's kernel answers the SYN with a reset one round trip later.
        engine.schedule(2 * (parts.linkMs ?? 25), () => settle(requestId, { kind: 'failure', requestId, failure: 'refused', why: `nothing listens on ${call.connectIp}:${call.connectPort}` }, false), `terminal refused ${requestId}`);
      } else if (server !== undefined) {
        if (!linked.has(server.id)) {
          network.connect({ id: `${MACHINE_ID}-${server.id}`, from: MACHINE_ID, to: server.id, latencyMs: parts.linkMs ?? 25 });
          linked.add(server.id);
        }
        network.send(MACHINE_ID, server.id, { type: 'request', request: { id: requestId, method: call.method, path: call.target, host } });
      }
      // Ctrl-C: curl gives up; the request still gets its one outcome.
      return () => settle(requestId, { kind: 'failure', requestId, failure: 'timeout', why: 'the student stopped curl (Ctrl-C) before an answer came' }, false, false);
    },
  };
  return {
    hooks,
    // The machine joins the diagram with its first link, so a world whose terminal is unused looks as its scenario says.
    components: () =>
      linked.size === 0
        ? []
        : [{ id: MACHINE_ID, kind: 'client', label: 'your terminal', address: DEFAULT_MACHINE.ip, state: pending.size > 0 ? 'active' : 'idle', counters: { issued: count, answered } }],
  };
}
