/**
 * Nothing is lost behind NLB ip targets either: whatever happens to the
 * nginx pods and the links to them, every request issued ends with exactly
 * one outcome.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TraceRecord } from '../../../src/sim';
import { createWorld, type WorldCommand } from '../../../src/scenario';
import { lessonText, scenarioFrom } from '../fixtures';

const UNTIL_MS = 75_000;
const TIMEOUT_MS = 10_000;
const nginx = ['nginx/0', 'nginx/1', 'nginx/2'];

const commandArb: fc.Arbitrary<WorldCommand> = fc.oneof(
  fc.record({ kind: fc.constantFrom('crash' as const, 'kill' as const, 'recover' as const), target: fc.constantFrom(...nginx) }),
  fc.record({ kind: fc.constantFrom('drain' as const, 'uncordon' as const), target: fc.constantFrom('node-1', 'node-2', 'node-3') }),
  fc.record({ kind: fc.constantFrom('lose-az' as const, 'restore-az' as const), target: fc.constantFrom('eu-west-1a', 'eu-west-1b') }),
  fc.record({ kind: fc.constant('nlb-health-check' as const), target: fc.constant('nginx-loadbalancer'), intervalS: fc.integer({ min: 5, max: 30 }), timeoutS: fc.constant(5), unhealthyThreshold: fc.integer({ min: 2, max: 4 }) }),
  fc.record({ kind: fc.constantFrom('cut-link' as const, 'restore-link' as const), target: fc.constantFrom('nlb-eu-west-1a|node-1', 'load|nlb-eu-west-1a', 'browser|nlb-eu-west-1a') }),
);
const scheduleArb = fc.array(fc.record({ at: fc.integer({ min: 46_000, max: 60_000 }), command: commandArb, forMs: fc.option(fc.integer({ min: 1_000, max: 10_000 }), { nil: undefined }) }), {
  minLength: 1,
  maxLength: 5,
});

function run(seed: number, schedule: { at: number; command: WorldCommand; forMs?: number }[]): TraceRecord[] {
  const world = createWorld(scenarioFrom(lessonText('ip-targets.yaml'), 'ip-targets.yaml'), { seed, traceWindow: 2_000_000 });
  for (const { at, command, forMs } of [...schedule].sort((a, b) => a.at - b.at)) {
    world.runUntil(at);
    try {
      world.inject(forMs === undefined || command.kind === 'restore-link' ? command : { ...command, forMs });
    } catch {
      // A target that is gone right now is refused; the run goes on.
    }
  }
  world.runUntil(UNTIL_MS);
  return world.trace.records();
}

describe('outcomes behind NLB ip targets under faults', () => {
  it('ends every request issued with exactly one outcome', () => {
    fc.assert(
      fc.property(scheduleArb, fc.integer({ min: 0, max: 1000 }), (schedule, seed) => {
        const issued = new Map<string, number>();
        const settled = new Set<string>();
        for (const r of run(seed, schedule)) {
          if (r.kind === 'request') issued.set(r.requestId, r.t);
          if (r.kind === 'outcome') {
            expect(issued.has(r.requestId), `outcome for unknown ${r.requestId}`).toBe(true);
            expect(settled.has(r.requestId), `second outcome for ${r.requestId}`).toBe(false);
            settled.add(r.requestId);
          }
        }
        expect(issued.size).toBeGreaterThan(0);
        for (const [id, t] of issued) if (t + TIMEOUT_MS < UNTIL_MS) expect(settled.has(id), `${id} issued at ${t} never ended`).toBe(true);
      }),
      { numRuns: 4 },
    );
  });
});
