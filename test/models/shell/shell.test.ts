import { describe, expect, it } from 'vitest';
import { COMMANDS, History, parseLine, Shell } from '../../../src/models/shell';
import { ARN, FakeHost, runLine } from './fixture';

describe('reading a command line', () => {
  it('splits words on blanks and keeps quoted text together, as bash does', () => {
    expect(parseLine(`curl -H 'Host: www.example.com' "http://a/b c" x\\ y # comment`)).toEqual({
      ok: true,
      pipeline: [['curl', '-H', 'Host: www.example.com', 'http://a/b c', 'x y']],
    });
  });

  it('splits a pipeline on |', () => {
    expect(parseLine('kubectl get pods | grep web | head -n 1')).toEqual({
      ok: true,
      pipeline: [['kubectl', 'get', 'pods'], ['grep', 'web'], ['head', '-n', '1']],
    });
  });

  it("gives bash's message for an unterminated quote", () => {
    const r = runLine(new FakeHost(), "echo 'oops");
    expect(r.stderr).toBe("bash: unexpected EOF while looking for matching `''\nbash: syntax error: unexpected end of file\n");
    expect(r.code).toBe(2);
  });
});

describe('the shell', () => {
  it('answers an unknown command as bash does, with exit 127', () => {
    const r = runLine(new FakeHost(), 'foo --bar');
    expect(r.stderr).toBe('bash: foo: command not found\n');
    expect(r.code).toBe(127);
  });

  it('filters output through grep and head', () => {
    const r = runLine(new FakeHost(), 'kubectl get pods | grep web | head -n 1');
    expect(r.stdout).toMatch(/^web-7c5ddbdf54-b7k4m\s+1\/1\s+Running/);
    expect(r.stdout.split('\n')).toHaveLength(2);
    expect(r.code).toBe(0);
  });

  it('exits 1 when grep matches nothing, and counts lines with wc -l', () => {
    expect(runLine(new FakeHost(), 'kubectl get pods | grep nothing-like-this').code).toBe(1);
    expect(runLine(new FakeHost(), 'kubectl get pods --no-headers | wc -l').stdout).toBe('3\n');
  });

  it('stops a following command once head has its lines', () => {
    const host = new FakeHost();
    const shell = new Shell(host, COMMANDS);
    runLine(host, 'kubectl exec -it web-7c5ddbdf54-x2x9z -- bash', shell);
    const r = runLine(host, 'tail -n 0 -f /var/log/nginx/access.log | head -n 2', shell);
    for (const n of [1, 2, 3]) host.write('web-7c5ddbdf54-x2x9z', '/var/log/nginx/access.log', `hit ${n}`);
    expect(r.stdout).toBe('hit 1\nhit 2\n');
    expect(r.code).toBe(0);
    expect(host.listening).toBe(0);
  });

  it('numbers the history as bash does and recalls it with Up and Down', () => {
    const host = new FakeHost();
    const shell = new Shell(host, COMMANDS);
    runLine(host, 'kubectl get pods', shell);
    runLine(host, 'kubectl get svc', shell);
    expect(runLine(host, 'history', shell).stdout).toBe('    1  kubectl get pods\n    2  kubectl get svc\n    3  history\n');
    const h = new History();
    h.add('one');
    h.add('two');
    expect(h.previous('dr')).toBe('two');
    expect(h.previous('ignored')).toBe('one');
    expect(h.previous('x')).toBeUndefined();
    expect(h.next()).toBe('two');
    expect(h.next()).toBe('dr');
    expect(h.next()).toBeUndefined();
  });

  it('lists the commands available where the shell is', () => {
    const host = new FakeHost();
    const shell = new Shell(host, COMMANDS);
    const onMachine = runLine(host, 'help', shell).stdout;
    expect(onMachine).toMatch(/^ {2}kubectl /m);
    expect(onMachine).not.toMatch(/^ {2}nginx /m);
    runLine(host, 'kubectl exec -it web-7c5ddbdf54-x2x9z -- sh', shell);
    expect(runLine(host, 'help', shell).stdout).toMatch(/^ {2}nginx /m);
  });

  it('tells a student on the machine where nginx runs', () => {
    const r = runLine(new FakeHost(), 'nginx -t');
    expect(r.stderr).toBe('bash: nginx: command not found\n(nginx runs inside the pods: kubectl exec -it POD -- nginx …)\n');
  });
});

