/**
 * The demo article's scenarios load: the inline one as the element reads it
 * (attribute value, dedented) and the file it fetches.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dedent } from '../../src/embed/inline-scenario';
import { formatScenarioError, loadScenario } from '../../src/scenario';

const page = readFileSync('public/embed-demo.html', 'utf8');

describe('the embedding demo page', () => {
  it('has an inline scenario that loads without errors', () => {
    const attributes = [...page.matchAll(/\bscenario="([^"]*)"/g)].map((m) => m[1] ?? '').filter((v) => v.includes('\n'));
    expect(attributes).toHaveLength(1);
    const loaded = loadScenario(dedent(attributes[0] ?? ''), 'inline scenario');
    expect(loaded.ok ? [] : loaded.errors.map((e) => formatScenarioError(e))).toEqual([]);
  });

  it('fetches a scenario file that loads without errors', () => {
    const urls = [...page.matchAll(/\bscenario="([^"\n]+\.yaml)"/g)].map((m) => m[1] ?? '');
    expect(urls).toEqual(['embed-demo/slow-server.yaml']);
    const loaded = loadScenario(readFileSync(`public/${urls[0]}`, 'utf8'), urls[0] ?? '');
    expect(loaded.ok ? [] : loaded.errors.map((e) => formatScenarioError(e))).toEqual([]);
  });
});
