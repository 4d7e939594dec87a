/**
 * The few D3 pieces the charts use, written out: a linear scale (with
 * `nice` and `ticks`), a band scale, a line path, a stack of series and a
 * quantile of sorted numbers. Each does what its D3 namesake does for the
 * calls the charts make (test/ui/charts/scales.test.ts compares them with
 * D3), without the colour, interpolation and number-format modules a D3
 * scale carries, which the embed would otherwise download with its panels.
 */

const E10 = Math.sqrt(50);
const E5 = Math.sqrt(10);
const E2 = Math.sqrt(2);

/** d3-array's tick spec: the first and last tick as multiples of an increment (negative: a divisor). */
function tickSpec(start: number, stop: number, count: number): [number, number, number] {
  const step = (stop - start) / Math.max(0, count);
  const power = Math.floor(Math.log10(step));
  const error = step / Math.pow(10, power);
  const factor = error >= E10 ? 10 : error >= E5 ? 5 : error >= E2 ? 2 : 1;
  let i1: number, i2: number, inc: number;
  if (power < 0) {
    inc = Math.pow(10, -power) / factor;
    i1 = Math.round(start * inc);
    i2 = Math.round(stop * inc);
    if (i1 / inc < start) ++i1;
    if (i2 / inc > stop) --i2;
    inc = -inc;
  } else {
    inc = Math.pow(10, power) * factor;
    i1 = Math.round(start / inc);
    i2 = Math.round(stop / inc);
    if (i1 * inc < start) ++i1;
    if (i2 * inc > stop) --i2;
  }
  if (i2 < i1 && 0.5 <= count && count < 2) return tickSpec(start, stop, count * 2);
  return [i1, i2, inc];
}

/** About `count` round values from `start` to `stop`, as d3.ticks. */
export function ticks(start: number, stop: number, count: number): number[] {
  if (!(count > 0)) return [];
  if (start === stop) return [start];
  const reverse = stop < start;
  const [i1, i2, inc] = reverse ? tickSpec(stop, start, count) : tickSpec(start, stop, count);
  if (!(i2 >= i1)) return [];
  const n = i2 - i1 + 1;
  const out: number[] = [];
  for (let i = 0; i < n; ++i) {
    const k = reverse ? i2 - i : i1 + i;
    out.push(inc < 0 ? k / -inc : k * inc);
  }
  return out;
}

function tickIncrement(start: number, stop: number, count: number): number {
  return tickSpec(start, stop, count)[2];
}

export interface LinearScale {
  (x: number): number;
  domain(d: readonly [number, number]): LinearScale;
  range(r: readonly [number, number]): LinearScale;
  /** Widen the domain to round values, as d3's `nice()`. */
  nice(count?: number): LinearScale;
  ticks(count?: number): number[];
}

/** A linear map from a domain to a range (unclamped), as d3.scaleLinear for two-number domains and ranges. */
export function scaleLinear(): LinearScale {
  let d: [number, number] = [0, 1];
  let r: [number, number] = [0, 1];
  const scale = ((x: number): number => {
    const span = d[1] - d[0];
    const t = span !== 0 ? (x - d[0]) / span : Number.isNaN(span) ? NaN : 0.5;
    return r[0] * (1 - t) + r[1] * t;
  }) as LinearScale;
  scale.domain = (next) => ((d = [+next[0], +next[1]]), scale);
  scale.range = (next) => ((r = [+next[0], +next[1]]), scale);
  scale.ticks = (count = 10) => ticks(d[0], d[1], count);
  scale.nice = (count = 10) => {
    let [start, stop] = d;
    const reversed = stop < start;
    if (reversed) [start, stop] = [stop, start];
    let previous: number | undefined;
    for (let iterations = 10; iterations > 0; iterations--) {
      const step = tickIncrement(start, stop, count);
      if (step === previous) {
        d = reversed ? [stop, start] : [start, stop];
        return scale;
      }
      if (step > 0) {
        start = Math.floor(start / step) * step;
        stop = Math.ceil(stop / step) * step;
      } else if (step < 0) {
        start = Math.ceil(start * step) / step;
        stop = Math.floor(stop * step) / step;
      } else break;
      previous = step;
    }
    return scale;
  };
  return scale;
}

export interface BandScale<K> {
  (key: K): number | undefined;
  domain(keys: readonly K[]): BandScale<K>;
  range(r: readonly [number, number]): BandScale<K>;
  /** Inner and outer padding, as a share of the step. */
  padding(p: number): BandScale<K>;
  bandwidth(): number;
}

