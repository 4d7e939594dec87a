/**
 * When kube-proxy rewrites its rules: its `BoundedFrequencyRunner`
 * (`pkg/proxy/runner`) on the engine clock. A change asks for a sync; the
 * sync runs at once if the last one finished at least `minSyncPeriod` ago
 * (iptables default 1 s), otherwise when that period is over. Requests that
 * arrive while a sync is pending are folded into it. A sync that takes
 * `syncDurationMs` (iptables-restore) applies its rules when it ends.
 */
import type { Engine, EventHandle } from '../../../sim';

export interface SyncTiming {
  /** `--iptables-min-sync-period`, default 1 s. */
  readonly minSyncPeriodMs: number;
  /** How long one sync takes before its rules are in place (default 0). */
  readonly syncDurationMs: number;
}

export const DEFAULT_SYNC_TIMING: SyncTiming = { minSyncPeriodMs: 1000, syncDurationMs: 0 };

export class SyncRunner {
  private lastEndAt = Number.NEGATIVE_INFINITY;
  private pending: EventHandle | undefined;
  private firstRequestAt: number | undefined;

  /** `run(waitedMs)` runs at the start of a sync and returns the function that applies its result. */
  constructor(
    private readonly engine: Engine,
    private readonly timing: SyncTiming,
    private readonly run: (waitedMs: number) => () => void,
    private readonly label: string,
  ) {}

  /** Ask for a sync as soon as the minimum period allows. */
  request(): void {
    this.firstRequestAt ??= this.engine.now;
    if (this.pending !== undefined) return;
    const at = Math.max(this.engine.now, this.lastEndAt + this.timing.minSyncPeriodMs);
    this.pending = this.engine.scheduleAt(at, () => this.start(), `${this.label} sync`);
  }

  /** When the next sync may start, for a `why`. */
  get nextAllowedAt(): number {
    return this.lastEndAt + this.timing.minSyncPeriodMs;
  }

  private start(): void {
    this.pending = undefined;
    const waited = this.engine.now - (this.firstRequestAt ?? this.engine.now);
    this.firstRequestAt = undefined;
    const apply = this.run(waited + this.timing.syncDurationMs);
    const end = this.engine.now + this.timing.syncDurationMs;
    this.lastEndAt = end;
    if (this.timing.syncDurationMs === 0) apply();
    else this.engine.scheduleAt(end, apply, `${this.label} rules applied`);
  }
}
