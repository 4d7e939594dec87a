import { describe, expect, it } from 'vitest';
import type { ComponentSnapshot } from '../../../src/scenario';
import { COLUMNS, columnOf, placeComponent } from '../../../src/ui/diagram/tiers';

const col = (key: string): number => COLUMNS.findIndex((c) => c.key === key);

describe('columnOf', () => {
  it('places the kinds of the full path in the order a request meets them', () => {
    expect(columnOf('client')).toBe(col('client'));
    expect(columnOf('stub-resolver')).toBe(col('resolver'));
    expect(columnOf('dns-root')).toBe(col('nameserver'));
    expect(columnOf('authoritative')).toBe(col('nameserver'));
    expect(columnOf('nlb-node')).toBe(col('nlb'));
    expect(columnOf('node')).toBe(col('node'));
    expect(columnOf('nginx')).toBe(col('nginx'));
    expect(columnOf('service')).toBe(col('service'));
    expect(columnOf('pod')).toBe(col('backend'));
    expect(columnOf('server')).toBe(col('backend'));
  });

  it('puts a kind nothing claims in a column of its own at the right', () => {
    expect(columnOf('teapot')).toBe(COLUMNS.length);
  });
});

describe('placeComponent', () => {
  it('reads the zone and Service the world may add to a snapshot, and a role over the kind', () => {
    const pod = { id: 'n1', kind: 'pod', role: 'nginx', az: 'a', service: 'nginx-lb', label: '', address: '', state: '', counters: {} } as unknown as ComponentSnapshot;
    expect(placeComponent(pod)).toEqual({ column: col('nginx'), lane: 'a', group: 'Service nginx-lb' });
  });
});
