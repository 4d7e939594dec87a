/**
 * How the trace keeps the text of its records cheaply: one flat string per
 * text, and one string for equal texts.
 *
 * A string built by concatenation is, in the engines browsers and Node run,
 * a tree of pieces (a rope): `SYN 10.0.0.5:32768 → 10.0.1.10:80` is seven
 * heap objects and more. A record stays in the trace's window for a hundred
 * thousand records, and the garbage collector copies and marks every object
 * it holds; so the trace keeps a flat copy instead, and texts that repeat
 * record after record (the same rule matched, the same peer picked, the same
 * `GET /`) share one string. Values never change: nobody can tell but the heap.
 */

/**
 * `text` as one flat string of equal value. `trim` flattens its receiver
 * first and returns that flat string when there is nothing to trim; when
 * there is, the receiver itself (flattened in place) is returned.
 */
export function flat(text: string): string {
  const trimmed = text.trim();
  return trimmed.length === text.length ? trimmed : text;
}

/** Distinct texts a pool holds before it starts afresh (bounded memory on runs of unique texts). */
const POOL_LIMIT = 4096;

/** Equal texts → one shared flat string. */
export class TextPool {
  private readonly texts = new Map<string, string>();
  /**
   * The text last shared of each length (modulo RECENT): most texts a writer
   * shares are the very string it shared last time (a component's name, a
   * decision made once), and comparing it with the one string of its length
   * costs less than hashing it into the map. Only pool strings are kept here.
   */
  private readonly recent: string[] = new Array<string>(RECENT).fill('');

  /** Recently flattened texts (`flatRecent`): what was given, and what came out, by length modulo RECENT. */
  private readonly givenIn: string[] = new Array<string>(RECENT).fill('');
  private readonly flatOut: string[] = new Array<string>(RECENT).fill('');

  /**
   * `flat(text)`, answered from the last text of its length when that is the
   * same: a record's addresses and summary are usually the strings the
   * previous record of the hop had (its `send` before its `deliver`, a
   * connection's hops one after another), and comparing costs less than the
   * call that flattens.
   */
  flatRecent(text: string): string {
    const slot = text.length & (RECENT - 1);
    if (this.givenIn[slot] === text) return this.flatOut[slot]!;
    const out = flat(text);
    this.givenIn[slot] = text;
    this.flatOut[slot] = out;
    return out;
  }

  /** The pool's string equal to `text`, flat; `text` (flattened) joins the pool if none is. */
  share(text: string): string {
    const slot = text.length & (RECENT - 1);
    const recent = this.recent[slot]!;
    if (recent === text) return recent;
    let held = this.texts.get(text);
    if (held === undefined) {
      held = flat(text);
      // Starting afresh rather than evicting one by one: a pool only saves memory, so a text seen again is simply pooled again.
      if (this.texts.size >= POOL_LIMIT) this.texts.clear();
      this.texts.set(held, held);
    }
    this.recent[slot] = held;
    return held;
  }
}

/** Slots of `TextPool.recent`: a power of two, so a length picks its slot with a mask. */
const RECENT = 64;

/**
 * Texts made from two parts (`GET` and `/api`, an IP and a port), each made
 * once per distinct pair, flat, and handed out again for equal parts: a
 * writer on a hot path looks the parts up instead of concatenating and
 * leaving the trace to flatten or pool the result.
 */
export class PairTexts<A, B> {
  private readonly rows = new Map<A, Map<B, string>>();
  private size = 0;

  constructor(private readonly make: (a: A, b: B) => string) {}

  /** `make(a, b)`, made on first use. */
  get(a: A, b: B): string {
    const known = this.rows.get(a)?.get(b);
    if (known !== undefined) return known;
    // Bounded like the pool: ephemeral ports and odd URLs must not grow it without end.
    if (this.size >= POOL_LIMIT) {
      this.rows.clear();
      this.size = 0;
    }
    let row = this.rows.get(a);
    if (row === undefined) {
      row = new Map();
      this.rows.set(a, row);
    }
    const text = flat(this.make(a, b));
    row.set(b, text);
    this.size++;
    return text;
  }
}
