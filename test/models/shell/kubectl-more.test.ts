import { describe, expect, it } from 'vitest';
import { COMMANDS, Shell } from '../../../src/models/shell';
import { FakeHost, runLine } from './fixture';

describe('kubectl describe', () => {
  it('describes a pod in kubectl layout: aligned fields, containers, conditions and an events table', () => {
    const out = runLine(new FakeHost(), 'kubectl describe pod web-7c5ddbdf54-x2x9z').stdout;
    const lines = out.split('\n');
    expect(lines[0]).toBe('Name:             web-7c5ddbdf54-x2x9z');
    expect(lines[1]).toBe('Namespace:        default');
    expect(out).toContain('Node:             ip-10-0-1-20.eu-west-1.compute.internal/10.0.1.20\n');
    expect(out).toContain('Start Time:       Mon, 01 Jan 2024 00:00:00 +0000\n');
    expect(out).toContain('Labels:           app=web\n                  pod-template-hash=7c5ddbdf54\n');
    expect(out).toContain('IPs:\n  IP:           10.0.1.15\nControlled By:  ReplicaSet/web-7c5ddbdf54\n');
    expect(out).toContain('    State:          Running\n      Started:      Mon, 01 Jan 2024 00:00:02 +0000\n    Ready:          True\n');
    expect(out).toContain('    Readiness:      http-get http://:80/healthz delay=0s timeout=1s period=10s #success=1 #failure=3\n');
    expect(out).toContain('Conditions:\n  Type                        Status\n  PodReadyToStartContainers   True \n');
    expect(out).toContain('Events:\n  Type    Reason     Age   From               Message\n  ----    ------     ----  ----               -------\n');
    expect(out).toMatch(/ {2}Normal {2}Scheduled {2}5m {4}default-scheduler {2}Successfully assigned default\/web-7c5ddbdf54-x2x9z/);
  });

  it('shows the last termination and counts repeated events "(x7 over 3m30s)"', () => {
    const out = runLine(new FakeHost(), 'kubectl describe pod auth-5f8b9c6d7-q2w3e').stdout;
    expect(out).toMatch(/ {4}State: +Waiting\n {6}Reason: +CrashLoopBackOff\n {4}Last State: +Terminated\n {6}Reason: +Error\n {6}Exit Code: +1\n/);
    expect(out).toMatch(/Warning {2}BackOff {2}30s \(x7 over 4m\) {2}kubelet/);
  });

  it('describes a service with its NodePort, load balancer ingress and ready endpoints', () => {
    const out = runLine(new FakeHost(), 'kubectl describe svc web').stdout;
    expect(out).toContain('Type:                     LoadBalancer\n');
    expect(out).toContain('Annotations:              service.beta.kubernetes.io/aws-load-balancer-type: nlb\n');
    expect(out).toContain('Port:                     http  80/TCP\nTargetPort:               80/TCP\nNodePort:                 http  31080/TCP\nEndpoints:                10.0.1.15:80,10.0.2.9:80\n');
    expect(out).toContain('External Traffic Policy:  Cluster\n');
    expect(out.endsWith('Events:                   <none>\n')).toBe(true);
  });

  it('describes every pod whose name starts with the one given, as kubectl does', () => {
    const out = runLine(new FakeHost(), 'kubectl describe pods web').stdout;
    expect(out.match(/^Name: /gm)).toHaveLength(2);
  });
});

describe('kubectl errors', () => {
  it.each([
    ['kubectl get pods --foo', "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n"],
    ['kubectl get pods -z', "error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n"],
    ['kubectl get pods -n', "error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n"],
    ['kubectl get podz', 'error: the server doesn\'t have a resource type "podz"\n'],
    ['kubectl gett pods', 'error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tget\n\tset\n'],
    ['kubectl logs nope', 'Error from server (NotFound): pods "nope" not found\n'],
    ['kubectl exec web-7c5ddbdf54-x2x9z nginx -t', "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n"],
  ])('%s → the message kubectl prints', (line, message) => {
    const r = runLine(new FakeHost(), line);
    expect(r.stderr).toBe(message);
    expect(r.code).toBe(1);
  });

  it('cannot reach a server when the world has no cluster', () => {
    const host = new FakeHost();
    host.cluster = undefined;
    const r = runLine(host, 'kubectl get pods');
    expect(r.stderr).toBe('The connection to the server localhost:8080 was refused - did you specify the right host or port?\n');
    expect(r.code).toBe(1);
  });
});

