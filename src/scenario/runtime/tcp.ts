/**
 * Connections over the fabric. A SYN finds its way one hop at a time: the
 * sender's routing decides the first hop (kube-proxy on the sender's node
 * for a ClusterIP), and each host it lands on says what to do with it —
 * accept, forward (possibly rewriting addresses, and staying on the path as a
 * relay), reset, or drop. The accepted connection then remembers the hops,
 * and every later packet walks them, each relay checking it on the way (an
 * NLB node whose flow is gone answers RST).
 *
 * Packets of a health-check connection are all typed `health`, so a reader
 * can tell them from traffic. There is no FIN: closing a connection releases
 * what it holds on the path at once, without packets of its own.
 */
import type { Engine, Trace } from '../../sim';
import type { Fabric, Wire } from './fabric';
import { Established } from './connection';
import type { DialHandlers, Host, HopAddresses, Purpose, Relay, Syn, SynVerdict } from './tcp-types';

/** Where packets go: the host of a component, and the first hop from a sender. */
export interface Router {
  host(component: string): Host | undefined;
  /** The first step of a SYN leaving `syn.from` (a forward to some host, or a refusal at the sender). */
  route(syn: Syn): SynVerdict;
}

export interface DialOptions {
  /** The sending component. */
  readonly from: string;
  readonly srcIp: string;
  readonly srcPort: number;
  readonly dstIp: string;
  readonly dstPort: number;
  readonly purpose: Purpose;
  readonly requestId?: string;
}

export interface PendingDial {
  abort(): void;
}

function synSummary(syn: Syn): string {
  return `SYN ${syn.srcIp}:${syn.srcPort} → ${syn.dstIp}:${syn.dstPort}`;
}

export class Tcp {
  private connections = 0;

  constructor(
    readonly fabric: Fabric,
    readonly engine: Engine,
    readonly trace: Trace,
    private readonly router: Router,
  ) {}

  /** Open a connection; exactly one of `connected`/`refused` is called, or neither when the SYN is lost. */
  dial(options: DialOptions, handlers: DialHandlers): PendingDial {
    const id = `c${++this.connections}`;
    let aborted = false;
    const hops: string[] = [options.from];
    const relays: (Relay | undefined)[] = [undefined];
    // The addresses on the wire for each hop hops[k] → hops[k+1], as the SYN carried them there.
    const addresses: HopAddresses[] = [];
    const packet = this.fabric.packetId();
    const type = options.purpose === 'health' ? 'health' : 'tcp';
    let syn: Syn = {
      connection: id,
      purpose: options.purpose,
      ...(options.requestId === undefined ? {} : { requestId: options.requestId }),
      from: options.from,
      srcIp: options.srcIp,
      srcPort: options.srcPort,
      dstIp: options.dstIp,
      dstPort: options.dstPort,
      clientIp: options.srcIp,
    };
    const release = () => {
      for (const relay of relays) relay?.closed?.();
    };
    const advance = (at: string, verdict: SynVerdict): void => {
      switch (verdict.kind) {
        case 'forward': {
          relays[relays.length - 1] = verdict.relay;
          syn = {
            ...syn,
            from: at,
            dstIp: verdict.dstIp ?? syn.dstIp,
            dstPort: verdict.dstPort ?? syn.dstPort,
            srcIp: verdict.srcIp ?? syn.srcIp,
          };
          const next = verdict.next;
          const onWire: HopAddresses = { src: `${syn.srcIp}:${syn.srcPort}`, dst: `${syn.dstIp}:${syn.dstPort}` };
          const wire: Wire = { type, summary: synSummary(syn), ...(options.requestId === undefined ? {} : { requestId: options.requestId }) };
          let landing: SynVerdict = { kind: 'drop', why: `nothing answers at ${next}` };
          this.fabric.hop(
            packet,
            at,
            next,
            wire,
            () => {
              hops.push(next);
              relays.push(undefined);
              addresses.push(onWire);
              advance(next, landing);
            },
            () => {
              const host = this.router.host(next);
              if (host !== undefined) landing = host.syn(syn);
              return landing.kind === 'drop' ? landing.why : undefined;
            },
            () => release(),
          );
          return;
        }
        case 'accept': {
          const exchange = { peerIp: syn.srcIp, peerPort: syn.srcPort, localIp: syn.dstIp, localPort: syn.dstPort };
          const connection = new Established(this, id, { hops, relays, addresses }, verdict.server, exchange, options.purpose, options.requestId);
          const synAck: Wire = {
            type,
            summary: `SYN-ACK ${syn.dstIp}:${syn.dstPort} → ${syn.srcIp}:${syn.srcPort}`,
            ...(options.requestId === undefined ? {} : { requestId: options.requestId }),
          };
          this.walk([...hops].reverse(), synAck, () => {
            if (aborted) connection.close();
            else handlers.connected(connection);
          }, () => connection.close());
          return;
        }
        case 'reset': {
          const back = hops.slice(0, hops.indexOf(at) + 1).reverse();
          release();
          if (back.length <= 1) {
            // Refused at the sender itself (e.g. kube-proxy's REJECT for a Service without endpoints).
            this.engine.schedule(0, () => {
              if (!aborted) handlers.refused(verdict.why);
            }, 'refused');
            return;
          }
          const rst: Wire = { type, summary: `RST → ${options.srcIp}:${options.srcPort} (connection refused)`, ...(options.requestId === undefined ? {} : { requestId: options.requestId }) };
          this.walk(back, rst, () => {
            if (!aborted) handlers.refused(verdict.why);
          });
          return;
        }
        case 'drop':
          release();
          this.trace.record({
            kind: 'drop',
            packet,
            type,
            from: at,
            to: `${syn.dstIp}:${syn.dstPort}`,
            ...(options.requestId === undefined ? {} : { requestId: options.requestId }),
            summary: synSummary(syn),
            why: verdict.why,
          });
      }
    };
    advance(options.from, this.router.route(syn));
    return {
      abort: () => {
        aborted = true;
      },
    };
  }

  /**
   * Carry one packet along `path` (component ids, first to last). At each
   * intermediate component `check(i)` may say why it resets the packet there.
   * `wire` may differ per hop (`wire(i)` for path[i] → path[i+1]), as addresses do after NAT.
   */
  walk(
    path: readonly string[],
    wire: Wire | ((index: number) => Wire),
    done: () => void,
    dropped?: (why: string) => void,
    check?: (index: number) => string | undefined,
    resetAt?: (index: number, why: string) => void,
  ): void {
    const packet = this.fabric.packetId();
    const step = (i: number): void => {
      const from = path[i];
      const to = path[i + 1];
      if (from === undefined || to === undefined) {
        done();
        return;
      }
      this.fabric.hop(
        packet,
        from,
        to,
        typeof wire === 'function' ? wire(i) : wire,
        () => {
          if (i + 2 < path.length && check !== undefined) {
            const why = check(i + 1);
            if (why !== undefined) {
              resetAt?.(i + 1, why);
              return;
            }
          }
          step(i + 1);
        },
        undefined,
        dropped,
      );
    };
    step(0);
  }
}
