/**
 * A running NLB: the plain data (`Nlb`), one health machine per target on
 * the engine clock, the flow table, and the trace records a student reads.
 *
 * The world provides what the NLB cannot know: how a health-check probe
 * fares on the network (`probe`, answered later through a callback), what
 * to do when the NLB resets a flow (`resetFlow`), and the flow-hash stream.
 * The world calls in for each new connection (`connect`), each later packet
 * (`packet`), connection close (`close`), DNS (`dnsAnswer`) and the
 * Kubernetes side's target changes (`register`, `deregister`).
 */
import { createActor } from 'xstate';
import { PairTexts, type TraceInput } from '../../sim';
import type { Actor } from 'xstate';
import { initialHealth } from './build';
import type { TargetSpec } from './build';
import { describeTargetHealth } from './describe';
import type { DescribeTargetHealthOutput } from './describe';
import { nlbDnsAnswer } from './dns';
import type { NlbDnsAnswer } from './dns';
import { FlowTable, flowKey } from './flowTable';
import { modifyHealthCheck } from './healthcheck/modify';
import type { HealthCheckChange, HealthCheckModified } from './healthcheck/modify';
import type { PacketDecision } from './flowTable';
import { routeConnection } from './routing';
import type { RouteDecision } from './routing';
import { targetHealthMachine } from './targetHealth.machine';
import type { FlowTuple, Nlb, NlbNode, Target, TargetGroup, TargetHealth } from './types';
import { targetKey } from './world';
import type { HealthProbe, NlbWorld } from './world';

export interface NlbRuntimeOptions {
  /** The target machine, e.g. `targetHealthMachine.provide({ delays: … })` to shorten timings in a lesson. */
  readonly machine?: typeof targetHealthMachine;
}

type TargetActor = Actor<typeof targetHealthMachine>;

/**
 * A running NLB. Build the data with `createNlb`, then `new NlbRuntime(nlb, world).start()`.
 * It mutates `nlb` (target health, registrations) as the simulation runs, so
 * the pure functions (`routeConnection`, `nlbDnsAnswer`, `describeTargetHealth`)
 * always see the current state.
 */
export class NlbRuntime {
  readonly flows = new FlowTable();
  private readonly actors = new Map<string, TargetActor>();
  /** The state last recorded in the trace for each target (`none` before registration). */
  private readonly reported = new Map<string, string>();
  private readonly machine: typeof targetHealthMachine;
  private lastDns: string;
  private lastSweepMs = 0;
  private dnsCheckPending = false;
  /** `component` as last made, and the name it was made from (written on every new connection's decision). */
  private componentText = '';
  private componentOf: string | undefined;
  /** A forward's decision text (`→ ip:port`), made once per target address. */
  private readonly forwardTexts = new PairTexts<string, number>((ip, port) => `→ ${ip}:${port}`);

  constructor(
    readonly nlb: Nlb,
    private readonly world: NlbWorld,
    options: NlbRuntimeOptions = {},
  ) {
    this.machine = options.machine ?? targetHealthMachine;
    this.lastDns = nlbDnsAnswer(nlb).addresses.join(',');
  }

  /** The trace component of the NLB (`nlb:web`). */
  get component(): string {
    const name = this.nlb.name;
    if (name !== this.componentOf) {
      this.componentOf = name;
      this.componentText = `nlb:${name}`;
    }
    return this.componentText;
  }

  /** Start health checks on every registered target. */
  start(): void {
    for (const tg of this.nlb.targetGroups) {
      for (const t of [...tg.targets]) this.startChecks(tg, t, 'none');
    }
  }

  /** Stop every health machine (their pending timers go with them). */
  stop(): void {
    for (const actor of this.actors.values()) actor.stop();
    this.actors.clear();
  }

  /** Register a target (a new node or pod); it starts `initial`. */
  register(tgName: string, spec: TargetSpec): void {
    const tg = this.group(tgName);
    if (tg.targets.some((t) => t.id === spec.id && t.port === spec.port)) return;
    const target: Target = { ...spec, health: initialHealth(this.nlb, tg.name, spec.az) };
    tg.targets.push(target);
    this.startChecks(tg, target, 'none');
  }

