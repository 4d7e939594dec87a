/**
 * Worker processes and the upstream state each one keeps.
 *
 * nginx keeps round-robin weights and failure counters per worker process
 * unless the upstream has a `zone`, in which case one copy lives in shared
 * memory. Which worker accepts a connection is up to the kernel in real
 * nginx; here connections go to workers in turn (connection number modulo
 * the worker count), which is deterministic and spreads them evenly, the way
 * a busy server's accept queue roughly does.
 */
import type { NginxConfig, UpstreamBlock } from '../model';
import { createUpstreamState, type UpstreamState } from '../upstream';

/** What `worker_processes auto` means in the simulation unless told otherwise (the CPU count of a small node). */
export const DEFAULT_AUTO_WORKERS = 2;

export class Workers {
  /** Number of worker processes. */
  readonly count: number;
  private readonly blocks = new Map<string, UpstreamBlock>();
  /** Per worker: upstream name → state; shared (zone) groups hold the same object in every worker. */
  private readonly states: Map<string, UpstreamState>[] = [];

  constructor(config: NginxConfig, autoWorkers = DEFAULT_AUTO_WORKERS) {
    this.count = Math.max(1, config.workerProcesses === 'auto' ? autoWorkers : config.workerProcesses);
    for (const block of config.upstreams) this.blocks.set(block.name, block);
    for (let w = 0; w < this.count; w++) this.states.push(new Map());
    for (const block of config.upstreams) {
      const shared = block.zone !== undefined ? createUpstreamState(block) : undefined;
      for (const perWorker of this.states) perWorker.set(block.name, shared ?? createUpstreamState(block));
    }
  }

  /** The worker that handles connection number `connection` (1-based, as nginx numbers them). */
  workerFor(connection: number): number {
    return (connection - 1) % this.count;
  }

  /** The upstream group `name` as worker `worker` sees it, or undefined when there is none. */
  upstream(worker: number, name: string): UpstreamState | undefined {
    return this.states[worker]?.get(name);
  }

  /** The configuration block of an upstream group. */
  block(name: string): UpstreamBlock | undefined {
    return this.blocks.get(name);
  }
}
