import { describe, it, expect } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function lint(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the determinism lint rule', () => {
  it.each([
    ['Math.random()', 'Math.random'],
    ['Date.now()', 'Date.now'],
    ['performance.now()', 'performance'],
    ['setTimeout(() => {}, 10)', 'setTimeout'],
    ['setInterval(() => {}, 10)', 'setInterval'],
    ['new Date()', 'new Date()'],
  ])('fails on %s under src/models', async (code, word) => {
    const messages = await lint('src/models/backend/latency.ts', `export const x = ${code};\n`);
    expect(messages.join('\n')).toContain(word);
  });

  it.each(['src/sim/a.ts', 'src/net/a.ts', 'src/scenario/a.ts', 'src/lessons/a.ts'])('applies under %s', async (file) => {
    expect(await lint(file, 'export const x = Math.random();\n')).not.toEqual([]);
  });

  it('lets the UI read the wall clock', async () => {
    expect(await lint('src/ui/player.ts', 'export const x = performance.now() + Date.now();\n')).toEqual([]);
  });
});

describe('the layer rule', () => {
  it('fails when src/sim imports another layer', async () => {
    const messages = await lint('src/sim/a.ts', "import { x } from '../net/link';\nexport const y = x;\n");
    expect(messages.join('\n')).toContain('src/sim may not import src/net');
  });

  it('fails when a model imports the UI or a DOM library', async () => {
    expect((await lint('src/models/nginx/a.ts', "import { x } from '../../ui/x';\nexport const y = x;\n")).join()).toContain('may not import src/ui');
    expect((await lint('src/models/nginx/a.ts', "import * as d3 from 'd3';\nexport const y = d3;\n")).join()).toContain('may not import package "d3"');
  });

  it('fails when one model component imports another', async () => {
    const messages = await lint('src/models/nginx/a.ts', "import { Cluster } from '../k8s';\nexport const y = Cluster;\n");
    expect(messages.join('\n')).toContain('src/models/nginx may not import src/models/k8s');
  });

  it('lets a client use the DNS model, and a component import itself', async () => {
    expect(await lint('src/models/client/a.ts', "import { x } from '../dns';\nimport { y } from './journey';\nexport const z = [x, y];\n")).toEqual([]);
  });

  it('fails when the CLI imports the UI', async () => {
    expect((await lint('src/cli/a.ts', "import { x } from '../ui/x';\nexport const y = x;\n")).join()).toContain('may not import src/ui');
  });

  it('allows what the table allows', async () => {
    expect(await lint('src/models/nginx/a.ts', "import { setup } from 'xstate';\nimport { Engine } from '../../sim/engine';\nexport const y = [setup, Engine];\n")).toEqual([]);
    expect(await lint('src/ui/a.ts', "import * as d3 from 'd3';\nimport { x } from '../scenario/x';\nexport const y = [d3, x];\n")).toEqual([]);
  });
});
