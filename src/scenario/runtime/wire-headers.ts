/**
 * The request headers a packet record keeps: the few a student watches change
 * from hop to hop (who the client was, which name it asked for, through which
 * proxies it came). Every hop of every packet is a record, so the trace keeps
 * only these, under one spelling and in one order, whatever the sender wrote.
 */

/** The headers worth seeing per hop, in the order a record lists them. */
export const TEACHING_HEADERS = ['Host', 'X-Real-IP', 'X-Forwarded-For', 'X-Forwarded-Proto', 'Via'] as const;

/** Lower-cased name → index in TEACHING_HEADERS. */
const INDEX = new Map<string, number>(TEACHING_HEADERS.map((name, i) => [name.toLowerCase(), i]));

/**
 * Index in TEACHING_HEADERS (-1: none) by name as sent: senders spell the
 * same few names on every message, and looking the spelling up costs less
 * than lower-casing it each time. Bounded: odd spellings must not grow it.
 */
const bySpelling = new Map<string, number>();
const SPELLINGS_LIMIT = 256;

function teachingIndex(name: string): number {
  let i = bySpelling.get(name);
  if (i === undefined) {
    if (bySpelling.size >= SPELLINGS_LIMIT) bySpelling.clear();
    i = INDEX.get(name.toLowerCase()) ?? -1;
    bySpelling.set(name, i);
  }
  return i;
}

/**
 * The teaching headers among `headers`, keyed by their canonical spelling in
 * `TEACHING_HEADERS` order (so equal requests give equal JSON bytes), or
 * undefined when none is there. A header sent twice reads as one, its values
 * joined by `, ` as HTTP allows for list-valued fields.
 */
export function teachingHeaders(headers: readonly (readonly [string, string])[]): Record<string, string> | undefined {
  // Made for every request message: slots by index rather than a Map.
  let found: (string | undefined)[] | undefined;
  for (const [name, value] of headers) {
    const i = teachingIndex(name);
    if (i < 0) continue;
    found ??= [undefined, undefined, undefined, undefined, undefined];
    const before = found[i];
    found[i] = before === undefined ? value : `${before}, ${value}`;
  }
  if (found === undefined) return undefined;
  const out: Record<string, string> = {};
  for (let i = 0; i < TEACHING_HEADERS.length; i++) {
    const value = found[i];
    if (value !== undefined) out[TEACHING_HEADERS[i]!] = value;
  }
  return out;
}
