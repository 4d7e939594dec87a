/**
 * An app server in the world: the server machine wired to the network and
 * the trace. While crashed it refuses every packet (the link records the drop
 * and the host's reset); when up it hands requests to the machine.
 */
import { createActor, type Actor } from 'xstate';
import type { Engine, Random, Trace } from '../../sim';
import type { Endpoint, Network, Packet } from '../../net';
import { formatEndpoint } from '../../net';
import type { LatencyRange } from './behaviour';
import { serverMachine, type ServerPort } from './server.machine';

/** A server as the world builds it. */
export interface ServerConfig {
  readonly id: string;
  readonly label: string;
  readonly address: string;
  readonly port: number;
  readonly latency: LatencyRange;
  readonly errorRate: number;
}

/** What a server needs from its world. */
export interface ServerWorld {
  readonly engine: Engine;
  readonly trace: Trace;
  readonly random: Random;
  readonly network: Network;
}

type Counter = 'received' | 'answered' | 'errors' | 'refused' | 'reset';

export class ServerNode implements Endpoint {
  readonly id: string;
  private readonly actor: Actor<typeof serverMachine>;
  private readonly counts: Record<Counter, number> = { received: 0, answered: 0, errors: 0, refused: 0, reset: 0 };

  constructor(
    readonly config: ServerConfig,
    private readonly world: ServerWorld,
  ) {
    this.id = config.id;
    const port: ServerPort = {
      respond: (request, decision) => {
        this.counts.answered++;
        if (decision.status >= 500) this.counts.errors++;
        if (decision.why !== undefined) {
          world.trace.record({
            kind: 'decision',
            component: this.id,
            decision: `answer ${decision.status}`,
            requestId: request.requestId,
            why: decision.why,
          });
        }
        world.network.send(this.id, request.from, {
          type: 'response',
          response: { requestId: request.requestId, status: decision.status, servedBy: this.id },
        });
      },
      reset: (request, why) => {
        this.counts.reset++;
        world.network.send(this.id, request.from, { type: 'rst', requestId: request.requestId, reason: 'reset', why }, why);
      },
      stateChanged: (from, to, why) => world.trace.record({ kind: 'state', component: this.id, from, to, why }),
    };
    this.actor = createActor(serverMachine, {
      clock: world.engine.clock,
      input: {
        serverId: config.id,
        latency: config.latency,
        errorRate: config.errorRate,
        latencyRng: world.random.stream(`server:${config.id}:latency`),
        errorRng: world.random.stream(`server:${config.id}:errors`),
        port,
      },
    });
    this.actor.start();
  }

  /** `198.51.100.10:80`: where the server listens. */
  get endpoint(): string {
    return formatEndpoint(this.config.address, this.config.port);
  }

  /** Lifecycle state: `up` or `crashed`. */
  get state(): string {
    return String(this.actor.getSnapshot().value);
  }

  counters(): Record<string, number> {
    return { ...this.counts, inFlight: Object.keys(this.actor.getSnapshot().context.held).length };
  }

  /** Kill the process: held requests are reset, new ones refused until `recover`. */
  crash(why: string): void {
    this.actor.send({ type: 'CRASH', why });
  }

  /** Start the process again. */
  recover(why: string): void {
    this.actor.send({ type: 'RECOVER', why });
  }

  refusal(): string | undefined {
    if (this.state !== 'crashed') return undefined;
    return `nothing listens on ${this.endpoint}: ${this.id} is crashed`;
  }

  refused(): void {
    this.counts.refused++;
  }

  receive(packet: Packet): void {
    const message = packet.message;
    if (message.type !== 'request') return;
    this.counts.received++;
    this.actor.send({ type: 'REQUEST', request: { requestId: message.request.id, from: packet.from } });
  }
}
