/**
 * What an app does with a request that arrives: start it now if a worker is
 * free, wait in the queue if there is room, or turn it away with 503. A plain
 * function over counts, so the rule reads in one place and tests need no clock.
 */

export interface Capacity {
  /** Requests worked on at once (worker threads, event-loop concurrency…). */
  readonly concurrency: number;
  /** Requests allowed to wait for a worker; beyond that the app answers 503. */
  readonly queue: number;
}

export type Admission =
  | { readonly kind: 'start' }
  | { readonly kind: 'queue'; readonly position: number }
  | { readonly kind: 'reject'; readonly why: string };

/** Decide for one arriving request, given how many run and how many wait. */
export function admit(capacity: Capacity, running: number, waiting: number): Admission {
  if (running < capacity.concurrency && waiting === 0) return { kind: 'start' };
  if (waiting < capacity.queue) return { kind: 'queue', position: waiting + 1 };
  return {
    kind: 'reject',
    why: `all ${capacity.concurrency} workers busy and the queue holds ${waiting} of ${capacity.queue}: 503 at once`,
  };
}
