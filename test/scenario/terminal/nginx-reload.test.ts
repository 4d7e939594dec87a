import { describe, expect, it } from 'vitest';
import { toJsonLine, type TraceRecord } from '../../../src/sim';
import { createWorld, type AnyWorldCommand, type World } from '../../../src/scenario';
import { fullPath } from '../fixtures';
import { commands, runLine, withoutTerminal } from './run-line';

const AT = 15_000;

function nginxPod(world: World): string {
  const pod = world.snapshot().components.find((c) => c.kind === 'pod' && c.id.startsWith('pod:default/nginx-'));
  if (pod === undefined) throw new Error('full-path.yaml has no nginx pod');
  return pod.id.slice('pod:default/'.length);
}

describe('nginx -s reload from the terminal in a full world', () => {
  it('reloads for real: one nginx-reload command on the pod, with the pod\'s own files, and nginx\'s notice on stderr', () => {
    const world = createWorld(fullPath(), { seed: 1, traceWindow: 1_000_000 });
    world.runUntil(AT);
    const pod = nginxPod(world);
    const r = runLine(world, `kubectl exec ${pod} -- nginx -s reload`);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('2024/01/01 00:00:15 [notice] 42#42: signal process started\n');
    const reloads = commands(world.trace.records()).filter((c) => c.command === 'nginx-reload');
    expect(reloads).toEqual([expect.objectContaining({ t: AT, target: pod, why: expect.stringContaining(`reload nginx (${pod}): new workers with fresh upstream state`) })]);
    // The terminal line itself is recorded after the reload it caused.
    expect(commands(world.trace.records()).at(-1)).toMatchObject({ command: 'terminal', why: `ran \`kubectl exec ${pod} -- nginx -s reload\` in the terminal (exit 0)` });
  });

  it('replays: the same reload given as a command at the same time gives the same trace', () => {
    const typed = createWorld(fullPath(), { seed: 1, traceWindow: 1_000_000 });
    typed.runUntil(AT);
    const pod = nginxPod(typed);
    runLine(typed, `kubectl exec ${pod} -- nginx -s reload`);
    typed.runUntil(30_000);
    const given = commands(typed.trace.records()).find((c) => c.command === 'nginx-reload');
    expect(given).toBeDefined();

    const replayed = createWorld(fullPath(), { seed: 1, traceWindow: 1_000_000 });
    replayed.runUntil(AT);
    const conf = replayed.terminal?.nginx?.(pod)?.files()['/etc/nginx/conf.d/default.conf'];
    expect(conf).toContain('proxy_pass');
    const command: AnyWorldCommand = { kind: 'nginx-reload', target: pod, file: 'conf.d/default.conf', text: conf ?? '' };
    replayed.inject(command);
    replayed.runUntil(30_000);
    // seq numbers every record, so the terminal's own record shifts them; everything else matches.
    expect(withoutTerminal(replayed.trace.records())).toEqual(withoutTerminal(typed.trace.records()));
  });

  it('is different from no reload at all: the fresh workers change the run', () => {
    const typed = createWorld(fullPath(), { seed: 1, traceWindow: 1_000_000 });
    typed.runUntil(AT);
    runLine(typed, `kubectl exec ${nginxPod(typed)} -- nginx -s reload`);
    typed.runUntil(30_000);
    const plain = createWorld(fullPath(), { seed: 1, traceWindow: 1_000_000 });
    plain.runUntil(30_000);
    const noCommands = (records: readonly TraceRecord[]) => records.filter((r) => r.kind !== 'command').map(toJsonLine);
    expect(noCommands(typed.trace.records())).not.toEqual(noCommands(plain.trace.records()));
  });
});
