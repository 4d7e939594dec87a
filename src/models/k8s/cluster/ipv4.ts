/**
 * IPv4 addresses as 32-bit integers, and CIDR blocks. Kept local to the
 * Kubernetes model: it needs only parsing, formatting and offsets.
 */

export interface Cidr {
  /** Network address as an unsigned 32-bit integer. */
  readonly base: number;
  readonly prefix: number;
  /** Number of addresses in the block, network and broadcast included. */
  readonly size: number;
}

export function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    value = value * 256 + n;
  }
  return value;
}

export function formatIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

/** `10.96.0.0/12` → its base and size; throws on a malformed block (a configuration error). */
export function parseCidr(text: string): Cidr {
  const [ip, bits] = text.split('/');
  const base = ip === undefined ? undefined : parseIpv4(ip);
  const prefix = Number(bits);
  if (base === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) {
    throw new RangeError(`not an IPv4 CIDR block: ${text}`);
  }
  const size = 2 ** (32 - prefix);
  if (base % size !== 0) throw new RangeError(`${text} has host bits set`);
  return { base, prefix, size };
}

export function cidrContains(cidr: Cidr, ip: number): boolean {
  return ip >= cidr.base && ip < cidr.base + cidr.size;
}

export function formatCidr(cidr: Cidr): string {
  return `${formatIpv4(cidr.base)}/${cidr.prefix}`;
}
