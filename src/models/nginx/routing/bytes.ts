/**
 * nginx works on bytes, not characters. The router keeps URIs and header
 * values as "byte strings": one JS character per byte (code 0–255), so that
 * `%C3%A9` decodes to two characters exactly as nginx sees two bytes, and a
 * regex `.` matches one byte as PCRE does without UTF mode.
 */

const HEX = '0123456789ABCDEF';

/** `%XX` / `\xXX` spelling of one byte, upper-case hex as nginx writes it. */
export function hexByte(code: number): string {
  return HEX.charAt((code >> 4) & 0xf) + HEX.charAt(code & 0xf);
}

/**
 * Turn text as a client would type it into the bytes it puts on the wire:
 * characters above 0x7f are UTF-8 encoded. (Apply it once, to raw input.)
 */
export function toBytes(text: string): string {
  // Fast path: plain ASCII is already its own bytes.
  let ascii = true;
  for (let i = 0; i < text.length && ascii; i++) ascii = text.charCodeAt(i) < 0x80;
  if (ascii) return text;
  let out = '';
  for (const b of new TextEncoder().encode(text)) out += String.fromCharCode(b);
  return out;
}

/** True for the bytes `ngx_escape_uri(…, NGX_ESCAPE_URI)` escapes: controls, space, `#`, `%`, `?`, DEL and non-ASCII. */
function escapedInUri(code: number): boolean {
  return code <= 0x20 || code >= 0x7f || code === 0x23 || code === 0x25 || code === 0x3f;
}

/**
 * `ngx_escape_uri` with `NGX_ESCAPE_URI`: how nginx re-escapes a decoded URI
 * before putting it on an upstream request line or in a redirect.
 */
export function escapeUri(bytes: string): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const code = bytes.charCodeAt(i);
    out += escapedInUri(code) ? `%${hexByte(code)}` : bytes.charAt(i);
  }
  return out;
}
