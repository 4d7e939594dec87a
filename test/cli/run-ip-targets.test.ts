import { describe, expect, it } from 'vitest';
import { cli } from './capture';

const run = (...args: string[]) => cli('run', ...args);

describe('trafficlab run on NLB ip targets', () => {
  it('answers only 200s through the NLB to the nginx pods', async () => {
    const { code, out, err } = await run('lessons/scenarios/ip-targets.yaml', '--json');
    expect([code, err]).toEqual([0, '']);
    const summary = JSON.parse(out) as { completed: number; outcomes: Record<string, number>; byPod: Record<string, number> };
    expect(summary.completed).toBeGreaterThan(300);
    expect(summary.outcomes).toEqual({ '200': summary.completed });
    expect(Object.keys(summary.byPod).some((p) => p.startsWith('nginx-'))).toBe(true);
  });
});
