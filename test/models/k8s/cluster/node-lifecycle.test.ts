import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TOLERATION_SECONDS,
  evictAt,
  NODE_MONITOR_GRACE_PERIOD_MS,
  nodeStatus,
  notReadyAt,
  readyAgainAt,
  unfitReason,
  unschedulableMessage,
} from '../../../../src/models/k8s/cluster/node-lifecycle';

describe('node lifecycle decisions', () => {
  it('uses the 40 s node-monitor grace period of Kubernetes up to 1.31 (50 s only since 1.32) and 300 s tolerations', () => {
    // kube-controller-manager --node-monitor-grace-period: 40s through v1.31, 50s from v1.32 (CHANGELOG-1.32);
    // DefaultTolerationSeconds admission plugin: node.kubernetes.io/unreachable tolerated for 300 s.
    expect(NODE_MONITOR_GRACE_PERIOD_MS).toBe(40_000);
    expect(DEFAULT_TOLERATION_SECONDS).toBe(300);
  });

  it('marks a node NotReady at the first 5 s monitor tick once its last 10 s heartbeat is more than 40 s old', () => {
    // Cut at 12 s: last heartbeat at 10 s; 10 + 40 = 50 is not yet past at 50 s, so the 55 s tick notices.
    expect(notReadyAt(12_000).atMs).toBe(55_000);
    expect(notReadyAt(20_000).atMs).toBe(65_000);
    expect(notReadyAt(12_000).why).toContain('Ready=Unknown');
  });

  it('evicts 300 s after the taint and brings the node back at its next heartbeat', () => {
    expect(evictAt(55_000).atMs).toBe(355_000);
    expect(readyAgainAt(61_000).atMs).toBe(70_000);
    expect(readyAgainAt(70_000).atMs).toBe(70_000);
  });

  it('prints Ready,SchedulingDisabled for a cordoned node and NotReady for a silent one', () => {
    expect(nodeStatus({ name: 'n', ready: 'True', unschedulable: true })).toBe('Ready,SchedulingDisabled');
    expect(nodeStatus({ name: 'n', ready: 'Unknown', unschedulable: false })).toBe('NotReady');
    expect(nodeStatus({ name: 'n', ready: 'True', unschedulable: false })).toBe('Ready');
  });

  it("words the scheduler's refusal as kube-scheduler does, reasons counted and sorted", () => {
    const reasons = [unfitReason({ name: 'a', ready: 'True', unschedulable: true }), unfitReason({ name: 'b', ready: 'Unknown', unschedulable: false }), unfitReason({ name: 'c', ready: 'Unknown', unschedulable: false })];
    expect(unschedulableMessage(3, reasons.map((r) => r ?? ''))).toBe(
      '0/3 nodes are available: 1 node(s) were unschedulable, 2 node(s) had untolerated taint {node.kubernetes.io/unreachable: }. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
    expect(unfitReason({ name: 'd', ready: 'True', unschedulable: false })).toBeUndefined();
  });
});
