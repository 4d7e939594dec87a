/**
 * The size of a DNS message on the wire (RFC 1035 §4), for dig's
 * `MSG SIZE  rcvd:` and `Received N bytes` lines.
 *
 * Names are compressed the way BIND 9.18 compresses them, checked against
 * real `named` here: a name may point back to any earlier suffix of two or
 * more labels (`example.com.`), but never to a lone TLD (`com.`), which is
 * written out again. Compression applies to owner names and to the names
 * inside CNAME, NS and SOA data.
 */
import type { Question } from './message';
import type { ResourceRecord } from './records';
import { labels } from './name';

const HEADER = 12;
/** TYPE, CLASS, TTL, RDLENGTH. */
const RR_FIXED = 10;
/** An OPT pseudo-record with no options: root name, TYPE, CLASS (UDP size), TTL (flags), RDLENGTH. */
const OPT_BASE = 11;
/** A COOKIE option: code and length (4) + 8-byte client cookie + 16-byte server cookie. */
const COOKIE_OPTION = 4 + 8 + 16;

export interface EdnsInfo {
  /** The server's advertised UDP payload size (BIND: 1232). */
  readonly udpSize: number;
  /** The COOKIE the server sent back, 48 hex digits; absent when it sent none. */
  readonly cookie?: string;
}

class NameTable {
  private readonly suffixes = new Set<string>();

  /** Bytes for `name` here, remembering its suffixes for later names. */
  size(name: string): number {
    const parts = labels(name);
    let bytes = 0;
    for (let i = 0; i < parts.length; i++) {
      const suffix = parts.slice(i).join('.');
      if (parts.length - i >= 2 && this.suffixes.has(suffix)) return bytes + 2;
      bytes += 1 + (parts[i]?.length ?? 0);
      if (parts.length - i >= 2) this.suffixes.add(suffix);
    }
    return bytes + 1;
  }
}

function rdataSize(record: ResourceRecord, table: NameTable): number {
  switch (record.type) {
    case 'A':
      return 4;
    case 'AAAA':
      return 16;
    case 'CNAME':
    case 'NS':
      return table.size(record.target);
    case 'SOA':
      return table.size(record.soa.mname) + table.size(record.soa.rname) + 20;
  }
}

/** Bytes of a message with this question, these sections and (optionally) an OPT record. */
export function messageSize(
  q: Question,
  sections: readonly (readonly ResourceRecord[])[],
  edns?: EdnsInfo,
): number {
  const table = new NameTable();
  let bytes = HEADER + table.size(q.name) + 4;
  for (const section of sections) {
    for (const record of section) bytes += table.size(record.name) + RR_FIXED + rdataSize(record, table);
  }
  if (edns !== undefined) bytes += OPT_BASE + (edns.cookie === undefined ? 0 : COOKIE_OPTION);
  return bytes;
}
