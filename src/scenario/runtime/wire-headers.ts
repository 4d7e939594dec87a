/**
 * The request headers a packet record keeps: the few a student watches change
 * from hop to hop (who the client was, which name it asked for, through which
 * proxies it came). Every hop of every packet is a record, so the trace keeps
 * only these, under one spelling and in one order, whatever the sender wrote.
 */

/** The headers worth seeing per hop, in the order a record lists them. */
export const TEACHING_HEADERS = ['Host', 'X-Real-IP', 'X-Forwarded-For', 'X-Forwarded-Proto', 'Via'] as const;

const CANONICAL = new Map<string, string>(TEACHING_HEADERS.map((name) => [name.toLowerCase(), name]));

/**
 * The teaching headers among `headers`, keyed by their canonical spelling in
 * `TEACHING_HEADERS` order (so equal requests give equal JSON bytes), or
 * undefined when none is there. A header sent twice reads as one, its values
 * joined by `, ` as HTTP allows for list-valued fields.
 */
export function teachingHeaders(headers: readonly (readonly [string, string])[]): Record<string, string> | undefined {
  const found = new Map<string, string>();
  for (const [name, value] of headers) {
    const canonical = CANONICAL.get(name.toLowerCase());
    if (canonical === undefined) continue;
    const before = found.get(canonical);
    found.set(canonical, before === undefined ? value : `${before}, ${value}`);
  }
  if (found.size === 0) return undefined;
  const out: Record<string, string> = {};
  for (const name of TEACHING_HEADERS) {
    const value = found.get(name);
    if (value !== undefined) out[name] = value;
  }
  return out;
}
