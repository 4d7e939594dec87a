/**
 * Where the packets are at a given virtual time.
 *
 * A packet is in flight from its `send` record until its `deliver` (or
 * `drop`) record. Its position is interpolated from the send time and the
 * link's latency, so the picture depends only on (trace, virtual time): pause
 * and it stops; step and it jumps exactly as far as the clock did.
 */
import type { PacketRecord } from '../sim';

/** The part of a link the interpolation needs. */
export interface LinkLike {
  id: string;
  from: string;
  to: string;
  latencyMs: number;
}

/** A packet drawn on a link: `progress` runs 0 → 1 in the packet's direction of travel. */
export interface PacketPosition {
  packet: string;
  type: string;
  link: string;
  /** True when the packet travels from the link's `to` end back to its `from` end. */
  reverse: boolean;
  progress: number;
  summary: string;
}

/** The link a packet travels on, in either direction; `aliases` maps addresses to component ids. */
export function findLink(
  links: readonly LinkLike[],
  from: string,
  to: string,
  aliases: ReadonlyMap<string, string> = new Map(),
): { link: LinkLike; reverse: boolean } | undefined {
  const a = aliases.get(from) ?? from;
  const b = aliases.get(to) ?? to;
  for (const link of links) {
    if (link.from === a && link.to === b) return { link, reverse: false };
    if (link.from === b && link.to === a) return { link, reverse: true };
  }
  return undefined;
}

/**
 * Positions of the packets sent and not yet delivered at `now`. A packet
 * past its expected arrival (its delivery event has not run yet) is left out
 * rather than parked at the far end, where it would look stuck.
 */
export function packetsInFlight(
  sends: readonly PacketRecord[],
  links: readonly LinkLike[],
  now: number,
  aliases: ReadonlyMap<string, string> = new Map(),
): PacketPosition[] {
  const out: PacketPosition[] = [];
  for (const send of sends) {
    if (send.kind !== 'send') continue;
    const found = findLink(links, send.from, send.to, aliases);
    if (found === undefined) continue;
    const elapsed = now - send.t;
    const latency = found.link.latencyMs;
    if (elapsed < 0 || elapsed > latency) continue;
    const progress = latency <= 0 ? 1 : elapsed / latency;
    out.push({ packet: send.packet, type: send.type, link: found.link.id, reverse: found.reverse, progress, summary: send.summary });
  }
  return out;
}
