import { describe, expect, it } from 'vitest';
import { toSource } from '../../../src/embed/build/to-source';

const evaluate = (source: string): unknown => new Function(`return (${source});`)();

describe('plain data as JavaScript source', () => {
  it('writes values that evaluate back to equal ones, Infinity, -0 and undefined included', () => {
    const value = { a: [1, 'two', null, true], b: { c: Infinity, d: -Infinity, e: -0, f: undefined }, 'key with "quotes"': 'line\nbreak' };
    const back = evaluate(toSource(value)) as typeof value;
    expect(back).toEqual(value);
    expect(Object.is(back.b.e, -0)).toBe(true);
    expect('f' in back.b).toBe(true);
    expect(Number.isNaN(evaluate(toSource(NaN)))).toBe(true);
  });

  it('refuses what is not plain data, naming where it is', () => {
    expect(() => toSource({ steps: [{ seen: new Map() }] }, 'lesson')).toThrow('lesson.steps[0].seen: expected plain data (objects, arrays, strings, numbers, booleans), got a Map');
    expect(() => toSource({ f: () => 1 })).toThrow('value.f: expected plain data');
  });

  it('accepts an array with empty extra keys (marked puts `links: {}` on its tokens), and refuses one that carries something', () => {
    const tokens = Object.assign([{ type: 'space' }], { links: {} });
    expect(evaluate(toSource(tokens))).toEqual([{ type: 'space' }]);
    const withLinks = Object.assign([{ type: 'space' }], { links: { a: { href: 'x' } } });
    expect(() => toSource(withLinks)).toThrow('an array with extra keys (links)');
  });
});
