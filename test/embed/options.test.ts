import { describe, expect, it } from 'vitest';
import { needsReload, parseOptions, type AttributeName } from '../../src/embed/options';
import { DEFAULT_SPEED } from '../../src/ui/speeds';

const BASE = 'https://course.example.org/networking/week-2.html';

/** Parse a plain object of attributes as the element would read them. */
function parse(attributes: Partial<Record<AttributeName, string>>) {
  return parseOptions((name) => attributes[name] ?? null, BASE);
}

function errorsOf(attributes: Partial<Record<AttributeName, string>>): string[] {
  const result = parse(attributes);
  if (result.ok) throw new Error('expected errors, got options');
  return result.errors;
}

describe('parseOptions', () => {
  it('reads a lesson step with the defaults for everything else', () => {
    expect(parse({ lesson: 'load-balancing', step: '2' })).toEqual({
      ok: true,
      options: {
        source: { kind: 'lesson', lesson: 'load-balancing', step: 2 },
        seed: undefined,
        speed: DEFAULT_SPEED,
        autoplay: false,
        controls: 'full',
        height: undefined,
      },
    });
  });

  it('starts a lesson at step 1 when no step is given', () => {
    const result = parse({ lesson: 'dns' });
    expect(result.ok && result.options.source).toEqual({ kind: 'lesson', lesson: 'dns', step: 1 });
  });

  it('resolves a scenario URL against the page', () => {
    const result = parse({ scenario: 'scenarios/hello.yaml' });
    expect(result.ok && result.options.source).toEqual({ kind: 'url', url: 'https://course.example.org/networking/scenarios/hello.yaml' });
  });

  it('takes a scenario attribute that spans lines as the YAML itself', () => {
    const text = '\n  name: x\n  topology: {}\n';
    const result = parse({ scenario: text });
    expect(result.ok && result.options.source).toEqual({ kind: 'inline', text });
  });

  it('refuses scenario URLs that are not http or https', () => {
    expect(errorsOf({ scenario: 'javascript:alert(1)' })[0]).toMatch(/^scenario: expected the URL of a scenario YAML file/);
    expect(errorsOf({ scenario: 'data:text/yaml,name: x' })[0]).toMatch(/^scenario: expected/);
  });

  it('asks for a source when there is none', () => {
    expect(errorsOf({})).toEqual([expect.stringMatching(/expected lesson="…".*or scenario="…"/)]);
  });

  it('refuses a lesson and a scenario together', () => {
    expect(errorsOf({ lesson: 'dns', scenario: 'a.yaml' })[0]).toMatch(/one of them, not both/);
  });

  it('says a step needs a lesson', () => {
    expect(errorsOf({ scenario: 'a.yaml', step: '2' })).toEqual([expect.stringMatching(/^step: only means something with lesson/)]);
  });

  it('collects every mistake with what was expected', () => {
    const errors = errorsOf({ lesson: 'Load Balancing', step: '0', seed: '-1', speed: 'fast', controls: 'some', height: 'tall', autoplay: 'maybe' });
    expect(errors.map((e) => e.split(':')[0])).toEqual(['step', 'lesson', 'seed', 'speed', 'autoplay', 'controls', 'height']);
    expect(errors.every((e) => e.includes('expected'))).toBe(true);
  });

  it('treats a bare autoplay attribute as on and false as off', () => {
    const on = parse({ scenario: 'a.yaml', autoplay: '' });
    const off = parse({ scenario: 'a.yaml', autoplay: 'false' });
    expect(on.ok && on.options.autoplay).toBe(true);
    expect(off.ok && off.options.autoplay).toBe(false);
  });

  it('reads the controls level, the seed and the speed', () => {
    const result = parse({ scenario: 'a.yaml', controls: 'Minimal', seed: '42', speed: '2' });
    expect(result.ok && [result.options.controls, result.options.seed, result.options.speed]).toEqual(['minimal', 42, 2]);
  });

  it('turns a bare height number into pixels and keeps CSS lengths', () => {
    const px = parse({ scenario: 'a.yaml', height: '480' });
    const vh = parse({ scenario: 'a.yaml', height: '60vh' });
    expect(px.ok && px.options.height).toBe('480px');
    expect(vh.ok && vh.options.height).toBe('60vh');
  });

  it('refuses a height that could smuggle other CSS', () => {
    expect(errorsOf({ scenario: 'a.yaml', height: '10px; background: url(x)' })[0]).toMatch(/^height: expected a length/);
  });
});

describe('needsReload', () => {
  it('rebuilds the world for a new source or seed, not for speed, controls, autoplay or height', () => {
    expect((['lesson', 'step', 'scenario', 'seed'] as const).every(needsReload)).toBe(true);
    expect((['speed', 'controls', 'autoplay', 'height'] as const).some(needsReload)).toBe(false);
  });
});
