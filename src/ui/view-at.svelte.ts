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
import { enrich, nodeFromEvent } from './diagram/enrich';

export class ViewAt {
  // Pods never move: once the kubelet's "Scheduled" event names a pod's node, it stays known.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a cache filled while deriving; nothing reacts to it
  private readonly podNodes = new Map<string, string>();

  constructor(private readonly player: Player) {}

  /** The components (with what the picture needs added, see enrich.ts) and links as they were at the cursor. */
  readonly snapshot: WorldSnapshot = $derived.by(() => {
    const p = this.player;
    const frame = p.live ? undefined : p.snapshots.atEvent(p.viewEvent);
    const raw = frame === undefined ? p.snapshot : snapshotAt(frame, p.view.log, p.viewEvent, p.viewT);
    return { ...raw, components: enrich(raw.components, p.world.scenario, (id) => this.nodeOf(id)) };
  });

  /** Slowest link: no packet is on the wire longer than this. */
  private readonly slowest = $derived.by(() => Math.max(0, ...this.player.snapshot.links.map((l) => l.latencyMs)));

  /** Packets on the wire at the cursor, and those that ended just before it. */
  readonly spans: readonly PacketSpan[] = $derived.by(() => {
    void this.player.view.revision;
    return this.player.view.packets.at(this.player.viewT, this.slowest, lingerFor(this.player.speed).failedMs);
  });

  private nodeOf(pod: string): string | undefined {
    const known = this.podNodes.get(pod);
    if (known !== undefined) return known;
    for (const line of this.player.view.logs.tail(pod, 'events', Infinity, 1_000)) {
      const node = nodeFromEvent(line.line);
      if (node === undefined) continue;
      this.podNodes.set(pod, node);
      return node;
    }
    return undefined;
  }

  /** Log entries up to the cursor. */
  readonly entries: readonly LogEntry[] = $derived.by(() => {
    const p = this.player;
    if (p.live) return p.view.log;
    return p.view.log.filter((e) => (e.event === undefined ? e.t <= p.viewT : e.event <= p.viewEvent));
  });
}
