import { describe, expect, it } from 'vitest';
import { Random } from '../../../../src/sim';
import { staticBandSize } from '../../../../src/models/k8s/cluster/allocator';
import { layoutNodes } from '../../../../src/models/k8s/cluster/nodes';
import { PodIpam } from '../../../../src/models/k8s/cluster/pod-ipam';
import { schedule } from '../../../../src/models/k8s/cluster/scheduler';
import { ClusterIpAllocator, NodePortAllocator } from '../../../../src/models/k8s/cluster/service-ips';

const NODES = layoutNodes([
  { name: 'n1', ip: '10.0.1.10', az: 'a' },
  { name: 'n2', ip: '10.0.1.11', az: 'a' },
  { name: 'n3', ip: '10.0.2.10', az: 'b' },
]);

describe('ClusterIP and NodePort allocation', () => {
  it('uses the API server band sizes: 256 static addresses in a /12, 86 static ports in 30000-32767', () => {
    expect(staticBandSize(2 ** 20 - 2, 16, 256)).toBe(256);
    expect(staticBandSize(2768, 32, 128)).toBe(86);
  });

  it('draws dynamic NodePorts from the upper band, the same ones for the same seed', () => {
    const draw = (seed: number) => {
      const a = new NodePortAllocator([30000, 32767], new Random(seed).stream('k8s:service-ips'));
      return Array.from({ length: 50 }, () => {
        const r = a.allocate();
        if (!r.ok) throw new Error(r.why);
        return r.value;
      });
    };
    const ports = draw(1);
    expect(new Set(ports).size).toBe(50);
    for (const p of ports) expect(p >= 30086 && p <= 32767).toBe(true);
    expect(draw(1)).toEqual(ports);
    expect(draw(2)).not.toEqual(ports);
  });

  it('gives a requested port if free and says why not otherwise', () => {
    const a = new NodePortAllocator([30000, 32767], new Random(1).stream('x'));
    expect(a.allocate(30080)).toEqual({ ok: true, value: 30080 });
    expect(a.allocate(30080)).toMatchObject({ ok: false, why: 'Invalid value: 30080: provided port is already allocated' });
  });

  it('keeps 10.96.0.1 and 10.96.0.10 for the kubernetes and DNS Services and hands out addresses above the static band', () => {
    const a = new ClusterIpAllocator('10.96.0.0/12', new Random(1).stream('x'));
    expect(a.allocate('10.96.0.1')).toMatchObject({ ok: false });
    expect(a.allocate('10.96.0.10')).toMatchObject({ ok: false });
    expect(a.dnsIp).toBe('10.96.0.10');
    expect(a.allocate('10.96.0.50')).toEqual({ ok: true, value: '10.96.0.50' });
    expect(a.allocate('10.200.0.1')).toMatchObject({ ok: false, why: expect.stringContaining('The range of valid IPs is 10.96.0.0/12') });
    const r = a.allocate();
    if (!r.ok) throw new Error(r.why);
    const [, b, c] = r.value.split('.').map(Number) as [number, number, number, number];
    expect(b >= 96 && b <= 111).toBe(true);
    expect(b > 96 || c >= 1).toBe(true);
  });
});

describe('pod addresses and placement', () => {
  it('gives node i the pod CIDR 10.244.i.0/24 and pods .2 upwards, not reusing a freed address at once', () => {
    const ipam = new PodIpam();
    const n3 = NODES[2]!;
    expect([ipam.allocate(n3), ipam.allocate(n3)]).toEqual(['10.244.2.2', '10.244.2.3']);
    ipam.release('10.244.2.2');
    expect(ipam.allocate(n3)).toBe('10.244.2.4');
  });

  it('spreads one owner over zones first, then nodes', () => {
    const placed: { node: string; owner: string }[] = [];
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      const p = schedule(NODES, placed, 'default/web');
      if (p.node === undefined) throw new Error(p.why);
      placed.push({ node: p.node.name, owner: 'default/web' });
      order.push(p.node.name);
    }
    expect(order).toEqual(['n1', 'n3', 'n2', 'n3']);
  });
});
