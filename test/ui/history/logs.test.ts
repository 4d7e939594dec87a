import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../../src/sim';
import { LogIndex } from '../../../src/ui/history/logs';

const line = (t: number, stream: string, text: string, component = 'nginx-1'): TraceRecord => ({ kind: 'log', t, seq: t, component, stream, line: text });

describe('LogIndex', () => {
  it('keeps each component’s files apart, in the order they were first written', () => {
    const index = new LogIndex();
    [line(1, '/var/log/nginx/access.log', 'a'), line(2, '/var/log/nginx/error.log', 'e'), line(3, 'x', 'other', 'app')].forEach((r) => index.add(r));
    expect(index.streams('nginx-1')).toEqual(['/var/log/nginx/access.log', '/var/log/nginx/error.log']);
    expect(index.tail('nginx-1', '/var/log/nginx/error.log').map((r) => r.line)).toEqual(['e']);
  });

  it('reads a file as it was at an earlier virtual time', () => {
    const index = new LogIndex();
    [1, 2, 3, 4].forEach((t) => index.add(line(t, 'access', `line ${t}`)));
    expect(index.tail('nginx-1', 'access', 2).map((r) => r.line)).toEqual(['line 1', 'line 2']);
    expect(index.tail('nginx-1', 'access', Infinity, 2).map((r) => r.line)).toEqual(['line 3', 'line 4']);
  });

  it('keeps a bounded number of lines per file', () => {
    const index = new LogIndex(10);
    for (let t = 0; t < 100; t++) index.add(line(t, 'access', `line ${t}`));
    const all = index.tail('nginx-1', 'access', Infinity, 1000);
    expect(all.length).toBeLessThanOrEqual(13);
    expect(all[all.length - 1]?.line).toBe('line 99');
  });
});
