/**
 * Lesson text is rendered safely: no HTML from a lesson, scenario or URL runs
 * in the page. The app renders Markdown tokens as text nodes, so no Svelte
 * file may use {@html …} and no source may assign innerHTML/outerHTML.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeHref } from '../../src/ui/lesson/markdown-links';

const root = path.join(import.meta.dirname, '../../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.(svelte|ts)$/.test(name) ? [full] : [];
  });
}

describe('lesson text reaches the page as text', () => {
  it('has no {@html} and no innerHTML/outerHTML/insertAdjacentHTML in src/ui or src/embed', () => {
    const offenders = ['ui', 'embed'].flatMap((layer) =>
      files(path.join(root, layer)).filter((file) => /\{@html|\.(inner|outer)HTML\s*=|insertAdjacentHTML/.test(readFileSync(file, 'utf8'))),
    );
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });

  it('keeps links to http(s), mailto and this site, and shows any other scheme as text', () => {
    expect(safeHref('https://example.com/a')).toBe('https://example.com/a');
    expect(safeHref('?lesson=one-server&step=2')).toBe('?lesson=one-server&step=2');
    expect(safeHref('/lessons/scenarios/hello.yaml')).toBe('/lessons/scenarios/hello.yaml');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref(' JavaScript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,<script>')).toBeUndefined();
  });
});
