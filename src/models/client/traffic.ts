/**
 * A traffic client in the world: a browser (one address, a host cache, one
 * URL) or a load generator (a pool of source addresses, a mix of paths, a
 * fixed rate or Poisson arrivals). Its machine says when to send; each
 * request is a journey (`journey.ts`); it records one `request` and one
 * `outcome` record per request and keeps counters for snapshots.
 */
import { createActor, type Actor } from 'xstate';
import type { Engine, Random, Trace } from '../../sim';
import { createBrowserCache } from '../dns';
import { requestIntervalMs, type Arrival } from './arrival';
import { startJourney, type JourneyConfig, type JourneyDeps, type JourneyOutcome, type JourneyResult } from './journey';
import { pickPath, sourceAddress, type PathWeight } from './mix';
import type { ClientNet } from './net';
import { trafficMachine } from './traffic.machine';
import { traceResult } from './trace-result';

export type TrafficKind = 'browser' | 'load';

export interface TrafficClientConfig {
  readonly id: string;
  readonly label: string;
  readonly kind: TrafficKind;
  /** Source addresses: one for a browser, a pool for a load generator. */
  readonly addresses: readonly string[];
  readonly host: string;
  readonly port: number;
  readonly mix: readonly PathWeight[];
  readonly arrival: Arrival;
  readonly timeoutMs: number;
  readonly connectTimeoutMs: number;
  /** Keep answers in a host cache (min(TTL, 60 s)); a browser does. */
  readonly hostCache: boolean;
  readonly proxy?: { readonly ip: string; readonly port: number; readonly id: string };
}

export interface TrafficWorld {
  readonly engine: Engine;
  readonly trace: Trace;
  readonly random: Random;
  readonly net: ClientNet;
}

type Counter = 'issued' | 'completed' | JourneyResult;

export class TrafficClient {
  readonly id: string;
  private readonly actor: Actor<typeof trafficMachine>;
  private readonly journey: JourneyConfig;
  private readonly deps: JourneyDeps;
  private readonly mixRng;
  /** Between the machine entering `active` and STOP. */
  private sending = false;
  /** The stream the machine draws the first gap from; later gaps come from it too. */
  private readonly arrivalRng;
  private readonly counts: Record<Counter, number> = {
    issued: 0,
    completed: 0,
    ok: 0,
    error: 0,
    refused: 0,
    reset: 0,
    timeout: 0,
    dns_failure: 0,
  };

  constructor(
    readonly config: TrafficClientConfig,
    private readonly world: TrafficWorld,
  ) {
    this.id = config.id;
    this.mixRng = world.random.stream(`client:${config.id}:mix`);
    this.arrivalRng = world.random.stream(`client:${config.id}`);
    this.journey = {
      clientId: config.id,
      host: config.host,
      port: config.port,
      timeoutMs: config.timeoutMs,
      connectTimeoutMs: config.connectTimeoutMs,
      userAgent: config.kind === 'browser' ? 'Mozilla/5.0 (trafficlab browser)' : 'trafficlab-load/1.0',
      quiet: config.kind === 'load',
      ...(config.proxy === undefined ? {} : { proxy: config.proxy }),
      ...(config.hostCache ? { cache: createBrowserCache() } : {}),
    };
    this.deps = { engine: world.engine, trace: world.trace, net: world.net, settle: (o) => this.settle(o) };
    this.actor = createActor(trafficMachine, {
      clock: world.engine.clock,
      input: {
        arrival: config.arrival,
        rng: this.arrivalRng,
        port: {
          started: () => {
            this.sending = true;
            this.tick();
          },
          stateChanged: (from, to, why) => world.trace.record({ kind: 'state', component: this.id, from, to, why }),
        },
      },
    });
  }

  /** Start the machine: the first request is an engine event, never immediate. */
  start(): void {
    this.actor.start();
  }

  /** Issue no more requests; those in flight still get their outcome. */
  stop(why: string): void {
    this.sending = false;
    this.actor.send({ type: 'STOP', why });
  }

  /** `idle`, `active` or `stopped`. */
  get state(): string {
    return String(this.actor.getSnapshot().value);
  }

  counters(): Record<string, number> {
    return { ...this.counts, inFlight: this.counts.issued - this.counts.completed };
  }

  /** Send one request, then schedule the next while the machine is still `active`. */
  private tick(): void {
    if (!this.sending) return;
    this.issue();
    this.world.engine.schedule(requestIntervalMs(this.config.arrival, this.arrivalRng), () => this.tick(), `${this.id} next request`);
  }

  private issue(): void {
    const n = this.counts.issued++;
    const entry = pickPath(this.config.mix, this.mixRng);
    const requestId = `${this.id}#${n + 1}`;
    const srcIp = sourceAddress(this.config.addresses, n);
    const authority = this.config.port === 80 ? this.config.host : `${this.config.host}:${this.config.port}`;
    this.world.trace.record({ kind: 'request', requestId, client: this.id, method: entry.method, url: `http://${authority}${entry.path}` });
    startJourney(this.deps, this.journey, { id: requestId, srcIp, method: entry.method, path: entry.path });
  }

  private settle(outcome: JourneyOutcome): void {
    this.counts.completed++;
    this.counts[outcome.result]++;
    this.world.trace.record({
      kind: 'outcome',
      requestId: outcome.requestId,
      client: this.id,
      status: outcome.status,
      result: traceResult(outcome.result),
      latencyMs: outcome.latencyMs,
      ...(outcome.servedBy === undefined ? {} : { servedBy: outcome.servedBy }),
      why: outcome.why,
    });
  }
}
