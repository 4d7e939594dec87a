/**
 * nginx benchmarks: how many routing decisions per second the plain
 * functions make (server selection, URI normalization, location match, peer
 * pick and release) for a 3-server upstream with 10 locations, and how many
 * whole simulated requests per second go through `trafficlab nginx`'s engine
 * path (client, nginx instance, proxy loop, backend network, trace, logs).
 */
import { performance } from 'node:perf_hooks';
import { parseBackends } from '../src/cli/nginx/backends';
import { resolveHost } from '../src/cli/nginx/files';
import { withDefaults, type RequestLine } from '../src/cli/nginx/requests';
import { simulate } from '../src/cli/nginx/simulate';
import { parseNginxConfig } from '../src/models/nginx/config';
import type { NginxConfig } from '../src/models/nginx/model';
import { findLocation, normalizeUri, selectServer } from '../src/models/nginx/routing';
import { createAttempt, createUpstreamState, pickPeer, releasePeer } from '../src/models/nginx/upstream';

const CONF = `upstream app {
    server 10.0.1.10:3000 weight=3;
    server 10.0.1.11:3000;
    server 10.0.1.12:3000 max_fails=3 fail_timeout=30s;
}
server {
    listen 80;
    server_name shop.example.com;
    location = / { proxy_pass http://app; }
    location / { proxy_pass http://app; }
    location /api/ { proxy_pass http://app/; }
    location /api/v2/ { proxy_pass http://app/v2/; }
    location ^~ /static/ { proxy_pass http://app; }
    location ~* \\.(png|jpg|css|js)$ { proxy_pass http://app; }
    location ~ ^/users/(\\d+)$ { proxy_pass http://app; }
    location /auth/ { proxy_pass http://app/; }
    location = /health { proxy_pass http://app; }
    location /admin/ { location ~ \\.json$ { proxy_pass http://app; } proxy_pass http://app; }
}
`;

const URIS = ['/', '/index.html', '/api/users?page=2', '/api/v2/orders/17', '/static/app.css', '/img/logo.PNG', '/users/42', '/auth/login', '/health', '/admin/report.json', '/a/../api/x'];

function parse(): NginxConfig {
  const parsed = parseNginxConfig({ 'bench.conf': CONF }, 'bench.conf', { resolve: resolveHost });
  if (!parsed.ok) throw new Error(`bench config rejected: ${parsed.error.message}`);
  return parsed.config;
}

/** Run `op` in batches until about `budgetMs` of wall time has passed; returns operations per second. */
function measure(op: (i: number) => void, budgetMs = 1000, batch = 1000): number {
  for (let i = 0; i < batch; i++) op(i); // warm-up
  let done = 0;
  const start = performance.now();
  let elapsed = 0;
  // Bounded by time and by count.
  while (elapsed < budgetMs && done < 50_000_000) {
    for (let i = 0; i < batch; i++) op(done + i);
    done += batch;
    elapsed = performance.now() - start;
  }
  return (done / elapsed) * 1000;
}

function routingDecisions(config: NginxConfig): number {
  const servers = config.servers;
  const block = config.upstreams.find((u) => u.name === 'app');
  if (!block) throw new Error('no upstream app');
  const state = createUpstreamState(block);
  let sink = 0;
  const rate = measure((i) => {
    const uri = URIS[i % URIS.length] ?? '/';
    const sel = selectServer(servers, { localAddr: '127.0.0.1', localPort: 80, host: 'shop.example.com', httpVersion: '1.1' });
    if (sel.kind !== 'server') throw new Error(sel.why);
    const n = normalizeUri(uri);
    if ('error' in n) throw new Error(n.why);
    const match = findLocation(sel.server, n.uri, n.args);
    const attempt = createAttempt(state, { nextUpstreamTries: 0 });
    const pick = pickPeer(state, attempt, { nowSec: Math.floor(i / 1000), clientIp: '10.1.2.3', random: () => 0.5 });
    if (pick.kind === 'peer') releasePeer(state, attempt, pick.peer, 'ok', Math.floor(i / 1000));
    sink += match.tested.length;
  });
  if (sink < 0) console.log(sink);
  return rate;
}

function simulatedRequests(config: NginxConfig, count: number): number {
  const backends = parseBackends('{"10.0.1.10:3000": "ok", "10.0.1.11:3000": {"delayMs": 5}, "10.0.1.12:3000": "refuse"}', 'bench.json');
  const lines: RequestLine[] = [];
  for (let i = 0; i < count; i++) lines.push({ line: i + 1, atMs: i * 10, uri: URIS[i % URIS.length] ?? '/', host: 'shop.example.com', headers: [] });
  const requests = withDefaults(lines, config);
  simulate({ config, backends, requests: requests.slice(0, 500), autoWorkers: 1 }); // warm-up
  const start = performance.now();
  const sim = simulate({ config, backends, requests, autoWorkers: 1 });
  const elapsed = performance.now() - start;
  if (sim.lines.length !== count) throw new Error(`only ${sim.lines.length} of ${count} requests finished`);
  return (count / elapsed) * 1000;
}

export async function benchNginx(): Promise<{ name: string; opsPerSec: number }[]> {
  const config = parse();
  return [
    { name: 'routing decisions (server + location + pick + release)', opsPerSec: routingDecisions(config) },
    { name: 'simulated requests through trafficlab nginx (engine path)', opsPerSec: simulatedRequests(config, 20_000) },
  ];
}
