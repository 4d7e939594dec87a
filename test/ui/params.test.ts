import { describe, expect, it } from 'vitest';
import { parseParams } from '../../src/ui/params';

const base = 'http://127.0.0.1:4317/';

describe('parseParams', () => {
  it('uses the bundled demo, the scenario\'s seed, the default speed and no autoplay when the address has no parameters', () => {
    expect(parseParams('', base, 0.1)).toEqual({ ok: true, params: { scenarioUrl: undefined, seed: undefined, speed: 0.1, autoplay: false } });
  });

  it('reads scenario, seed, speed and autoplay', () => {
    const result = parseParams('?scenario=/lessons/scenarios/hello.yaml&seed=42&speed=0.25&autoplay=1', base);
    expect(result).toEqual({
      ok: true,
      params: { scenarioUrl: 'http://127.0.0.1:4317/lessons/scenarios/hello.yaml', seed: 42, speed: 0.25, autoplay: true },
    });
  });

  it('resolves a relative scenario path against the page', () => {
    const result = parseParams('?scenario=scenarios/a.yaml', 'http://127.0.0.1:4317/app/index.html');
    expect(result.ok && result.params.scenarioUrl).toBe('http://127.0.0.1:4317/app/scenarios/a.yaml');
  });

  it('refuses a scenario on another site and says which site was expected', () => {
    const result = parseParams('?scenario=https://evil.example/x.yaml', base);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatch(/expected a path on this site \(http:\/\/127\.0\.0\.1:4317\)/);
  });

  it('refuses an empty scenario path', () => {
    expect(parseParams('?scenario=', base).ok).toBe(false);
  });

  it('says what a seed must look like when it is not a whole number', () => {
    const result = parseParams('?seed=abc', base);
    expect(result).toEqual({ ok: false, errors: ['seed: expected a whole number ≥ 0 (e.g. ?seed=42), got "abc"'] });
  });

  it('refuses a speed of zero, a negative one, or one that is not a number', () => {
    for (const speed of ['0', '-1', 'fast', '', '1000']) {
      const result = parseParams(`?speed=${speed}`, base);
      expect(result.ok, speed).toBe(false);
      expect(!result.ok && result.errors[0], speed).toMatch(/^speed: expected a number from 0\.01 to 100/);
    }
  });

  it('reports every bad parameter at once', () => {
    const result = parseParams('?seed=-3&speed=x&autoplay=maybe', base);
    expect(!result.ok && result.errors.map((e) => e.split(':')[0])).toEqual(['seed', 'speed', 'autoplay']);
  });
});
