/**
 * What the view shows at the player's cursor: the world's components, the
 * packets on the wire and the log, all read from the trace (and the
 * snapshots taken along the way), so the same code draws the present and
 * any moment the scrubber goes back to.
 */
import type { WorldSnapshot } from '../scenario';
import type { PacketSpan } from './history/packets';
import type { LogEntry } from './trace-view.svelte';
import type { Player } from './player.svelte';
import { snapshotAt } from './history/at';
import { lingerFor } from './diagram/placed';

export class ViewAt {
  constructor(private readonly player: Player) {}

  /** The components and links as they were at the cursor. */
  readonly snapshot: WorldSnapshot = $derived.by(() => {
    const p = this.player;
    if (p.live) return p.snapshot;
    const frame = p.snapshots.atEvent(p.viewEvent);
    return frame === undefined ? p.snapshot : snapshotAt(frame, p.view.log, p.viewEvent, p.viewT);
  });

  /** Slowest link: no packet is on the wire longer than this. */
  private readonly slowest = $derived.by(() => Math.max(0, ...this.player.snapshot.links.map((l) => l.latencyMs)));

  /** Packets on the wire at the cursor, and those that ended just before it. */
  readonly spans: readonly PacketSpan[] = $derived.by(() => {
    void this.player.view.revision;
    return this.player.view.packets.at(this.player.viewT, this.slowest, lingerFor(this.player.speed).failedMs);
  });

  /** Log entries up to the cursor. */
  readonly entries: readonly LogEntry[] = $derived.by(() => {
    const p = this.player;
    if (p.live) return p.view.log;
    return p.view.log.filter((e) => (e.event === undefined ? e.t <= p.viewT : e.event <= p.viewEvent));
  });
}
