/**
 * Lessons play at real time by default: their steps last tens of seconds of
 * virtual time, and a student should not wait minutes for a goal's verdict.
 * The speed menu and `?speed=` still slow them down to watch packets.
 */
export const DEFAULT_LESSON_SPEED = 1;
