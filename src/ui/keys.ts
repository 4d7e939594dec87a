/**
 * Keyboard shortcuts for the player, as a plain mapping from a key press to
 * an action, so the rules (which keys, when to stay out of the way) are
 * testable without a browser.
 */

export type KeyAction = 'toggle' | 'step';

/** The shortcuts, in the words the on-screen hint uses. */
export const KEY_HINTS: ReadonlyArray<{ keys: string[]; does: string }> = [
  { keys: ['Space'], does: 'play / pause' },
  { keys: ['.', 'S'], does: 'step one event' },
];

/** Elements that use these keys themselves: typing a "s" in a field must not step the simulation. */
const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/**
 * What a key press should do, or undefined to leave it alone. `targetTag` is
 * the focused element's tag name: Space on a focused button already clicks
 * it, so the shortcut stands back there to avoid acting twice.
 */
export function keyAction(
  event: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean },
  targetTag: string,
  editable = false,
): KeyAction | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  const tag = targetTag.toUpperCase();
  if (editable || TYPING.has(tag)) return undefined;
  if (event.key === ' ' || event.key === 'Spacebar') return tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY' ? undefined : 'toggle';
  if (event.key === '.' || event.key === 's' || event.key === 'S') return 'step';
  return undefined;
}
