import { describe, expect, it } from 'vitest';
import { lbcLocalDefaults } from '../../../src/models/nlb/healthcheck/defaults';
import { NlbRuntime } from '../../../src/models/nlb/runtime';
import type { Flow } from '../../../src/models/nlb/flowTable';
import type { HealthProbe } from '../../../src/models/nlb/world';
import type { FlowTuple, Nlb } from '../../../src/models/nlb/types';
import { Engine, Random, toJsonLine, Trace } from '../../../src/sim';
import type { StateRecord } from '../../../src/sim';
import { makeNlb, webGroup } from './fixture';

/** A world around one NLB: targets listed in `down` refuse their health checks. */
function world(nlb: Nlb, seed = 1) {
  const engine = new Engine();
  const trace = new Trace(() => engine.now);
  const down = new Set<string>();
  const probes: HealthProbe[] = [];
  const resets: { t: number; flow: Flow; why: string }[] = [];
  const runtime = new NlbRuntime(nlb, {
    engine,
    trace,
    rng: new Random(seed).stream('nlb:web:flow-hash'),
    probe(probe, answer) {
      probes.push(probe);
      const refused = down.has(probe.target.id);
      engine.schedule(1, () => answer(refused ? { outcome: 'refused' } : { outcome: 'connected' }));
    },
    resetFlow: (flow, why) => resets.push({ t: engine.now, flow, why }),
  });
  runtime.start();
  const states = (component: string) =>
    trace
      .records()
      .filter((r): r is StateRecord => r.kind === 'state' && r.component === component)
      .map((r) => ({ t: r.t, to: r.to, why: r.why }));
  return { engine, trace, down, probes, resets, runtime, states };
}

const tuple = (srcPort: number, az = 1): FlowTuple => ({
  protocol: 'tcp',
  srcIp: '203.0.113.7',
  srcPort,
  dstIp: `198.51.100.${az}`,
  dstPort: 80,
});

describe('NLB runtime: health on the engine clock', () => {
  it('makes every target healthy 30 s after start with the LBC settings (10 s, 3/3), recording each change', () => {
    const w = world(makeNlb());
    w.engine.runUntil(40_000);
    expect(w.runtime.nlb.targetGroups[0]?.targets.every((t) => t.health.state === 'healthy')).toBe(true);
    expect(w.states('nlb:web/web/i-0a1:31080')).toEqual([
      { t: 0, to: 'initial', why: 'registered: 3 NLB node(s) will check it every 10 s' },
      { t: 30_001, to: 'healthy', why: 'healthy: 3 consecutive TCP health checks passed (threshold 3; 3/3 nodes passed)' },
    ]);
  });

  it('sends health checks from each NLB node\'s private IP to the traffic port or the healthCheckNodePort', () => {
    const w = world(makeNlb(webGroup({ healthCheck: lbcLocalDefaults(32555) })));
    w.engine.runUntil(10_000);
    const first = w.probes.filter((p) => p.target.id === 'i-0a1');
    expect(first.map((p) => [p.node.privateIp, p.ip, p.port, p.protocol, p.path])).toEqual([
      ['10.0.1.5', '10.0.1.11', 32555, 'HTTP', '/healthz'],
      ['10.0.2.5', '10.0.1.11', 32555, 'HTTP', '/healthz'],
      ['10.0.3.5', '10.0.1.11', 32555, 'HTTP', '/healthz'],
    ]);
  });
});

describe('NLB runtime: DNS follows health (vector 23)', () => {
  it('drops AZ-b from DNS within one health cycle of losing its targets, and returns all three when every AZ fails', () => {
    const w = world(makeNlb());
    w.engine.runUntil(60_000);
    w.down.add('i-0b1').add('i-0b2');
    w.engine.runUntil(150_000);
    expect(w.runtime.dnsAnswer().addresses).toEqual(['198.51.100.1', '198.51.100.3']);
    for (const id of ['i-0a1', 'i-0a2', 'i-0c1', 'i-0c2']) w.down.add(id);
    w.engine.runUntil(250_000);
    expect(w.runtime.dnsAnswer()).toMatchObject({ addresses: ['198.51.100.1', '198.51.100.2', '198.51.100.3'], failOpen: true });
    // Rounds at 70, 80, 90 s fail for AZ-b: out of DNS at 90 s, 30 s (3 × 10 s) after the failure began.
    // At start every target turns healthy at the same instant, and the answer (all three) never changed.
    expect(w.states('nlb:web/dns')).toEqual([
      {
        t: 90_001,
        to: '198.51.100.1,198.51.100.3',
        why: 'eu-west-1b (198.51.100.2) removed: web has 0 healthy of 2 target(s) for eu-west-1b',
      },
      {
        t: 180_001,
        to: '198.51.100.1,198.51.100.2,198.51.100.3',
        why: 'fail-open: no AZ has a healthy target, so all 3 AZ addresses are returned',
      },
    ]);
  });

  it('resets a connection that reaches AZ-b through a stale DNS answer while AZ-b has no target left', () => {
    const nlb = makeNlb();
    const w = world(nlb);
    w.engine.runUntil(40_000);
    w.runtime.deregister('web', 'i-0b1', 31080, 'node drained');
    w.runtime.deregister('web', 'i-0b2', 31080, 'node drained');
    const d = w.runtime.connect('eu-west-1b', tuple(41000, 2));
    expect(d.kind).toBe('reset');
  });
});

