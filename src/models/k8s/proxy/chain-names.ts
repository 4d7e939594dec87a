/**
 * kube-proxy's iptables chain names: `KUBE-SVC-` (and `KUBE-SVL-`, `KUBE-EXT-`)
 * plus the first 16 characters of base32(sha256(service port name +
 * protocol)), `KUBE-SEP-` plus the same over the endpoint too
 * (`pkg/proxy/iptables/proxier.go`, `portProtoHash`, `servicePortEndpointChainName`).
 * SHA-256 is written out here because the browser's is asynchronous.
 */

/** ⌊∛n⌋ for a BigInt n ≥ 1, by Newton's method on integers: exact in every engine, which floating point is not. */
function integerCubeRoot(n: bigint): bigint {
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 3));
  for (let i = 0; i < 256; i++) {
    const next = (2n * x + n / (x * x)) / 3n;
    if (next >= x) break;
    x = next;
  }
  return x;
}

/**
 * SHA-256's round constants: the first 32 bits of the fractional parts of
 * the cube roots of the first 64 primes (FIPS 180-4, 4.2.2), computed once
 * rather than written out (64 random-looking words that would not compress).
 */
const K = ((): Uint32Array => {
  const primes: number[] = [];
  for (let n = 2; primes.length < 64 && n < 1000; n++) if (primes.every((p) => n % p !== 0)) primes.push(n);
  return Uint32Array.from(primes, (p) => Number(integerCubeRoot(BigInt(p) << 96n) & 0xffffffffn));
})();

/** SHA-256 of a UTF-8 string (FIPS 180-4). */
export function sha256(text: string): Uint8Array {
  const data = new TextEncoder().encode(text);
  const bitLength = data.length * 8;
  const padded = new Uint8Array(Math.ceil((data.length + 9) / 64) * 64);
  padded.set(data);
  padded[data.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 2 ** 32));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!;
      const b = w[i - 2]!;
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = [h[0]!, h[1]!, h[2]!, h[3]!, h[4]!, h[5]!, h[6]!, h[7]!];
    for (let i = 0; i < 64; i++) {
      const S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K[i]! + w[i]!) >>> 0;
      const S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    const add = [a, b, c, d, e, f, g, hh];
    for (let i = 0; i < 8; i++) h[i] = (h[i]! + add[i]!) >>> 0;
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) outView.setUint32(i * 4, h[i]!);
  return out;
}

/** RFC 4648 base32, standard alphabet, with padding (Go's `base32.StdEncoding`). */
export function base32(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(buffer << (5 - bits)) & 31];
  while (out.length % 8 !== 0) out += '=';
  return out;
}

/** Chain names are asked for on every new connection; hashing once per name is enough (pure, so sharing is safe). */
const cache = new Map<string, string>();

function hash16(text: string): string {
  let hash = cache.get(text);
  if (hash === undefined) {
    if (cache.size > 10_000) cache.clear();
    hash = base32(sha256(text)).slice(0, 16);
    cache.set(text, hash);
  }
  return hash;
}

/** `ns/name` or `ns/name:portName`, as `ServicePortName.String()` prints it. */
export function servicePortName(namespace: string, name: string, portName: string): string {
  return `${namespace}/${name}${portName === '' ? '' : `:${portName}`}`;
}

export function serviceChain(spn: string, protocol: string): string {
  return `KUBE-SVC-${hash16(spn + protocol.toLowerCase())}`;
}

export function localServiceChain(spn: string, protocol: string): string {
  return `KUBE-SVL-${hash16(spn + protocol.toLowerCase())}`;
}

export function endpointChain(spn: string, protocol: string, endpoint: string): string {
  return `KUBE-SEP-${hash16(spn + protocol.toLowerCase() + endpoint)}`;
}
