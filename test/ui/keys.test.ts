import { describe, expect, it } from 'vitest';
import { keyAction, shortcut } from '../../src/ui/keys';

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

describe('shortcut', () => {
  it('has a key for every control of the timeline', () => {
    const cases: [string, string][] = [
      [' ', 'toggle'], ['ArrowRight', 'step'], [',', 'back'], ['ArrowLeft', 'back'], ['n', 'next-request'],
      ['[', 'slower'], [']', 'faster'], ['f', 'fastest'], ['Home', 'start'], ['End', 'live'], ['Escape', 'clear'],
    ];
    for (const [key, action] of cases) expect(shortcut({ key }, 'BODY'), key).toBe(action);
  });

  it('stands back on Space over a focused diagram component, which Space selects', () => {
    expect(shortcut({ key: ' ' }, 'g', false, 'button')).toBeUndefined();
    expect(shortcut({ key: 'n' }, 'g', false, 'button')).toBe('next-request');
  });

  it('leaves the arrows to the scrubber and other fields while they have focus', () => {
    expect(shortcut({ key: 'ArrowLeft' }, 'INPUT')).toBeUndefined();
  });
});

describe('keyAction for the embedded lab', () => {
  it('keeps to play/pause and step, so the arrows still scroll a course page', () => {
    expect(keyAction({ key: 'ArrowRight' }, 'BODY')).toBeUndefined();
    expect(keyAction({ key: 'n' }, 'BODY')).toBeUndefined();
  });
});
