/** kubectl's verbs that change the cluster (scale, cordon, uncordon, drain) and how nodes print, against a plain-data host. */
import { describe, expect, it } from 'vitest';
import type { ClusterChange, ClusterView, NodeView } from '../../../src/models/shell';
import { cluster, FakeHost, runLine } from './fixture';

const NODE_A = 'ip-10-0-1-20.eu-west-1.compute.internal';
const NODE_B = 'ip-10-0-2-30.eu-west-1.compute.internal';

function node(name: string, ip: string, zone: string, more: Partial<NodeView> = {}): NodeView {
  return {
    name,
    createdMs: 0,
    ready: true,
    unschedulable: false,
    zone,
    instanceId: `i-0${ip.replaceAll('.', '')}`,
    roles: [],
    version: 'v1.30.4-eks-a737599',
    internalIp: ip,
    osImage: 'Amazon Linux 2023.5.20240819',
    kernelVersion: '6.1.102-111.182.amzn2023.x86_64',
    containerRuntime: 'containerd://1.7.20',
    ...more,
  };
}

/** A host whose cluster has two nodes and records the changes kubectl asks for; `refuse` makes the world say no. */
class ChangingHost extends FakeHost {
  readonly changes: ClusterChange[] = [];
  refuse: string | undefined;

  constructor(nodes: readonly NodeView[] = [node(NODE_A, '10.0.1.20', 'eu-west-1a'), node(NODE_B, '10.0.2.30', 'eu-west-1b')]) {
    super();
    this.clusterView = { ...cluster(), nodes };
  }

  changeCluster(change: ClusterChange): string | undefined {
    if (this.refuse !== undefined) return this.refuse;
    this.changes.push(change);
    return undefined;
  }

  setNodes(nodes: readonly NodeView[]): void {
    this.clusterView = { ...(this.clusterView as ClusterView), nodes };
  }
}

describe('kubectl get nodes and describe node', () => {
  it('shows a cordoned node as Ready,SchedulingDisabled and a cordoned silent one as NotReady,SchedulingDisabled', () => {
    const host = new ChangingHost([node(NODE_A, '10.0.1.20', 'eu-west-1a', { unschedulable: true }), node(NODE_B, '10.0.2.30', 'eu-west-1b', { ready: false, unschedulable: true })]);
    expect(runLine(host, 'kubectl get nodes').stdout).toBe(
      [
        'NAME                                      STATUS                        ROLES    AGE   VERSION',
        `${NODE_A}   Ready,SchedulingDisabled      <none>   5m    v1.30.4-eks-a737599`,
        `${NODE_B}   NotReady,SchedulingDisabled   <none>   5m    v1.30.4-eks-a737599`,
        '',
      ].join('\n'),
    );
  });

  it('prints the wide node columns with the status in its own column', () => {
    const host = new ChangingHost([node(NODE_A, '10.0.1.20', 'eu-west-1a', { unschedulable: true })]);
    expect(runLine(host, 'kubectl get nodes -o wide').stdout).toBe(
      [
        'NAME                                      STATUS                     ROLES    AGE   VERSION               INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                       KERNEL-VERSION                    CONTAINER-RUNTIME',
        `${NODE_A}   Ready,SchedulingDisabled   <none>   5m    v1.30.4-eks-a737599   10.0.1.20     <none>        Amazon Linux 2023.5.20240819   6.1.102-111.182.amzn2023.x86_64   containerd://1.7.20`,
        '',
      ].join('\n'),
    );
  });

  it('describes a cordoned node with Unschedulable: true and the unschedulable NoSchedule taint', () => {
    const host = new ChangingHost([node(NODE_A, '10.0.1.20', 'eu-west-1a', { unschedulable: true })]);
    const text = runLine(host, `kubectl describe node ${NODE_A}`).stdout;
    expect(text).toContain('\nTaints:             node.kubernetes.io/unschedulable:NoSchedule\nUnschedulable:      true\n');
    expect(text).toMatch(/^ {2}Ready +True +\S.* KubeletReady +kubelet is posting ready status$/m);
    expect(text).toContain('Non-terminated Pods:          (2 in total)\n');
    expect(text).toMatch(/^ {2}default +auth-5f8b9c6d7-q2w3e +0 \(0%\) +0 \(0%\) +0 \(0%\) +0 \(0%\) +5m$/m);
    expect(text).toContain(`ProviderID:                   aws:///eu-west-1a/i-0100120\n`);
  });

  it('describes a node that lost its kubelet with the unreachable taints, sorted by effect, and Unknown conditions', () => {
    const host = new ChangingHost([node(NODE_B, '10.0.2.30', 'eu-west-1b', { ready: false, unschedulable: true, lastHeartbeatMs: 60_000, readyChangedMs: 100_000 })]);
    const text = runLine(host, `kubectl describe nodes ${NODE_B}`).stdout;
    expect(text).toContain(
      [
        'Taints:             node.kubernetes.io/unreachable:NoExecute',
        '                    node.kubernetes.io/unreachable:NoSchedule',
        '                    node.kubernetes.io/unschedulable:NoSchedule',
        'Unschedulable:      true',
      ].join('\n'),
    );
    expect(text).toContain('  Ready            Unknown   Mon, 01 Jan 2024 00:01:00 +0000   Mon, 01 Jan 2024 00:01:40 +0000   NodeStatusUnknown   Kubelet stopped posting node status.\n');
    expect(text).toContain('  RenewTime:       Mon, 01 Jan 2024 00:01:00 +0000\n');
  });

  it('describes a schedulable node with no taints, and says NotFound for a node that does not exist', () => {
    const host = new ChangingHost();
    expect(runLine(host, `kubectl describe node/${NODE_A}`).stdout).toContain('\nTaints:             <none>\nUnschedulable:      false\n');
    const missing = runLine(host, 'kubectl describe node nope');
    expect(missing.stderr).toBe('Error from server (NotFound): nodes "nope" not found\n');
    expect(missing.code).toBe(1);
  });
});

