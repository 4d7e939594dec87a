import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatScenarioError, loadScenario, type ScenarioError } from '../../src/scenario';

const hello = readFileSync(new URL('../../lessons/scenarios/hello.yaml', import.meta.url), 'utf8');

/** A valid scenario whose lines tests can break one at a time. */
const base = `name: Test
topology:
  clients:
    - id: browser
      address: 203.0.113.7
      target: app
      requests: { every: 1s }
  servers:
    - id: app
      address: 198.51.100.10
      latencyMs: 30
  links:
    - { from: browser, to: app, latencyMs: 25 }
`;

function errorsOf(text: string): ScenarioError[] {
  const result = loadScenario(text, 'test.yaml');
  if (result.ok) throw new Error('expected errors, the scenario loaded');
  return result.errors;
}

const brief = (e: ScenarioError) => [e.line, e.column, e.path, e.message];

describe('loadScenario', () => {
  it('loads hello.yaml with every field as written', () => {
    const result = loadScenario(hello, 'hello.yaml');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario).toEqual({
      file: 'hello.yaml',
      name: 'One client, one server',
      description: 'The starting point of the story - no proxy at all.',
      seed: 1,
      topology: {
        clients: [
          {
            id: 'browser',
            label: 'browser',
            address: '203.0.113.7',
            target: 'app',
            requests: { method: 'GET', path: '/', arrival: { kind: 'fixed', meanIntervalMs: 1000, startMs: 0 }, timeoutMs: 10_000 },
          },
        ],
        servers: [
          { id: 'app', label: 'app', address: '198.51.100.10', port: 80, latency: { minMs: 20, maxMs: 60 }, errorRate: 0 },
        ],
        links: [{ id: 'browser-app', from: 'browser', to: 'app', latencyMs: 25 }],
      },
      machines: [],
      proxies: [],
      apps: {},
      traffic: [],
      faults: [],
    });
  });

  it('fills in defaults: seed 1, port 80, GET /, 10 s timeout, no errors', () => {
    const result = loadScenario(base, 'test.yaml');
    if (!result.ok) throw new Error(result.errors.map(formatScenarioError).join('\n'));
    const { scenario } = result;
    expect(scenario.seed).toBe(1);
    expect(scenario.description).toBe('');
    expect(scenario.topology.servers[0]).toMatchObject({ port: 80, errorRate: 0, latency: { minMs: 30, maxMs: 30 } });
    expect(scenario.topology.clients[0]?.requests).toEqual({
      method: 'GET',
      path: '/',
      arrival: { kind: 'fixed', meanIntervalMs: 1000, startMs: 0 },
      timeoutMs: 10_000,
    });
  });

  it('reads a Poisson rate as a mean interval, and every duration form', () => {
    const text = base.replace('{ every: 1s }', '{ ratePerSec: 4, arrival: poisson, start: 1m30s, timeout: 2500, method: POST, path: /api?x=1 }');
    const result = loadScenario(text, 'test.yaml');
    if (!result.ok) throw new Error(result.errors.map(formatScenarioError).join('\n'));
    expect(result.scenario.topology.clients[0]?.requests).toEqual({
      method: 'POST',
      path: '/api?x=1',
      arrival: { kind: 'poisson', meanIntervalMs: 250, startMs: 90_000 },
      timeoutMs: 2500,
    });
  });

  it('reports a value of the wrong kind at its line and column, saying what was expected', () => {
    const errors = errorsOf(base.replace('latencyMs: 30', 'latencyMs: fast'));
    // A scalar is read as the number form; a list as neither form.
    expect(errorsOf(base.replace('latencyMs: 30', 'latencyMs: [1]'))[0]?.message).toBe(
      'expected a number of milliseconds ≥ 0, or { min, max }, got a list',
    );
    expect(errors.map(brief)).toEqual([
      [11, 18, 'topology.servers[0].latencyMs', 'expected a number of milliseconds ≥ 0, got "fast"'],
    ]);
    expect(formatScenarioError(errors[0]!)).toBe(
      'test.yaml:11:18: topology.servers[0].latencyMs: expected a number of milliseconds ≥ 0, got "fast"',
    );
  });

  it('reports a negative latency inside a range at the field that is wrong', () => {
    const errors = errorsOf(base.replace('latencyMs: 30', 'latencyMs: { min: -1, max: 60 }'));
    expect(errors.map(brief)).toEqual([[11, 25, 'topology.servers[0].latencyMs.min', 'expected a number of milliseconds ≥ 0, got -1']]);
  });

  it('reports a range whose max is below its min at max', () => {
    const errors = errorsOf(base.replace('latencyMs: 30', 'latencyMs: { min: 60, max: 20 }'));
    expect(errors.map(brief)).toEqual([[11, 34, 'topology.servers[0].latencyMs.max', 'expected max ≥ min (60), got 20']]);
  });

  it('reports an unknown key at the key, with the keys it expected and a suggestion', () => {
    const errors = errorsOf(base.replace('latencyMs: 30', 'latncyMs: 30'));
    expect(errors.map(brief)).toEqual([
      [11, 7, 'topology.servers[0].latncyMs', 'unknown key; expected one of id, label, address, port, latencyMs, errorRate (did you mean latencyMs?)'],
    ]);
  });

  it('reports an unknown top-level key', () => {
    const errors = errorsOf(`${base}fault: []\n`);
    expect(errors.map(brief)).toEqual([
      [14, 1, 'fault', 'unknown key; expected one of name, description, seed, topology, dns, machines, proxies, cluster, apps, traffic, faults (did you mean faults?)'],
    ]);
  });

  it('reports a missing required field at the mapping that lacks it', () => {
    const errors = errorsOf(base.replace('      address: 198.51.100.10\n', ''));
    expect(errors.map(brief)).toEqual([
      [9, 7, 'topology.servers[0].address', 'missing; expected an IPv4 address such as 198.51.100.10'],
    ]);
  });

  it('reports every error in the file, in line order', () => {
    const text = base.replace('name: Test', 'name: 42').replace('203.0.113.7', '203.0.113.700').replace('every: 1s', 'every: soon');
    expect(errorsOf(text).map((e) => [e.line, e.path])).toEqual([
      [1, 'name'],
      [5, 'topology.clients[0].address'],
      [7, 'topology.clients[0].requests.every'],
    ]);
  });

  it('reports YAML syntax errors with their position and no path', () => {
    const errors = errorsOf('name: x\ntopology:\n  clients: [1, 2\n');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({ file: 'test.yaml', path: '' });
    expect(errors[0]?.line).toBeGreaterThanOrEqual(3);
    expect(errors[0]?.message).toMatch(/^invalid YAML: /);
    expect(formatScenarioError(errors[0]!)).toMatch(/^test\.yaml:\d+:\d+: invalid YAML: /);
  });

  it('reports duplicate keys as YAML errors', () => {
    const errors = errorsOf(base.replace('name: Test', 'name: Test\nname: Again'));
    expect(errors.map((e) => [e.line, e.message])).toEqual([[2, 'invalid YAML: Map keys must be unique']]);
  });

  it('reports an empty file as a missing mapping', () => {
    expect(errorsOf('').map(brief)).toEqual([[1, 1, '', 'expected a mapping with name and topology (or dns, machines, cluster and traffic), got nothing']]);
  });

  it('wants exactly one of every and ratePerSec', () => {
    expect(errorsOf(base.replace('{ every: 1s }', '{ every: 1s, ratePerSec: 2 }')).map(brief)).toEqual([
      [7, 42, 'topology.clients[0].requests.ratePerSec', 'expected either every or ratePerSec, not both'],
    ]);
    expect(errorsOf(base.replace('{ every: 1s }', '{ path: / }')).map(brief)).toEqual([
      [7, 17, 'topology.clients[0].requests', 'expected how often to send: every (e.g. every: 1s) or ratePerSec (e.g. ratePerSec: 2)'],
    ]);
  });

  it('rejects a client whose target is not a server', () => {
    const errors = errorsOf(base.replace('target: app', 'target: ap'));
    expect(errors.map(brief)).toEqual([[6, 15, 'topology.clients[0].target', 'expected the id of a server (app), got "ap"']]);
  });

  it('rejects a client with no link to its target, and says what to add', () => {
    const errors = errorsOf(base.replace('    - { from: browser, to: app, latencyMs: 25 }\n', '').replace('  links:\n', ''));
    expect(errors.map(brief)).toEqual([
      [6, 15, 'topology.clients[0].target', 'expected a link between browser and app in topology.links, found none (add { from: browser, to: app, latencyMs: 10 })'],
    ]);
  });

  it('rejects a link to an unknown component', () => {
    const errors = errorsOf(base.replace('to: app, latencyMs: 25', 'to: db, latencyMs: 25'));
    expect(errors.map((e) => [e.line, e.path, e.message])).toEqual([
      [6, 'topology.clients[0].target', 'expected a link between browser and app in topology.links, found none (add { from: browser, to: app, latencyMs: 10 })'],
      [13, 'topology.links[0].to', 'expected the id of a client or server (browser, app), got "db"'],
    ]);
  });

  it('rejects two components with the same id', () => {
    const errors = errorsOf(base.replace('- id: app', '- id: browser'));
    expect(errors.map(brief)).toContainEqual([
      9, 11, 'topology.servers[0].id', 'expected an id not used by another client or server, got "browser" (already used at topology.clients[0].id)',
    ]);
  });

  it('rejects a second link between the same two components', () => {
    const errors = errorsOf(`${base}    - { from: app, to: browser }\n`);
    expect(errors.map(brief)).toEqual([
      [14, 15, 'topology.links[1].from', 'expected one link between app and browser, got a second (first at topology.links[0])'],
    ]);
  });

  it('rejects ids that could not name a Kubernetes object', () => {
    const errors = errorsOf(base.replace('- id: app', '- id: App_1'));
    expect(errors[0]).toMatchObject({ path: 'topology.servers[0].id', message: 'expected an id of lowercase letters, digits and "-" (like a Kubernetes name), got "App_1"' });
  });

  it('resolves YAML anchors and aliases', () => {
    const text = base.replace('latencyMs: 30', 'latencyMs: &slow 30').replace('latencyMs: 25 }', 'latencyMs: *slow }');
    const result = loadScenario(text, 'test.yaml');
    expect(result.ok && result.scenario.topology.links[0]?.latencyMs).toBe(30);
  });

  it('allows only crash and recover of a server among the faults of a topology scenario', () => {
    const errors = errorsOf(`${base}faults:\n  - { at: 1s, crash: db }\n  - { at: 2s, lose-az: eu-west-1a }\n`);
    expect(errors.map((e) => [e.path, e.message])).toEqual([
      ['faults[0].crash', 'expected the id of a server (app), got "db"'],
      ['faults[1].lose-az', 'expected crash or recover in a topology scenario, got lose-az'],
    ]);
  });
});
