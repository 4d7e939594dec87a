import { describe, expect, it } from 'vitest';
import { COMMANDS, hostForWorld, Shell } from '../../../src/models/shell';
import { createWorld, loadScenario, type World } from '../../../src/scenario';
import { giveToTerminal, TerminalDriver, type TerminalOutput } from '../../../src/ui/terminal/driver';
import { describeTerminalCommand, interruptCommand, isTerminalCommand, lineCommand } from '../../../src/ui/terminal/lines';
import { helloText, HELLO_FILE } from '../instructor/helpers';

const kit = { Shell, COMMANDS, hostForWorld };

function hello(): World {
  const loaded = loadScenario(helloText(), HELLO_FILE);
  if (!loaded.ok) throw new Error('hello.yaml does not load');
  return createWorld(loaded.scenario, { seed: 1 });
}

/** An attached screen that keeps what it was sent. */
function screen(): TerminalOutput & { text: string; codes: number[] } {
  const s = { text: '', codes: [] as number[], out: (t: string) => (s.text += t), err: (t: string) => (s.text += t), clear: () => (s.text = ''), done: (c: number) => s.codes.push(c) };
  return s;
}

describe('the run\'s terminal', () => {
  it('runs a line now and tells the attached screen when it ends', () => {
    const driver = new TerminalDriver(kit, hello());
    const out = screen();
    driver.attach(out);
    expect(giveToTerminal(driver, lineCommand('echo-not-a-command'))).toBeUndefined();
    expect(out.text).toContain('command not found');
    expect(out.codes).toEqual([127]);
    expect(driver.running).toBe(false);
  });

  it('takes one line at a time: a line while curl waits is refused, Ctrl-C stops curl, and Ctrl-C with nothing running is refused', () => {
    const world = hello();
    world.runUntil(1_000);
    const driver = new TerminalDriver(kit, world);
    expect(giveToTerminal(driver, lineCommand('curl http://198.51.100.10/'))).toBeUndefined();
    expect(driver.running).toBe(true);
    expect(giveToTerminal(driver, lineCommand('kubectl get pods'))).toBe('the line before it was still running');
    expect(giveToTerminal(driver, interruptCommand())).toBeUndefined();
    expect(driver.running).toBe(false);
    expect(giveToTerminal(driver, interruptCommand())).toBe('nothing was running in the terminal');
    // Both finished lines are in the trace, where a lesson's goals and a share link's fingerprint see them.
    expect(world.trace.records().filter((r) => r.kind === 'command').map((r) => r.kind === 'command' && r.why)).toEqual([expect.stringContaining('ran `curl http://198.51.100.10/`')]);
  });

  it('goes on without a screen, and sends to the next one attached', () => {
    const world = hello();
    const driver = new TerminalDriver(kit, world);
    driver.type('curl -i http://198.51.100.10/');
    const out = screen();
    driver.attach(out);
    world.runUntil(2_000);
    expect(out.codes).toEqual([0]);
    expect(out.text).toContain('HTTP/1.1 200 OK');
  });

  it('tells terminal commands from the world\'s, and describes them as typed', () => {
    expect(isTerminalCommand(lineCommand('ls'))).toBe(true);
    expect(isTerminalCommand(interruptCommand())).toBe(true);
    expect(isTerminalCommand({ kind: 'crash', target: 'app' })).toBe(false);
    expect(describeTerminalCommand(lineCommand('nginx -s reload'))).toBe('$ nginx -s reload');
    expect(describeTerminalCommand(interruptCommand())).toBe('Ctrl-C in the terminal');
    expect(describeTerminalCommand({ kind: 'crash', target: 'app' })).toBeUndefined();
  });
});
