/** The playback speeds the menu offers, plus whatever the address asked for. */
export const SPEEDS: readonly number[] = [0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10];

/** The menu's choices: the fixed ones and `current`, sorted, without duplicates. */
export function speedChoices(current: number): number[] {
  return [...new Set([...SPEEDS, current])].sort((a, b) => a - b);
}

/** `0.1` → `"0.1×"`. */
export function formatSpeed(speed: number): string {
  return `${speed}×`;
}

/**
 * Quarter speed by default: links in the scenarios take tens of milliseconds,
 * which at real time is one or two frames, too quick to see a packet move.
 */
export const DEFAULT_SPEED = 0.25;
