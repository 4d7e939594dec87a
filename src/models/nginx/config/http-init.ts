/**
 * What nginx does when `http {}` closes, after its contents are read and in
 * its order (ngx_http_block): initialise upstreams (resolving the host names
 * of implicit ones, `round_robin.c:189-252`), build the location trees (which
 * finds duplicate locations) and bind variables (which finds unknown ones).
 */
import { failUnplaced } from './errors';
import type { Parser } from './parser';
import type { HttpNode, LocationNode } from './tree';
import { defaultServer } from './upstream';
import { formatAddress, inetAton, orderAddresses } from './url';
import { isBuiltinVariable } from './variables';

function initUpstreams(p: Parser, http: HttpNode): void {
  for (const u of http.upstreams) {
    if (!u.implicit) {
      const primaries = u.servers.filter((s) => !s.backup);
      if (primaries.length === 0) p.failAt(`no servers in upstream "${u.name}"`, u.pos);
      continue;
    }
    if (u.servers.length > 0) continue;
    const host = u.host;
    const numeric = inetAton(host);
    const ips = numeric !== undefined ? [numeric] : p.opts.resolve(host);
    if (!ips || ips.length === 0) p.failAt(`host not found in upstream "${host}"`, u.pos);
    // nginx resolves an implicit upstream once: every address is a peer with default settings.
    u.servers.push(defaultServer(`${host}:${u.port}`, orderAddresses(ips).map((ip) => formatAddress(ip, u.port)), u.pos));
  }
}

/** ngx_http_cmp_locations for the static (exact and prefix) ones: by name, exact first. */
function staticOrder(a: LocationNode, b: LocationNode): number {
  if (a.pattern !== b.pattern) return a.pattern < b.pattern ? -1 : 1;
  if (a.modifier !== '=' && b.modifier === '=') return 1;
  if (a.modifier === '=' && b.modifier !== '=') return -1;
  return 0;
}

/** ngx_http_init_static_location_trees / join_exact_locations: children first, then this level. */
function checkDuplicateLocations(p: Parser, locations: LocationNode[]): void {
  const statics = locations.filter((l) => l.modifier === '' || l.modifier === '=' || l.modifier === '^~');
  // Array.prototype.sort is stable, like nginx's insertion sort.
  const sorted = [...statics].sort(staticOrder);
  for (const l of sorted) checkDuplicateLocations(p, l.locations);
  for (const l of locations.filter((x) => !statics.includes(x))) checkDuplicateLocations(p, l.locations);
  let i = 0;
  let exact = false;
  let inclusive = false;
  while (i < sorted.length) {
    const q = sorted[i];
    if (!q) break;
    exact = q.modifier === '=';
    inclusive = q.modifier !== '=';
    let j = i + 1;
    for (; j < sorted.length; j++) {
      const x = sorted[j];
      if (!x || x.pattern !== q.pattern) break;
      const xExact = x.modifier === '=';
      if ((exact && xExact) || (inclusive && !xExact)) p.failAt(`duplicate location "${x.pattern}"`, x.pos);
      exact ||= xExact;
      inclusive ||= !xExact;
    }
    i = j;
  }
}

function checkVariables(p: Parser): void {
  for (const use of p.usedVariables) {
    if (!p.definedVariables.has(use.name) && !isBuiltinVariable(use.name)) {
      failUnplaced(`unknown "${use.name}" variable`, use.pos);
    }
  }
}

export function finishHttp(p: Parser, http: HttpNode): void {
  // An `upstream {}` block may take over a group a proxy_pass created before it.
  for (const { pass, upstream } of http.passes) pass.upstream = upstream.name;
  initUpstreams(p, http);
  for (const s of http.servers) checkDuplicateLocations(p, s.locations);
  checkVariables(p);
}
