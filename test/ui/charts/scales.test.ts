import * as d3 from 'd3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { line, quantileSorted, scaleBand, scaleLinear, stack, ticks } from '../../../src/ui/charts/scales';

/** Chart values: virtual milliseconds, counts, pixels, to an eighth. */
const num = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((i) => i / 8);
const count = fc.integer({ min: 1, max: 12 });

describe('the charts’ scales, lines and stacks, against D3', () => {
  it('ticks as d3.ticks does', () => {
    fc.assert(
      fc.property(num, num, count, (a, b, n) => {
        expect(ticks(a, b, n)).toEqual(d3.ticks(a, b, n));
      }),
    );
    expect(ticks(0, 60_000, 4)).toEqual([0, 20_000, 40_000, 60_000]);
  });

  it('maps, nices and ticks a linear scale as d3.scaleLinear does', () => {
    fc.assert(
      fc.property(num, num, num, num, count, num, (d0, d1, r0, r1, n, x) => {
        const ours = scaleLinear().domain([d0, d1]).range([r0, r1]);
        const theirs = d3.scaleLinear().domain([d0, d1]).range([r0, r1]);
        expect(ours(x)).toBeCloseTo(theirs(x), 6);
        expect(ours.ticks(n)).toEqual(theirs.ticks(n));
        ours.nice();
        theirs.nice();
        expect(ours.ticks(3)).toEqual(theirs.ticks(3));
        expect(ours(d0)).toBeCloseTo(theirs(d0), 6);
      }),
    );
    const y = scaleLinear().domain([0, 7]).nice().range([130, 8]);
    expect(y.ticks(3)).toEqual(d3.scaleLinear().domain([0, 7]).nice().ticks(3));
    expect(scaleLinear().domain([5, 5]).range([0, 10])(5)).toBe(5);
  });

  it('places bands as d3.scaleBand does, with padding', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { maxLength: 8 }), num, num, fc.double({ min: 0, max: 1, noNaN: true }), (keys, r0, r1, p) => {
        const ours = scaleBand<string>().domain(keys).range([r0, r1]).padding(p);
        const theirs = d3.scaleBand<string>().domain(keys).range([r0, r1]).padding(p);
        expect(ours.bandwidth()).toBeCloseTo(theirs.bandwidth(), 6);
        for (const k of keys) expect(ours(k)).toBeCloseTo(theirs(k) ?? NaN, 6);
        expect(ours('not a key')).toBeUndefined();
      }),
    );
  });

  it('draws the same path as d3.line, one point and no points included', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(num, num), { maxLength: 6 }), (points) => {
        const ours = line<[number, number]>().x((p) => p[0]).y((p) => p[1]);
        const theirs = d3.line<[number, number]>().x((p) => p[0]).y((p) => p[1]);
        expect(ours(points)).toBe(theirs(points));
      }),
    );
    const thirds: [number, number][] = [[1 / 3, 2 / 3], [1.0005, 2.00049], [-0.0004, 7]];
    expect(line<[number, number]>()(thirds)).toBe(d3.line()(thirds));
  });

  it('stacks layers as d3.stack does', () => {
    const keys = ['2xx', '4xx', '5xx'] as const;
    fc.assert(
      fc.property(fc.array(fc.record({ '2xx': fc.nat(50), '4xx': fc.nat(50), '5xx': fc.nat(50) }), { maxLength: 6 }), (rows) => {
        const ours = stack<(typeof rows)[number], (typeof keys)[number]>().keys(keys).value((d, k) => d[k])(rows);
        const theirs = d3.stack<(typeof rows)[number], (typeof keys)[number]>().keys(keys).value((d, k) => d[k])(rows);
        expect(ours.map((s) => [s.key, s.index, s.map((p) => [p[0], p[1], p.data])])).toEqual(theirs.map((s) => [s.key, s.index, s.map((p) => [p[0], p[1], p.data])]));
      }),
    );
  });

  it('interpolates quantiles of sorted numbers as d3.quantileSorted does', () => {
    fc.assert(
      fc.property(fc.array(num, { maxLength: 20 }), fc.double({ min: -0.5, max: 1.5, noNaN: true }), (values, p) => {
        const sorted = [...values].sort((a, b) => a - b);
        const ours = quantileSorted(sorted, p);
        const theirs = d3.quantileSorted(sorted, p);
        if (theirs === undefined) expect(ours).toBeUndefined();
        else expect(ours).toBeCloseTo(theirs, 6);
      }),
    );
  });
});