describe('kubectl logs and exec', () => {
  it("prints a pod's container output (nginx's access and error logs), with --tail", () => {
    const host = new FakeHost();
    host.write('web-7c5ddbdf54-x2x9z', '/var/log/nginx/access.log', 'line 1');
    host.write('web-7c5ddbdf54-x2x9z', '/var/log/nginx/error.log', 'line 2');
    host.write('web-7c5ddbdf54-x2x9z', '/var/log/custom.log', 'not container output');
    host.write('web-7c5ddbdf54-b7k4m', '/var/log/nginx/access.log', 'other pod');
    expect(runLine(host, 'kubectl logs web-7c5ddbdf54-x2x9z').stdout).toBe('line 1\nline 2\n');
    expect(runLine(host, 'kubectl logs web-7c5ddbdf54-x2x9z --tail 1').stdout).toBe('line 2\n');
  });

  it('follows with -f until interrupted, then exits 130', () => {
    const host = new FakeHost();
    const r = runLine(host, 'kubectl logs -f web-7c5ddbdf54-x2x9z');
    expect(r.execution.done).toBe(false);
    host.write('web-7c5ddbdf54-x2x9z', '/var/log/nginx/access.log', 'later');
    r.execution.interrupt();
    expect(r.stdout).toBe('later\n');
    expect(r.code).toBe(130);
    expect(host.listening).toBe(0);
  });

  it('runs nginx -t in a pod with kubectl exec and passes its exit status back', () => {
    const host = new FakeHost();
    const ok = runLine(host, 'kubectl exec web-7c5ddbdf54-x2x9z -- nginx -t');
    expect(ok.stderr).toBe('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n');
    expect(ok.code).toBe(0);
    host.configError = 'nginx: [emerg] unknown directive "proxy_pas" in /etc/nginx/conf.d/default.conf:3';
    const bad = runLine(host, 'kubectl exec web-7c5ddbdf54-x2x9z -- nginx -t');
    expect(bad.stderr).toBe(
      'nginx: [emerg] unknown directive "proxy_pas" in /etc/nginx/conf.d/default.conf:3\nnginx: configuration file /etc/nginx/nginx.conf test failed\ncommand terminated with exit code 1\n',
    );
    expect(bad.code).toBe(1);
  });

  it('opens a shell in the pod with -it, where nginx and tail exist, until exit', () => {
    const host = new FakeHost();
    const shell = new Shell(host, COMMANDS);
    expect(shell.prompt()).toBe('student@laptop:~$ ');
    runLine(host, 'kubectl exec -it web-7c5ddbdf54-x2x9z -- sh', shell);
    expect(shell.prompt()).toBe('root@web-7c5ddbdf54-x2x9z:/# ');
    expect(runLine(host, 'nginx -s reload', shell).code).toBe(0);
    expect(host.reloads).toBe(1);
    expect(runLine(host, 'kubectl get pods', shell).stderr).toBe('bash: kubectl: command not found\n');
    runLine(host, 'exit', shell);
    expect(shell.prompt()).toBe('student@laptop:~$ ');
  });

  it('refuses a command the container does not have, as the container runtime does', () => {
    const r = runLine(new FakeHost(), 'kubectl exec web-7c5ddbdf54-x2x9z -- kubectl get pods');
    expect(r.stderr).toContain('exec: "kubectl": executable file not found in $PATH: unknown');
    expect(r.code).toBe(1);
  });
});
