import { describe, expect, it } from 'vitest';
import { instructorKey, slotKey } from '../../../src/ui/instructor/hotkeys';
import { shortcut } from '../../../src/ui/keys';

describe('instructor keys', () => {
  it('maps 1…9 and 0 to the menu entries in order', () => {
    expect(instructorKey({ key: '1' }, 'BODY')).toEqual({ kind: 'slot', slot: 0 });
    expect(instructorKey({ key: '9' }, 'BODY')).toEqual({ kind: 'slot', slot: 8 });
    expect(instructorKey({ key: '0' }, 'BODY')).toEqual({ kind: 'slot', slot: 9 });
    expect([0, 8, 9, 10].map(slotKey)).toEqual(['1', '9', '0', '']);
  });

  it('freezes with Q, either case', () => {
    expect(instructorKey({ key: 'q' }, 'BODY')).toEqual({ kind: 'freeze' });
    expect(instructorKey({ key: 'Q' }, 'BODY')).toEqual({ kind: 'freeze' });
  });

  it('uses no key the lab already uses', () => {
    for (const key of [' ', '.', 's', 'S', ',', 'n', 'N', '[', ']', '-', '+', '=', 'f', 'F', 'Home', 'End', 'Escape', 'ArrowLeft', 'ArrowRight']) {
      expect(instructorKey({ key }, 'BODY'), key).toBeUndefined();
    }
    for (const key of ['1', '0', 'q', 'Q']) expect(shortcut({ key }, 'BODY'), key).toBeUndefined();
  });

  it('stands back while typing in a field or an editor, and with modifier keys', () => {
    expect(instructorKey({ key: '1' }, 'INPUT')).toBeUndefined();
    expect(instructorKey({ key: 'q' }, 'DIV', true)).toBeUndefined();
    expect(instructorKey({ key: '1', ctrlKey: true }, 'BODY')).toBeUndefined();
  });
});
