/**
 * One differential run against real nginx: start the backends and nginx, send
 * the requests in real time (each at its `atMs`, or when the one before it
 * has finished, whichever is later), and read back per request what the
 * `trafficlab nginx` output line holds.
 */
import fs from 'node:fs';
import type { Backends } from '../../../src/cli/nginx/backends';
import type { ClientRequestSpec } from '../../../src/cli/nginx/requests';
import { sendRequest } from './client';
import { createRealBackends } from './real-backends';
import { readIfExists, start, type Prepared } from './real-nginx';

/** The four fields of a `trafficlab nginx` output line. */
export interface Observed {
  status: number;
  upstream_addr: string;
  upstream_status: string;
  upstream_uri: string;
}

export interface RealRun {
  results: Observed[];
  errorLog: string;
}

/**
 * nginx's clock has whole seconds. Starting the requests just after a second
 * boundary makes virtual `atMs` and real time fall in the same second, so a
 * `fail_timeout` window ends for both at the same request.
 */
const START_AFTER_SECOND_MS = 30;

export async function runReal(p: Prepared, backends: Backends, requests: ClientRequestSpec[], requestTimeoutMs = 15_000): Promise<RealRun> {
  const real = createRealBackends(backends);
  const sockets = uniqueSockets(requests);
  const statuses: number[] = [];
  let nginx: Awaited<ReturnType<typeof start>> | undefined;
  try {
    nginx = await start(p, sockets);
    const wait = (1000 + START_AFTER_SECOND_MS - (Date.now() % 1000)) % 1000;
    await sleep(wait < 10 ? wait + 1000 : wait);
    const t0 = Date.now();
    await real.start(t0);
    for (const [i, spec] of requests.entries()) {
      const due = t0 + spec.atMs - Date.now();
      if (due > 0) await sleep(due);
      statuses.push((await sendRequest(spec, String(i + 1), requestTimeoutMs)).status);
    }
    // nginx writes the access log line after the response has gone out, so the
    // client can see the last answer before its line exists: wait for every
    // line (bounded) before stopping nginx, or a loaded machine loses the last one.
    for (let waited = 0; waited < 3000 && countLines(readIfExists(p.accessLog)) < requests.length; waited += 20) await sleep(20);
  } finally {
    await nginx?.stop();
    await real.stop();
  }
  const logged = parseAccessLog(readIfExists(p.accessLog), requests.length);
  const results = requests.map((_, i): Observed => {
    const line = logged[i];
    const seen = real.seen.get(String(i + 1));
    return {
      status: statuses[i] ?? 0,
      upstream_addr: line?.addr ?? '?',
      upstream_status: line?.status ?? '?',
      upstream_uri: seen?.[seen.length - 1]?.uri ?? '-',
    };
  });
  return { results, errorLog: fs.existsSync(p.errorLog) ? readIfExists(p.errorLog) : '' };
}

/** Access-log lines by request index; a request nginx rejected before reading headers has id `-`, placed by order. */
function countLines(text: string): number {
  return text.split('\n').filter((line) => line !== '').length;
}

function parseAccessLog(text: string, count: number): ({ addr: string; status: string } | undefined)[] {
  const out: ({ addr: string; status: string } | undefined)[] = new Array(count).fill(undefined);
  const unplaced: { addr: string; status: string }[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const [id = '-', , addr = '?', status = '?'] = line.split('|');
    const index = Number(id) - 1;
    if (Number.isInteger(index) && index >= 0 && index < count) out[index] = { addr, status };
    else unplaced.push({ addr, status });
  }
  for (let i = 0; i < count && unplaced.length > 0; i++) if (out[i] === undefined) out[i] = unplaced.shift();
  return out;
}

function uniqueSockets(requests: ClientRequestSpec[]): { address: string; port: number }[] {
  const map = new Map(requests.map((r) => [`${r.address}:${r.port}`, { address: r.address, port: r.port }]));
  return [...map.values()];
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
