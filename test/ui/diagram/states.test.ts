import { describe, expect, it } from 'vitest';
import { stateCategory, stateLook } from '../../../src/ui/diagram/states';

describe('stateCategory', () => {
  it('reads the states of every model into the categories a student learns', () => {
    const cases: [string, string][] = [
      ['up', 'healthy'], ['healthy', 'healthy'], ['Running', 'healthy'], ['active', 'healthy'],
      ['unhealthy', 'unhealthy'], ['draining', 'draining'], ['Terminating', 'draining'],
      ['NotReady', 'not-ready'], ['not ready', 'not-ready'], ['initial', 'not-ready'],
      ['CrashLoopBackOff', 'crashloop'], ['crashed', 'down'], ['down', 'down'], ['stopped', 'down'],
      ['idle', 'idle'], ['starting', 'starting'],
    ];
    for (const [state, category] of cases) expect(stateCategory(state), state).toBe(category);
  });

  it('tells every category by icon and outline as well as words', () => {
    const looks = ['up', 'unhealthy', 'draining', 'NotReady', 'CrashLoopBackOff', 'crashed'].map((s) => stateLook(s));
    expect(new Set(looks.map((l) => l.icon)).size).toBe(looks.length);
    expect(new Set(looks.map((l) => `${l.outline}`)).size).toBeGreaterThanOrEqual(4);
  });
});

describe('stateLook', () => {
  it('shows a Running pod whose readiness probe has not passed as not ready, as kubectl’s READY 0/1 does', () => {
    expect(stateLook('Running', { ready: 0 }).category).toBe('not-ready');
    expect(stateLook('Running', { ready: 1 }).category).toBe('healthy');
  });

  it('reads an NLB node out of DNS as unhealthy and one in DNS as healthy', () => {
    expect(stateLook('out of DNS').category).toBe('unhealthy');
    expect(stateLook('in DNS').category).toBe('healthy');
  });
});
