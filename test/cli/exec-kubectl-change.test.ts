/** `trafficlab exec` with the kubectl verbs that change the world: they print what the panel prints, with kubectl's status. */
import { describe, expect, it } from 'vitest';
import { cli } from './capture';

const FULL = 'lessons/scenarios/full-path.yaml';

const exec = (...args: string[]) => cli('exec', ...args);

describe('trafficlab exec with kubectl scale, cordon and drain', () => {
  it('scales a Deployment, and answers a missing one with NotFound and exit 1', async () => {
    expect(await exec(FULL, '--at', '15s', '--', 'kubectl', 'scale', 'deployment/api', '--replicas=5')).toEqual({ code: 0, out: 'deployment.apps/api scaled\n', err: '' });
    expect(await exec(FULL, '--at', '15s', '--', 'kubectl scale deploy/x --replicas=1')).toEqual({ code: 1, out: '', err: 'Error from server (NotFound): deployments.apps "x" not found\n' });
  });

  it('drains a node: cordoned, each pod evicted, drained', async () => {
    const r = await exec(FULL, '--at', '15s', '--', 'kubectl drain node-2 --ignore-daemonsets');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe('node/node-2 cordoned');
    expect(lines.at(-1)).toBe('node/node-2 drained');
    const evicting = lines.filter((l) => l.startsWith('evicting pod default/'));
    expect(evicting.length).toBeGreaterThan(0);
    expect(lines.filter((l) => /^pod\/\S+ evicted$/.test(l))).toHaveLength(evicting.length);
  });
});
