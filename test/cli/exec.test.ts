import { describe, expect, it } from 'vitest';
import { cli } from './capture';

const HELLO = 'lessons/scenarios/hello.yaml';

const exec = (...args: string[]) => cli('exec', ...args);

describe('trafficlab exec', () => {
  it("answers kubectl as kubectl does when the world has no cluster, with kubectl's exit status", async () => {
    const r = await exec(HELLO, '--at', '5s', '--', 'kubectl', 'get', 'pods');
    expect(r).toEqual({ code: 1, out: '', err: 'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n' });
  });

  it('prints help on standard output, like the panel', async () => {
    const r = await exec(HELLO, '--', 'help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Commands on laptop/);
    expect(r.out).toMatch(/^ {2}curl {6}send an HTTP request into the simulation/m);
  });

  it('takes a whole command line with pipes as one argument', async () => {
    const r = await exec(HELLO, '--', "help | grep '^  kubectl'");
    expect(r.out).toMatch(/^ {2}kubectl /);
    expect(r.out.trim().split('\n')).toHaveLength(1);
  });

  it("exits 127 with bash's message for an unknown command", async () => {
    expect(await exec(HELLO, '--', 'frobnicate')).toEqual({ code: 127, out: '', err: 'bash: frobnicate: command not found\n' });
  });

  it('times dig out when the world has no DNS, with exit 9', async () => {
    const r = await exec(HELLO, '--', 'dig', '+short', 'www.example.com');
    expect(r.code).toBe(9);
    expect(r.out).toBe(';; communications error to 127.0.0.53#53: timed out\n'.repeat(3) + ';; no servers could be reached\n');
  });

  it.each([
    [[HELLO], 'missing the command to run, after --'],
    [['--', 'help'], 'missing SCENARIO.yaml'],
    [[HELLO, '--at', 'soon', '--', 'help'], '--at expects'],
    [[HELLO, '--bogus', '--', 'help'], 'unknown option --bogus'],
  ])('rejects bad arguments %j with exit 2', async (args, message) => {
    const r = await exec(...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).toContain('usage: trafficlab exec SCENARIO.yaml');
  });

  it('says so when the scenario file cannot be read', async () => {
    const r = await exec('no/such.yaml', '--', 'help');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^trafficlab exec: cannot read no\/such\.yaml/);
  });
});
