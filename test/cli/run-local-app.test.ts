import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';

/** Run a scenario headless and read its JSON summary. */
async function runJson(file: string, until: string) {
  let out = '';
  const io: CliIO = { out: (t) => void (out += t), err: () => undefined };
  expect(await main(['run', file, '--json', '--until', until], io)).toBe(0);
  return JSON.parse(out) as { byPod: Record<string, number> };
}

describe('trafficlab run on a machine with nginx and an app', () => {
  it('counts the app beside nginx under its own id', async () => {
    const summary = await runJson('lessons/scenarios/server-block.yaml', '5s');
    expect(Object.keys(summary.byPod)).toEqual(expect.arrayContaining(['www', 'www-app']));
  });
});
