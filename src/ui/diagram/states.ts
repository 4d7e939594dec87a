/**
 * A component's state, told by shape, icon and words, never by colour alone:
 * the machine's state value (whatever words the model uses) falls into one
 * of a few categories a student learns to read at a glance.
 */

export type StateCategory = 'healthy' | 'unhealthy' | 'draining' | 'not-ready' | 'crashloop' | 'down' | 'starting' | 'idle';

export interface StateLook {
  category: StateCategory;
  /** A glyph that reads without colour. */
  icon: string;
  /** Words for the category, for people and screen readers. */
  words: string;
  /** Box outline: solid, dashed, dotted or double. */
  outline: 'solid' | 'dashed' | 'dotted' | 'double';
}

const LOOKS: Record<StateCategory, Omit<StateLook, 'category'>> = {
  healthy: { icon: '✓', words: 'healthy', outline: 'solid' },
  starting: { icon: '…', words: 'starting', outline: 'dotted' },
  idle: { icon: '○', words: 'idle', outline: 'solid' },
  'not-ready': { icon: '⏳', words: 'not ready', outline: 'dotted' },
  draining: { icon: '⇥', words: 'draining', outline: 'dashed' },
  unhealthy: { icon: '!', words: 'unhealthy', outline: 'dashed' },
  crashloop: { icon: '↻', words: 'CrashLoopBackOff', outline: 'double' },
  down: { icon: '✕', words: 'down', outline: 'double' },
};

// Order matters: "CrashLoopBackOff" must not read as plain "crashed", "unhealthy" not as "healthy".
const RULES: readonly [RegExp, StateCategory][] = [
  [/crash.?loop|back.?off/i, 'crashloop'],
  [/down|crash|dead|stopped|terminated|lost|fail(ed)?$|killed|oom|refus/i, 'down'],
  [/drain|terminating|deregister/i, 'draining'],
  [/unhealthy|unavailable|error|degraded|hang|slow|out of dns/i, 'unhealthy'],
  [/not.?ready|unready|pending|initial/i, 'not-ready'],
  [/start|creating|booting|init/i, 'starting'],
  [/idle|waiting|done|finished/i, 'idle'],
  [/healthy|ready|up|running|active|serving|ok|available|in dns/i, 'healthy'],
];

/** The category of a machine state value such as `up`, `crashed`, `CrashLoopBackOff`, `draining`. */
export function stateCategory(state: string): StateCategory {
  for (const [pattern, category] of RULES) if (pattern.test(state)) return category;
  return 'healthy';
}

/**
 * How to draw a state. A pod that is Running but whose `ready` counter is 0
 * is not ready (its readiness probe has not passed): `kubectl get pods`
 * shows that as READY 0/1 beside STATUS Running, and so does this.
 */
export function stateLook(state: string, counters: Readonly<Record<string, number>> = {}): StateLook {
  let category = stateCategory(state);
  if (category === 'healthy' && counters.ready === 0) category = 'not-ready';
  return { category, ...LOOKS[category] };
}

/** True for the states that mean trouble (drawn with the warning colour, on top of shape and icon). */
export function isTrouble(category: StateCategory): boolean {
  return category === 'unhealthy' || category === 'crashloop' || category === 'down' || category === 'not-ready';
}
