/**
 * The client side of a differential run: one raw HTTP request over TCP, so
 * the harness controls every byte (no Host, HTTP/1.0, odd URIs) exactly as
 * REQUESTS.jsonl describes it.
 */
import net from 'node:net';
import type { ClientRequestSpec } from '../../../src/cli/nginx/requests';
import { ID_HEADER } from './real-backends';

export interface ClientResult {
  /** HTTP status, or 0 when the connection failed or timed out. */
  status: number;
  raw: string;
}

/** Send `spec` to nginx and wait (at most `timeoutMs`) for the whole response. */
export function sendRequest(spec: ClientRequestSpec, id: string, timeoutMs: number): Promise<ClientResult> {
  const lines = [`${spec.method} ${spec.uri} HTTP/${spec.http}`];
  if (spec.host !== '') lines.push(`Host: ${spec.host}`);
  for (const [name, value] of spec.headers) lines.push(`${name}: ${value}`);
  lines.push(`${ID_HEADER}: ${id}`);
  if (spec.body !== undefined) lines.push(`Content-Length: ${Buffer.byteLength(spec.body)}`);
  lines.push('Connection: close');
  const text = `${lines.join('\r\n')}\r\n\r\n${spec.body ?? ''}`;

  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const socket = net.connect({ host: spec.address, port: spec.port, localAddress: spec.client });
    const finish = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const raw = Buffer.concat(chunks).toString('latin1');
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(raw);
      resolve({ status: match ? Number(match[1]) : 0, raw });
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on('connect', () => socket.write(text, 'latin1'));
    socket.on('data', (c) => chunks.push(c));
    socket.on('end', finish);
    socket.on('close', finish);
    socket.on('error', finish);
  });
}
