/**
 * An nginx instance on the engine: a checked configuration, its worker
 * processes with their upstream state, and the network it reaches upstreams
 * through. Clients hand it requests with `handle`; it answers through a
 * callback when the response is complete, having written decisions and
 * nginx's own log lines to the trace along the way.
 */
import { flat, Rng, type Engine, type Trace, type TraceInput } from '../../../sim';
import type { NginxConfig } from '../model';
import { label } from '../labels';
import type { FileTree } from '../routing';
import { NginxLogs } from './logs';
import type { UpstreamNetwork } from './network';
import { RequestRun, type RequestEnv } from './request';
import { DEFAULT_LOG_EPOCH_MS } from './time';
import type { ClientRequest, ClientResponse } from './types';
import { DEFAULT_AUTO_WORKERS, Workers } from './workers';

export interface NginxOptions {
  config: NginxConfig;
  engine: Engine;
  trace: Trace;
  network: UpstreamNetwork;
  /** Name in trace records (default `nginx`). */
  name?: string;
  /** Seeded uniform [0, 1) for `random` balancing (default: a stream keyed by the name). */
  random?: () => number;
  /** What `worker_processes auto` means (default 2). */
  autoWorkers?: number;
  /** Wall-clock ms that virtual time 0 stands for in log timestamps. */
  logEpochMs?: number;
  /** Files for `root`/`alias`: absolute path → content. */
  files?: FileTree;
  /** nginx's prefix, against which a relative `root` resolves (Debian: /usr/share/nginx). */
  prefix?: string;
  /** nginx's own address, the source of its upstream connections. */
  address?: string;
  /** The master's pid; workers get the next ones. */
  pid?: number;
}

export class NginxInstance {
  readonly name: string;
  readonly workers: Workers;
  private readonly env: RequestEnv;
  private readonly masterPid: number;
  private connections = 0;
  private clients = 0;

  constructor(opts: NginxOptions) {
    // Flat once here: it is in every record this instance writes (see labels.ts).
    this.name = flat(opts.name ?? 'nginx');
    this.workers = new Workers(opts.config, opts.autoWorkers ?? DEFAULT_AUTO_WORKERS);
    this.masterPid = opts.pid ?? 1000;
    const engine = opts.engine;
    const epoch = opts.logEpochMs ?? DEFAULT_LOG_EPOCH_MS;
    const wallMs = (): number => epoch + engine.now;
    const balancer = opts.random ?? rngFunction(new Rng(`${this.name}\u0000balancer`));
    const files = opts.files ?? {};
    const prefix = opts.prefix ?? '/usr/share/nginx';
    const localIp = opts.address ?? '127.0.0.1';
    this.env = {
      engine,
      trace: opts.trace,
      component: this.name,
      servers: opts.config.servers,
      upstreams: opts.config.upstreams,
      workers: this.workers,
      network: opts.network,
      logs: new NginxLogs(opts.trace, this.name, opts.config, wallMs),
      files,
      prefix,
      localIp,
      random: balancer,
      idRandom: rngFunction(new Rng(`${this.name}\u0000request_id`)),
      wallMs,
      nextConnection: () => ++this.connections,
      routeOptions: { files, prefix },
      proxyEnv: { engine, network: opts.network, localIp, random: balancer },
    };
  }

  /**
   * Take one request on a new client connection. `done` is called exactly
   * once, from an engine event or (for answers nginx makes itself) right away.
   */
  handle(request: ClientRequest, done: (response: ClientResponse) => void): void {
    const connection = ++this.connections;
    const worker = this.workers.workerFor(++this.clients);
    const pid = this.masterPid + 1 + worker;
    if (this.workers.count > 1) {
      this.env.trace.record({
        t: 0,
        seq: 0,
        kind: 'decision',
        component: this.name,
        decision: label('worker ', worker),
        requestId: request.id,
        why: `connection *${connection} goes to worker process ${pid} (${this.workers.count} workers take connections in turn; each keeps its own upstream state unless the upstream has a zone)`,
      } as TraceInput);
    }
    new RequestRun(this.env, request, connection, worker, pid, done).start();
  }
}

function rngFunction(rng: Rng): () => number {
  return () => rng.next();
}
