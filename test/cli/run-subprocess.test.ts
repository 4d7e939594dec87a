import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('trafficlab run as a process', () => {
  it('runs hello.yaml through bin/trafficlab.js and prints parseable JSON', async () => {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['bin/trafficlab.js', 'run', 'lessons/scenarios/hello.yaml', '--json', '--until', '10s'],
      { cwd: root, timeout: 60_000 },
    );
    expect(stderr).toBe('');
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({ scenario: 'One client, one server', seed: 1, untilMs: 10_000, completed: 10, byPod: { app: 10 } });
  });
});
