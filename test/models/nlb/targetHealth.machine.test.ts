import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { Engine } from '../../../src/sim';
import type { ProbeAnswer } from '../../../src/models/nlb/healthcheck/judge';
import { AWS_API_DEFAULTS, LBC_CLUSTER_DEFAULTS, lbcLocalDefaults } from '../../../src/models/nlb/healthcheck/defaults';
import type { HealthCheckSettings } from '../../../src/models/nlb/healthcheck/types';
import { targetHealthMachine } from '../../../src/models/nlb/targetHealth.machine';
import type { TargetHealth } from '../../../src/models/nlb/types';

/** How the simulated target answers node `node`'s probe at virtual time `now`: an answer and its delay. */
type Behaviour = (now: number, node: number) => { answer: ProbeAnswer; afterMs: number } | 'silent';

const up: Behaviour = () => ({ answer: { outcome: 'connected' }, afterMs: 1 });
const refusing: Behaviour = () => ({ answer: { outcome: 'refused' }, afterMs: 1 });

interface Change {
  t: number;
  health: TargetHealth;
  why: string;
}

function run(
  settings: HealthCheckSettings,
  behaviour: Behaviour,
  options: { nodes?: number; delayS?: number; machine?: typeof targetHealthMachine } = {},
) {
  const engine = new Engine();
  const changes: Change[] = [];
  const checks: { t: number; why: string }[] = [];
  const probes: { t: number; node: number }[] = [];
  const actor = createActor(options.machine ?? targetHealthMachine, {
    clock: engine.clock,
    input: {
      settings,
      nodeCount: options.nodes ?? 3,
      deregistrationDelaySeconds: options.delayS ?? 300,
      port: {
        probe(node, answer) {
          probes.push({ t: engine.now, node });
          const b = behaviour(engine.now, node);
          if (b !== 'silent') engine.schedule(b.afterMs, () => answer(b.answer));
        },
        health: (health, why) => changes.push({ t: engine.now, health, why }),
        checked: (why) => checks.push({ t: engine.now, why }),
      },
    },
  });
  actor.start();
  const states = () => changes.map((c) => `${c.health.state}@${c.t / 1000}`);
  return { engine, actor, changes, checks, probes, states };
}

/** When the target first entered `state`, in seconds. */
function firstAt(changes: Change[], state: string): number | undefined {
  const c = changes.find((x) => x.health.state === state);
  return c === undefined ? undefined : c.t / 1000;
}

describe('target health machine: thresholds on the engine clock (vector 22)', () => {
  it('makes a new target healthy after 5 passed checks at the AWS defaults, 150 s after registration', () => {
    const h = run(AWS_API_DEFAULTS, up);
    h.engine.runUntil(200_000);
    // Rounds at 30, 60, 90, 120, 150 s; each answer arrives 1 ms after its probe.
    expect(firstAt(h.changes, 'healthy')).toBe(150.001);
    expect(h.actor.getSnapshot().value).toEqual({ registered: 'healthy' });
  });

  it('makes a refusing target unhealthy after 2 failed checks at the AWS defaults, within 60 s', () => {
    const h = run(AWS_API_DEFAULTS, refusing);
    h.engine.runUntil(200_000);
    expect(firstAt(h.changes, 'unhealthy')).toBe(60.001);
    expect(h.changes.at(-1)?.health.reason).toBe('Target.FailedHealthChecks');
    expect(h.changes.at(-1)?.why).toBe(
      'unhealthy: 2 consecutive TCP health checks failed (threshold 2): connection refused; 0/3 nodes passed',
    );
  });

  it('takes about 30 s both ways with the AWS Load Balancer Controller settings (10 s, 3/3)', () => {
    const failFrom = 100_000;
    const h = run(LBC_CLUSTER_DEFAULTS, (now) =>
      now < failFrom ? { answer: { outcome: 'connected' }, afterMs: 0 } : { answer: { outcome: 'refused' }, afterMs: 0 },
    );
    h.engine.runUntil(300_000);
    expect(firstAt(h.changes, 'healthy')).toBe(30);
    // Failing from t=100 s: rounds at 100, 110, 120 s fail.
    expect(firstAt(h.changes, 'unhealthy')).toBe(120);
  });

  it('counts a silent target as timed out after the timeout, so unhealthy comes one timeout later', () => {
    const h = run(AWS_API_DEFAULTS, () => 'silent');
    h.engine.runUntil(200_000);
    // Rounds at 30 and 60 s, each closed by its 10 s timeout.
    expect(firstAt(h.changes, 'unhealthy')).toBe(70);
    expect(h.changes.at(-1)?.why).toContain('no answer within 10 s');
  });

  it('recovers an unhealthy target only after the healthy threshold of consecutive passes', () => {
    // Refuses until 100 s, answers after: rounds from 120 s pass; 5 needed (120…240 s).
    const h = run(AWS_API_DEFAULTS, (now) =>
      now < 100_000 ? { answer: { outcome: 'refused' }, afterMs: 0 } : { answer: { outcome: 'connected' }, afterMs: 0 },
    );
    h.engine.runUntil(400_000);
    expect(h.states()).toEqual(['initial@0', 'initial@30', 'unhealthy@60', 'healthy@240']);
  });

  it('resets the failure streak on a pass, so non-consecutive failures never make a target unhealthy', () => {
    let round = 0;
    const h = run(LBC_CLUSTER_DEFAULTS, (_now, node) => {
      if (node === 0) round++;
      // Two failures, one pass, repeated: never three in a row.
      const fail = round % 3 !== 0;
      return { answer: fail ? { outcome: 'refused' } : { outcome: 'connected' }, afterMs: 0 };
    });
    h.engine.runUntil(600_000);
    expect(h.changes.map((c) => c.health.state)).not.toContain('unhealthy');
  });
});

