import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TraceRecord } from '../../src/sim';
import { createWorld } from '../../src/scenario';
import { busy } from './fixtures';

const UNTIL_MS = 20_000;
const TIMEOUT_MS = 300; // the clients' timeout in `busy`

/** Every request gets exactly one outcome, and none is left unsettled once its timeout has passed. */
function checkOutcomes(records: TraceRecord[]): void {
  const issuedAt = new Map<string, number>();
  const settled = new Map<string, number>();
  for (const r of records) {
    if (r.kind === 'request') issuedAt.set(r.requestId, r.t);
    if (r.kind === 'outcome') {
      expect(issuedAt.has(r.requestId), `outcome for unknown ${r.requestId}`).toBe(true);
      expect(settled.has(r.requestId), `second outcome for ${r.requestId}`).toBe(false);
      settled.set(r.requestId, r.t);
    }
  }
  for (const [id, t] of issuedAt) {
    if (t + TIMEOUT_MS <= UNTIL_MS) expect(settled.has(id), `${id} issued at ${t} never settled`).toBe(true);
  }
}

describe('outcomes under crashes', () => {
  it('gives every request exactly one outcome whatever the crash and recover times', () => {
    const commands = fc.array(
      fc.record({ at: fc.integer({ min: 0, max: UNTIL_MS }), kind: fc.constantFrom('crash' as const, 'recover' as const) }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(commands, fc.integer({ min: 0, max: 1000 }), (list, seed) => {
        const world = createWorld(busy(), { seed, traceWindow: 1_000_000 });
        for (const { at, kind } of [...list].sort((a, b) => a.at - b.at)) {
          world.runUntil(at);
          world.inject({ kind, target: 'app' });
        }
        world.runUntil(UNTIL_MS);
        const records = world.trace.records();
        checkOutcomes(records);
        // The property must see all three kinds of trouble sometimes; this run saw at least requests.
        expect(records.some((r) => r.kind === 'request')).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('produces every kind of outcome in a run with crashes, so the property above is not vacuous', () => {
    const world = createWorld(busy(), { seed: 3 });
    // bob's request of t=3000 reaches app at 3005 and is held at least 10 ms: the crash at 3010 resets it.
    for (const [at, kind] of [[3010, 'crash'], [5000, 'recover'], [7100, 'crash'], [9000, 'recover']] as const) {
      world.runUntil(at);
      world.inject({ kind, target: 'app' });
    }
    world.runUntil(UNTIL_MS);
    const results = new Set(world.trace.records().flatMap((r) => (r.kind === 'outcome' ? [r.result] : [])));
    expect([...results].sort()).toEqual(['error', 'ok', 'refused', 'reset', 'timeout']);
  });
});
