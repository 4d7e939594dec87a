import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';

/**
 * The project is MIT-licensed; every installed package must carry a licence
 * that lets MIT code use and ship it. MPL-2.0 (lightningcss, a build-time tool
 * of Vite) is file-level copyleft: using it unmodified is compatible.
 */
const allowed = new Set([
  'MIT', 'ISC', 'BSD-2-Clause', 'BSD-3-Clause', 'Apache-2.0', '0BSD', 'CC0-1.0',
  'Unlicense', 'BlueOak-1.0.0', 'Python-2.0', 'MPL-2.0', 'CC-BY-4.0',
]);

interface LockEntry {
  license?: string | { type: string };
}

function licenceOf(entry: LockEntry): string | undefined {
  const l = entry.license;
  return typeof l === 'object' ? l.type : l;
}

/** `(MIT OR Apache-2.0)` is fine when any alternative is; `A AND B` needs both. */
function acceptable(expression: string): boolean {
  const e = expression.replace(/[()]/g, '').trim();
  if (e.includes(' OR ')) return e.split(' OR ').some(acceptable);
  if (e.includes(' AND ')) return e.split(' AND ').every(acceptable);
  return allowed.has(e);
}

describe('dependency licences', () => {
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockEntry> };

  it('is MIT itself', () => {
    expect(JSON.parse(readFileSync('package.json', 'utf8')).license).toBe('MIT');
    expect(readFileSync('LICENSE', 'utf8')).toMatch(/^MIT License/);
  });

  it('has only packages whose licence is compatible with MIT', () => {
    const bad = Object.entries(lock.packages)
      .filter(([name]) => name !== '')
      .map(([name, entry]) => [name, licenceOf(entry) ?? 'none declared'] as const)
      .filter(([, licence]) => !acceptable(licence));
    expect(bad).toEqual([]);
  });
});
