/**
 * Values nginx derives from the request itself for its variables:
 * `$request_length` and `$request_id`.
 */
import type { ClientRequest } from './types';

/** `$request_length`: request line, header fields and body, as they came over the wire. */
export function requestLength(req: ClientRequest): number {
  // Lengths added up rather than the line built: the sum is the same.
  let n = req.method.length + req.uri.length + req.httpVersion.length + 2 + 2;
  for (let i = 0; i < req.headers.length; i++) {
    const field = req.headers[i] as [string, string];
    n += field[0].length + field[1].length + 4;
  }
  return n + 2 + (req.body?.length ?? 0);
}

/** Character codes of the lower-case hex digits. */
const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/** The 32 digit codes of one id, reused: the string is made from them in one piece. */
const digits: number[] = new Array<number>(32).fill(0);

/** `$request_id`: 32 hex digits, drawn from a seeded stream rather than nginx's RAND_bytes. */
export function requestId(random: () => number): string {
  for (let i = 0; i < 4; i++) {
    // Each draw gives 8 digits, as toString(16).padStart(8, '0') would write them; by 16-bit
    // halves, because a 32-bit value above 2^31 is a heap number whose toString(16) is slow.
    const draw = Math.floor(random() * 0x100000000);
    const high = Math.floor(draw / 0x10000);
    const low = draw - high * 0x10000;
    for (let d = 0; d < 4; d++) {
      digits[i * 8 + d] = HEX_CODES[(high >> (12 - 4 * d)) & 0xf] as number;
      digits[i * 8 + 4 + d] = HEX_CODES[(low >> (12 - 4 * d)) & 0xf] as number;
    }
  }
  return String.fromCharCode(...digits);
}
