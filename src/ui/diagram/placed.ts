/**
 * Packets placed on the picture at one virtual time: each span the history
 * holds is matched to the link it crosses and put the right share of the way
 * along it. A packet that just arrived stays a moment at the far end (its
 * hop is over, the mark says where it got to), and a refused one stays
 * longer as a cross where it was refused. Depends only on (trace, time).
 */
import type { PacketSpan } from '../history/packets';
import { pointOnLink, type LinkPath } from './layout';
import { packetLook, type PacketLook } from './packet-style';

export interface PlacedPacket extends PacketLook {
  /** Stable while the packet is on this hop. */
  key: string;
  packet: string;
  requestId: string | undefined;
  link: string;
  x: number;
  y: number;
  /** `moving` on the wire; `arrived` just delivered; `failed` refused where it landed. */
  phase: 'moving' | 'arrived' | 'failed';
  summary: string;
}

export interface PlaceOptions {
  /** How long a delivered packet stays visible at the far end, in virtual ms. */
  arrivedMs: number;
  /** How long a refused packet stays visible, in virtual ms. */
  failedMs: number;
}

// A span's look never changes while it moves (only a refusal changes it, handled apart): classify it once.
const looks = new WeakMap<PacketSpan, PacketLook>();

function lookOf(span: PacketSpan): PacketLook {
  let look = looks.get(span);
  if (look === undefined) looks.set(span, (look = packetLook(span.type, span.summary)));
  return look;
}

const REFUSED = packetLook('', '', true);

/** Finds the drawn link between two ends (ids or addresses), and whether a packet crosses it backwards. */
export type LinkFinder = (from: string, to: string) => { path: LinkPath; reverse: boolean } | undefined;

/** A finder over `links` in O(1) per packet, remembering each pair of ends it has resolved; `aliases` maps addresses to component ids. */
export function linkFinder(links: readonly LinkPath[], aliases: ReadonlyMap<string, string>): LinkFinder {
  const byEnds = new Map<string, Map<string, LinkPath>>();
  for (const l of links) {
    let row = byEnds.get(l.link.from);
    if (row === undefined) byEnds.set(l.link.from, (row = new Map()));
    row.set(l.link.to, l);
  }
  const resolved = new Map<string, Map<string, { path: LinkPath; reverse: boolean } | undefined>>();
  return (from, to) => {
    let row = resolved.get(from);
    if (row === undefined) resolved.set(from, (row = new Map()));
    if (row.has(to)) return row.get(to);
    const a = aliases.get(from) ?? from;
    const b = aliases.get(to) ?? to;
    const forward = byEnds.get(a)?.get(b);
    const backward = forward === undefined ? byEnds.get(b)?.get(a) : undefined;
    const found = forward !== undefined ? { path: forward, reverse: false } : backward !== undefined ? { path: backward, reverse: true } : undefined;
    row.set(to, found);
    return found;
  };
}

/**
 * How long finished packets stay drawn, in virtual ms: about 200 ms of wall
 * time at the current speed for one that arrived (long enough to see where
 * it got to), four times that for one refused.
 */
export function lingerFor(speed: number): PlaceOptions {
  const arrivedMs = Number.isFinite(speed) ? Math.min(250, Math.max(1, speed * 200)) : 250;
  return { arrivedMs, failedMs: arrivedMs * 4 };
}

/** Place `spans` at virtual time `t`. Spans whose link is not drawn are left out. */
export function placePackets(spans: readonly PacketSpan[], find: LinkFinder, t: number, options: PlaceOptions): PlacedPacket[] {
  const out: PlacedPacket[] = [];
  for (const span of spans) {
    const found = find(span.from, span.to);
    if (found === undefined) continue;
    const path = found.path;
    let phase: PlacedPacket['phase'];
    let progress: number;
    if (span.t1 !== undefined && t >= span.t1) {
      if (span.dropped ? t - span.t1 > options.failedMs : t - span.t1 > options.arrivedMs) continue;
      phase = span.dropped ? 'failed' : 'arrived';
      progress = 1;
    } else {
      const latency = path.link.latencyMs;
      const elapsed = t - span.t0;
      if (elapsed < 0) continue;
      if (span.t1 === undefined && elapsed > latency + options.arrivedMs) continue;
      phase = 'moving';
      progress = latency <= 0 ? 1 : Math.min(1, elapsed / latency);
    }
    const at = pointOnLink(path, progress, found.reverse);
    const look = phase === 'failed' ? REFUSED : lookOf(span);
    out.push({ cls: look.cls, shape: look.shape, label: look.label, key: `${span.packet}@${span.t0}`, packet: span.packet, requestId: span.requestId, link: path.id, x: at.x, y: at.y, phase, summary: span.summary });
  }
  return out;
}
