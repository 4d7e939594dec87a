/**
 * A traffic client in the world: a browser (one address, a host cache, one
 * URL) or a load generator (a pool of source addresses, a mix of paths, a
 * fixed rate or Poisson arrivals). Its machine says when to send; each
 * request is a journey (`journey.ts`); it records one `request` and one
 * `outcome` record per request and keeps counters for snapshots.
 */
import { createActor, type Actor } from 'xstate';
import { PairTexts, type Engine, type Random, type Trace, type TraceInput } from '../../sim';
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
  /** Texts every request repeats, made once: the label of the next-request event, and each path's URL. */
  private readonly nextLabel: string;
  private readonly urls = new PairTexts<string, string>((path, authority) => `http://${authority}${path}`);
  private readonly authority: string;
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
    this.nextLabel = `${config.id} next request`;
    this.authority = config.port === 80 ? config.host : `${config.host}:${config.port}`;
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
    this.world.engine.schedule(requestIntervalMs(this.config.arrival, this.arrivalRng), () => this.tick(), this.nextLabel);
  }

  private issue(): void {
    const n = this.counts.issued++;
    const entry = pickPath(this.config.mix, this.mixRng);
    const requestId = `${this.id}#${n + 1}`;
    const srcIp = sourceAddress(this.config.addresses, n);
    // `t` and `seq` (here and in `settle`) are placeholders the trace stamps, written first so the record keeps its shape.
    this.world.trace.record({ t: 0, seq: 0, kind: 'request', requestId, client: this.id, method: entry.method, url: this.urls.get(entry.path, this.authority) } as TraceInput);
    startJourney(this.deps, this.journey, { id: requestId, srcIp, method: entry.method, path: entry.path });
  }

  private settle(outcome: JourneyOutcome): void {
    this.counts.completed++;
    this.counts[outcome.result]++;
    const { requestId, status, latencyMs, servedBy, why } = outcome;
    const result = traceResult(outcome.result);
    // Two literals rather than a conditional spread: one record per request (same key order either way).
    if (servedBy === undefined) this.world.trace.record({ t: 0, seq: 0, kind: 'outcome', requestId, client: this.id, status, result, latencyMs, why } as TraceInput);
    else this.world.trace.record({ t: 0, seq: 0, kind: 'outcome', requestId, client: this.id, status, result, latencyMs, servedBy, why } as TraceInput);
  }
}
