import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { Engine } from '../../../src/sim';
import { AWS_API_DEFAULTS, modifyHealthCheck, targetHealthMachine, type HealthCheckSettings, type TargetHealth } from '../../../src/models/nlb';

/** A target that passes until `failFromMs` and refuses from then on; probes and health changes recorded. */
function run(failFromMs: number) {
  const engine = new Engine();
  const probes: number[] = [];
  const changes: { t: number; health: TargetHealth }[] = [];
  const actor = createActor(targetHealthMachine, {
    clock: engine.clock,
    input: {
      settings: AWS_API_DEFAULTS,
      nodeCount: 1,
      deregistrationDelaySeconds: 300,
      port: {
        probe(_node, answer) {
          probes.push(engine.now);
          const outcome = engine.now >= failFromMs ? 'refused' : 'connected';
          engine.schedule(1, () => answer({ outcome }));
        },
        health: (health) => changes.push({ t: engine.now, health }),
        checked: () => undefined,
      },
    },
  });
  actor.start();
  const unhealthyAt = () => changes.find((c) => c.health.state === 'unhealthy')?.t;
  return { engine, actor, probes, unhealthyAt };
}

const faster = (): HealthCheckSettings => {
  const m = modifyHealthCheck(AWS_API_DEFAULTS, { intervalSeconds: 5, timeoutSeconds: 5 });
  if (!m.ok) throw new Error(m.why);
  return m.settings;
};

describe('target health machine: settings changed while it runs', () => {
  it('keeps the check it already scheduled and uses the new interval from the next one', () => {
    const h = run(Number.POSITIVE_INFINITY);
    h.engine.runUntil(40_000); // checks at 30 s; the next is due at 60 s
    h.actor.send({ type: 'SETTINGS', settings: faster() });
    h.engine.runUntil(76_000);
    expect(h.probes).toEqual([30_000, 60_000, 65_000, 70_000, 75_000]);
  });

  it('notices a dead target sooner after the interval is shortened (AWS defaults: 2 failures 30 s apart)', () => {
    const slow = run(100_000);
    slow.engine.runUntil(300_000);
    // Failures at 120 and 150 s.
    expect(slow.unhealthyAt()).toBe(150_001);

    const quick = run(100_000);
    quick.engine.runUntil(40_000);
    quick.actor.send({ type: 'SETTINGS', settings: faster() });
    quick.engine.runUntil(300_000);
    // Rounds every 5 s from 60 s: failures at 100 and 105 s.
    expect(quick.unhealthyAt()).toBe(105_001);
  });

  it('applies a new unhealthy threshold from the next round', () => {
    const h = run(100_000);
    h.engine.runUntil(40_000);
    const m = modifyHealthCheck(AWS_API_DEFAULTS, { unhealthyThreshold: 3 });
    if (!m.ok) throw new Error(m.why);
    h.actor.send({ type: 'SETTINGS', settings: m.settings });
    h.engine.runUntil(300_000);
    // Failures at 120, 150 and 180 s: three needed now.
    expect(h.unhealthyAt()).toBe(180_001);
  });
});
