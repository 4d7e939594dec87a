import { describe, expect, it } from 'vitest';
import { createNlb, instanceTargets } from '../../../src/models/nlb/build';
import { AWS_API_DEFAULTS } from '../../../src/models/nlb/healthcheck/defaults';
import { K8S_NODES, makeNlb, NODES, podGroup, webGroup } from './fixture';

describe('building an NLB with AWS defaults', () => {
  it('defaults to cross-zone off, 300 s deregistration delay and 350 s idle timeout', () => {
    // behaviour.md §3; load-balancer-target-groups.md:128,251 (deregistration delay).
    const nlb = makeNlb();
    expect(nlb.crossZone).toBe(false);
    expect(nlb.targetGroups[0]?.deregistrationDelaySeconds).toBe(300);
    expect(nlb.listeners[0]?.idleTimeoutSeconds).toBe(350);
    expect(nlb.targetGroups[0]?.terminateConnectionsOnDeregistration).toBe(false);
    expect(nlb.targetGroups[0]?.terminateConnectionsOnUnhealthy).toBe(true);
  });

  it('preserves client IP for instance targets and not for ip targets', () => {
    // load-balancer-target-groups.md:137,164.
    expect(makeNlb(webGroup()).targetGroups[0]?.preserveClientIp).toBe(true);
    expect(makeNlb(podGroup()).targetGroups[0]?.preserveClientIp).toBe(false);
  });

  it('registers every node on the NodePort as the in-tree provider does, each starting initial', () => {
    const targets = instanceTargets(K8S_NODES, 31080);
    expect(targets.map((t) => `${t.id}:${t.port}`)).toEqual(K8S_NODES.map((n) => `${n.instanceId}:31080`));
    const nlb = makeNlb();
    expect(nlb.targetGroups[0]?.targets.every((t) => t.health.reason === 'Elb.RegistrationInProgress')).toBe(true);
    expect(nlb.nodes.map((n) => n.az)).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
  });

  it('marks targets unused when their AZ is not enabled or no listener uses the group', () => {
    const nlb = makeNlb(webGroup(), { nodes: NODES.slice(0, 2) });
    const c = nlb.targetGroups[0]?.targets.find((t) => t.az === 'eu-west-1c');
    expect(c?.health).toMatchObject({ state: 'unused', reason: 'Target.NotInUse' });
    const idle = createNlb({ name: 'x', nodes: NODES, listeners: [], targetGroups: [webGroup()] });
    expect(idle.ok && idle.nlb.targetGroups[0]?.targets[0]?.health.description).toBe(
      'Target group is not configured to receive traffic from the load balancer',
    );
  });

  it('names every invalid field by its path and says what was expected', () => {
    const result = createNlb({
      name: 'bad',
      nodes: [NODES[0]!, NODES[0]!],
      listeners: [{ port: 80, targetGroup: 'nope', idleTimeoutSeconds: 30 }],
      targetGroups: [
        {
          name: 'web',
          targetType: 'instance',
          healthCheck: { ...AWS_API_DEFAULTS, intervalSeconds: 1 },
          deregistrationDelaySeconds: 4000,
        },
      ],
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        'nodes[1].az: expected one node per AZ, got eu-west-1a twice',
        'listeners[0].targetGroup: expected one of the target groups (web), got nope',
        'listeners[0].idleTimeoutSeconds: expected an integer from 60 to 6000 seconds, got 30',
        'targetGroups[0].healthCheck.intervalSeconds: expected an integer from 5 to 300 seconds, got 1',
        'targetGroups[0].healthCheck.timeoutSeconds: expected a timeout of at most the interval (1 s), got 10 s: lower the timeout or raise the interval',
        'targetGroups[0].deregistrationDelaySeconds: expected an integer from 0 to 3600 seconds, got 4000',
      ],
    });
  });
});
