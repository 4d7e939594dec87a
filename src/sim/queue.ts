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

  pop(): T | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    // Sift the last entry down from the root.
    const n = heap.length;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let child = l;
      if (r < n && before(heap[r]!, heap[l]!)) child = r;
      if (!before(heap[child]!, last)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}
