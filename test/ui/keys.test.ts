import { describe, expect, it } from 'vitest';
import { keyAction } from '../../src/ui/keys';

describe('keyAction', () => {
  it('toggles play on Space anywhere but a button, which Space already presses', () => {
    expect(keyAction({ key: ' ' }, 'BODY')).toBe('toggle');
    expect(keyAction({ key: ' ' }, 'BUTTON')).toBeUndefined();
  });

  it('steps on "." and on "s" in either case', () => {
    for (const key of ['.', 's', 'S']) expect(keyAction({ key }, 'BODY')).toBe('step');
    expect(keyAction({ key: 's' }, 'BUTTON')).toBe('step');
  });

  it('leaves keys alone while the user types in a field', () => {
    for (const tag of ['INPUT', 'TEXTAREA', 'SELECT']) {
      expect(keyAction({ key: 's' }, tag)).toBeUndefined();
      expect(keyAction({ key: ' ' }, tag)).toBeUndefined();
    }
    expect(keyAction({ key: 's' }, 'DIV', true)).toBeUndefined();
  });

  it('leaves browser shortcuts with modifier keys alone', () => {
    expect(keyAction({ key: 's', ctrlKey: true }, 'BODY')).toBeUndefined();
    expect(keyAction({ key: 's', metaKey: true }, 'BODY')).toBeUndefined();
  });

  it('ignores other keys', () => {
    expect(keyAction({ key: 'a' }, 'BODY')).toBeUndefined();
  });
});
