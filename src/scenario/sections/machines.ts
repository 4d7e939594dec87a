/**
 * Machines on the internet and forward proxies.
 *
 *     machines:
 *       - id: app                      # one server running an app: the single-server story
 *         address: 198.51.100.10
 *         port: 80
 *         app: { responseMs: { min: 20, max: 60 }, workers: 4 }
 *       - id: rp                       # a reverse proxy: nginx on a machine
 *         address: 198.51.100.20
 *         nginx:
 *           conf: |                    # a conf.d file, or a whole nginx.conf (with events {} and http {})
 *             upstream backend { server 10.0.1.10:3000; server 10.0.1.11:3000; }
 *             server { listen 80; location / { proxy_pass http://backend; } }
 *           files: { /var/www/static/app.js: "console.log('hi');" }
 *     proxies:
 *       - { id: corp-proxy, address: 198.51.100.77, port: 3128 }
 *
 * A machine may run nginx and an app side by side, as in `proxy_pass
 * http://localhost:3000`: `app: { port: 3000, … }` next to `nginx:`. The app
 * is its own component (`<id>-app`); nginx reaches it through loopback.
 *
 *       - id: web
 *         address: 10.0.1.10
 *         nginx: { conf: "server { listen 80; location / { proxy_pass http://localhost:3000; } }" }
 *         app: { port: 3000, responseMs: 20 }
 *
 * `linkMs` is a component's one-way distance to the internet backbone.
 */
import { isMap, type Node } from 'yaml';
import type { Check, Ctx } from '../schema';
import { childPath, maybe, obj, optional, read, refine, reportAt, required, scalar } from '../schema';
import type { MachineRole, MachineSpec, NginxSpec, ProxySpec } from '../types';
import { checkNginxSources } from '../nginx-conf';
import { appFields, toAppSpec } from './app';
import { bool, id, ipv4, ms, port, positiveDuration, text } from './common';

const absolutePath = scalar('an absolute file path such as /var/www/static/app.js', (v) =>
  typeof v === 'string' && v.startsWith('/') && !/\s/.test(v) ? v : undefined,
);

/** A mapping of file path → content (any string). */
const fileTree: Check<Record<string, string>> = {
  expected: 'a mapping of absolute file paths to their contents',
  parse(node, path, ctx) {
    if (node === null || !isMap(node)) {
      reportAt(ctx, path, `expected ${this.expected}`);
      return undefined;
    }
    const out: Record<string, string> = {};
    let ok = true;
    for (const pair of node.items) {
      const key = read(absolutePath, pair.key as Node | null, `${path}[key]`, ctx);
      const value = read(scalar('the file\'s contents (text)', (v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined)), pair.value as Node | null, childPath(path, String(key)), ctx);
      if (key === undefined || value === undefined) ok = false;
      else out[key] = value;
    }
    return ok ? out : undefined;
  },
};

const nginxFields = obj('nginx: { conf, files }', {
  conf: required(text('an nginx configuration (use a | block)')),
  files: optional(fileTree, {} as Record<string, string>),
});

/** nginx on a machine: the configuration is checked here, with errors at their line in the scenario. */
export const machineNginx: Check<NginxSpec> = {
  expected: nginxFields.expected,
  parse(node, path, ctx: Ctx) {
    const v = nginxFields.parse(node, path, ctx);
    if (v === undefined || node === null || !isMap(node)) return undefined;
    const confNode = node.get('conf', true) as Node | null;
    const full = /(^|[\s;}])(events|http)\s*\{/.test(v.conf);
    const key = full ? 'nginx.conf' : 'conf.d/default.conf';
    const checked = checkNginxSources([{ key, text: v.conf, node: confNode, path: childPath(path, 'conf') }], ctx, { node, path });
    if (checked === undefined) return undefined;
    return { files: checked.files, entry: checked.entry, checked: checked.config, docs: v.files };
  },
};

/** A machine's app: an app block, plus the port it listens on when nginx runs beside it. */
const machineApp = refine(obj('an app: { port, responseMs, workers, queue, errorRate, health, startup }', { ...appFields, port: maybe(port) }), (v) => ({
  app: toAppSpec(v),
  port: v.port,
}));

export const machine: Check<MachineSpec> = refine(
  obj('a machine: { id, address, port, app | nginx }', {
    id: required(id),
    label: maybe(text('a label (any text)')),
    address: required(ipv4),
    port: optional(port, 80),
    linkMs: optional(ms, 5),
    app: maybe(machineApp),
    nginx: maybe(machineNginx),
  }),
  (v, at, ctx): MachineSpec | undefined => {
    if (v.app === undefined && v.nginx === undefined) {
      reportAt(ctx, at, 'expected what the machine runs: app (an app server), nginx (a reverse proxy) or both, got neither');
      return undefined;
    }
    const base = { id: v.id, label: v.label ?? v.id, address: v.address, port: v.port, linkMs: v.linkMs };
    if (v.nginx === undefined && v.app !== undefined) {
      if (v.app.port !== undefined) {
        reportAt(ctx, childPath(childPath(at, 'app'), 'port'), 'expected no app.port on a machine without nginx (its app listens on the machine\'s port), got app.port');
        return undefined;
      }
      return { ...base, role: { kind: 'app', app: v.app.app } };
    }
    const role: MachineRole = { kind: 'nginx', nginx: v.nginx as NginxSpec };
    if (v.app === undefined) return { ...base, role };
    if (v.app.port === undefined) {
      reportAt(ctx, childPath(at, 'app'), 'expected app.port (the port the app listens on beside nginx, e.g. 3000), got none');
      return undefined;
    }
    if (v.app.port === v.port) {
      reportAt(ctx, childPath(childPath(at, 'app'), 'port'), `expected a port other than nginx's (${v.port}), got ${v.app.port}`);
      return undefined;
    }
    return { ...base, role, localApp: { component: `${v.id}-app`, port: v.app.port, app: v.app.app } };
  },
);

export const proxy: Check<ProxySpec> = refine(
  obj('a forward proxy: { id, address, port }', {
    id: required(id),
    label: maybe(text('a label (any text)')),
    address: required(ipv4),
    port: optional(port, 3128),
    linkMs: optional(ms, 2),
    resolver: maybe(id),
    forwardedFor: optional(bool, true),
    connectTimeout: optional(positiveDuration, 10_000),
    readTimeout: optional(positiveDuration, 60_000),
  }),
  (v) => ({
    id: v.id,
    label: v.label ?? v.id,
    address: v.address,
    port: v.port,
    linkMs: v.linkMs,
    ...(v.resolver === undefined ? {} : { resolver: v.resolver }),
    forwardedFor: v.forwardedFor,
    connectTimeoutMs: v.connectTimeout,
    readTimeoutMs: v.readTimeout,
  }),
);
