import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario, type Scenario } from '../../src/scenario';
import { loadWorldParts, partsNeeded, registerWorldPart } from '../../src/embed/world-parts';

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
});
