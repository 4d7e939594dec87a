/**
 * CRC-32 as nginx computes it (`ngx_crc32.h`): the IEEE 802.3 polynomial,
 * reflected, initial value and final xor 0xffffffff — the same CRC as zlib's
 * crc32(). Exposed in init/update/final form because the hash module feeds a
 * key in pieces (a rehash prefix, then the key; host, a NUL, port, then the
 * previous point's bytes).
 */

const TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

const encoder = new TextEncoder();

/** Bytes of a string as nginx sees them: keys and server names are byte strings, UTF-8 here. */
export function bytesOf(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Start value of a running CRC (`ngx_crc32_init`). */
export function crc32Init(): number {
  return 0xffffffff;
}

/** Feed bytes into a running CRC (`ngx_crc32_update`). */
export function crc32Update(crc: number, data: Uint8Array | readonly number[]): number {
  let c = crc >>> 0;
  for (const byte of data) c = (TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return c >>> 0;
}

/** Finish a running CRC (`ngx_crc32_final`). */
export function crc32Final(crc: number): number {
  return (crc ^ 0xffffffff) >>> 0;
}

/** CRC-32 of a whole string or byte array (`ngx_crc32_long`). */
export function crc32(data: string | Uint8Array): number {
  const bytes = typeof data === 'string' ? bytesOf(data) : data;
  return crc32Final(crc32Update(crc32Init(), bytes));
}
