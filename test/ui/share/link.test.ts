import { describe, expect, it } from 'vitest';
import { linkAddress } from '../../../src/ui/share/link';

describe('share link address', () => {
  it('keeps the path and query but not autoplay, and ends with the run', () => {
    expect(linkAddress('/app/', '?scenario=/s.yaml&autoplay=1&speed=2', '#s=1.x')).toBe('/app/?scenario=%2Fs.yaml&speed=2#s=1.x');
    expect(linkAddress('/', '?autoplay', '#s=1.x')).toBe('/#s=1.x');
    expect(linkAddress('/', '', '#s=1.x')).toBe('/#s=1.x');
  });
});
