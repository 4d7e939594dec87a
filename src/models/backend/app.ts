/**
 * An app process: the program in a pod or on a machine. Its lifecycle and
 * faults live in `app.machine.ts`; the work on each request is plain logic on
 * the engine, because a request is short-lived and many are in flight at
 * once (an actor each would cost more than it explains).
 *
 * A request is admitted (`admission.ts`): started if a worker is free,
 * queued if there is room, else answered 503 at once. `GET <healthPath>`
 * skips the queue, as a health endpoint served by the framework does, so a
 * busy app stays healthy while a hung one does not. A hung process holds
 * everything it accepts; a crash or stop resets every request it holds.
 *
 * The network is not known here: whoever delivers a request passes an
 * `AppExchange` to answer through, and closes the ticket when the client
 * end goes away (the work is then finished and thrown away, as a real
 * handler writes into a closed socket).
 */
import { createActor, type Actor } from 'xstate';
import type { Engine, EventHandle, Rng, Trace, TraceInput } from '../../sim';
import { statusLine } from '../../net';
import { admit, type Capacity } from './admission';
import { appLifecycleMachine, type AppFaults, type AppLifecyclePort } from './app.machine';
import { decideStatus } from './behaviour';
import { drawLatency, describeLatency, type LatencyDistribution } from './latency';

/** How an app behaves, as the scenario describes it. */
export interface AppSpec {
  readonly latency: LatencyDistribution;
  readonly capacity: Capacity;
  /** Probability that a request fails with 500. */
  readonly errorRate: number;
  /** Path of the health endpoint (`/health`). */
  readonly healthPath: string;
  readonly healthLatencyMs: number;
  /** From process start to listening. */
  readonly startupMs: number;
  /** How soon after each start a crash-looping app dies. */
  readonly crashAfterStartMs: number;
  /** Write one access-log line per answered request. */
  readonly accessLog: boolean;
}

export interface AppRequest {
  readonly id: string;
  readonly method: string;
  /** Path and query, as on the request line. */
  readonly path: string;
  readonly headers: readonly (readonly [string, string])[];
  /** The address the app sees the connection come from (a proxy's, a node's after SNAT, or the client's). */
  readonly remoteIp: string;
}

export interface AppResponse {
  readonly status: number;
  readonly headers: [string, string][];
  readonly body: string;
}

/** How the app answers the connection a request came on. */
export interface AppExchange {
  respond(response: AppResponse): void;
  /** The process died holding the request: the kernel resets the connection. */
  reset(why: string): void;
}

/** Returned by `handle`: close it when the client end goes away. */
export interface AppTicket {
  cancel(): void;
}

export interface AppDeps {
  readonly engine: Engine;
  readonly trace: Trace;
  /** `<id>:latency`: response times only. */
  readonly latencyRng: Rng;
  /** `<id>:errors`: error draws only, so changing errorRate never shifts latencies. */
  readonly errorRng: Rng;
  /** The process died on its own; a kubelet restarts it, a plain machine stays down. */
  readonly onExit?: (why: string) => void;
  /** Start already running (a machine that is simply up). */
  readonly running?: boolean;
  /**
   * Write lifecycle `state` records (default true). In a pod the kubelet's own
   * records say the same (Running, CrashLoopBackOff), so the world turns these off.
   */
  readonly recordStates?: boolean;
}

interface Job {
  readonly request: AppRequest;
  readonly exchange: AppExchange;
  readonly arrivedMs: number;
  dead: boolean;
  timer?: EventHandle;
}

type Counter = 'received' | 'answered' | 'errors' | 'rejected' | 'reset' | 'health';

const TEXT: [string, string] = ['Content-Type', 'text/plain'];

export class AppProcess {
  private readonly actor: Actor<typeof appLifecycleMachine>;
  private readonly running = new Set<Job>();
  private readonly stuck = new Set<Job>();
  private queue: Job[] = [];
  private queueHead = 0;
  private readonly counts: Record<Counter, number> = { received: 0, answered: 0, errors: 0, rejected: 0, reset: 0, health: 0 };
  /** The label of this app's answer events, made once rather than per request. */
  private readonly answersLabel: string;

