/**
 * What curl 7.88.1 (Debian 12) writes: the request head it sends, the `-v`
 * trace lines (`*   Trying …`, `> GET …`, `< HTTP/1.1 502 Bad Gateway`), its
 * error messages with their exit codes, and `-w` variables.
 */
import type { HttpFailure } from '../../host';

export const CURL_VERSION = '7.88.1';

/** curl's exit code and message for a request that got no response. */
export function failureMessage(failure: HttpFailure, host: string, port: number, elapsedMs: number, connectTimeoutGiven: boolean): { code: number; text: string } {
  const ms = Math.round(elapsedMs);
  switch (failure) {
    case 'refused':
      return { code: 7, text: `Failed to connect to ${host} port ${port} after ${ms} ms: Couldn't connect to server` };
    case 'connect-timeout':
      return connectTimeoutGiven
        ? { code: 28, text: `Connection timed out after ${ms} milliseconds` }
        : { code: 28, text: `Failed to connect to ${host} port ${port} after ${ms} ms: Couldn't connect to server` };
    case 'reset':
      return { code: 56, text: 'Recv failure: Connection reset by peer' };
    case 'empty':
      return { code: 52, text: 'Empty reply from server' };
    case 'timeout':
      return { code: 28, text: `Operation timed out after ${ms} milliseconds with 0 bytes received` };
  }
}

/** The request head curl builds: Host first, then its defaults unless replaced, then the user's headers. */
export function requestHeaders(
  hostHeader: string,
  custom: readonly (readonly [string, string])[],
  options: { userAgent?: string; viaProxy: boolean; body?: string },
): [string, string][] {
  const has = (name: string) => custom.some(([n]) => n.toLowerCase() === name);
  const customHost = custom.find(([n]) => n.toLowerCase() === 'host');
  const headers: [string, string][] = [['Host', customHost?.[1] ?? hostHeader]];
  if (!has('user-agent')) headers.push(['User-Agent', options.userAgent ?? `curl/${CURL_VERSION}`]);
  if (!has('accept')) headers.push(['Accept', '*/*']);
  if (options.viaProxy) headers.push(['Proxy-Connection', 'Keep-Alive']);
  for (const [name, value] of custom) if (name.toLowerCase() !== 'host') headers.push([name, value]);
  if (options.body !== undefined) {
    if (!has('content-length')) headers.push(['Content-Length', String(options.body.length)]);
    if (!has('content-type')) headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
  }
  return headers;
}

/** `-w '%{http_code}\n'`: the variables students use, and curl's backslash escapes. */
export function writeOut(template: string, vars: Readonly<Record<string, string>>): string {
  return template
    .replace(/%\{(\w+)\}/g, (_, name: string) => vars[name] ?? '')
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t')
    .replace(/\\r/g, '\r');
}

/** True for a literal IPv4 address. */
export function isIpv4(host: string): boolean {
  return /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(host);
}
