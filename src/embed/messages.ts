/**
 * What the iframe page (frame.ts) and its parent window say to each other.
 *
 * Out: every `trafficlab:*` event, as `{ source: 'trafficlab', type, detail, frame }`.
 * In: `{ source: 'trafficlab', type: 'trafficlab:command', command, … }`,
 * accepted only from the parent window and only from the origin named by
 * `origin=`. The parent page chooses the frame's URL, so `origin=` is not a
 * secret handshake: it names who may receive the events (the browser drops
 * a message whose target origin the parent no longer has, e.g. after it
 * navigated elsewhere) and who may drive the lab (no other window or frame).
 */
import type { TrafficLabEventName, TrafficLabEvents } from './events';

export const SOURCE = 'trafficlab';

export interface OutMessage<K extends TrafficLabEventName = TrafficLabEventName> {
  source: typeof SOURCE;
  type: K;
  detail: TrafficLabEvents[K];
  /** The `id=` of the frame's URL, so a page with several frames can tell them apart; undefined when none was given. */
  frame: string | undefined;
}

export type Command =
  | { command: 'play' }
  | { command: 'pause' }
  | { command: 'step' }
  | { command: 'seek'; ms: number }
  | { command: 'inject'; fault: unknown };

/** A command from a message's data, or undefined when it is not one of ours (other scripts post messages too). */
export function readCommand(data: unknown): Command | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const d = data as Record<string, unknown>;
  if (d.source !== SOURCE || d.type !== 'trafficlab:command') return undefined;
  switch (d.command) {
    case 'play':
    case 'pause':
    case 'step':
      return { command: d.command };
    case 'seek':
      return typeof d.ms === 'number' && Number.isFinite(d.ms) && d.ms >= 0 ? { command: 'seek', ms: d.ms } : undefined;
    case 'inject':
      return { command: 'inject', fault: d.fault };
    default:
      return undefined;
  }
}

export type OriginResult = { ok: true; origin: string | undefined } | { ok: false; error: string };

/**
 * The `origin=` parameter: exactly one origin (`https://course.example.org`,
 * no path), or absent. Absent means the frame posts nothing and obeys
 * nothing. `*` is refused: it would hand the events to whatever page the
 * parent window shows by the time they are sent.
 */
export function parseOrigin(value: string | null): OriginResult {
  if (value === null || value.trim() === '') return { ok: true, origin: undefined };
  const expected = 'expected the origin of the page that embeds this frame, such as origin=https://course.example.org (scheme and host, no path)';
  if (value.trim() === '*') return { ok: false, error: `origin: ${expected}; "*" would send the events to any page, so it is not accepted` };
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { ok: false, error: `origin: ${expected}, got "${value}"` };
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== value.trim().replace(/\/$/, '')) {
    return { ok: false, error: `origin: ${expected}, got "${value}"` };
  }
  return { ok: true, origin: url.origin };
}

/** The `id=` parameter, echoed in every message; short and plain, or it is left out. */
export function parseFrameId(value: string | null): string | undefined {
  return value !== null && /^[\w.-]{1,64}$/.test(value) ? value : undefined;
}
