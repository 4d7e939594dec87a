import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWorld, loadScenario } from '../../../src/scenario';
import { commandFor, faultById, scheduled, takesFor } from '../../../src/ui/instructor/catalogue';
import { describeCommand } from '../../../src/ui/instructor/describe';
import { acceptedKinds, buildRun } from '../../../src/ui/instructor/build';
import { buildMenu } from '../../../src/ui/instructor/menu';
import { freshPlan, give } from '../../../src/ui/instructor/plan';
import { recordValues } from '../../../src/ui/instructor/targets';
import { headless } from './helpers';

const FULL = 'lessons/scenarios/full-path.yaml';
const DNS = 'lessons/scenarios/dns.yaml';

function source(file: string) {
  const loaded = loadScenario(readFileSync(file, 'utf8'), file);
  if (!loaded.ok) throw new Error(`${file} does not load`);
  const world = createWorld(loaded.scenario, { seed: 1 });
  world.runUntil(3_000);
  return { scenario: loaded.scenario, snapshot: world.snapshot() };
}

describe('network faults in the fault menu', () => {
  it('are available in a full world: DNS TTL and record, NLB health check, cut and restore link', () => {
    const s = source(FULL);
    const menu = buildMenu(acceptedKinds(s.scenario), s);
    const ids = menu.entries.map((e) => e.def.id);
    for (const id of ['dns-ttl', 'dns-record', 'nlb-health', 'cut-link', 'restore-link']) expect(ids, id).toContain(id);
    for (const id of ['dns-ttl', 'dns-record', 'nlb-health-check', 'cut-link', 'restore-link']) expect(menu.missing.map((m) => m.needs)).not.toContain(id);
  });

  it('offers the machines\' addresses and each NLB alias as where a record can point', () => {
    expect(recordValues(source(DNS)).map((v) => v.id)).toEqual(['123.123.123.123']);
    expect(recordValues(source(FULL)).map((v) => v.id)).toEqual(['alias:default/nginx-loadbalancer']);
  });

  it('gives a flat command with the chosen value, and every health-check option', () => {
    const record = faultById('dns-record');
    const health = faultById('nlb-health');
    if (record === undefined || health === undefined) throw new Error('catalogue entries missing');
    expect(commandFor(record, 'www.example.com', {}, { value: '198.51.100.20' })).toEqual({ kind: 'dns-record', target: 'www.example.com', value: '198.51.100.20' });
    expect(commandFor(health, 'nginx-loadbalancer', { intervalS: 10 })).toEqual({
      kind: 'nlb-health-check',
      target: 'nginx-loadbalancer',
      intervalS: 10,
      timeoutS: 5,
      healthyThreshold: 3,
      unhealthyThreshold: 3,
    });
    expect(describeCommand({ kind: 'dns-record', target: 'www.example.com', value: '198.51.100.20' })).toBe('change DNS record www.example.com to 198.51.100.20');
  });

  it('lets a scheduled cut link undo itself after for', () => {
    const cut = faultById('cut-link');
    if (cut === undefined) throw new Error('cut-link missing');
    expect(takesFor(cut)).toBe(true);
    expect(scheduled(cut, 'load|app', 1_000, {}, 5_000).forMs).toBe(5_000);
  });

  it('replays a DNS record change given by hand, so a share link shows the same run', () => {
    const plan = give(freshPlan(DNS, readFileSync(DNS, 'utf8'), 1), { kind: 'dns-record', target: 'www.example.com', value: '123.123.123.124' }, 2_000, 0);
    const result = buildRun(plan, { atMs: 3_000 }, headless());
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.built.dropped).toEqual([]);
    const records = result.built.world.trace.records().filter((r) => r.kind === 'command');
    expect(records.map((r) => (r.kind === 'command' ? [r.command, r.why.slice(0, 44)] : []))).toEqual([['dns-record', 'Route 53: www.example.com. was A 123.123.123']]);
  });
});

describe('load balancers as fault targets', () => {
  it('include every LoadBalancer Service, also one the scenario does not pin in loadBalancers', () => {
    const text = readFileSync(FULL, 'utf8').replace(/ {2}loadBalancers:\n(?: {4}.*\n)+/, '');
    const loaded = loadScenario(text, 'no-pins.yaml');
    if (!loaded.ok) throw new Error('the edited scenario does not load');
    expect(loaded.scenario.cluster?.loadBalancers ?? []).toEqual([]);
    const s = { scenario: loaded.scenario, snapshot: createWorld(loaded.scenario, { seed: 1 }).snapshot() };
    expect(faultById('nlb-health')?.targets(s).map((t) => t.id)).toEqual(['default/nginx-loadbalancer']);
    expect(recordValues(s).map((v) => v.id)).toEqual(['alias:default/nginx-loadbalancer']);
  });
});
