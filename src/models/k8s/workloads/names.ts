/**
 * Pod names as a Deployment makes them: `<deployment>-<pod-template-hash>-<5 random>`.
 *
 * The hash is `ComputeHash` (`pkg/controller/controller_utils.go`): FNV-32a
 * over the pod template, printed in decimal and passed through
 * `rand.SafeEncodeString`, which maps each byte onto an alphabet without
 * vowels (hence names like `nginx-7c5ddbdf54`). The real hash runs over Go's
 * printing of the template; here it runs over a stable JSON of it, so the
 * value differs from a real cluster's while keeping its shape and its
 * property: the same template always gives the same hash. The suffix is
 * `rand.String(5)` over the same alphabet, drawn from a seeded stream.
 */
import type { Rng } from '../../../sim';

/** `k8s.io/apimachinery/pkg/util/rand` alphanums: no vowels, no 0, 1, 3 (to avoid bad words and confusion). */
export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** FNV-1a, 32 bits, over the UTF-8 bytes (Go's `hash/fnv` New32a). */
export function fnv32a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** `rand.SafeEncodeString`: each byte b → alphabet[b mod 27]. */
export function safeEncode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += SAFE_ALPHABET[text.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

/** JSON with object keys sorted, so equal templates print equally whatever their key order. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The `pod-template-hash` label value for a template. */
export function podTemplateHash(template: unknown): string {
  return safeEncode(String(fnv32a(stableJson(template))));
}

/** `rand.String(n)` from a seeded stream. */
export function randomSuffix(rng: Rng, length = 5): string {
  let out = '';
  for (let i = 0; i < length; i++) out += SAFE_ALPHABET[rng.int(SAFE_ALPHABET.length)];
  return out;
}
