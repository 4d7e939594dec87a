import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findNginxSources, replaceNginxSource } from '../../../src/ui/editor/nginx-source';
import { loadScenario } from '../../../src/scenario';

const FULL = readFileSync('lessons/scenarios/full-path.yaml', 'utf8');

const MACHINE = `name: rp
machines:
  - id: rp
    address: 198.51.100.20
    nginx:
      conf: |
        server { listen 80; return 200; }
`;

describe('nginx configurations in a scenario', () => {
  it('finds the ConfigMap the full path mounts into its nginx pods, read as a conf.d file', () => {
    const sources = findNginxSources(FULL);
    expect(sources.map((s) => [s.label, s.file])).toEqual([['ConfigMap nginx-conf: default.conf', 'conf.d/default.conf']]);
    expect(sources[0]?.text).toContain('proxy_pass http://auth;');
  });

  it("finds a machine's nginx conf", () => {
    expect(findNginxSources(MACHINE).map((s) => [s.label, s.text])).toEqual([['machine rp: nginx conf', 'server { listen 80; return 200; }\n']]);
  });

  it('finds none in a scenario without nginx, and none in text that is not YAML', () => {
    expect(findNginxSources(readFileSync('lessons/scenarios/hello.yaml', 'utf8'))).toEqual([]);
    expect(findNginxSources('{{{')).toEqual([]);
  });

  it('replaces only the block, leaving every other line of the file as it was', () => {
    const [source] = findNginxSources(FULL);
    const edited = source!.text.replace('location /api/ {', 'location /v2/ {');
    const next = replaceNginxSource(FULL, source!, edited)!;
    expect(findNginxSources(next)[0]?.text).toBe(edited);
    const before = FULL.split('\n');
    const after = next.split('\n');
    expect(after).toHaveLength(before.length);
    expect(after.filter((line, i) => line !== before[i])).toEqual(['        location /v2/ {']);
    expect(loadScenario(next, 'full-path.yaml').ok).toBe(true);
  });

  it('keeps a first line that starts with spaces, using an indentation indicator', () => {
    const [source] = findNginxSources(MACHINE);
    const next = replaceNginxSource(MACHINE, source!, '  # indented comment\nserver { listen 80; return 204; }\n')!;
    expect(findNginxSources(next)[0]?.text).toBe('  # indented comment\nserver { listen 80; return 204; }\n');
  });
});
