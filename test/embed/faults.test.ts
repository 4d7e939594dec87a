import { describe, expect, it } from 'vitest';
import { parseFault } from '../../src/embed/faults';

describe('parseFault', () => {
  it('passes a known kind with a target, and only those fields', () => {
    expect(parseFault({ kind: 'crash', target: 'app', extra: true })).toEqual({ kind: 'crash', target: 'app' });
  });

  it('says what was expected for anything else', () => {
    expect(() => parseFault('crash app')).toThrow(/inject: expected a fault such as \{ kind: "crash", target: "app" \}/);
    expect(() => parseFault({ kind: 'explode', target: 'app' })).toThrow(/kinds: crash, recover.*kind was "explode"/);
    expect(() => parseFault({ kind: 'toString', target: 'app' })).toThrow(/kind was "toString"/);
    expect(() => parseFault({ kind: 'crash' })).toThrow(/target was undefined/);
  });
});