  constructor(
    /** Trace component: the pod or machine id. */
    readonly component: string,
    readonly spec: AppSpec,
    private readonly deps: AppDeps,
  ) {
    this.answersLabel = `${component} answers`;
    const port: AppLifecyclePort = {
      stateChanged: (from, to, why) => {
        if (deps.recordStates !== false) deps.trace.record({ kind: 'state', component, from, to, why });
      },
      exited: (why) => deps.onExit?.(why),
      stoppedListening: (why) => this.resetAll(why),
    };
    this.actor = createActor(appLifecycleMachine, {
      clock: deps.engine.clock,
      input: { startupMs: spec.startupMs, crashAfterStartMs: spec.crashAfterStartMs, port },
    });
    this.actor.start();
    if (deps.running === true) this.actor.send({ type: 'UP', why: 'up from the start' });
  }

  /** `stopped`, `starting`, `running` or `crashed`. */
  get state(): string {
    return String(this.actor.getSnapshot().value);
  }

  get faults(): AppFaults {
    return this.actor.getSnapshot().context.faults;
  }

  /** True when a connection to the app's port would be accepted. */
  get listening(): boolean {
    return this.actor.getSnapshot().value === 'running';
  }

  start(why: string): void {
    this.actor.send({ type: 'START', why });
  }

  stop(why: string): void {
    this.actor.send({ type: 'STOP', why });
  }

  crash(why: string): void {
    this.actor.send({ type: 'CRASH', why });
  }

  setFaults(faults: Partial<AppFaults>, why: string): void {
    this.actor.send({ type: 'FAULTS', faults, why });
  }

  /** Stop the lifecycle machine and drop its timers (the world is done with this process). */
  dispose(): void {
    this.resetAll('the process was removed');
    this.actor.stop();
  }

  counters(): Record<string, number> {
    return { ...this.counts, inFlight: this.running.size + this.stuck.size, queued: this.queue.length - this.queueHead };
  }

  /** Take one request on an established connection. */
  handle(request: AppRequest, exchange: AppExchange): AppTicket {
    const job: Job = { request, exchange, arrivedMs: this.deps.engine.now, dead: false };
    const ticket: AppTicket = new Ticket(this, job);
    if (!this.listening) {
      exchange.reset(`${this.component} is ${this.state}: no process reads the connection`);
      return ticket;
    }
    this.counts.received++;
    const faults = this.faults;
    if (faults.hung) {
      this.stuck.add(job);
      this.decision(request, 'hold', `${this.component} is hung: it accepted the connection and never answers`);
      return ticket;
    }
    if (request.method === 'GET' && request.path === this.spec.healthPath) {
      this.counts.health++;
      this.schedule(job, this.spec.healthLatencyMs + faults.slowMs, true);
      return ticket;
    }
    const admission = admit(this.spec.capacity, this.running.size, this.queue.length - this.queueHead);
    if (admission.kind === 'start') this.schedule(job, drawLatency(this.spec.latency, this.deps.latencyRng) + faults.slowMs, false);
    else if (admission.kind === 'queue') this.queue.push(job);
    else {
      this.counts.rejected++;
      this.decision(request, 'reject 503', admission.why);
      this.finish(job, { status: 503, headers: [TEXT], body: `${this.component}: overloaded\n` });
    }
    return ticket;
  }

  private schedule(job: Job, latencyMs: number, health: boolean): void {
    this.running.add(job);
    job.timer = this.deps.engine.schedule(latencyMs, () => this.complete(job, health), this.answersLabel);
  }

  private complete(job: Job, health: boolean): void {
    this.running.delete(job);
    if (health) {
      const unhealthy = this.faults.unhealthy;
      const status = unhealthy ? 503 : 200;
      if (unhealthy) this.decision(job.request, 'health 503', `${this.component} is marked unhealthy: ${this.spec.healthPath} fails while other paths still work`);
      this.finish(job, { status, headers: [TEXT], body: unhealthy ? 'unhealthy\n' : 'ok\n' });
    } else {
      const decision = decideStatus(this.spec.errorRate, this.deps.errorRng);
      if (decision.why !== undefined) this.decision(job.request, `answer ${decision.status}`, decision.why);
      this.finish(job, { status: decision.status, headers: [TEXT], body: this.body(job.request, decision.status) });
      this.next();
    }
  }