describe('Tab completion', () => {
  const shell = () => new Shell(new FakeHost(), COMMANDS);

  it('completes a command name and adds a space', () => {
    expect(shell().complete('kub')).toEqual({ line: 'kubectl ', candidates: [] });
  });

  it('lists the choices when a word is ambiguous', () => {
    expect(shell().complete('kubectl get pods web-7c5ddbdf54-')).toEqual({
      line: 'kubectl get pods web-7c5ddbdf54-',
      candidates: ['web-7c5ddbdf54-b7k4m', 'web-7c5ddbdf54-x2x9z'],
    });
  });

  it('extends to the common prefix, then completes resource types, pod names and flags', () => {
    expect(shell().complete('kubectl logs w').line).toBe('kubectl logs web-7c5ddbdf54-');
    expect(shell().complete('kubectl get endpointsl').line).toBe('kubectl get endpointslices ');
    expect(shell().complete('kubectl get pods --all-n').line).toBe('kubectl get pods --all-namespaces ');
    expect(shell().complete(`aws elbv2 describe-target-health --target-group-arn arn`).line).toBe(`aws elbv2 describe-target-health --target-group-arn ${ARN} `);
  });

  it('completes filters after a pipe', () => {
    expect(shell().complete('kubectl get pods | gr').line).toBe('kubectl get pods | grep ');
  });
});

describe('dig and nslookup', () => {
  it("hands dig's arguments to the world's DNS model", () => {
    expect(runLine(new FakeHost(), 'dig +short www.example.com').stdout).toBe('dig +short www.example.com from machine\n');
  });

  it('times out like dig with no nameserver when the world has no DNS', () => {
    const host = new FakeHost();
    (host as { dig?: unknown }).dig = undefined;
    const r = runLine(host, 'dig www.example.com');
    expect(r.stdout).toBe(
      ';; communications error to 127.0.0.53#53: timed out\n'.repeat(3) +
        '\n; <<>> DiG 9.18.49-1~deb12u3-Debian <<>> www.example.com\n;; global options: +cmd\n;; no servers could be reached\n',
    );
    expect(r.code).toBe(9);
  });

  it('prints nslookup answers with the CNAME chain, as BIND 9.18 nslookup does', () => {
    const r = runLine(new FakeHost(), 'nslookup www.example.com');
    expect(r.stdout).toBe(
      [
        'Server:\t\t127.0.0.53',
        'Address:\t127.0.0.53#53',
        '',
        'Non-authoritative answer:',
        'www.example.com\tcanonical name = k8s-default-web-0123456789.elb.eu-west-1.amazonaws.com.',
        'Name:\tk8s-default-web-0123456789.elb.eu-west-1.amazonaws.com',
        'Address: 52.18.0.10',
        'Name:\tk8s-default-web-0123456789.elb.eu-west-1.amazonaws.com',
        'Address: 52.18.0.11',
        '',
        '',
      ].join('\n'),
    );
  });

  it("says NXDOMAIN for a name that does not exist, with exit 1", () => {
    const r = runLine(new FakeHost(), 'nslookup nope.example.com');
    expect(r.stdout).toBe("Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\n** server can't find nope.example.com: NXDOMAIN\n\n");
    expect(r.code).toBe(1);
  });
});

describe('inside an nginx pod', () => {
  function inPod() {
    const host = new FakeHost();
    const shell = new Shell(host, COMMANDS);
    runLine(host, 'kubectl exec -it web-7c5ddbdf54-x2x9z -- sh', shell);
    return { host, shell };
  }

  it('tails the last lines of the access log, and follows it with -f until Ctrl-C', () => {
    const { host, shell } = inPod();
    for (const n of [1, 2, 3]) host.write('web-7c5ddbdf54-x2x9z', '/var/log/nginx/access.log', `GET /${n}`);
    host.write('web-7c5ddbdf54-x2x9z', '/var/log/nginx/error.log', 'upstream refused');
    expect(runLine(host, 'tail -n 2 /var/log/nginx/access.log', shell).stdout).toBe('GET /2\nGET /3\n');
    const follow = runLine(host, 'tail -f -n 1 /var/log/nginx/error.log', shell);
    host.write('web-7c5ddbdf54-x2x9z', '/var/log/nginx/error.log', 'no live upstreams');
    follow.execution.interrupt();
    expect(follow.stdout).toBe('upstream refused\nno live upstreams\n');
    expect(follow.code).toBe(130);
  });

  it("says a missing file is missing, as GNU tail and cat do", () => {
    const { host, shell } = inPod();
    expect(runLine(host, 'tail /var/log/nope.log', shell).stderr).toBe("tail: cannot open '/var/log/nope.log' for reading: No such file or directory\n");
    expect(runLine(host, 'cat /etc/nope', shell).stderr).toBe('cat: /etc/nope: No such file or directory\n');
  });

  it('prints the configuration with cat and with nginx -T', () => {
    const { host, shell } = inPod();
    expect(runLine(host, 'cat /etc/nginx/conf.d/default.conf', shell).stdout).toBe(host.config);
    const dump = runLine(host, 'nginx -T', shell);
    expect(dump.stdout).toContain('# configuration file /etc/nginx/conf.d/default.conf:\nserver {\n');
  });

  it('keeps the old configuration when a reload finds an error', () => {
    const { host, shell } = inPod();
    host.configError = 'nginx: [emerg] unexpected "}" in /etc/nginx/conf.d/default.conf:4';
    const r = runLine(host, 'nginx -s reload', shell);
    // As in the nginx image, where the error log is stderr: the logged line, then nginx's own.
    expect(r.stderr).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[emerg\] 42#42: unexpected "}" in \/etc\/nginx\/conf\.d\/default\.conf:4\nnginx: \[emerg\] unexpected "}" in \/etc\/nginx\/conf\.d\/default\.conf:4\n$/);
    expect(r.code).toBe(1);
    expect(host.reloads).toBe(0);
  });
});

