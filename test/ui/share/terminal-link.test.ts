import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS, hostForWorld, Shell } from '../../../src/models/shell';
import { freshPlan } from '../../../src/ui/instructor/plan';
import { RunSession } from '../../../src/ui/instructor/session.svelte';
import { toShared } from '../../../src/ui/share/check';
import { encodeHash } from '../../../src/ui/share/codec';
import { formatSummary } from '../../../src/ui/share/fingerprint';
import { openRun } from '../../../src/ui/share/open';
import type { FetchText } from '../../../src/ui/load';
import { TerminalSession } from '../../../src/ui/terminal/session.svelte';
import { headless } from '../instructor/helpers';
import { ManualFrames } from '../fixtures';

const FILE = 'lessons/scenarios/full-path.yaml';
const kit = { Shell, COMMANDS, hostForWorld };
const noFetch: FetchText = () => Promise.reject(new Error('no fetch expected'));
const BASE = 'http://127.0.0.1:5173/';

function openFullPath(atMs: number): RunSession {
  const opened = RunSession.open(freshPlan(FILE, readFileSync(FILE, 'utf8'), 1), { atMs }, headless());
  if (!opened.ok) throw new Error(opened.errors.join('\n'));
  return opened.session;
}

/** The terminal panel as the workbench makes it: on the run's terminal, recording into its plan. */
function terminalOf(session: RunSession): TerminalSession {
  return new TerminalSession(session.player, session.terminal(kit), (c) => session.record(c));
}

function type(terminal: TerminalSession, line: string): void {
  terminal.draft = line;
  terminal.submit();
}

function nginxPod(session: RunSession): string {
  const pod = session.world.snapshot().components.find((c) => c.kind === 'pod' && c.id.startsWith('pod:default/nginx-'));
  if (pod === undefined) throw new Error('full-path.yaml has no nginx pod');
  return pod.id.slice('pod:default/'.length);
}

/** Open the session's share link as a new page would, and return its session. */
async function openLink(session: RunSession): Promise<RunSession> {
  const opened = await openRun(BASE + encodeHash(toShared(session.shared())), { text: '', file: 'demo.yaml' }, noFetch, 1, { frames: new ManualFrames() });
  if (!opened.ok) throw new Error(opened.messages.join('\n'));
  expect(opened.notice).toBeUndefined();
  return opened.session;
}

describe('a share link after lines typed in the terminal', () => {
  it('types them again at their moments: nginx -s reload in a pod gives the same trace', async () => {
    const session = openFullPath(15_000);
    const terminal = terminalOf(session);
    const pod = nginxPod(session);
    type(terminal, `kubectl exec ${pod} -- nginx -s reload`);
    expect(terminal.running).toBe(false);
    session.player.runTo(18_000);
    type(terminal, 'kubectl get pods');
    session.player.runTo(25_000);

    expect(session.plan.given.map((g) => g.command)).toEqual([
      { kind: 'terminal', target: 'terminal', line: `kubectl exec ${pod} -- nginx -s reload` },
      { kind: 'terminal', target: 'terminal', line: 'kubectl get pods' },
    ]);
    expect(session.world.trace.records().filter((r) => r.kind === 'command' && r.command === 'nginx-reload')).toHaveLength(1);

    const shared = formatSummary(session.fingerprint.summary());
    const reopened = await openLink(session);
    expect(reopened.world.now).toBe(session.world.now);
    expect(formatSummary(reopened.fingerprint.summary())).toBe(shared);
    expect(reopened.world.trace.records().filter((r) => r.kind === 'command').map((r) => r.kind === 'command' && r.command)).toEqual(['nginx-reload', 'terminal', 'terminal']);
  });

  it('keeps the shell where it was: a line typed inside a pod after kubectl exec runs there again', async () => {
    const session = openFullPath(15_000);
    const terminal = terminalOf(session);
    const pod = nginxPod(session);
    type(terminal, `kubectl exec -it ${pod} -- sh`);
    expect(terminal.prompt).toContain(pod);
    type(terminal, 'nginx -s reload');
    session.player.runTo(20_000);
    const reopened = await openLink(session);
    expect(reopened.world.trace.records().filter((r) => r.kind === 'command' && r.command === 'nginx-reload')).toMatchObject([{ target: pod }]);
    expect(formatSummary(reopened.fingerprint.summary())).toBe(formatSummary(session.fingerprint.summary()));
  });

  it('replays Ctrl-C on a curl that waits: its outcome is written at the same moment', async () => {
    const session = openFullPath(15_000);
    const terminal = terminalOf(session);
    // Nothing answers this address: curl waits for the SYN's answer until stopped.
    type(terminal, 'curl http://198.51.100.250/');
    expect(terminal.running).toBe(true);
    session.player.pause();
    session.player.runTo(17_000);
    terminal.interrupt();
    expect(terminal.running).toBe(false);
    session.player.runTo(19_000);
    expect(session.plan.given.map((g) => g.command.kind)).toEqual(['terminal', 'terminal-interrupt']);
    const reopened = await openLink(session);
    const stopped = (s: RunSession) => s.world.trace.records().find((r) => r.kind === 'outcome' && r.client === 'laptop');
    expect(stopped(reopened)).toEqual(stopped(session));
    expect(stopped(session)).toMatchObject({ t: 17_000 });
    expect(formatSummary(reopened.fingerprint.summary())).toBe(formatSummary(session.fingerprint.summary()));
  });

  it('goes on with the replay\'s shell after an edit rebuilds the run', () => {
    const session = openFullPath(15_000);
    const terminal = terminalOf(session);
    const pod = nginxPod(session);
    type(terminal, `kubectl exec -it ${pod} -- sh`);
    session.player.runTo(16_000);
    // A fault given in the past replays the run: the terminal line is typed again, and the new shell is in the pod.
    session.player.seek(15_500);
    expect(session.give({ kind: 'crash', target: pod })).toBe(true);
    expect(session.plan.given.map((g) => g.command.kind)).toEqual(['terminal', 'crash']);
    expect(session.terminal(kit).shell.prompt()).toContain(pod);
    // The panel made on the new world says so, and Up recalls the line.
    const panel = terminalOf(session);
    expect(panel.chunks.map((c) => c.text).join('')).toContain("this run's line was typed again");
    panel.previous();
    expect(panel.draft).toBe(`kubectl exec -it ${pod} -- sh`);
  });
});
