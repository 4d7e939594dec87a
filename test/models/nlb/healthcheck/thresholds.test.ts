import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AWS_API_DEFAULTS } from '../../../../src/models/nlb/healthcheck/defaults';
import type { CheckedState } from '../../../../src/models/nlb/healthcheck/thresholds';
import { applyRound, NO_STREAK } from '../../../../src/models/nlb/healthcheck/thresholds';
import type { HealthCheckSettings } from '../../../../src/models/nlb/healthcheck/types';

const round = (pass: boolean) => ({ pass, passed: pass ? 3 : 0, total: 3, detail: pass ? 'TCP connection established' : 'connection refused' });

/** Feed a sequence of round results to a new target; return the states after each. */
function walk(settings: HealthCheckSettings, results: boolean[]): CheckedState[] {
  let state: CheckedState = 'initial';
  let streak = NO_STREAK;
  return results.map((pass) => {
    const step = applyRound(state, streak, round(pass), settings);
    streak = step.streak;
    state = step.to ?? state;
    return state;
  });
}

/** The reference rule: the state after each round, computed from run lengths. */
function reference(settings: HealthCheckSettings, results: boolean[]): CheckedState[] {
  let state: CheckedState = 'initial';
  return results.map((_, i) => {
    let run = 0;
    for (let j = i; j >= 0 && results[j] === results[i]; j--) run++;
    if (results[i] && run >= settings.healthyThreshold) state = 'healthy';
    if (!results[i] && run >= settings.unhealthyThreshold) state = 'unhealthy';
    return state;
  });
}

describe('consecutive counting against the thresholds', () => {
  it('keeps a new target initial until it passes the healthy threshold (5 at the AWS defaults)', () => {
    expect(walk(AWS_API_DEFAULTS, [true, true, true, true, true])).toEqual([
      'initial',
      'initial',
      'initial',
      'initial',
      'healthy',
    ]);
  });

  it('moves a target only after a run of threshold results, whatever the sequence', () => {
    const settings = fc.record({ healthy: fc.integer({ min: 2, max: 10 }), unhealthy: fc.integer({ min: 2, max: 10 }) });
    fc.assert(
      fc.property(settings, fc.array(fc.boolean(), { maxLength: 60 }), ({ healthy, unhealthy }, results) => {
        const s = { ...AWS_API_DEFAULTS, healthyThreshold: healthy, unhealthyThreshold: unhealthy };
        expect(walk(s, results)).toEqual(reference(s, results));
      }),
    );
  });

  it('explains a transition with the count, the check and the threshold', () => {
    const first = applyRound('healthy', NO_STREAK, round(false), AWS_API_DEFAULTS);
    expect(first.why).toBe('TCP health check failed (1 of 2 to unhealthy): connection refused; 0/3 nodes passed');
    const second = applyRound('healthy', first.streak, round(false), AWS_API_DEFAULTS);
    expect(second.to).toBe('unhealthy');
    expect(second.why).toBe(
      'unhealthy: 2 consecutive TCP health checks failed (threshold 2): connection refused; 0/3 nodes passed',
    );
  });
});
