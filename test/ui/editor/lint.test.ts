import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nginxProblems, scenarioProblems } from '../../../src/ui/editor/lint';

describe('problems marked in the editors', () => {
  it('puts an unknown nginx directive at its line, worded as nginx -t', () => {
    expect(nginxProblems('conf.d/default.conf', 'server {\n  listen 80;\n  proxy_pas http://x;\n}\n')).toEqual([
      { line: 3, message: 'nginx: [emerg] unknown directive "proxy_pas" in /etc/nginx/conf.d/default.conf:3' },
    ]);
  });

  it('finds nothing wrong in the full path configuration', () => {
    const text = /default\.conf: \|\n([\s\S]*?)\n---/.exec(readFileSync('lessons/scenarios/full-path.yaml', 'utf8'))?.[1] ?? '';
    expect(text).toContain('upstream auth');
    expect(nginxProblems('conf.d/default.conf', text.replace(/^ {4}/gm, ''))).toEqual([]);
  });

  it('puts a scenario error at its line and column with the field', () => {
    const text = readFileSync('lessons/scenarios/hello.yaml', 'utf8').replace('latencyMs: 25', 'latencyMs: fast');
    const [problem] = scenarioProblems('hello.yaml', text);
    const line = text.split('\n').findIndex((l) => l.includes('latencyMs: fast')) + 1;
    expect(problem?.line).toBe(line);
    expect(problem?.column).toBeGreaterThan(1);
    expect(problem?.message).toMatch(/^topology\.links\[0\]\.latencyMs: expected/);
  });
});