/** Evenly spaced bands for a list of keys, centred in the range, as d3.scaleBand (align 0.5, no rounding). */
export function scaleBand<K>(): BandScale<K> {
  let keys: K[] = [];
  let r: [number, number] = [0, 1];
  let pad = 0;
  let index = new Map<K, number>();
  let start = 0;
  let step = 0;
  const rescale = () => {
    const n = keys.length;
    const reverse = r[1] < r[0];
    const lo = reverse ? r[1] : r[0];
    const hi = reverse ? r[0] : r[1];
    step = (hi - lo) / Math.max(1, n - pad + pad * 2);
    start = lo + (hi - lo - step * (n - pad)) * 0.5;
    const values = keys.map((_, i) => start + step * i);
    if (reverse) values.reverse();
    index = new Map(keys.map((k, i) => [k, values[i] ?? 0]));
  };
  const scale = ((key: K) => index.get(key)) as BandScale<K>;
  scale.domain = (next) => {
    keys = [...new Set(next)];
    rescale();
    return scale;
  };
  scale.range = (next) => ((r = [+next[0], +next[1]]), rescale(), scale);
  scale.padding = (p) => ((pad = Math.min(1, p)), rescale(), scale);
  scale.bandwidth = () => step * (1 - pad);
  return scale;
}

export interface LineGenerator<T> {
  (data: readonly T[]): string | null;
  x(f: (d: T) => number): LineGenerator<T>;
  y(f: (d: T) => number): LineGenerator<T>;
}

/** A coordinate as d3.line writes it: rounded to 3 decimals (its default `digits`). */
const coordinate = (v: number) => Math.round(v * 1000) / 1000;

/** Straight segments through the points, as d3.line's default: `M x,y L x,y …` (one point: `M x,y Z`), or null for no points. */
export function line<T>(): LineGenerator<T> {
  let fx = (d: T) => (d as unknown as [number, number])[0];
  let fy = (d: T) => (d as unknown as [number, number])[1];
  const gen = ((data: readonly T[]) => {
    if (data.length === 0) return null;
    const path = data.map((d, i) => `${i === 0 ? 'M' : 'L'}${coordinate(+fx(d))},${coordinate(+fy(d))}`).join('');
    return data.length === 1 ? `${path}Z` : path;
  }) as LineGenerator<T>;
  gen.x = (f) => ((fx = f), gen);
  gen.y = (f) => ((fy = f), gen);
  return gen;
}

/** One stacked point: from `[0]` to `[1]`, for the datum it came from. */
export type StackPoint<T> = [number, number] & { data: T };
/** One layer of a stack: its key, and a point per datum. */
export type StackSeries<T, K> = StackPoint<T>[] & { key: K; index: number };

export interface StackGenerator<T, K> {
  (data: readonly T[]): StackSeries<T, K>[];
  keys(keys: readonly K[]): StackGenerator<T, K>;
  value(f: (d: T, key: K) => number): StackGenerator<T, K>;
}

/** Layers stacked in key order from zero, as d3.stack with its default order and offset. */
export function stack<T, K>(): StackGenerator<T, K> {
  let keys: readonly K[] = [];
  let value = (d: T, key: K) => (d as Record<string, number>)[String(key)] ?? 0;
  const gen = ((data: readonly T[]) => {
    const layers = keys.map((key, index) => Object.assign(data.map((d) => Object.assign([0, +value(d, key)] as [number, number], { data: d })), { key, index }));
    for (let i = 1; i < layers.length; i++) {
      const below = layers[i - 1]!;
      layers[i]!.forEach((p, j) => {
        const b = below[j]!;
        p[0] = Number.isNaN(b[1]) ? b[0] : b[1];
        p[1] += p[0];
      });
    }
    return layers;
  }) as StackGenerator<T, K>;
  gen.keys = (k) => ((keys = k), gen);
  gen.value = (f) => ((value = f), gen);
  return gen;
}

/** The p-quantile of sorted numbers, interpolated, as d3.quantileSorted; undefined for none. */
export function quantileSorted(values: readonly number[], p: number): number | undefined {
  const n = values.length;
  if (n === 0 || Number.isNaN(p)) return undefined;
  if (p <= 0 || n < 2) return values[0];
  if (p >= 1) return values[n - 1];
  const i = (n - 1) * p;
  const i0 = Math.floor(i);
  const v0 = values[i0]!;
  const v1 = values[i0 + 1]!;
  return v0 + (v1 - v0) * (i - i0);
}
