/**
 * `trafficlab nginx` against what real nginx 1.22.1 answered for each case
 * (recorded by harness/record.ts from real runs). Runs everywhere, nginx
 * installed or not, in-process and in virtual time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCases } from './harness/cases';
import { emergLine, runSim } from './harness/run-sim';

describe('trafficlab nginx answers as real nginx did', () => {
  for (const c of loadCases()) {
    it(`${c.name}: ${c.meta.title}`, async () => {
      const sim = await runSim(c);
      if (c.meta.expect === 'reject') {
        const expected = fs.readFileSync(path.join(c.dir, 'expected.txt'), 'utf8').trim();
        expect(sim.code).toBe(1);
        expect(emergLine(sim.stderr, c.dir)).toBe(expected);
        return;
      }
      const expected = fs
        .readFileSync(path.join(c.dir, 'expected.jsonl'), 'utf8')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as unknown);
      expect(sim.code, sim.stderr).toBe(0);
      expect(sim.results).toEqual(expected);
    });
  }
});
