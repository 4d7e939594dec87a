import { describe, it, expect } from 'vitest';
import { loadScenario, formatScenarioError } from '../../src/scenario';

const topology = (clientId: string) => `name: t
topology:
  clients:
    - id: ${clientId}
      address: 203.0.113.7
      target: app
      requests: { every: 1s }
  servers:
    - { id: app, address: 198.51.100.10 }
  links:
    - { from: ${clientId}, to: app, latencyMs: 10 }
`;

const full = (trafficId: string) => `name: f
machines:
  - { id: app, address: 123.123.123.123, app: {} }
traffic:
  - { id: ${trafficId}, address: 203.0.113.7, url: http://123.123.123.123/, every: 1s }
`;

describe('the terminal machine id', () => {
  it('is refused as a client id, at its line, with what was expected', () => {
    const r = loadScenario(topology('laptop'), 's.yaml');
    expect(r.ok).toBe(false);
    const messages = r.ok ? [] : r.errors.map(formatScenarioError);
    expect(messages[0]).toMatch(/^s\.yaml:4:\d+: .*expected an id other than "laptop"/);
  });

  it('is refused in a full scenario too', () => {
    const r = loadScenario(full('laptop'), 'f.yaml');
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.errors.map(formatScenarioError).join('\n')).toContain('expected an id other than "laptop"');
  });

  it('leaves other ids alone', () => {
    expect(loadScenario(topology('desktop'), 's.yaml').ok).toBe(true);
    expect(loadScenario(full('desktop'), 'f.yaml').ok).toBe(true);
  });
});
