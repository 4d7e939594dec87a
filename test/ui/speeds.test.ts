import { describe, expect, it } from 'vitest';
import { FASTEST, formatSpeed, nextSpeed, speedChoices } from '../../src/ui/speeds';

describe('speeds', () => {
  it('offers 0.1× to 100× and "as fast as possible" last', () => {
    const choices = speedChoices(1);
    expect(choices[0]).toBe(0.1);
    expect(choices).toContain(100);
    expect(choices[choices.length - 1]).toBe(FASTEST);
    expect(formatSpeed(FASTEST)).toBe('as fast as possible');
  });

  it('keeps a speed the address asked for among the choices', () => {
    expect(speedChoices(0.03)).toContain(0.03);
  });

  it('moves one choice up or down and stops at the ends', () => {
    expect(nextSpeed(1, 1)).toBe(2);
    expect(nextSpeed(1, -1)).toBe(0.5);
    expect(nextSpeed(0.1, -1)).toBe(0.1);
    expect(nextSpeed(FASTEST, 1)).toBe(FASTEST);
    expect(nextSpeed(100, 1)).toBe(FASTEST);
  });
});