describe('target health machine: consensus over NLB nodes', () => {
  it('sends one probe per NLB node per round, so the target sees nodes × rounds checks', () => {
    const h = run(LBC_CLUSTER_DEFAULTS, up, { nodes: 3 });
    h.engine.runUntil(60_000);
    expect(h.probes.length).toBe(3 * 6);
    expect(h.probes.slice(0, 3)).toEqual([
      { t: 10_000, node: 0 },
      { t: 10_000, node: 1 },
      { t: 10_000, node: 2 },
    ]);
  });

  it('passes a round when a majority of nodes pass (2 of 3) and fails it on a minority (1 of 3)', () => {
    const twoOfThree = run(LBC_CLUSTER_DEFAULTS, (_n, node) => ({
      answer: node === 2 ? { outcome: 'refused' } : { outcome: 'connected' },
      afterMs: 0,
    }));
    twoOfThree.engine.runUntil(100_000);
    expect(firstAt(twoOfThree.changes, 'healthy')).toBe(30);

    const oneOfThree = run(LBC_CLUSTER_DEFAULTS, (_n, node) => ({
      answer: node === 0 ? { outcome: 'connected' } : { outcome: 'refused' },
      afterMs: 0,
    }));
    oneOfThree.engine.runUntil(100_000);
    expect(firstAt(oneOfThree.changes, 'healthy')).toBeUndefined();
    expect(firstAt(oneOfThree.changes, 'unhealthy')).toBe(30);
  });

  it('ignores answers that arrive after the round timed out', () => {
    const h = run(LBC_CLUSTER_DEFAULTS, () => ({ answer: { outcome: 'connected' }, afterMs: 10_500 }));
    h.engine.runUntil(100_000);
    // Every answer is 0.5 s late, so every round is a timeout despite the "connected" answers.
    expect(firstAt(h.changes, 'healthy')).toBeUndefined();
    expect(firstAt(h.changes, 'unhealthy')).toBe(40);
  });
});

describe('target health machine: HTTP checks', () => {
  it('fails an HTTP /healthz check on 503 and passes it on 200 (kube-proxy healthCheckNodePort)', () => {
    const settings = lbcLocalDefaults(32000);
    const bad = run(settings, () => ({ answer: { outcome: 'response', status: 503 }, afterMs: 2 }));
    bad.engine.runUntil(100_000);
    expect(firstAt(bad.changes, 'unhealthy')).toBe(20.002);
    expect(bad.changes.at(-1)?.why).toContain('2 consecutive HTTP /healthz health checks failed (threshold 2): HTTP 503 (expected 200-399)');
    const good = run(settings, () => ({ answer: { outcome: 'response', status: 200 }, afterMs: 2 }));
    good.engine.runUntil(100_000);
    expect(firstAt(good.changes, 'healthy')).toBe(20.002);
  });
});

describe('target health machine: reason codes', () => {
  it('reports Elb.RegistrationInProgress until the first round, then Elb.InitialHealthChecking', () => {
    const h = run(AWS_API_DEFAULTS, up);
    h.engine.runUntil(31_000);
    expect(h.changes.map((c) => [c.t, c.health.reason])).toEqual([
      [0, 'Elb.RegistrationInProgress'],
      [30_001, 'Elb.InitialHealthChecking'],
    ]);
  });
});

describe('target health machine: deregistration', () => {
  it('drains for the deregistration delay, stops checking, then becomes unused', () => {
    const h = run(LBC_CLUSTER_DEFAULTS, up, { delayS: 300 });
    h.engine.runUntil(50_000);
    h.actor.send({ type: 'DEREGISTER', why: 'pod deleted' });
    const probesAtDeregistration = h.probes.length;
    h.engine.runUntil(349_999);
    expect(h.actor.getSnapshot().value).toBe('draining');
    expect(h.probes.length).toBe(probesAtDeregistration);
    h.engine.runUntil(350_000);
    expect(h.actor.getSnapshot().value).toBe('unused');
    expect(h.actor.getSnapshot().status).toBe('done');
    expect(h.states().slice(-2)).toEqual(['draining@50', 'unused@350']);
    expect(h.changes.at(-2)?.health.reason).toBe('Target.DeregistrationInProgress');
    expect(h.engine.pending).toBe(0);
  });

  it('removes a target at once with a deregistration delay of 0', () => {
    const h = run(LBC_CLUSTER_DEFAULTS, up, { delayS: 0 });
    h.engine.runUntil(5_000);
    h.actor.send({ type: 'DEREGISTER', why: 'scaled down' });
    h.engine.runUntil(5_000);
    expect(h.actor.getSnapshot().value).toBe('unused');
  });

  it('drops the answer of a probe in flight when the target is deregistered', () => {
    const h = run(LBC_CLUSTER_DEFAULTS, () => ({ answer: { outcome: 'connected' }, afterMs: 5_000 }), { delayS: 0 });
    h.engine.runUntil(12_000);
    h.actor.send({ type: 'DEREGISTER', why: 'scaled down' });
    h.engine.runUntil(60_000);
    expect(h.actor.getSnapshot().value).toBe('unused');
    expect(h.engine.pending).toBe(0);
  });
});

describe('target health machine: named delays', () => {
  it('lets a scenario shorten the interval and timeout with .provide() without touching the settings', () => {
    const fast = targetHealthMachine.provide({ delays: { intervalMs: 1_000, timeoutMs: 500 } });
    const h = run(AWS_API_DEFAULTS, () => 'silent', { machine: fast });
    h.engine.runUntil(10_000);
    // Rounds at 1 s and 2 s, each closed by the 0.5 s timeout: unhealthy at 2.5 s.
    expect(firstAt(h.changes, 'unhealthy')).toBe(2.5);
  });
});
