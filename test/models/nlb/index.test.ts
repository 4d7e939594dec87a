import { describe, expect, it } from 'vitest';
import {
  createNlb,
  formatDescribeText,
  instanceTargets,
  NlbRuntime,
  pickHealthCheckSettings,
  readNlbAttributes,
} from '../../../src/models/nlb';
import { Engine, Random, Trace } from '../../../src/sim';

describe('the public NLB API, wired as an integrator would', () => {
  it('builds an NLB for a legacy nlb Service with policy Local and sees only nodes with pods turn healthy', () => {
    const annotations = {
      'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb',
      'service.beta.kubernetes.io/aws-load-balancer-cross-zone-load-balancing-enabled': 'true',
    };
    const hc = pickHealthCheckSettings({
      controller: 'cloud-provider-aws',
      externalTrafficPolicy: 'Local',
      healthCheckNodePort: 32100,
      annotations,
    });
    if (!hc.ok) throw new Error(hc.errors.join('\n'));
    const attrs = readNlbAttributes('cloud-provider-aws', annotations).attributes;
    const built = createNlb({
      name: 'shop',
      nodes: [
        { az: 'a', ip: '198.51.100.1' },
        { az: 'b', ip: '198.51.100.2' },
      ],
      listeners: [{ port: 80, targetGroup: 'shop-80' }],
      targetGroups: [
        {
          name: 'shop-80',
          targetType: 'instance',
          healthCheck: hc.settings,
          targets: instanceTargets(
            [
              { instanceId: 'i-1', ip: '10.0.1.10', az: 'a' },
              { instanceId: 'i-2', ip: '10.0.2.10', az: 'b' },
            ],
            30080,
          ),
        },
      ],
      crossZone: attrs.crossZone,
    });
    if (!built.ok) throw new Error(built.errors.join('\n'));

    const engine = new Engine();
    const trace = new Trace(() => engine.now);
    const runtime = new NlbRuntime(built.nlb, {
      engine,
      trace,
      rng: new Random(3).stream('nlb:shop:flow-hash'),
      // kube-proxy's healthCheckNodePort: 200 where a pod runs (i-1), 503 elsewhere.
      probe: (p, answer) =>
        engine.schedule(2, () => answer({ outcome: 'response', status: p.target.id === 'i-1' ? 200 : 503 })),
    });
    runtime.start();
    engine.runUntil(25_000);

    expect(formatDescribeText(runtime.describe('shop-80'))).toBe(
      [
        'TARGETHEALTHDESCRIPTIONS\t32100',
        'TARGET\ti-1\t30080',
        'TARGETHEALTH\thealthy',
        'TARGETHEALTHDESCRIPTIONS\t32100',
        'TARGET\ti-2\t30080',
        'TARGETHEALTH\tHealth checks failed\tTarget.FailedHealthChecks\tunhealthy',
        '',
      ].join('\n'),
    );
    // Cross-zone on: both AZs stay in DNS, and the node in b sends to the node with the pod.
    expect(runtime.dnsAnswer().addresses).toEqual(['198.51.100.1', '198.51.100.2']);
    const d = runtime.connect('b', { protocol: 'tcp', srcIp: '203.0.113.9', srcPort: 5555, dstIp: '198.51.100.2', dstPort: 80 });
    expect(d.kind === 'forward' && d.target.id).toBe('i-1');
  });
});
