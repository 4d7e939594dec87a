/** nginx's number, duration and size syntax (ngx_atoi, ngx_parse_time, ngx_parse_size). */
import { describe, expect, it } from 'vitest';
import { atoi, parseOffset, parseSize, parseTime } from '../../../../src/models/nginx/config/units';

describe('durations', () => {
  it('reads bare numbers as seconds and units in decreasing order', () => {
    expect(parseTime('30', false)).toBe(30_000);
    expect(parseTime('30s', false)).toBe(30_000);
    expect(parseTime('500ms', false)).toBe(500);
    expect(parseTime('1m', false)).toBe(60_000);
    expect(parseTime('1h', false)).toBe(3_600_000);
    expect(parseTime('1h 30m', false)).toBe(5_400_000);
    expect(parseTime('1d2h', false)).toBe(93_600_000);
    expect(parseTime('1w', true)).toBe(604_800);
    expect(parseTime('1y', true)).toBe(31_536_000);
  });

  it('rejects what nginx rejects', () => {
    for (const bad of ['', 'x', '5x', '30m1h', '1s1s', 's', '-1', '1.5s', '1M', '1y']) expect(parseTime(bad, false)).toBeNaN();
    expect(parseTime('500ms', true)).toBeNaN();
    expect(parseTime('99999999999999999999', false)).toBeNaN();
  });
});

describe('numbers and sizes', () => {
  it('reads plain non-negative decimals only', () => {
    expect(atoi('0')).toBe(0);
    expect(atoi('42')).toBe(42);
    for (const bad of ['', '-1', '+1', '1e3', ' 1', '0x10']) expect(atoi(bad)).toBeNaN();
  });

  it('reads k and m (and g for offsets) in either case', () => {
    expect(parseSize('512')).toBe(512);
    expect(parseSize('8k')).toBe(8192);
    expect(parseSize('1M')).toBe(1_048_576);
    expect(parseSize('1g')).toBeNaN();
    expect(parseOffset('1G')).toBe(1_073_741_824);
    expect(parseSize('k')).toBeNaN();
  });
});
