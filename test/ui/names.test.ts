import { describe, expect, it } from 'vitest';
import type { ComponentSnapshot } from '../../src/scenario';
import { nameLookup } from '../../src/ui/names';

describe('nameLookup', () => {
  const nameOf = nameLookup([{ id: 'app', kind: 'server', label: 'App server', address: '10.0.0.10:80', state: 'up', counters: {} } as ComponentSnapshot]);

  it('names a component by its label, by id or by address', () => {
    expect(nameOf('app')).toBe('App server');
    expect(nameOf('10.0.0.10')).toBe('App server');
  });

  it('shortens a namespaced id it does not know to its name, and leaves other unknown ids alone', () => {
    expect(nameOf('pod:default/nginx-55cfdff8ff-89vc8')).toBe('nginx-55cfdff8ff-89vc8');
    expect(nameOf('kube-proxy:node-1')).toBe('kube-proxy:node-1');
    expect(nameOf('ghost')).toBe('ghost');
  });
});
