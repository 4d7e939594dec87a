/**
 * The instructor's keys, as a plain mapping like the lab's own (keys.ts):
 * digits give the fault menu's entries in order, Q freezes and asks (and
 * resumes). None of them is a key the lab uses (Space, ., S, arrows, N, [,
 * ], F, Home, End, Esc), and like the lab's they stand back while a field or
 * an editor has the focus.
 */

export type InstructorKey = { kind: 'slot'; slot: number } | { kind: 'freeze' };

/** What the on-screen hint says. */
export const INSTRUCTOR_KEY_HINTS: ReadonlyArray<{ keys: string[]; does: string }> = [
  { keys: ['1', '…', '9', '0'], does: 'give the fault menu entry with that number' },
  { keys: ['Q'], does: 'freeze and ask / resume' },
];

/** How many menu entries have a key: 1…9, then 0 for the tenth. */
export const SLOTS = 10;

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** The instructor action for a key press, or undefined to leave it alone. */
export function instructorKey(
  event: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean },
  targetTag: string,
  editable = false,
): InstructorKey | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  if (editable || TYPING.has(targetTag.toUpperCase())) return undefined;
  if (/^[1-9]$/.test(event.key)) return { kind: 'slot', slot: Number(event.key) - 1 };
  if (event.key === '0') return { kind: 'slot', slot: 9 };
  if (event.key === 'q' || event.key === 'Q') return { kind: 'freeze' };
  return undefined;
}

/** The key that gives menu entry `slot`, or '' past the last. */
export function slotKey(slot: number): string {
  if (slot < 0 || slot >= SLOTS) return '';
  return slot === 9 ? '0' : String(slot + 1);
}
