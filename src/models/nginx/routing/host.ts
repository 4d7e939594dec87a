/**
 * The Host header as nginx keeps it (`ngx_http_validate_host`,
 * ngx_http_request.c): port removed, trailing dot removed, lower-cased.
 * This is the value server_name is matched against and what `$host` shows.
 */

/** The normalized host, or undefined when nginx answers 400 "client sent invalid host header". */
export function validateHost(value: string): string | undefined {
  let dotPos = -2;
  let hostLen = value.length;
  let state: 'usual' | 'literal' | 'rest' = 'usual';
  for (let i = 0; i < value.length; i++) {
    const ch = value.charAt(i);
    switch (ch) {
      case '.':
        // Two dots in a row make an empty label.
        if (dotPos === i - 1) return undefined;
        dotPos = i;
        break;
      case ':':
        if (state === 'usual') {
          hostLen = i;
          state = 'rest';
        }
        break;
      case '[':
        if (i === 0) state = 'literal';
        break;
      case ']':
        if (state === 'literal') {
          hostLen = i + 1;
          state = 'rest';
        }
        break;
      default: {
        const code = value.charCodeAt(i);
        if (ch === '/' || code <= 0x20 || code === 0x7f) return undefined;
      }
    }
  }
  if (dotPos === hostLen - 1) hostLen--;
  if (hostLen <= 0) return undefined;
  return value.slice(0, hostLen).toLowerCase();
}
