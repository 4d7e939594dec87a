import { describe, expect, it } from 'vitest';
import { LBC_CLUSTER_DEFAULTS, modifyHealthCheck } from '../../../../src/models/nlb';

describe('modifying health-check settings (ModifyTargetGroup)', () => {
  it('changes only the fields given and says what changed', () => {
    const m = modifyHealthCheck(LBC_CLUSTER_DEFAULTS, { intervalSeconds: 30, unhealthyThreshold: 2 });
    if (!m.ok) throw new Error(m.why);
    expect(m.settings).toMatchObject({ intervalSeconds: 30, timeoutSeconds: 10, healthyThreshold: 3, unhealthyThreshold: 2 });
    expect(m.why).toBe('interval 10 → 30 s, unhealthy threshold 3 → 2');
  });

  it('refuses values outside AWS\'s ranges, with the reason', () => {
    expect(modifyHealthCheck(LBC_CLUSTER_DEFAULTS, { intervalSeconds: 4, timeoutSeconds: 2 })).toEqual({ ok: false, why: 'interval: expected an integer from 5 to 300 seconds, got 4' });
    expect(modifyHealthCheck(LBC_CLUSTER_DEFAULTS, { intervalSeconds: 301 }).ok).toBe(false);
    expect(modifyHealthCheck(LBC_CLUSTER_DEFAULTS, { healthyThreshold: 1 }).ok).toBe(false);
    expect(modifyHealthCheck(LBC_CLUSTER_DEFAULTS, { unhealthyThreshold: 11 }).ok).toBe(false);
    expect(modifyHealthCheck(LBC_CLUSTER_DEFAULTS, { intervalSeconds: 30, timeoutSeconds: 121 }).ok).toBe(false);
  });

  it('refuses a timeout longer than the interval (lowering the interval below the current timeout too)', () => {
    const m = modifyHealthCheck(LBC_CLUSTER_DEFAULTS, { intervalSeconds: 5 });
    expect(m.ok).toBe(false);
    expect(m.why).toContain('at most the interval (5 s), got 10 s');
    expect(modifyHealthCheck(LBC_CLUSTER_DEFAULTS, { intervalSeconds: 5, timeoutSeconds: 5 }).ok).toBe(true);
  });

  it('refuses a change that sets nothing', () => {
    expect(modifyHealthCheck(LBC_CLUSTER_DEFAULTS, {}).ok).toBe(false);
  });
});