describe('NLB runtime: flows', () => {
  it('keeps a flow on its target across later packets and resets it when the target becomes unhealthy', () => {
    const w = world(makeNlb());
    w.engine.runUntil(40_000);
    const d = w.runtime.connect('eu-west-1a', tuple(40001));
    if (d.kind !== 'forward') throw new Error(d.why);
    const id = d.target.id;
    w.engine.runUntil(50_000);
    expect(w.runtime.packet(tuple(40001))).toMatchObject({ kind: 'forward', flow: { targetIp: d.target.ip } });
    // The round at 50 s already ran; those at 60, 70 and 80 s fail (threshold 3).
    w.down.add(id);
    w.engine.runUntil(100_000);
    expect(w.resets).toHaveLength(1);
    expect(w.resets[0]).toMatchObject({ t: 80_001, why: `target ${id}:31080 became unhealthy: the NLB resets its flows` });
    expect(w.runtime.packet(tuple(40001)).kind).toBe('reset');
  });

  it('drains a deregistered target: no new flows, existing ones continue, gone after the delay', () => {
    const w = world(makeNlb());
    w.engine.runUntil(40_000);
    // Find a connection that lands on i-0a1.
    let port = 42000;
    for (;;) {
      const d = w.runtime.connect('eu-west-1a', tuple(port));
      if (d.kind === 'forward' && d.target.id === 'i-0a1') break;
      w.runtime.close(tuple(port));
      port++;
    }
    w.runtime.deregister('web', 'i-0a1', 31080, 'node cordoned');
    expect(w.runtime.describe('web').TargetHealthDescriptions[0]?.TargetHealth.State).toBe('draining');
    for (let i = 0; i < 50; i++) {
      const d = w.runtime.connect('eu-west-1a', tuple(50000 + i));
      expect(d.kind === 'forward' && d.target.id).toBe('i-0a2');
    }
    w.engine.runUntil(339_000);
    expect(w.runtime.packet(tuple(port)).kind).toBe('forward');
    w.engine.runUntil(340_000);
    expect(w.runtime.describe('web').TargetHealthDescriptions.map((d) => d.Target.Id)).not.toContain('i-0a1');
    expect(w.states('nlb:web/web/i-0a1:31080').slice(-2).map((s) => `${s.to}@${s.t}`)).toEqual([
      'draining@40000',
      'unused@340000',
    ]);
    // Connection termination on deregistration is off by default: the flow outlives the target.
    expect(w.resets).toHaveLength(0);
    expect(w.runtime.packet(tuple(port)).kind).toBe('forward');
  });

  it('resets the remaining flows when draining ends with connection termination on', () => {
    const w = world(makeNlb(webGroup({ terminateConnectionsOnDeregistration: true, deregistrationDelaySeconds: 30 })));
    w.engine.runUntil(40_000);
    const d = w.runtime.connect('eu-west-1c', tuple(43000, 3));
    if (d.kind !== 'forward') throw new Error(d.why);
    w.runtime.deregister('web', d.target.id, 31080, 'scaled down');
    w.engine.runUntil(69_999);
    expect(w.resets).toHaveLength(0);
    w.engine.runUntil(70_000);
    expect(w.resets.map((r) => r.flow.tuple.srcPort)).toEqual([43000]);
  });

  it('starts a target registered later in initial and makes it healthy after the threshold', () => {
    const w = world(makeNlb());
    w.engine.runUntil(40_000);
    w.runtime.register('web', { id: 'i-0a3', ip: '10.0.1.13', port: 31080, az: 'eu-west-1a' });
    expect(w.runtime.describe('web').TargetHealthDescriptions.at(-1)?.TargetHealth).toEqual({
      State: 'initial',
      Reason: 'Elb.RegistrationInProgress',
      Description: 'Target registration is in progress',
    });
    w.engine.runUntil(70_001);
    expect(w.runtime.describe('web').TargetHealthDescriptions.at(-1)?.TargetHealth).toEqual({ State: 'healthy' });
  });
});

describe('NLB runtime: determinism', () => {
  function scenario(seed: number): string[] {
    const w = world(makeNlb(), seed);
    w.engine.runUntil(40_000);
    for (let i = 0; i < 20; i++) w.runtime.connect(i % 2 === 0 ? 'eu-west-1a' : 'eu-west-1b', tuple(44000 + i, 1 + (i % 2)));
    w.down.add('i-0a1');
    w.engine.runUntil(120_000);
    return w.trace.records().map(toJsonLine);
  }

  it('writes a byte-identical trace for the same seed, and different routing for another', () => {
    expect(scenario(42)).toEqual(scenario(42));
    expect(scenario(42)).not.toEqual(scenario(43));
  });
});
