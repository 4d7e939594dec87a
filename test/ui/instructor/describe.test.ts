import { describe, expect, it } from 'vitest';
import { FAULT_KINDS } from '../../../src/scenario';
import { describeCommand, MAX_TEXT } from '../../../src/ui/instructor/describe';
import { markLastRefused, type Command } from '../../../src/ui/instructor/plan';
import { interruptCommand, lineCommand } from '../../../src/ui/terminal/lines';

const LONG = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 3\n${'  # padding\n'.repeat(40)}`;

/** One command of every kind a plan holds, with its settings. */
const EXAMPLES: Readonly<Record<string, Command>> = {
  crash: { kind: 'crash', target: 'app' },
  recover: { kind: 'recover', target: 'app' },
  hang: { kind: 'hang', target: 'api/0' },
  slow: { kind: 'slow', target: 'api-1', byMs: 500 },
  unhealthy: { kind: 'unhealthy', target: 'frontend/2' },
  heal: { kind: 'heal', target: 'frontend/2' },
  kill: { kind: 'kill', target: 'nginx/0' },
  drain: { kind: 'drain', target: 'node-2' },
  cordon: { kind: 'cordon', target: 'node-2' },
  uncordon: { kind: 'uncordon', target: 'node-2' },
  'lose-az': { kind: 'lose-az', target: 'eu-west-1c' },
  'restore-az': { kind: 'restore-az', target: 'eu-west-1c' },
  'dns-ttl': { kind: 'dns-ttl', target: 'my-nlb-url.com', ttlS: 5 },
  'dns-record': { kind: 'dns-record', target: 'www.example.com', value: '198.51.100.20' },
  'nlb-health-check': { kind: 'nlb-health-check', target: 'nginx-loadbalancer', intervalS: 10, timeoutS: 6, healthyThreshold: 2, unhealthyThreshold: 4 },
  'cut-link': { kind: 'cut-link', target: 'nlb-eu-west-1a|node-1' },
  'restore-link': { kind: 'restore-link', target: 'nlb-eu-west-1a|node-1' },
  scale: { kind: 'scale', target: 'api', replicas: 5 },
};

const EXPECTED: Readonly<Record<string, string>> = {
  crash: 'crash app',
  recover: 'recover app',
  hang: 'hang api/0',
  slow: 'slow down api-1 by 500 ms',
  unhealthy: 'fail /health only frontend/2',
  heal: 'heal frontend/2',
  kill: 'delete pod nginx/0',
  drain: 'drain node node-2',
  cordon: 'cordon node node-2',
  uncordon: 'uncordon node node-2',
  'lose-az': 'lose an AZ eu-west-1c',
  'restore-az': 'restore AZ eu-west-1c',
  'dns-ttl': 'change DNS TTL my-nlb-url.com to 5 s',
  'dns-record': 'change DNS record www.example.com to 198.51.100.20',
  'nlb-health-check': 'NLB health check nginx-loadbalancer interval 10 s timeout 6 s healthy after 2 unhealthy after 4',
  'cut-link': 'cut link nlb-eu-west-1a ↔ node-1',
  'restore-link': 'restore link nlb-eu-west-1a ↔ node-1',
  scale: 'scale Deployment api to 5 replicas',
};

describe('describing a plan command', () => {
  it('has an example for every fault kind the full world accepts', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...FAULT_KINDS].sort());
  });

  it.each(Object.keys(EXAMPLES))('describes %s by its name, target and settings', (kind) => {
    expect(describeCommand(EXAMPLES[kind]!)).toBe(EXPECTED[kind]);
  });

  it('describes a terminal line as typed, and Ctrl-C', () => {
    expect(describeCommand(lineCommand('kubectl get pods'))).toBe('$ kubectl get pods');
    expect(describeCommand(interruptCommand())).toBe('Ctrl-C in the terminal');
  });

  it('describes an apply by the objects it names, and says when it was refused', () => {
    const apply: Command = { kind: 'kubectl-apply', target: 'cluster', text: LONG };
    expect(describeCommand(apply)).toBe('kubectl apply -f (deployment.apps/api)');
    const refused = markLastRefused({ file: 'x', scenario: '', seed: 1, asks: [], given: [{ atMs: 0, command: apply }] }).given[0]!.command;
    expect(describeCommand(refused)).toBe('kubectl apply -f (deployment.apps/api), refused');
  });

  it('describes a reload by its file, not its text', () => {
    expect(describeCommand({ kind: 'nginx-reload', target: 'web', file: 'conf.d/default.conf', text: LONG })).toBe('nginx -s reload on web (/etc/nginx/conf.d/default.conf edited)');
  });

  it('never prints a long text field whole, on any kind', () => {
    const kinds = [...FAULT_KINDS, 'nginx-reload', 'kubectl-apply', 'terminal', 'terminal-interrupt', 'something-new'];
    for (const kind of kinds) {
      const words = describeCommand({ kind, target: 'cluster', text: LONG, line: LONG, value: LONG, file: LONG });
      expect(words, kind).not.toContain('\n');
      expect(words, kind).not.toContain(LONG.replace(/\s+/g, ' ').trim());
      expect(words.length, kind).toBeLessThan(4 * MAX_TEXT + 80);
    }
  });
});