  /** A worker is free: take the oldest waiting request that still has a client. */
  private next(): void {
    while (this.queueHead < this.queue.length && this.running.size < this.spec.capacity.concurrency) {
      const job = this.queue[this.queueHead++];
      if (job === undefined || job.dead) continue;
      this.schedule(job, drawLatency(this.spec.latency, this.deps.latencyRng) + this.faults.slowMs, false);
    }
    // Compact now and then so a long run does not keep every request it ever queued.
    if (this.queueHead > 1024 && this.queueHead * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.queueHead);
      this.queueHead = 0;
    }
  }

  private finish(job: Job, response: AppResponse): void {
    if (job.dead) return;
    job.dead = true;
    this.counts.answered++;
    if (response.status >= 500) this.counts.errors++;
    if (this.spec.accessLog) {
      const r = job.request;
      // `t` and `seq` are placeholders the trace stamps, written first so the record keeps its shape.
      this.deps.trace.record({ t: 0, seq: 0, kind: 'log', component: this.component, stream: 'access', line: accessLine(r, response) } as TraceInput);
    }
    job.exchange.respond(response);
  }

  private body(request: AppRequest, status: number): string {
    return `${statusLine(status)} from ${this.component}: ${request.method} ${request.path} (the connection came from ${request.remoteIp})\n`;
  }

  /** The client end of `job` went away. */
  cancel(job: Job): void {
    if (job.dead) return;
    job.dead = true;
    // A stuck or queued request simply goes; a running one keeps its worker until its work is done.
    this.stuck.delete(job);
  }

  private resetAll(why: string): void {
    const jobs = [...this.running, ...this.stuck, ...this.queue.slice(this.queueHead)];
    this.running.clear();
    this.stuck.clear();
    this.queue = [];
    this.queueHead = 0;
    for (const job of jobs) {
      if (job.timer !== undefined) this.deps.engine.cancel(job.timer);
      if (job.dead) continue;
      job.dead = true;
      this.counts.reset++;
      job.exchange.reset(`${this.component}: ${why}`);
    }
  }

  private decision(request: AppRequest, decision: string, why: string): void {
    this.deps.trace.record({ kind: 'decision', component: this.component, decision, requestId: request.id, why });
  }

  /** One line for inspectors: `20–60 ms, 8 workers, queue 32, 1% errors`. */
  describe(): string {
    const s = this.spec;
    return `${describeLatency(s.latency)}, ${s.capacity.concurrency} workers, queue ${s.capacity.queue}, ${s.errorRate * 100}% errors`;
  }
}

/** A request header's value, or `-` as access logs write an absent one. */
function header(request: AppRequest, name: string): string {
  // A loop rather than `find` with a destructuring callback: this runs twice for every logged request.
  for (const pair of request.headers) {
    const key = pair[0];
    if (key.length === name.length && key.toLowerCase() === name) return pair[1];
  }
  return '-';
}

/**
 * One access-log line, in the common log format followed by the two headers
 * that name the real client, quoted as nginx's `"$http_x_forwarded_for"`:
 *
 *     127.0.0.1 - - "GET / HTTP/1.1" 200 42 "-" x-real-ip="203.0.113.7"
 *
 * The first field is the address that connected (a proxy, when there is one);
 * `x-real-ip=` appears only when the request carries X-Real-IP.
 */
export function accessLine(request: AppRequest, response: AppResponse): string {
  const realIp = header(request, 'x-real-ip');
  const tail = realIp === '-' ? '' : ` x-real-ip="${realIp}"`;
  return `${request.remoteIp} - - "${request.method} ${request.path} HTTP/1.1" ${response.status} ${response.body.length} "${header(request, 'x-forwarded-for')}"${tail}`;
}

/** A request's ticket: cancelling it tells the process the client went away. */
class Ticket implements AppTicket {
  constructor(
    private readonly process: AppProcess,
    private readonly job: Job,
  ) {}

  cancel(): void {
    this.process.cancel(this.job);
  }
}
