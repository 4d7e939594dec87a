/**
 * A client in the world: the client machine wired to the network and the
 * trace. It records one `request` record per request issued and one `outcome`
 * record per request settled, and keeps counters for snapshots.
 */
import { createActor, type Actor } from 'xstate';
import type { Engine, Random, Trace } from '../../sim';
import type { Endpoint, HttpRequest, Network, Packet } from '../../net';
import type { Arrival } from './arrival';
import { clientMachine, type ClientPort } from './client.machine';
import type { Outcome, OutcomeResult } from './outcome';

/** A client as the world builds it. */
export interface ClientConfig {
  readonly id: string;
  readonly label: string;
  readonly address: string;
  /** The component requests are sent to (the far end of a link). */
  readonly target: string;
  /** Host header and URL authority, e.g. `198.51.100.10` or `198.51.100.10:8080`. */
  readonly host: string;
  readonly method: string;
  readonly path: string;
  readonly arrival: Arrival;
  readonly timeoutMs: number;
}

/** What a client needs from its world. */
export interface ClientWorld {
  readonly engine: Engine;
  readonly trace: Trace;
  readonly random: Random;
  readonly network: Network;
}

type Counter = 'issued' | 'completed' | OutcomeResult;

export class ClientNode implements Endpoint {
  readonly id: string;
  private readonly actor: Actor<typeof clientMachine>;
  private readonly counts: Record<Counter, number> = {
    issued: 0,
    completed: 0,
    ok: 0,
    error: 0,
    refused: 0,
    reset: 0,
    timeout: 0,
  };

  constructor(
    readonly config: ClientConfig,
    private readonly world: ClientWorld,
  ) {
    this.id = config.id;
    const port: ClientPort = {
      now: () => world.engine.now,
      send: (requestId) => this.send(requestId),
      settle: (outcome) => this.settle(outcome),
      stateChanged: (from, to, why) => world.trace.record({ kind: 'state', component: this.id, from, to, why }),
    };
    this.actor = createActor(clientMachine, {
      clock: world.engine.clock,
      input: {
        clientId: config.id,
        arrival: config.arrival,
        timeoutMs: config.timeoutMs,
        rng: world.random.stream(`client:${config.id}`),
        port,
      },
    });
  }

  /** Start the machine: its first request is an engine event, never immediate. */
  start(): void {
    this.actor.start();
  }

  /** Issue no more requests; those in flight still get their outcome. */
  stop(why: string): void {
    this.actor.send({ type: 'STOP', why });
  }

  /** Lifecycle state: `idle`, `active` or `stopped`. */
  get state(): string {
    return String(this.actor.getSnapshot().value);
  }

  counters(): Record<string, number> {
    return { ...this.counts, inFlight: Object.keys(this.actor.getSnapshot().context.inFlight).length };
  }

  refusal(): string | undefined {
    return undefined;
  }

  receive(packet: Packet): void {
    const message = packet.message;
    if (message.type === 'response') this.actor.send({ type: 'RESPONSE', response: message.response });
    if (message.type === 'rst') {
      this.actor.send({ type: 'RST', requestId: message.requestId, reason: message.reason, why: message.why });
    }
  }

  private send(requestId: string): void {
    const { config, world } = this;
    const request: HttpRequest = { id: requestId, method: config.method, path: config.path, host: config.host };
    this.counts.issued++;
    world.trace.record({
      kind: 'request',
      requestId,
      client: this.id,
      method: request.method,
      url: `http://${request.host}${request.path}`,
    });
    world.network.send(this.id, config.target, { type: 'request', request });
  }

  private settle(outcome: Outcome): void {
    this.counts.completed++;
    this.counts[outcome.result]++;
    this.world.trace.record({
      kind: 'outcome',
      requestId: outcome.requestId,
      client: this.id,
      status: outcome.status,
      result: outcome.result,
      latencyMs: outcome.latencyMs,
      ...(outcome.servedBy === undefined ? {} : { servedBy: outcome.servedBy }),
      why: outcome.why,
    });
  }
}
