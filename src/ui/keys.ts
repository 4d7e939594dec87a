/**
 * Keyboard shortcuts for the lab, as a plain mapping from a key press to an
 * action, so the rules (which keys, when to stay out of the way) are
 * testable without a browser.
 */

/** Every action a key can ask for. */
export type Shortcut =
  | 'toggle'
  | 'step'
  | 'back'
  | 'next-request'
  | 'slower'
  | 'faster'
  | 'fastest'
  | 'start'
  | 'live'
  | 'clear';

/** The two actions of the first slice (play/pause and step), which an embedded lab also takes. */
export type KeyAction = 'toggle' | 'step';

/** The shortcuts, in the words the on-screen hint uses. */
export const KEY_HINTS: ReadonlyArray<{ keys: string[]; does: string }> = [
  { keys: ['Space'], does: 'play / pause' },
  { keys: ['.', 'S', '→'], does: 'step one event' },
  { keys: [',', '←'], does: 'one event back' },
  { keys: ['N'], does: 'next request' },
  { keys: ['[', ']'], does: 'slower / faster' },
  { keys: ['F'], does: 'as fast as possible' },
  { keys: ['Home', 'End'], does: 'start / present' },
  { keys: ['Esc'], does: 'let go of the selection' },
];

/** Elements that use these keys themselves: typing a "s" in a field must not step the simulation. */
const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
/** Elements that Space (and Enter) already activate. */
const PRESSABLE = new Set(['BUTTON', 'A', 'SUMMARY']);

const KEYS: Record<string, Shortcut> = {
  '.': 'step',
  s: 'step',
  S: 'step',
  ArrowRight: 'step',
  ',': 'back',
  ArrowLeft: 'back',
  n: 'next-request',
  N: 'next-request',
  '[': 'slower',
  '-': 'slower',
  ']': 'faster',
  '+': 'faster',
  '=': 'faster',
  f: 'fastest',
  F: 'fastest',
  Home: 'start',
  End: 'live',
  Escape: 'clear',
};

/**
 * What a key press should do, or undefined to leave it alone. `targetTag` is
 * the focused element's tag name (and `targetRole` its role): Space on a
 * focused button already clicks it, so the shortcut stands back there to
 * avoid acting twice.
 */
export function shortcut(
  event: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean },
  targetTag: string,
  editable = false,
  targetRole = '',
): Shortcut | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  const tag = targetTag.toUpperCase();
  if (editable || TYPING.has(tag)) return undefined;
  if (event.key === ' ' || event.key === 'Spacebar') return PRESSABLE.has(tag) || targetRole === 'button' ? undefined : 'toggle';
  return KEYS[event.key];
}

/** The first slice's mapping (Space, ".", "s"), kept for the embedded lab. */
export function keyAction(
  event: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean },
  targetTag: string,
  editable = false,
): KeyAction | undefined {
  const action = shortcut(event, targetTag, editable);
  if (action === 'toggle') return 'toggle';
  if (action === 'step' && !event.key.startsWith('Arrow')) return 'step';
  return undefined;
}
