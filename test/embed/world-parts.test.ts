import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario, type Scenario } from '../../src/scenario';
import { loadTerminalPart, loadWorldParts, partsNeeded, registerWorldPart } from '../../src/embed/world-parts';

function scenario(file: string): Scenario {
  const loaded = loadScenario(readFileSync(file, 'utf8'), file);
  if (!loaded.ok) throw new Error(`${file} does not load`);
  return loaded.scenario;
}

describe('world parts loaded on demand', () => {
  it('needs nothing for DNS and one machine, nginx for nginx machines, the proxy for a forward proxy, cluster, NLB and nginx for the cluster', () => {
    expect(partsNeeded(scenario('lessons/scenarios/dns.yaml'))).toEqual([]);
    expect(partsNeeded(scenario('lessons/scenarios/balancing.yaml'))).toEqual(['nginx']);
    expect(partsNeeded(scenario('lessons/scenarios/forward-proxy.yaml'))).toEqual(['nginx', 'proxy']);
    expect(partsNeeded(scenario('lessons/scenarios/cluster.yaml'))).toEqual(['cluster', 'nlb', 'nginx']);
  });

  it("needs nginx's other balancing methods only for a configuration that chooses one", () => {
    const balancing = scenario('lessons/scenarios/balancing.yaml');
    const [machine] = balancing.machines.filter((m) => m.role.kind === 'nginx');
    if (machine?.role.kind !== 'nginx') throw new Error('balancing.yaml has an nginx machine');
    const nginx = machine.role.nginx;
    const leastConn = { ...nginx, checked: { ...nginx.checked, upstreams: nginx.checked.upstreams.map((u) => ({ ...u, method: { kind: 'least_conn' as const } })) } };
    const chosen: Scenario = { ...balancing, machines: balancing.machines.map((m) => (m === machine ? { ...m, role: { kind: 'nginx' as const, nginx: leastConn } } : m)) };
    expect(partsNeeded(chosen)).toEqual(['nginx', 'balancers']);
  });

  it("needs the network faults' code only when the scenario or the lesson step gives one", () => {
    const cluster = scenario('lessons/scenarios/cluster.yaml');
    expect(partsNeeded(cluster, [{ kind: 'kill' }, { kind: 'lose-az' }])).not.toContain('net-faults');
    expect(partsNeeded(cluster, [{ kind: 'dns-ttl' }])).toContain('net-faults');
    expect(partsNeeded({ ...cluster, faults: [{ atMs: 1000, kind: 'nlb-health-check', target: 'default/web' }] })).toContain('net-faults');
    expect(partsNeeded(cluster, [{ kind: 'cut-link' }])).toContain('net-faults');
  });

  it('loads each part a scenario needs once, and none it does not', async () => {
    const loads: string[] = [];
    registerWorldPart('nginx', async () => void loads.push('nginx'));
    registerWorldPart('cluster', async () => void loads.push('cluster'));
    await loadWorldParts(scenario('lessons/scenarios/balancing.yaml'));
    expect(loads).toEqual(['nginx']);
    await loadWorldParts(scenario('lessons/scenarios/cluster.yaml'));
    await loadWorldParts(scenario('lessons/scenarios/cluster.yaml'));
    expect(loads.sort()).toEqual(['cluster', 'nginx']); // nlb: nothing registered for it here, so nothing to load
  });

  it("fills in a stand-in that arrives after its part loaded (the terminal's adapters take from the cluster part) before the loading settles", async () => {
    const filled: string[] = [];
    registerWorldPart('cluster', async () => void filled.push('cluster'));
    await loadWorldParts(scenario('lessons/scenarios/cluster.yaml'));
    filled.length = 0;
    // Loading the terminal part evaluates its modules, whose stand-ins of the cluster part register then.
    registerWorldPart('terminal', async () => {
      registerWorldPart('cluster', async () => void filled.push('late cluster stand-in'));
      filled.push('terminal');
    });
    await loadTerminalPart();
    expect(filled).toEqual(['terminal', 'late cluster stand-in']);
  });
});
