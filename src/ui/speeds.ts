/** The playback speeds the menu offers, plus whatever the address asked for. */
export const SPEEDS: readonly number[] = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100];

/** "As fast as possible": the player runs as many events per frame as leave time to draw. */
export const FASTEST = Number.POSITIVE_INFINITY;

/** The menu's choices: the fixed ones, `current`, and "as fast as possible" last, sorted, without duplicates. */
export function speedChoices(current: number): number[] {
  return [...new Set([...SPEEDS, current, FASTEST])].sort((a, b) => a - b);
}

/** `0.1` → `"0.1×"`; Infinity → "as fast as possible". */
export function formatSpeed(speed: number): string {
  return speed === FASTEST ? 'as fast as possible' : `${speed}×`;
}

/** The next speed up or down the menu from `current` (`direction` +1 or -1); stays put at either end. */
export function nextSpeed(current: number, direction: 1 | -1): number {
  const choices = speedChoices(current);
  const i = choices.indexOf(current);
  return choices[Math.min(choices.length - 1, Math.max(0, i + direction))] ?? current;
}

/**
 * Quarter speed by default: links in the scenarios take tens of milliseconds,
 * which at real time is one or two frames, too quick to see a packet move.
 */
export const DEFAULT_SPEED = 0.25;
