/**
 * A small world for processor tests: an engine, a trace, a scripted network
 * and one nginx instance parsed from configuration text.
 */
import { Engine, Trace, type TraceRecord } from '../../../../src/sim';
import { parseNginxConfig } from '../../../../src/models/nginx/config';
import { NginxInstance, type ClientResponse, type UpstreamNetwork } from '../../../../src/models/nginx/process';

/** How a scripted backend treats a connection. */
export type Script =
  | { kind: 'refuse' }
  | { kind: 'hang' }
  /** SYNs vanish: neither connected nor refused (only the connect timeout ends it). */
  | { kind: 'blackhole' }
  /** Accepts, reads the request, then closes without answering. */
  | { kind: 'close' }
  | { kind: 'respond'; status: number; delayMs?: number };

export function scriptedNetwork(engine: Engine, scripts: Record<string, Script>): UpstreamNetwork & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    connect(_from, address, handlers) {
      const script = scripts[address] ?? { kind: 'refuse' };
      const event = engine.schedule(0, () => {
        if (script.kind === 'blackhole') return;
        if (script.kind === 'refuse') return handlers.refused();
        let open = true;
        handlers.connected({
          close: () => {
            open = false;
          },
          send(request, res) {
            reads.push(`${address} ${request.method} ${request.uri}`);
            if (script.kind === 'hang') return;
            if (script.kind === 'close') {
              engine.schedule(0, () => open && res.closed());
              return;
            }
            engine.schedule(script.delayMs ?? 0, () => open && res.response({ status: script.status, headers: [], body: 'ok' }));
          },
        });
      });
      return { abort: () => engine.cancel(event) };
    },
  };
}

export interface TestWorld {
  engine: Engine;
  trace: Trace;
  nginx: NginxInstance;
  network: ReturnType<typeof scriptedNetwork>;
  /** Send a request now; the response lands in the returned array when done. */
  send(uri: string, opts?: { method?: string; host?: string; client?: string; body?: string }): ClientResponse[];
  /** Send `n` requests one after another (each when the previous finished) and run to the end. */
  sequential(n: number, uri?: string, opts?: { method?: string }): ClientResponse[];
  records(kind: TraceRecord['kind']): TraceRecord[];
  logLines(stream?: string): string[];
}

export function world(conf: string, scripts: Record<string, Script>, opts: { autoWorkers?: number; files?: Record<string, string> } = {}): TestWorld {
  const parsed = parseNginxConfig({ 'test.conf': conf }, 'test.conf', { resolve: (h) => (h === 'localhost' ? ['127.0.0.1'] : undefined) });
  if (!parsed.ok) throw new Error(`config rejected: ${parsed.error.message} at line ${parsed.error.line}`);
  const engine = new Engine();
  const trace = new Trace(() => engine.now);
  const network = scriptedNetwork(engine, scripts);
  const nginx = new NginxInstance({ config: parsed.config, engine, trace, network, autoWorkers: opts.autoWorkers ?? 1, ...(opts.files ? { files: opts.files } : {}) });
  const listen = parsed.config.servers[0]?.listens[0];
  let n = 0;
  const send: TestWorld['send'] = (uri, o = {}) => {
    const out: ClientResponse[] = [];
    const headers: [string, string][] = [['Host', o.host ?? 'example.com']];
    if (o.body !== undefined) headers.push(['Content-Length', String(o.body.length)]);
    n++;
    nginx.handle(
      {
        id: `r${n}`,
        method: o.method ?? 'GET',
        uri,
        httpVersion: 'HTTP/1.1',
        headers,
        ...(o.body !== undefined ? { body: o.body } : {}),
        clientIp: o.client ?? '127.0.0.1',
        clientPort: 40000 + n,
        localIp: listen?.addr === '*' ? '127.0.0.1' : (listen?.addr ?? '127.0.0.1'),
        localPort: listen?.port ?? 80,
      },
      (r) => out.push(r),
    );
    return out;
  };
  return {
    engine,
    trace,
    nginx,
    network,
    send,
    sequential(count, uri = '/', o = {}) {
      const all: ClientResponse[] = [];
      for (let i = 0; i < count; i++) {
        const out = send(uri, o);
        // Bounded: every request ends within its timeouts.
        for (let steps = 0; out.length === 0 && steps < 100_000 && engine.step(); steps++);
        all.push(...out);
      }
      return all;
    },
    records: (kind) => trace.records().filter((r) => r.kind === kind),
    logLines: (stream) =>
      trace
        .records()
        .filter((r): r is Extract<TraceRecord, { kind: 'log' }> => r.kind === 'log' && (stream === undefined || r.stream === stream))
        .map((r) => r.line),
  };
}

/** `$upstream_addr` of each response. */
export const addrs = (rs: ClientResponse[]): string[] => rs.map((r) => r.upstreamAddr);
