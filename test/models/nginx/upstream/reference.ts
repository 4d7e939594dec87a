/**
 * Independent reference computations for the hash methods, written from the
 * formulas in behaviour.md 1.5 with Node's zlib CRC-32, so the tests do not
 * check the implementation against itself.
 */

import { crc32 as zlibCrc32 } from 'node:zlib';

/** Index of the peer whose weight range holds w. */
export function byWeight(weights: readonly number[], w: number): number {
  let rest = w;
  for (let i = 0; i < weights.length; i++) {
    if (rest < weights[i]!) return i;
    rest -= weights[i]!;
  }
  throw new Error('out of range');
}

/** ip_hash rounds: the running hash after each round for an IPv4 client. */
export function ipHashRounds(ip: string, rounds: number): number[] {
  const octets = ip.split('.').slice(0, 3).map(Number);
  const out: number[] = [];
  let h = 89;
  for (let r = 0; r < rounds; r++) {
    for (const b of octets) h = (h * 113 + b) % 6271;
    out.push(h);
  }
  return out;
}

/** hash KEY rounds: the accumulated value after each round. */
export function keyHashRounds(key: string, rounds: number): number[] {
  const out: number[] = [];
  let acc = 0;
  for (let n = 0; n < rounds; n++) {
    const input = n === 0 ? key : `${n}${key}`;
    acc += (zlibCrc32(Buffer.from(input)) >>> 16) & 0x7fff;
    out.push(acc);
  }
  return out;
}

/** A ketama ring: 160×weight chained points per server, sorted, first of equal hashes kept. */
export function referenceRing(servers: readonly { server: string; weight: number }[]): { hash: number; server: string }[] {
  const all: { hash: number; server: string }[] = [];
  for (const { server, weight } of servers) {
    const colon = server.lastIndexOf(':');
    const host = server.slice(0, colon);
    const port = server.slice(colon + 1);
    let prev = 0;
    for (let j = 0; j < 160 * weight; j++) {
      const le = Buffer.alloc(4);
      le.writeUInt32LE(prev);
      prev = zlibCrc32(Buffer.concat([Buffer.from(host), Buffer.from([0]), Buffer.from(port), le]));
      all.push({ hash: prev, server });
    }
  }
  all.sort((a, b) => a.hash - b.hash);
  return all.filter((p, i) => i === 0 || all[i - 1]!.hash !== p.hash);
}

/** The server owning the first point at or after crc32(key), wrapping, skipping servers in `avoid`. */
export function ringOwner(ring: readonly { hash: number; server: string }[], key: string, avoid: readonly string[] = []): string {
  const h = zlibCrc32(Buffer.from(key));
  let i = ring.findIndex((p) => p.hash >= h);
  if (i < 0) i = 0;
  for (let n = 0; n < ring.length; n++) {
    const p = ring[(i + n) % ring.length]!;
    if (!avoid.includes(p.server)) return p.server;
  }
  throw new Error('every server avoided');
}
