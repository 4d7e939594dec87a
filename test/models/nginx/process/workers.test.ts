import { describe, expect, it } from 'vitest';
import { addrs, world } from './world';

const A = '10.0.0.1:80';
const DEAD = '10.0.0.9:80';

function conf(zone: boolean): string {
  return `worker_processes 2;\nevents {}\nhttp {\n upstream up {\n${zone ? '  zone up 64k;\n' : ''}  server ${A};\n  server ${DEAD};\n }\n server {\n  listen 80;\n  server_name example.com;\n  location / {\n   proxy_pass http://up;\n   proxy_next_upstream off;\n  }\n }\n}\n`;
}

describe('worker processes', () => {
  it('gives each worker its own failure counters when the upstream has no zone', () => {
    const w = world(conf(false), { [A]: { kind: 'respond', status: 200 } });
    const statuses = w.sequential(6).map((r) => r.status);
    // Connections alternate between the two workers; each finds the dead peer once.
    expect(statuses.filter((s) => s === 502)).toHaveLength(2);
    expect(w.sequential(1)[0]?.worker).toBe(0);
  });

  it('shares one state between workers when the upstream has a zone', () => {
    const w = world(conf(true), { [A]: { kind: 'respond', status: 200 } });
    const rs = w.sequential(6);
    expect(rs.filter((r) => r.status === 502)).toHaveLength(1);
    expect(addrs(rs).slice(2)).toEqual([A, A, A, A]);
  });

  it('takes "worker_processes auto" to mean the count it is given', () => {
    const text = `upstream up { server ${A}; }\nserver { listen 80; location / { proxy_pass http://up; } }\n`;
    expect(world(text, {}, { autoWorkers: 3 }).nginx.workers.count).toBe(3);
    expect(world(text, {}, { autoWorkers: 1 }).nginx.workers.count).toBe(1);
  });
});