describe('aws elbv2', () => {
  it("prints the NLB model's target health for a known target group", () => {
    expect(runLine(new FakeHost(), `aws elbv2 describe-target-health --target-group-arn ${ARN} --output text`).stdout).toBe('text: TargetHealthDescriptions\n');
  });

  it('answers an unknown target group with the API error and exit 254', () => {
    const r = runLine(new FakeHost(), 'aws elbv2 describe-target-health --target-group-arn arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/x/1');
    expect(r.stderr).toBe(
      "\nAn error occurred (TargetGroupNotFound) when calling the DescribeTargetHealth operation: Target groups 'arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/x/1' not found\n",
    );
    expect(r.code).toBe(254);
  });

  it('says which argument is required, with exit 252', () => {
    const r = runLine(new FakeHost(), 'aws elbv2 describe-target-health');
    expect(r.stderr.endsWith('aws: error: the following arguments are required: --target-group-arn\n')).toBe(true);
    expect(r.code).toBe(252);
  });

  it('lists target groups with their ARNs and health checks as JSON, members in the API order', () => {
    const out = runLine(new FakeHost(), 'aws elbv2 describe-target-groups').stdout;
    const group = {
      TargetGroupArn: ARN,
      TargetGroupName: 'k8s-default-web-0a1b2c3d4e',
      Protocol: 'TCP',
      Port: 31080,
      HealthCheckProtocol: 'TCP',
      HealthCheckPort: 'traffic-port',
      HealthCheckEnabled: true,
      HealthCheckIntervalSeconds: 10,
      HealthCheckTimeoutSeconds: 10,
      HealthyThresholdCount: 2,
      UnhealthyThresholdCount: 6,
      LoadBalancerArns: [],
      TargetType: 'instance',
      IpAddressType: 'ipv4',
    };
    expect(JSON.parse(out)).toEqual({ TargetGroups: [group] });
    expect(Object.keys(JSON.parse(out).TargetGroups[0])).toEqual(Object.keys(group));
    expect(out.split('\n')[1]).toBe('    "TargetGroups": [');
  });

  it('shows the health checks as they are now: a change made while the world runs is in the next listing', () => {
    const host = new FakeHost();
    host.healthCheck = { ...host.healthCheck, intervalSeconds: 30, unhealthyThreshold: 3 };
    const group = JSON.parse(runLine(host, 'aws elbv2 describe-target-groups').stdout).TargetGroups[0];
    expect([group.HealthCheckIntervalSeconds, group.UnhealthyThresholdCount]).toEqual([30, 3]);
  });

  it('gives an HTTP check its path and matcher, which a TCP check has not', () => {
    const host = new FakeHost();
    expect(runLine(host, 'aws elbv2 describe-target-groups').stdout).not.toContain('HealthCheckPath');
    host.healthCheck = { ...host.healthCheck, protocol: 'HTTP', path: '/healthz', matcher: '200-399' };
    const group = JSON.parse(runLine(host, 'aws elbv2 describe-target-groups').stdout).TargetGroups[0];
    expect([group.HealthCheckPath, group.Matcher]).toEqual(['/healthz', { HttpCode: '200-399' }]);
    expect(Object.keys(group).slice(10, 13)).toEqual(['UnhealthyThresholdCount', 'HealthCheckPath', 'Matcher']);
  });

  it('lists target groups as text: scalar members in sorted key order, then the lists and objects by name', () => {
    const host = new FakeHost();
    host.healthCheck = { ...host.healthCheck, protocol: 'HTTP', path: '/healthz', matcher: '200-399' };
    expect(runLine(host, 'aws elbv2 describe-target-groups --output text').stdout).toBe(
      `TARGETGROUPS\tTrue\t10\t/healthz\ttraffic-port\tHTTP\t10\t2\tipv4\t31080\tTCP\t${ARN}\tk8s-default-web-0a1b2c3d4e\tinstance\t6\nMATCHER\t200-399\n`,
    );
  });
});
