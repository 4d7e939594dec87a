/**
 * The access-log line Squid writes in its native format
 * (`logformat squid`: `%ts.%03tu %6tr %>a %Ss/%03>Hs %<st %rm %ru %[un %Sh/%<a %mt`):
 *
 *     1704067200.045     45 203.0.113.7 TCP_MISS/200 512 GET http://www.example.com/ - HIER_DIRECT/198.51.100.10 text/plain
 *
 * It shows both sides of the proxy on one line: the client's address, and
 * the origin server's address the proxy connected to.
 */

export interface SquidLogEntry {
  /** Wall-clock ms the request finished (virtual time plus the log epoch). */
  readonly atMs: number;
  readonly elapsedMs: number;
  readonly clientIp: string;
  /** `TCP_MISS`, or `TCP_MISS_ABORTED`/`NONE_NONE` on errors. */
  readonly action: string;
  readonly status: number;
  readonly bytes: number;
  readonly method: string;
  readonly url: string;
  /** `HIER_DIRECT/<origin ip>`, or `HIER_NONE/-` when no origin was reached. */
  readonly hierarchy: string;
  readonly contentType: string;
}

export function squidLogLine(e: SquidLogEntry): string {
  const seconds = (e.atMs / 1000).toFixed(3);
  const elapsed = String(Math.round(e.elapsedMs)).padStart(6);
  const status = String(e.status).padStart(3, '0');
  return `${seconds} ${elapsed} ${e.clientIp} ${e.action}/${status} ${e.bytes} ${e.method} ${e.url} - ${e.hierarchy} ${e.contentType}`;
}
