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
import { PairTexts, type Engine, type Trace } from '../../sim';
import type { Fabric, OwnHopLeg, Wire } from './fabric';
import { Established } from './connection';
import { SynAck, Walk } from './tcp-walks';
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

/** A SYN as it leaves `from`, its addresses as they are on that hop (`requestId` only when there is one). */
function synAt(syn: Syn, from: string, srcIp: string, dstIp: string, dstPort: number): Syn {
  const { connection, purpose, requestId, srcPort, clientIp } = syn;
  return requestId === undefined
    ? { connection, purpose, from, srcIp, srcPort, dstIp, dstPort, clientIp }
    : { connection, purpose, requestId, from, srcIp, srcPort, dstIp, dstPort, clientIp };
}

export class Tcp {
  private connections = 0;
  /**
   * Texts every connection writes again and again, made once: `ip:port` (on
   * every hop record of a connection), a request's `GET /path` and a
   * response's `200 ← pod`, shared by every request that has them.
   */
  readonly texts = {
    endpoint: new PairTexts<string, number>((ip, port) => `${ip}:${port}`),
    request: new PairTexts<string, string>((target, method) => `${method} ${target}`),
    response: new PairTexts<string, number>((servedBy, status) => `${status} ← ${servedBy}`),
  };

  constructor(
    readonly fabric: Fabric,
    readonly engine: Engine,
    readonly trace: Trace,
    readonly router: Router,
  ) {}

  /** Open a connection; exactly one of `connected`/`refused` is called, or neither when the SYN is lost. */
  dial(options: DialOptions, handlers: DialHandlers): PendingDial {
    const dial = new Dial(this, `c${++this.connections}`, options, handlers);
    dial.start();
    return dial;
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
    new Walk(this.fabric, this.fabric.packetId(), path, wire, done, dropped, check, resetAt).step();
  }
}

/** Placeholders of a dial before its first hop (shared: nothing writes to them). */
const NO_ADDRESSES: HopAddresses = { src: '', dst: '' };
const NOT_LANDED: SynVerdict = { kind: 'drop', why: '' };

/**
 * One connection being opened: the SYN finds its way hop by hop, then the
 * SYN-ACK (or a RST) walks back. The dial is its SYN's listener on each hop,
 * and its wire: `summary` is set as each hop leaves (the fabric reads a wire
 * only while it writes that hop's records).
 */
class Dial implements PendingDial, OwnHopLeg, Wire {
  private aborted = false;
  private readonly hops: string[];
  private readonly relays: (Relay | undefined)[] = [undefined];
  /** The addresses on the wire for each hop hops[k] → hops[k+1], as the SYN carried them there. */
  private readonly addresses: HopAddresses[] = [];
  readonly hopPacket: string;
  /** The hop under way (`OwnHopLeg`): the SYN leaves `hopFrom` for `hopTo`, the dial being its wire. */
  hopFrom = '';
  hopTo = '';
  readonly hopWire: Wire = this;
  readonly type: 'health' | 'tcp';
  readonly requestId: string | undefined;
  /** The SYN on the hop under way, as its records show it. */
  summary = '';
  private syn: Syn;
  /** The hop under way: where the SYN goes, its addresses there, and what that host answered. */
  private next = '';
  private onWire: HopAddresses = NO_ADDRESSES;
  private landing: SynVerdict = NOT_LANDED;

  constructor(
    private readonly tcp: Tcp,
    private readonly id: string,
    private readonly options: DialOptions,
    private readonly handlers: DialHandlers,
  ) {
    this.hops = [options.from];
    this.hopPacket = tcp.fabric.packetId();
    this.type = options.purpose === 'health' ? 'health' : 'tcp';
    this.requestId = options.requestId;
    const { purpose, requestId, from, srcIp, srcPort, dstIp, dstPort } = options;
    this.syn =
      requestId === undefined
        ? { connection: id, purpose, from, srcIp, srcPort, dstIp, dstPort, clientIp: srcIp }
        : { connection: id, purpose, requestId, from, srcIp, srcPort, dstIp, dstPort, clientIp: srcIp };
  }