describe('kubectl scale', () => {
  it.each(['kubectl scale deployment/web --replicas=5', 'kubectl scale deployment web --replicas 5', 'kubectl scale deploy/web --replicas=5', 'kubectl scale -n default deployments.apps web --replicas=5'])(
    'scales the Deployment through the world and says so: %s',
    (line) => {
      const host = new ChangingHost();
      const r = runLine(host, line);
      expect(r.stdout).toBe('deployment.apps/web scaled\n');
      expect(r.code).toBe(0);
      expect(host.changes).toEqual([{ kind: 'scale', namespace: 'default', name: 'web', replicas: 5 }]);
    },
  );

  it.each([
    ['kubectl scale deployment/nope --replicas=2', 'Error from server (NotFound): deployments.apps "nope" not found\n'],
    ['kubectl scale -n other deployment/web --replicas=2', 'Error from server (NotFound): deployments.apps "web" not found\n'],
    ['kubectl scale deployment/web', 'error: required flag(s) "replicas" not set\n'],
    ['kubectl scale deployment/web --replicas=-1', 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n'],
    ['kubectl scale deployment/web --replicas=two', 'error: invalid argument "two" for "--replicas" flag: strconv.ParseInt: parsing "two": invalid syntax\nSee \'kubectl scale --help\' for usage.\n'],
    ['kubectl scale deployment --replicas=2', 'error: resource(s) were provided, but no name was specified\n'],
    ['kubectl scale widget/web --replicas=2', 'error: the server doesn\'t have a resource type "widget"\n'],
    ['kubectl scale pod/web-7c5ddbdf54-x2x9z --replicas=2', 'Error from server (NotFound): the server could not find the requested resource\n'],
    ['kubectl scale deployment/web --current-replicas=3 --replicas=4', 'error: Expected replicas to be 3, was 2\n'],
    ['kubectl scale deployment/web --replica=2', 'error: unknown flag: --replica\nSee \'kubectl scale --help\' for usage.\n'],
  ])('refuses `%s` as kubectl does, changing nothing', (line, message) => {
    const host = new ChangingHost();
    const r = runLine(host, line);
    expect(r.stderr).toBe(message);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(1);
    expect(host.changes).toEqual([]);
  });

  it('asks for a resource when given none', () => {
    expect(runLine(new ChangingHost(), 'kubectl scale --replicas=2').stderr).toMatch(/^error: You must provide one or more resources by argument or filename\.\nExample resource specifications include:\n/);
  });

  it('prints the world\'s reason when the world refuses the change', () => {
    const host = new ChangingHost();
    host.refuse = 'scale: expected replicas, a whole number of at least 0, got 2';
    const r = runLine(host, 'kubectl scale deployment/web --replicas=2');
    expect(r.stderr).toBe('error: scale: expected replicas, a whole number of at least 0, got 2\n');
    expect(r.code).toBe(1);
  });

  it('says it cannot change a world that offers no way to', () => {
    const r = runLine(new FakeHost(), 'kubectl scale deployment/web --replicas=2');
    expect(r.stderr).toBe('error: trafficlab: this world cannot be changed from the terminal\n');
    expect(r.code).toBe(1);
  });
});

describe('kubectl cordon and uncordon', () => {
  it('cordons a schedulable node, and says "already cordoned" without changing a cordoned one', () => {
    const host = new ChangingHost();
    expect(runLine(host, `kubectl cordon ${NODE_A}`).stdout).toBe(`node/${NODE_A} cordoned\n`);
    expect(host.changes).toEqual([{ kind: 'cordon', node: NODE_A }]);
    host.setNodes([node(NODE_A, '10.0.1.20', 'eu-west-1a', { unschedulable: true })]);
    const again = runLine(host, `kubectl cordon node/${NODE_A}`);
    expect(again.stdout).toBe(`node/${NODE_A} already cordoned\n`);
    expect(again.code).toBe(0);
    expect(host.changes).toHaveLength(1);
  });

  it('uncordons a cordoned node, and says "already uncordoned" of a schedulable one', () => {
    const host = new ChangingHost([node(NODE_A, '10.0.1.20', 'eu-west-1a', { unschedulable: true }), node(NODE_B, '10.0.2.30', 'eu-west-1b')]);
    expect(runLine(host, `kubectl uncordon ${NODE_A}`).stdout).toBe(`node/${NODE_A} uncordoned\n`);
    expect(runLine(host, `kubectl uncordon ${NODE_B}`).stdout).toBe(`node/${NODE_B} already uncordoned\n`);
    expect(host.changes).toEqual([{ kind: 'uncordon', node: NODE_A }]);
  });

  it('answers a missing node with NotFound and a missing argument with the usage error', () => {
    const host = new ChangingHost();
    expect(runLine(host, 'kubectl cordon nope').stderr).toBe('Error from server (NotFound): nodes "nope" not found\n');
    expect(runLine(host, 'kubectl uncordon').stderr).toBe("error: USAGE: uncordon NODE [flags]\nSee 'kubectl uncordon -h' for help and examples\n");
    expect(host.changes).toEqual([]);
  });

  it('prints help for --help', () => {
    const r = runLine(new ChangingHost(), 'kubectl cordon --help');
    expect(r.stdout).toMatch(/^Mark node as unschedulable\.\n[\s\S]*Usage:\n {2}kubectl cordon NODE \[options\]\n$/);
    expect(r.code).toBe(0);
  });
});

describe('kubectl drain', () => {
  it('cordons, evicts every pod on the node and says it drained it, with one drain command to the world', () => {
    const host = new ChangingHost();
    const r = runLine(host, `kubectl drain ${NODE_A} --ignore-daemonsets`);
    expect(r.stdout).toBe(
      [
        `node/${NODE_A} cordoned`,
        'evicting pod default/auth-5f8b9c6d7-q2w3e',
        'evicting pod default/web-7c5ddbdf54-x2x9z',
        'pod/auth-5f8b9c6d7-q2w3e evicted',
        'pod/web-7c5ddbdf54-x2x9z evicted',
        `node/${NODE_A} drained`,
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(host.changes).toEqual([{ kind: 'drain', node: NODE_A }]);
  });

  it('drains without --ignore-daemonsets too, since the cluster runs no DaemonSets', () => {
    const host = new ChangingHost();
    expect(runLine(host, `kubectl drain ${NODE_B}`).stdout).toBe(`node/${NODE_B} cordoned\nevicting pod default/web-7c5ddbdf54-b7k4m\npod/web-7c5ddbdf54-b7k4m evicted\nnode/${NODE_B} drained\n`);
  });

  it('says "already cordoned" and changes nothing when a cordoned node has no pods left', () => {
    const host = new ChangingHost([node('empty', '10.0.3.5', 'eu-west-1c', { unschedulable: true })]);
    expect(runLine(host, 'kubectl drain empty').stdout).toBe('node/empty already cordoned\nnode/empty drained\n');
    expect(host.changes).toEqual([]);
  });

  it('refuses pods with emptyDir data without --delete-emptydir-data, leaving the node cordoned', () => {
    const host = new ChangingHost();
    const view = host.clusterView as ClusterView;
    host.clusterView = { ...view, pods: view.pods.map((p) => (p.name.startsWith('auth-') ? { ...p, volumes: [{ name: 'scratch' }] } : p)) };
    const r = runLine(host, `kubectl drain ${NODE_A} --ignore-daemonsets`);
    expect(r.stdout).toBe(`node/${NODE_A} cordoned\n`);
    expect(r.stderr).toBe(
      [
        `error: unable to drain node "${NODE_A}" due to error:cannot delete Pods with local storage (use --delete-emptydir-data to override): default/auth-5f8b9c6d7-q2w3e, continuing command...`,
        'There are pending nodes to be drained:',
        ` ${NODE_A}`,
        'cannot delete Pods with local storage (use --delete-emptydir-data to override): default/auth-5f8b9c6d7-q2w3e',
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(1);
    expect(host.changes).toEqual([{ kind: 'cordon', node: NODE_A }]);
    expect(runLine(host, `kubectl drain ${NODE_A} --ignore-daemonsets --delete-emptydir-data --force --grace-period=30`).code).toBe(0);
    expect(host.changes.at(-1)).toEqual({ kind: 'drain', node: NODE_A });
  });

  it('refuses a pod no controller owns without --force, and warns when forced', () => {
    const host = new ChangingHost();
    const view = host.clusterView as ClusterView;
    const { controlledBy: _, ...bare } = view.pods.find((p) => p.name.startsWith('auth-'))!;
    host.clusterView = { ...view, pods: view.pods.map((p) => (p.name.startsWith('auth-') ? bare : p)) };
    expect(runLine(host, `kubectl drain ${NODE_A}`).stderr).toContain('due to error:cannot delete Pods that declare no controller (use --force to override): default/auth-5f8b9c6d7-q2w3e, continuing command...\n');
    expect(runLine(host, `kubectl drain ${NODE_A} --force`).stderr).toBe('Warning: deleting Pods that declare no controller: default/auth-5f8b9c6d7-q2w3e\n');
  });

  it('answers unknown flags and a missing node the way kubectl does', () => {
    const host = new ChangingHost();
    expect(runLine(host, `kubectl drain ${NODE_A} --now`).stderr).toBe("error: unknown flag: --now\nSee 'kubectl drain --help' for usage.\n");
    expect(runLine(host, 'kubectl drain').stderr).toBe("error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples\n");
    expect(runLine(host, 'kubectl drain nope').stderr).toBe('Error from server (NotFound): nodes "nope" not found\n');
    expect(host.changes).toEqual([]);
  });
});

describe('--dry-run on the verbs that change the cluster', () => {
  it('says what it would do, marked (dry run), and changes nothing', () => {
    const host = new ChangingHost();
    expect(runLine(host, 'kubectl scale deployment/web --replicas=4 --dry-run=client').stdout).toBe('deployment.apps/web scaled (dry run)\n');
    expect(runLine(host, `kubectl cordon ${NODE_A} --dry-run=server`).stdout).toBe(`node/${NODE_A} cordoned (server dry run)\n`);
    expect(runLine(host, `kubectl drain ${NODE_B} --dry-run=client`).stdout).toBe(`node/${NODE_B} cordoned (dry run)\nevicting pod default/web-7c5ddbdf54-b7k4m (dry run)\nnode/${NODE_B} drained (dry run)\n`);
    expect(host.changes).toEqual([]);
  });

  it('refuses a --dry-run value kubectl does not know', () => {
    const r = runLine(new ChangingHost(), `kubectl uncordon ${NODE_A} --dry-run=maybe`);
    expect(r.stderr).toBe('error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n');
    expect(r.code).toBe(1);
  });
});

describe('completion for the verbs that change the cluster', () => {
  it('completes node names after cordon, uncordon and drain, and drain\'s flags', () => {
    const host = new ChangingHost();
    const { shell } = runLine(host, 'true');
    expect(shell.complete('kubectl dr').line).toBe('kubectl drain ');
    expect(shell.complete('kubectl uncordon ip-10-0-1').line).toBe(`kubectl uncordon ${NODE_A} `);
    expect(shell.complete(`kubectl drain ${NODE_A} --ign`).line).toBe(`kubectl drain ${NODE_A} --ignore-daemonsets `);
  });

  it('completes deployment/NAME after scale', () => {
    const { shell } = runLine(new ChangingHost(), 'true');
    expect(shell.complete('kubectl scale deployment/w').line).toBe('kubectl scale deployment/web ');
    expect(shell.complete('kubectl scale --rep').line).toBe('kubectl scale --replicas ');
  });
});
