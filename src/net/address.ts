/**
 * Network addresses as the simulation writes them: dotted IPv4 strings and
 * `ip:port` endpoints. Plain strings keep trace records and snapshots readable
 * and comparable byte for byte.
 */

/** An IPv4 address in dotted-decimal form, e.g. `198.51.100.10`. */
export type Ipv4 = string;

const octet = /^(?:0|[1-9][0-9]{0,2})$/;

/** True for a dotted-decimal IPv4 address with four octets 0–255 and no leading zeros. */
export function isIpv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => octet.test(p) && Number(p) <= 255);
}

/** True for a TCP port number, 1–65535. */
export function isPort(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 65535;
}

/** `198.51.100.10:80`: where a server listens. */
export function formatEndpoint(ip: Ipv4, port: number): string {
  return `${ip}:${port}`;
}