  /** Deregister a target: it drains for the deregistration delay, then leaves the group. */
  deregister(tgName: string, id: string, port: number, why: string): void {
    const tg = this.group(tgName);
    const key = targetKey(tg.name, { id, port });
    const actor = this.actors.get(key);
    if (actor !== undefined) {
      actor.send({ type: 'DEREGISTER', why });
      return;
    }
    // A target that was never checked (unused) has nothing to drain.
    const index = tg.targets.findIndex((t) => t.id === id && t.port === port);
    if (index >= 0) tg.targets.splice(index, 1);
  }

  /**
   * ModifyTargetGroup: new health-check settings for `tgName`, validated
   * against AWS's limits. Running checkers keep the round they already
   * scheduled and use the new interval, timeout and thresholds from the next
   * one; targets registered later start with them.
   */
  modifyHealthCheck(tgName: string, change: HealthCheckChange): HealthCheckModified {
    const tg = this.group(tgName);
    const modified = modifyHealthCheck(tg.healthCheck, change);
    if (!modified.ok) return modified;
    tg.healthCheck = modified.settings;
    for (const t of tg.targets) this.actors.get(targetKey(tg.name, t))?.send({ type: 'SETTINGS', settings: modified.settings });
    return modified;
  }

  /** A new connection reached the node in `azOfNode`: route it and track its flow. */
  connect(azOfNode: string, tuple: FlowTuple, key = flowKey(tuple)): RouteDecision {
    const now = this.world.engine.now;
    if (now - this.lastSweepMs >= 60_000) {
      this.flows.sweep(now);
      this.lastSweepMs = now;
    }
    const decision = routeConnection(this.nlb, { azOfNode, flow5Tuple: tuple, rng: this.world.rng });
    if (decision.kind === 'forward') {
      this.flows.open(
        {
          tuple,
          az: azOfNode,
          targetGroup: decision.targetGroup.name,
          targetKey: targetKey(decision.targetGroup.name, decision.target),
          targetIp: decision.target.ip,
          targetPort: decision.target.port,
          source: decision.source,
          idleTimeoutMs: decision.listener.idleTimeoutSeconds * 1000,
          openedAtMs: now,
        },
        key,
      );
    }
    const what = decision.kind === 'forward' ? this.forwardTexts.get(decision.target.ip, decision.target.port) : decision.kind;
    // `t` and `seq` are placeholders the trace stamps, written first so the record keeps its shape (one per new connection).
    this.world.trace.record({ t: 0, seq: 0, kind: 'decision', component: this.component, decision: what, why: decision.why } as TraceInput);
    return decision;
  }

  /** A later packet of a connection: forward on its flow, or RST. `key` is `flowKey(tuple)`, if the caller kept it. */
  packet(tuple: FlowTuple, key = flowKey(tuple)): PacketDecision {
    const decision = this.flows.packet(tuple, this.world.engine.now, key);
    if (decision.kind === 'reset') {
      this.world.trace.record({ kind: 'decision', component: this.component, decision: 'RST', why: decision.why });
    }
    return decision;
  }

  /** The connection ended normally. */
  close(tuple: FlowTuple, key = flowKey(tuple)): void {
    this.flows.close(tuple, key);
  }

  /** What the NLB's DNS name resolves to now. */
  dnsAnswer(): NlbDnsAnswer {
    return nlbDnsAnswer(this.nlb);
  }

  /** `aws elbv2 describe-target-health` for one target group. */
  describe(tgName: string): DescribeTargetHealthOutput {
    return describeTargetHealth(this.group(tgName));
  }

  private group(name: string): TargetGroup {
    const tg = this.nlb.targetGroups.find((g) => g.name === name);
    if (tg === undefined) throw new Error(`NLB ${this.nlb.name} has no target group ${name}`);
    return tg;
  }

