/**
 * Checking a fault handed to `inject()` by a page's script or a parent
 * window's message, before it reaches the world: it comes from outside, so
 * its shape is checked here and its meaning (a known kind, an existing
 * target) by the world, which says what it expected.
 */
import { commandTable, type WorldCommand } from '../scenario';

/** The fault, or a TypeError saying what was expected. */
export function parseFault(value: unknown): WorldCommand {
  const kinds = Object.keys(commandTable).join(', ');
  const expected = `expected a fault such as { kind: "crash", target: "app" } (kinds: ${kinds})`;
  if (typeof value !== 'object' || value === null) throw new TypeError(`inject: ${expected}, got ${String(value)}`);
  const { kind, target } = value as Record<string, unknown>;
  if (typeof kind !== 'string' || !Object.hasOwn(commandTable, kind)) throw new TypeError(`inject: ${expected}; kind was ${JSON.stringify(kind)}`);
  if (typeof target !== 'string' || target === '') throw new TypeError(`inject: ${expected}; target was ${JSON.stringify(target)}`);
  return { kind: kind as WorldCommand['kind'], target };
}
