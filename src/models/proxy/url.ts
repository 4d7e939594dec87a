/**
 * The request target a forward proxy receives: absolute form
 * (`GET http://www.example.com/path HTTP/1.1`, RFC 9112 §3.2.2), which is how
 * a client tells a proxy where to go. A plain `/path` means the client took
 * the proxy for the origin server.
 */

export interface AbsoluteTarget {
  readonly host: string;
  readonly port: number;
  /** Path and query, as the origin will see it (origin form). */
  readonly path: string;
}

/** Split `http://host[:port]/path?q`; undefined for anything else (https needs CONNECT, not modelled). */
export function parseAbsoluteTarget(target: string): AbsoluteTarget | undefined {
  const match = /^http:\/\/([^/:?#\s]+)(?::(\d{1,5}))?([/?][^\s#]*)?$/i.exec(target);
  if (match === null) return undefined;
  const port = match[2] === undefined ? 80 : Number(match[2]);
  if (port < 1 || port > 65535) return undefined;
  const rest = match[3] ?? '/';
  return { host: (match[1] ?? '').toLowerCase(), port, path: rest.startsWith('?') ? `/${rest}` : rest };
}
