/**
 * `trafficlab exec` against the full path (DNS → NLB → Service → nginx pods →
 * backends), through the world's terminal hooks (`world.terminal`).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './capture';
import { createWorld, loadScenario } from '../../src/scenario';

const FULL = 'lessons/scenarios/full-path.yaml';
const text = readFileSync(FULL, 'utf8');
const loaded = loadScenario(text, FULL);

const dir = mkdtempSync(join(tmpdir(), 'trafficlab-exec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** full-path.yaml with every auth pod crash-looping from 20 s, so /auth/ has no live upstream. */
function authDown(): string {
  const [head = '', ...rest] = text.split(/^---$/m);
  const faults = 'faults:\n  - { at: 20s, crash: auth/0, for: 5m }\n  - { at: 20s, crash: auth/1, for: 5m }\n  - { at: 20s, crash: auth/2, for: 5m }\n';
  const file = join(dir, 'auth-down.yaml');
  writeFileSync(file, [`${head.trimEnd()}\n${faults}`, ...rest].join('---'));
  return file;
}

const exec = (...args: string[]) => cli('exec', ...args);

describe('trafficlab exec on the full path', () => {
  it('has a world that offers the terminal hooks', () => {
    expect(loaded.ok && 'terminal' in createWorld(loaded.scenario, { seed: 1 })).toBe(true);
  });

  it('lists the nginx and backend pods with kubectl get pods', async () => {
    const r = await exec(FULL, '--at', '30s', '--', 'kubectl', 'get', 'pods');
    expect(r.code).toBe(0);
    const [header, ...rows] = r.out.trimEnd().split('\n');
    expect(header).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(rows.filter((row) => /^nginx-\w+-\w{5}\s+1\/1\s+Running\s+0\s+30s$/.test(row))).toHaveLength(2);
    expect(rows.every((row) => /\s1\/1\s+Running\s/.test(row))).toBe(true);
  });

  it('shows the NLB name as the LoadBalancer Service\'s EXTERNAL-IP', async () => {
    const r = await exec(FULL, '--at', '30s', '--', 'kubectl get svc nginx-loadbalancer');
    expect(r.out).toMatch(/^nginx-loadbalancer\s+LoadBalancer\s+10\.\d+\.\d+\.\d+\s+\S+\.elb\.eu-west-1\.amazonaws\.com\s+80:\d{5}\/TCP\s+30s$/m);
  });

  it('resolves the site to the NLB node addresses with dig', async () => {
    const r = await exec(FULL, '--at', '30s', '--', 'dig +short my-nlb-url.com');
    expect(r.out.trim().split('\n').sort()).toEqual(['52.16.10.1', '52.16.20.1', '52.16.30.1']);
  });

  it('sends curl through the NLB, a node and an nginx pod to an auth pod, and names the hops', async () => {
    const r = await exec(FULL, '--at', '30s', '--', 'curl -v http://my-nlb-url.com/auth/login');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^\* {3}Trying 52\.16\.\d+\.1:80\.\.\.\n\* Connected to my-nlb-url\.com \(52\.16\.\d+\.1\) port 80 \(#0\)\n> GET \/auth\/login HTTP\/1\.1\n> Host: my-nlb-url\.com\n/);
    expect(r.err).toContain('< HTTP/1.1 200 OK\n');
    expect(r.err).toMatch(/\* \[trafficlab\] request laptop#1: laptop → nlb-\S+ → node-\d → pod:default\/nginx-\S+ → pod:default\/auth-\S+\n/);
  });

  it('gets 502 Bad Gateway from nginx when every auth pod is down', async () => {
    const r = await exec(authDown(), '--at', '40s', '--', 'curl -v http://my-nlb-url.com/auth/login');
    expect(r.err).toContain('< HTTP/1.1 502 Bad Gateway\n');
    expect(r.err).toMatch(/\* \[trafficlab\] answered by pod:default\/nginx-\S+: 502 Bad Gateway/);
    expect(r.out).toContain('<center><h1>502 Bad Gateway</h1></center>');
  });

  it('checks the nginx configuration in a pod with kubectl exec … -- nginx -t', async () => {
    const pods = await exec(FULL, '--at', '30s', '--', 'kubectl get pods -l app=nginx -o name');
    const pod = pods.out.split('\n')[0]?.replace('pod/', '') ?? '';
    const r = await exec(FULL, '--at', '30s', '--', 'kubectl', 'exec', pod, '--', 'nginx', '-t');
    expect(r).toEqual({
      code: 0,
      out: '',
      err: 'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n',
    });
  });

  it("prints the NLB's target health as the AWS CLI does: still checking at 30 s, healthy by 2 min", async () => {
    const groups = await exec(FULL, '--at', '30s', '--', 'aws elbv2 describe-target-groups');
    const arn = (JSON.parse(groups.out) as { TargetGroups: { TargetGroupArn: string }[] }).TargetGroups[0]?.TargetGroupArn ?? '';
    const states = async (at: string) => {
      const r = await exec(FULL, '--at', at, '--', 'aws', 'elbv2', 'describe-target-health', '--target-group-arn', arn);
      return (JSON.parse(r.out) as { TargetHealthDescriptions: { TargetHealth: { State: string } }[] }).TargetHealthDescriptions.map((d) => d.TargetHealth.State);
    };
    expect(await states('30s')).toEqual(['initial', 'initial', 'initial']);
    expect(await states('2m')).toEqual(['healthy', 'healthy', 'healthy']);
  });
});
