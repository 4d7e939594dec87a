/**
 * The event queue: a binary min-heap ordered by (time, seq).
 *
 * `seq` is the insertion counter, so two events due at the same virtual time
 * come out in the order they were scheduled. That tie-break is what makes a
 * run reproducible: nothing depends on heap layout or object identity.
 */

/** What the heap needs from an entry. */
export interface Queued {
  time: number;
  seq: number;
}

function before(a: Queued, b: Queued): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}

/** A min-heap of entries; the smallest (time, seq) is at the top. */
export class EventQueue<T extends Queued> {
  private readonly heap: T[] = [];

  get size(): number {
    return this.heap.length;
  }

  peek(): T | undefined {
    return this.heap[0];
  }

  push(entry: T): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (!before(entry, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = entry;
  }

  /**
   * Drop every entry `keep` rejects and restore heap order, in O(n). The
   * order entries come out in does not change: it depends only on (time, seq).
   */
  retain(keep: (entry: T) => boolean): void {
    const heap = this.heap;
    let n = 0;
    for (let i = 0; i < heap.length; i++) {
      const entry = heap[i]!;
      if (keep(entry)) heap[n++] = entry;
    }
    heap.length = n;
    for (let i = (n >> 1) - 1; i >= 0; i--) this.siftDown(i, heap[i]!);
  }

  pop(): T | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    this.siftDown(0, last);
    return top;
  }

  /** Put `entry` at `i` and move it down until both children come after it. */
  private siftDown(i: number, entry: T): void {
    const heap = this.heap;
    const n = heap.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let child = l;
      if (r < n && before(heap[r]!, heap[l]!)) child = r;
      if (!before(heap[child]!, entry)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = entry;
  }
}
