/**
 * A world command in a lesson file's words, for problem messages from the
 * loader (a solution the step does not allow) and the player (a command
 * the world refused). Its own module so the loader does not bring the world.
 */
import { SETTING_KEYS, type WorldCommand } from '../scenario';

/** Lesson-file names of the durations a command carries (settings take theirs from the scenario's `SETTING_KEYS`). */
const DURATION_NAMES: Readonly<Record<string, string>> = { forMs: 'for', byMs: 'by' };

/**
 * A command as the lesson file writes it, with its settings, for problem
 * messages: `{ nlb-health-check: web, interval: 10 s, unhealthy-threshold: 2 }`.
 * Headless and plain text; the instructor's words for a command are the
 * ui's, which lessons do not import.
 */
export function describeLessonCommand(c: WorldCommand): string {
  const parts = [`${c.kind}: ${c.target}`];
  for (const [field, value] of Object.entries(c)) {
    if (field === 'kind' || field === 'target' || value === undefined) continue;
    const name = DURATION_NAMES[field] ?? Object.keys(SETTING_KEYS).find((k) => SETTING_KEYS[k]?.field === field) ?? field;
    const unit = field.endsWith('Ms') ? ' ms' : field.endsWith('S') ? ' s' : '';
    parts.push(`${name}: ${String(value)}${unit}`);
  }
  return `{ ${parts.join(', ')} }`;
}
