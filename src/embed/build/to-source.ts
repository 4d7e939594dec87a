/**
 * Plain data as JavaScript source, for modules written at build time. JSON
 * would quietly turn `Infinity` into `null` and drop `undefined`; this
 * writes both as they are, and refuses anything that is not plain data
 * (a Map, a class instance, a function), so a change that puts one into a
 * lesson fails the build instead of shipping something else.
 */

/** `value` as a JavaScript expression that evaluates to an equal value. Throws, naming the path, on what it cannot write. */
export function toSource(value: unknown, path = 'value'): string {
  if (value === undefined) return 'void 0';
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (value === Infinity) return 'Infinity';
    if (value === -Infinity) return '-Infinity';
    if (Object.is(value, -0)) return '-0';
    return String(value);
  }
  if (Array.isArray(value)) {
    if (Object.keys(value).length !== value.length) {
      // Extra keys on an array (marked puts `links` on its token list) would be lost: say so only if they carry something.
      const extra = Object.keys(value).filter((k) => !/^\d+$/.test(k) && !isEmpty((value as unknown as Record<string, unknown>)[k]));
      if (extra.length > 0) throw new Error(`${path}: an array with extra keys (${extra.join(', ')}) cannot be written as data`);
    }
    return `[${value.map((v, i) => toSource(v, `${path}[${i}]`)).join(',')}]`;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const fields = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}:${toSource(v, `${path}.${k}`)}`);
    return `{${fields.join(',')}}`;
  }
  const kind = typeof value === 'object' ? (Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)?.constructor?.name ?? 'object' : typeof value;
  throw new Error(`${path}: expected plain data (objects, arrays, strings, numbers, booleans), got a ${kind}`);
}

function isEmpty(v: unknown): boolean {
  return v === undefined || (typeof v === 'object' && v !== null && Object.keys(v).length === 0);
}
