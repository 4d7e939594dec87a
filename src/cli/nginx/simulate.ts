/**
 * The engine path of `trafficlab nginx`: one nginx instance, the backend
 * table as its network, and a client that sends the requests one after
 * another — each at its `atMs`, or when the one before it has finished,
 * whichever is later.
 */
import { Engine, Trace } from '../../sim';
import type { NginxConfig } from '../../models/nginx/model';
import { NginxInstance, type ClientRequest, type ClientResponse } from '../../models/nginx/process';
import type { Backends } from './backends';
import { createBackendNetwork } from './network';
import type { ClientRequestSpec } from './requests';

/** One output line of the command. */
export interface OutputLine {
  status: number;
  upstream_addr: string;
  upstream_status: string;
  upstream_uri: string;
}

export interface SimulationInput {
  config: NginxConfig;
  backends: Backends;
  requests: ClientRequestSpec[];
  /** What `worker_processes auto` means. */
  autoWorkers: number;
  /** Files for root/alias, absolute path → content, and the prefix relative roots resolve against. */
  files?: Record<string, string>;
  prefix?: string;
}

export interface Simulation {
  lines: OutputLine[];
  responses: ClientResponse[];
  engine: Engine;
  trace: Trace;
}

/** Far more events than any request file needs; a bound so a bug cannot spin forever. */
const MAX_EVENTS = 50_000_000;

/** Build the world; `beforeRun` may subscribe to the trace before anything happens. */
export function simulate(input: SimulationInput, beforeRun?: (trace: Trace) => void): Simulation {
  const engine = new Engine();
  const trace = new Trace(() => engine.now, { windowSize: 10_000 });
  beforeRun?.(trace);
  const network = createBackendNetwork(engine, trace, input.backends);
  const nginx = new NginxInstance({
    config: input.config,
    engine,
    trace,
    network,
    autoWorkers: input.autoWorkers,
    ...(input.files ? { files: input.files } : {}),
    ...(input.prefix ? { prefix: input.prefix } : {}),
  });
  const lines: OutputLine[] = [];
  const responses: ClientResponse[] = [];

  const send = (index: number): void => {
    const spec = input.requests[index];
    if (spec === undefined) return;
    const id = `r${index + 1}`;
    const request = toClientRequest(spec, id, index);
    trace.record({ kind: 'request', requestId: id, client: spec.client, method: spec.method, url: `http://${spec.host || spec.address}:${spec.port}${spec.uri}` });
    const startedMs = engine.now;
    nginx.handle(request, (response) => {
      lines.push({
        status: response.status,
        upstream_addr: response.upstreamAddr,
        upstream_status: response.upstreamStatus,
        upstream_uri: network.lastUri.get(id) ?? '-',
      });
      responses.push(response);
      trace.record({
        kind: 'outcome',
        requestId: id,
        client: spec.client,
        status: response.status,
        result: response.status === 0 ? 'refused' : response.status >= 500 ? 'error' : 'ok',
        latencyMs: engine.now - startedMs,
        servedBy: response.upstreamAddr === '-' ? nginx.name : response.upstreamAddr,
        why: response.upstreamAddr === '-' ? `answered by nginx itself` : `via ${response.upstreamAddr} (${response.upstreamStatus})`,
      });
      const next = input.requests[index + 1];
      if (next !== undefined) engine.scheduleAt(Math.max(next.atMs, engine.now), () => send(index + 1), `client request ${index + 2}`);
    });
  };
  const first = input.requests[0];
  if (first !== undefined) engine.scheduleAt(first.atMs, () => send(0), 'client request 1');
  for (let n = 0; n < MAX_EVENTS && engine.step(); n++) {
    // Each step runs one event; the loop ends when nothing is left to do.
  }
  return { lines, responses, engine, trace };
}

function toClientRequest(spec: ClientRequestSpec, id: string, index: number): ClientRequest {
  const headers: [string, string][] = [];
  if (spec.host !== '') headers.push(['Host', spec.host]);
  headers.push(...spec.headers);
  if (spec.body !== undefined) headers.push(['Content-Length', String(new TextEncoder().encode(spec.body).length)]);
  const request: ClientRequest = {
    id,
    method: spec.method,
    uri: spec.uri,
    httpVersion: spec.http === '1.0' ? 'HTTP/1.0' : 'HTTP/1.1',
    headers,
    clientIp: spec.client,
    // Ephemeral ports as a kernel would hand them out, one connection per request.
    clientPort: 40000 + (index % 20000),
    localIp: spec.address,
    localPort: spec.port,
  };
  if (spec.body !== undefined) request.body = spec.body;
  return request;
}
