/**
 * Network addresses as the simulation writes them: dotted IPv4 strings and
 * `ip:port` endpoints. Plain strings keep trace records and snapshots readable
 * and comparable byte for byte.
 */

/** An IPv4 address in dotted-decimal form, e.g. `198.51.100.10`. */
export type Ipv4 = string;

const DOT = 46;
const ZERO = 48;
const NINE = 57;

/**
 * True for a dotted-decimal IPv4 address with four octets 0–255 and no leading zeros.
 * Read character by character, without splitting: a client asks this of its host on every request.
 */
export function isIpv4(text: string): boolean {
  let parts = 0;
  let digits = 0;
  let value = 0;
  for (let i = 0; i <= text.length; i++) {
    // The end of the text closes the last octet, as a dot closes the others.
    const c = i === text.length ? DOT : text.charCodeAt(i);
    if (c === DOT) {
      if (digits === 0 || value > 255 || ++parts > 4) return false;
      digits = 0;
      value = 0;
    } else if (c >= ZERO && c <= NINE) {
      // A leading zero is allowed only as the whole octet, and an octet has at most three digits.
      if ((digits > 0 && value === 0) || ++digits > 3) return false;
      value = value * 10 + (c - ZERO);
    } else {
      return false;
    }
  }
  return parts === 4;
}

/** True for a TCP port number, 1–65535. */
export function isPort(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 65535;
}

/** `198.51.100.10:80`: where a server listens. */
export function formatEndpoint(ip: Ipv4, port: number): string {
  return `${ip}:${port}`;
}
