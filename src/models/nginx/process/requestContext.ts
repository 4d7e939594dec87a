/**
 * The variables' view of a request (`RequestContext`), filled from what
 * arrived on the connection, plus the byte counts nginx logs.
 */
import type { RequestContext } from '../routing/context';
import type { ErrorContext } from './errorLog';
import type { ClientRequest } from './types';

/** The context as it stands once the server block is known (URI and args are set when parsed). */
export function requestContext(req: ClientRequest, host: string, err: ErrorContext, startMs: number, idRandom: () => number): RequestContext {
  return {
    method: req.method,
    requestUri: req.uri,
    httpVersion: req.httpVersion === 'HTTP/1.0' ? '1.0' : '1.1',
    headers: req.headers,
    remoteAddr: req.clientIp,
    remotePort: req.clientPort,
    serverAddr: req.localIp,
    serverPort: req.localPort,
    uri: req.uri,
    args: '',
    host,
    serverName: err.serverName,
    startMs,
    pid: err.pid,
    connection: err.connection,
    connectionRequests: 1,
    requestId: requestId(idRandom),
  };
}

/** `$request_length`: request line, header fields and body, as they came over the wire. */
export function requestLength(req: ClientRequest): number {
  const line = `${req.method} ${req.uri} ${req.httpVersion}`.length + 2;
  const head = req.headers.reduce((n, [k, v]) => n + k.length + v.length + 4, line);
  return head + 2 + (req.body?.length ?? 0);
}

/** `$request_id`: 32 hex digits, drawn from a seeded stream rather than nginx's RAND_bytes. */
function requestId(random: () => number): string {
  let id = '';
  for (let i = 0; i < 4; i++) id += Math.floor(random() * 0x100000000).toString(16).padStart(8, '0');
  return id;
}
