/** Scenarios for the world tests, loaded through the real loader. */
import { readFileSync } from 'node:fs';
import { loadScenario, formatScenarioError, type Scenario } from '../../src/scenario';

export function scenarioFrom(text: string, file = 'test.yaml'): Scenario {
  const result = loadScenario(text, file);
  if (!result.ok) throw new Error(result.errors.map(formatScenarioError).join('\n'));
  return result.scenario;
}

const lesson = (name: string): Scenario =>
  scenarioFrom(readFileSync(new URL(`../../lessons/scenarios/${name}`, import.meta.url), 'utf8'), name);

export const fullPath = (): Scenario => lesson('full-path.yaml');
export const singleServer = (): Scenario => lesson('single-server.yaml');
export const forwardProxy = (): Scenario => lesson('forward-proxy.yaml');

/** The raw text of a lesson scenario, for tests that edit it before loading. */
export const lessonText = (name: string): string => readFileSync(new URL(`../../lessons/scenarios/${name}`, import.meta.url), 'utf8');

export const hello = (): Scenario =>
  scenarioFrom(readFileSync(new URL('../../lessons/scenarios/hello.yaml', import.meta.url), 'utf8'), 'hello.yaml');

/** Two Poisson clients on one server that sometimes fails and is sometimes slower than the clients' patience. */
export const busy = (): Scenario =>
  scenarioFrom(`name: Busy
topology:
  clients:
    - { id: alice, address: 203.0.113.7, target: app, requests: { ratePerSec: 5, arrival: poisson, timeout: 300ms } }
    - { id: bob, address: 203.0.113.8, target: app, requests: { every: 250ms, timeout: 300ms } }
  servers:
    - { id: app, address: 198.51.100.10, latencyMs: { min: 10, max: 400 }, errorRate: 0.2 }
  links:
    - { from: alice, to: app, latencyMs: 20 }
    - { from: bob, to: app, latencyMs: 5 }
`);
