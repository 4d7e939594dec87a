/**
 * The consistent-hash ring of `hash … consistent` (`ngx_http_upstream_init_chash`,
 * `find_chash_point`). Points are placed by the `server` string as written,
 * not by resolved address, so a name that resolves to several IPs owns one
 * set of points and its addresses share them; and the ring stays put when a
 * name's addresses change. The hash is Cache::Memcached::Fast's, so a ring
 * can be checked against other ketama clients.
 */

import { bytesOf, crc32Final, crc32Init, crc32Update } from './crc32';
import type { KetamaPoint } from './types';

/** Points per unit of weight, fixed in nginx. */
export const POINTS_PER_WEIGHT = 160;

/**
 * Split a server string into host and port the way nginx does: `unix:` names
 * have no port; otherwise the port is the run of digits after the last `:`,
 * and anything else (`backend`, `[::1]`) is all host.
 */
export function splitServer(server: string): { host: string; port: string } {
  if (server.length >= 5 && server.slice(0, 5).toLowerCase() === 'unix:') {
    return { host: server.slice(5), port: '' };
  }
  for (let j = server.length - 1; j >= 0; j--) {
    const c = server[j] as string;
    if (c === ':') return { host: server.slice(0, j), port: server.slice(j + 1) };
    if (c < '0' || c > '9') break;
  }
  return { host: server, port: '' };
}

/**
 * The `count` successive points of one server: point j is
 * crc32(host "\0" port LE32(point j-1)), starting from LE32(0).
 */
export function serverPoints(server: string, count: number): number[] {
  const { host, port } = splitServer(server);
  let base = crc32Init();
  base = crc32Update(base, bytesOf(host));
  base = crc32Update(base, [0]);
  base = crc32Update(base, bytesOf(port));
  const out: number[] = [];
  let prev = 0;
  for (let j = 0; j < count; j++) {
    const le = [prev & 0xff, (prev >>> 8) & 0xff, (prev >>> 16) & 0xff, (prev >>> 24) & 0xff];
    const hash = crc32Final(crc32Update(base, le));
    out.push(hash);
    prev = hash;
  }
  return out;
}

/**
 * The ring for a list of peers in config order: 160×weight points each,
 * sorted, keeping the first of equal hashes.
 */
export function buildRing(peers: readonly { server: string; weight: number }[]): KetamaPoint[] {
  const all: KetamaPoint[] = [];
  for (const peer of peers) {
    for (const hash of serverPoints(peer.server, peer.weight * POINTS_PER_WEIGHT)) {
      all.push({ hash, server: peer.server });
    }
  }
  // Stable sort: nginx's qsort is not, so which server keeps a point two servers
  // share is unspecified there; here it is the one listed first.
  all.sort((a, b) => a.hash - b.hash);
  const ring: KetamaPoint[] = [];
  for (const point of all) {
    if (ring.length === 0 || (ring[ring.length - 1] as KetamaPoint).hash !== point.hash) ring.push(point);
  }
  return ring;
}

/** Index of the first point ≥ hash; equals ring.length when hash is past the last point (callers wrap). */
export function findPoint(ring: readonly KetamaPoint[], hash: number): number {
  let i = 0;
  let j = ring.length;
  while (i < j) {
    const k = (i + j) >>> 1;
    const at = (ring[k] as KetamaPoint).hash;
    if (hash > at) i = k + 1;
    else if (hash < at) j = k;
    else return k;
  }
  return i;
}
