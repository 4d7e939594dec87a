/**
 * World snapshots taken as the run goes (after each step, after each frame
 * while playing), so the scrubber can show the components as they were at
 * an earlier moment without running the simulation again.
 *
 * Memory stays bounded by thinning rather than forgetting: when the log is
 * full, every other snapshot of its older half goes. Recent moments keep a
 * snapshot per frame or per step; the distant past keeps a coarser one, but
 * the whole run stays reachable.
 */
import type { WorldSnapshot } from '../../scenario';

/** A snapshot and when it was taken: after `event` engine events, at virtual time `t`. */
export interface Frame {
  readonly event: number;
  readonly t: number;
  readonly snapshot: WorldSnapshot;
}

export class SnapshotLog {
  private frames: Frame[] = [];

  constructor(private readonly capacity = 1_000) {}

  /** Keep a snapshot; one taken after the same number of events replaces the previous one. */
  add(event: number, t: number, snapshot: WorldSnapshot): void {
    const last = this.frames[this.frames.length - 1];
    if (last !== undefined && last.event === event) this.frames[this.frames.length - 1] = { event, t, snapshot };
    else this.frames.push({ event, t, snapshot });
    if (this.frames.length > this.capacity) this.thin();
  }

  /** The latest frame taken after at most `event` events, or the earliest held when all are later. */
  atEvent(event: number): Frame | undefined {
    const i = this.lastIndex((f) => f.event <= event);
    return this.frames[Math.max(0, i)];
  }

  /** The latest frame taken at or before virtual time `t`, or the earliest held. */
  atTime(t: number): Frame | undefined {
    const i = this.lastIndex((f) => f.t <= t);
    return this.frames[Math.max(0, i)];
  }

  get size(): number {
    return this.frames.length;
  }

  /** Binary search: index of the last frame for which `ok` holds (frames are ordered by both event and t). */
  private lastIndex(ok: (f: Frame) => boolean): number {
    let lo = 0;
    let hi = this.frames.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const f = this.frames[mid];
      if (f !== undefined && ok(f)) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  private thin(): void {
    const half = Math.floor(this.frames.length / 2);
    // The very first frame stays: the start of the run must remain reachable.
    const older = this.frames.slice(0, half).filter((_, i) => i % 2 === 0);
    this.frames = [...older, ...this.frames.slice(half)];
  }
}
