/**
 * Real backends for the differential tests: small Node TCP servers on
 * loopback that behave as BACKENDS.json says, switching behaviour at each
 * `fromMs` of a timeline (measured from the run's start).
 *
 * `refuse` means nothing listens (the listener is closed), `hang` accepts and
 * reads the request but never answers. Each backend writes down the URI of the
 * request line it read, keyed by the id header the harness adds, so the test
 * can tell which backend saw what.
 */
import net from 'node:net';
import type { Backends, Behaviour } from '../../../src/cli/nginx/backends';

/** Header the harness adds to every client request to follow it through nginx. */
export const ID_HEADER = 'X-TL-Id';

export interface RealBackends {
  /** Request id → URIs read, in order, with the address that read them. */
  seen: Map<string, { address: string; uri: string }[]>;
  /** Start the timelines: behaviour changes are scheduled relative to `t0` (epoch ms). */
  start(t0: number): Promise<void>;
  stop(): Promise<void>;
}

const REASONS: Record<number, string> = { 200: 'OK', 201: 'Created', 204: 'No Content', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };

export function createRealBackends(backends: Backends): RealBackends {
  const seen = new Map<string, { address: string; uri: string }[]>();
  const timers: NodeJS.Timeout[] = [];
  const sockets = new Set<net.Socket>();
  const servers: { address: string; server: net.Server; listening: boolean; current: Behaviour }[] = [];

  for (const [address] of backends) {
    const entry = { address, server: undefined as unknown as net.Server, listening: false, current: { kind: 'refuse' } as Behaviour };
    entry.server = net.createServer((socket) => serve(entry.address, () => entry.current, socket));
    servers.push(entry);
  }

  function serve(address: string, behaviour: () => Behaviour, socket: net.Socket): void {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffer = '';
    let answered = false;
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0 || answered) return;
      answered = true;
      const head = buffer.slice(0, end).split('\r\n');
      const uri = (head[0] ?? '').split(' ')[1] ?? '';
      const idLine = head.find((h) => h.toLowerCase().startsWith(`${ID_HEADER.toLowerCase()}:`));
      const id = idLine?.slice(ID_HEADER.length + 1).trim() ?? '?';
      const list = seen.get(id) ?? [];
      list.push({ address, uri });
      seen.set(id, list);
      const b = behaviour();
      if (b.kind !== 'respond') return; // hang (or a refuse that began after accept): never answer
      const reply = (): void => {
        const body = `${address}\n`;
        socket.end(`HTTP/1.1 ${b.status} ${REASONS[b.status] ?? 'Status'}\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`);
      };
      if (b.delayMs > 0) timers.push(setTimeout(reply, b.delayMs));
      else reply();
    });
  }

  async function apply(entry: (typeof servers)[number], b: Behaviour): Promise<void> {
    entry.current = b;
    const [host = '', port = ''] = entry.address.split(':');
    if (b.kind === 'refuse' && entry.listening) {
      entry.listening = false;
      await new Promise<void>((resolve) => entry.server.close(() => resolve()));
    } else if (b.kind !== 'refuse' && !entry.listening) {
      entry.listening = true;
      await new Promise<void>((resolve, reject) => {
        entry.server.once('error', reject);
        entry.server.listen({ host, port: Number(port), exclusive: true, backlog: 64 }, () => {
          entry.server.off('error', reject);
          resolve();
        });
      });
    }
  }

  return {
    seen,
    async start(t0: number) {
      for (const entry of servers) {
        const timeline = backends.get(entry.address) ?? [];
        for (const { fromMs, behaviour } of timeline) {
          if (fromMs === 0) await apply(entry, behaviour);
          else timers.push(setTimeout(() => void apply(entry, behaviour).catch(() => undefined), Math.max(0, t0 + fromMs - Date.now())));
        }
      }
    },
    async stop() {
      for (const t of timers) clearTimeout(t);
      for (const s of sockets) s.destroy();
      await Promise.all(
        servers.filter((e) => e.listening).map((e) => new Promise<void>((resolve) => e.server.close(() => resolve()))),
      );
    },
  };
}
