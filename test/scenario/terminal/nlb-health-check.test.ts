import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWorld, loadScenario } from '../../../src/scenario';
import { COMMANDS, hostForWorld, Shell } from '../../../src/models/shell';

function fullWorld() {
  const loaded = loadScenario(readFileSync('lessons/scenarios/full-path.yaml', 'utf8'), 'full-path.yaml');
  if (!loaded.ok) throw new Error('full-path.yaml does not load');
  return createWorld(loaded.scenario, { seed: 1 });
}

/** `aws elbv2 describe-target-groups` typed on the laptop, its JSON parsed. */
function targetGroups(world: ReturnType<typeof fullWorld>): Record<string, unknown>[] {
  let out = '';
  let err = '';
  new Shell(hostForWorld(world), COMMANDS).run('aws elbv2 describe-target-groups', { out: (t) => (out += t), err: (t) => (err += t) }, () => undefined);
  if (err !== '') throw new Error(err);
  return (JSON.parse(out) as { TargetGroups: Record<string, unknown>[] }).TargetGroups;
}

describe('aws elbv2 describe-target-groups in a full world', () => {
  it("shows an nlb-health-check change in every target group's health-check members", () => {
    const world = fullWorld();
    world.runUntil(1_000);
    const before = targetGroups(world);
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((g) => g['HealthCheckEnabled'] === true && typeof g['HealthCheckIntervalSeconds'] === 'number')).toBe(true);
    expect(before.some((g) => g['HealthCheckIntervalSeconds'] !== 5 || g['UnhealthyThresholdCount'] !== 4)).toBe(true);
    world.inject({ kind: 'nlb-health-check', target: 'nginx-loadbalancer', intervalS: 5, timeoutS: 2, healthyThreshold: 3, unhealthyThreshold: 4 });
    const after = targetGroups(world);
    expect(after.map((g) => [g['HealthCheckIntervalSeconds'], g['HealthCheckTimeoutSeconds'], g['HealthyThresholdCount'], g['UnhealthyThresholdCount']])).toEqual(after.map(() => [5, 2, 3, 4]));
  });
});