  start(): void {
    this.advance(this.options.from, this.tcp.router.route(this.syn));
  }

  abort(): void {
    this.aborted = true;
  }

  /** On landing: the host there answers the SYN (a drop is the packet's drop). */
  refuse(): string | undefined {
    const host = this.tcp.router.host(this.next);
    // The refusal text is made only when it is needed: this runs on every hop of every SYN.
    this.landing = host === undefined ? { kind: 'drop', why: `nothing answers at ${this.next}` } : host.syn(this.syn);
    return this.landing.kind === 'drop' ? this.landing.why : undefined;
  }

  arrived(): void {
    const next = this.next;
    this.hops.push(next);
    this.relays.push(undefined);
    this.addresses.push(this.onWire);
    this.advance(next, this.landing);
  }

  dropped(): void {
    this.release();
  }

  /** The SYN-ACK reached the opener: it hears of the connection, unless it gave up meanwhile. */
  answered(connection: Established): void {
    if (this.aborted) connection.close();
    else this.handlers.connected(connection);
  }

  private release(): void {
    for (const relay of this.relays) relay?.closed?.();
  }

  private advance(at: string, verdict: SynVerdict): void {
    const { options, tcp, type } = this;
    const requestId = options.requestId;
    switch (verdict.kind) {
      case 'forward': {
        this.relays[this.relays.length - 1] = verdict.relay;
        const syn = synAt(this.syn, at, verdict.srcIp ?? this.syn.srcIp, verdict.dstIp ?? this.syn.dstIp, verdict.dstPort ?? this.syn.dstPort);
        this.syn = syn;
        const next = verdict.next;
        this.next = next;
        const endpoint = tcp.texts.endpoint;
        const onWire = { src: endpoint.get(syn.srcIp, syn.srcPort), dst: endpoint.get(syn.dstIp, syn.dstPort) };
        this.onWire = onWire;
        this.summary = `SYN ${onWire.src} → ${onWire.dst}`;
        this.hopFrom = at;
        this.hopTo = next;
        tcp.fabric.carryOwn(this);
        return;
      }
      case 'accept': {
        const syn = this.syn;
        const exchange = { peerIp: syn.srcIp, peerPort: syn.srcPort, localIp: syn.dstIp, localPort: syn.dstPort };
        const path = { hops: this.hops, relays: this.relays, addresses: this.addresses };
        const connection = new Established(tcp, this.id, path, verdict.server, exchange, options.purpose, requestId);
        const endpoint = tcp.texts.endpoint;
        const synAck: Wire = { type, summary: `SYN-ACK ${endpoint.get(syn.dstIp, syn.dstPort)} → ${endpoint.get(syn.srcIp, syn.srcPort)}`, requestId };
        new SynAck(this, connection, synAck).step();
        return;
      }
      case 'reset': {
        const back = this.hops.slice(0, this.hops.indexOf(at) + 1).reverse();
        this.release();
        if (back.length <= 1) {
          // Refused at the sender itself (e.g. kube-proxy's REJECT for a Service without endpoints).
          tcp.engine.schedule(0, () => {
            if (!this.aborted) this.handlers.refused(verdict.why);
          }, 'refused');
          return;
        }
        const rst: Wire = { type, summary: `RST → ${options.srcIp}:${options.srcPort} (connection refused)`, requestId };
        tcp.walk(back, rst, () => {
          if (!this.aborted) this.handlers.refused(verdict.why);
        });
        return;
      }
      case 'drop':
        this.release();
        tcp.trace.record({
          kind: 'drop',
          packet: this.hopPacket,
          type,
          from: at,
          to: `${this.syn.dstIp}:${this.syn.dstPort}`,
          ...(requestId === undefined ? {} : { requestId }),
          summary: synSummary(this.syn),
          why: verdict.why,
        });
    }
  }
}