  private startChecks(tg: TargetGroup, target: Target, from: string): void {
    const key = targetKey(tg.name, target);
    if (target.health.state === 'unused') {
      this.recordState(key, from, target.health, target.health.description ?? 'not in use');
      return;
    }
    const actor = createActor(this.machine, {
      clock: this.world.engine.clock,
      input: {
        settings: tg.healthCheck,
        nodeCount: this.nlb.nodes.length,
        deregistrationDelaySeconds: tg.deregistrationDelaySeconds,
        port: {
          probe: (node, answer) => this.world.probe(this.probeFor(tg, target, node), answer),
          health: (health, why) => this.healthChanged(tg, target, health, why),
          checked: (why) =>
            this.world.trace.record({ kind: 'decision', component: this.targetComponent(key), decision: 'health check', why }),
        },
      },
    });
    this.actors.set(key, actor);
    // The machine reports `initial` as it starts: the state record should say where the target came from.
    this.reported.set(key, from);
    actor.start();
  }

  private probeFor(tg: TargetGroup, target: Target, node: number): HealthProbe {
    const hc = tg.healthCheck;
    return {
      nlb: this.nlb.name,
      targetGroup: tg.name,
      target,
      node: this.nlb.nodes[node] as NlbNode,
      protocol: hc.protocol,
      ip: target.ip,
      port: hc.port === 'traffic-port' ? target.port : hc.port,
      path: hc.path,
      timeoutMs: hc.timeoutSeconds * 1000,
    };
  }

  private healthChanged(tg: TargetGroup, target: Target, health: TargetHealth, why: string): void {
    const key = targetKey(tg.name, target);
    const from = this.reported.get(key) ?? target.health.state;
    target.health = health;
    this.reported.set(key, health.state);
    if (from !== health.state) this.recordState(key, from, health, why);
    else this.world.trace.record({ kind: 'decision', component: this.targetComponent(key), decision: 'health check', why });
    if (health.state === 'unhealthy' && tg.terminateConnectionsOnUnhealthy) {
      this.resetFlows(key, `target ${target.id}:${target.port} became unhealthy: the NLB resets its flows`);
    }
    if (health.state === 'unused') {
      if (tg.terminateConnectionsOnDeregistration) {
        this.resetFlows(key, `deregistration delay ended with connection termination on`);
      }
      const index = tg.targets.indexOf(target);
      if (index >= 0) tg.targets.splice(index, 1);
      this.actors.delete(key);
      this.reported.delete(key);
    }
    this.scheduleDnsCheck();
  }

  /**
   * Targets often change together (every target passes its third check at the same
   * virtual instant); look at DNS once that instant's work is done, so the trace shows
   * the answer clients could actually get, not the steps in between.
   */
  private scheduleDnsCheck(): void {
    if (this.dnsCheckPending) return;
    this.dnsCheckPending = true;
    this.world.engine.schedule(
      0,
      () => {
        this.dnsCheckPending = false;
        this.recordDnsChange();
      },
      `${this.component} dns`,
    );
  }

  private resetFlows(key: string, why: string): void {
    for (const flow of this.flows.resetTarget(key)) {
      this.world.trace.record({ kind: 'decision', component: this.component, decision: 'RST', why: `${flow.key}: ${why}` });
      this.world.resetFlow?.(flow, why);
    }
  }

  private recordState(key: string, from: string, health: TargetHealth, why: string): void {
    this.world.trace.record({ kind: 'state', component: this.targetComponent(key), from, to: health.state, why });
  }

  /** DNS follows target health; record when its answer changes, since clients will act on it. */
  private recordDnsChange(): void {
    const answer = nlbDnsAnswer(this.nlb);
    const now = answer.addresses.join(',');
    if (now === this.lastDns) return;
    this.world.trace.record({ kind: 'state', component: `${this.component}/dns`, from: this.lastDns, to: now, why: answer.why });
    this.lastDns = now;
  }

  private targetComponent(key: string): string {
    return `${this.component}/${key}`;
  }
}
