/**
 * Request header fields as nginx keeps them. With the defaults
 * (`ignore_invalid_headers on`, `underscores_in_headers off`) a field whose
 * name has anything but letters, digits and "-" is dropped on arrival: it is
 * neither passed upstream nor visible as `$http_*` — the classic reason an
 * `X_Api_Key` header "disappears" behind nginx.
 */
import { BoundedCache } from '../../../sim';

/** True when nginx 1.22 keeps a header with this name (default settings). */
export function isValidHeaderName(name: string): boolean {
  return nameInfo(name).valid;
}

/** What nginx makes of one header name; a pure function of the name. */
interface NameInfo {
  /** Kept on arrival (see isValidHeaderName). */
  readonly valid: boolean;
  /** Lower case, for comparisons. */
  readonly lower: string;
  /** As a variable name (headerVariableName). */
  readonly variable: string;
}

/**
 * Header names already looked at, by name as sent: every request asks again
 * for the same few (Host, User-Agent…). Pure, so shared; bounded.
 */
const names = new BoundedCache<string, NameInfo>(1024, (name) => {
  const lower = name.toLowerCase();
  return { valid: /^[A-Za-z0-9-]+$/.test(name), lower, variable: lower.replace(/-/g, '_') };
});

function nameInfo(name: string): NameInfo {
  return names.get(name);
}

/** The header name in lower case (cached by name: the same few names come with every request). */
export function lowerHeaderName(name: string): string {
  return nameInfo(name).lower;
}

/** The header fields nginx keeps, in order: the array itself when it keeps them all (read it, do not change it). */
export function keptHeaders(headers: readonly [string, string][]): readonly [string, string][] {
  for (const [name] of headers) {
    if (!nameInfo(name).valid) return headers.filter(([n]) => nameInfo(n).valid);
  }
  return headers;
}

/** The kept fields whose lower-case name is `lower`, in order. */
export function keptFields(headers: readonly [string, string][], lower: string): [string, string][] {
  const fields: [string, string][] = [];
  for (const field of headers) {
    const info = nameInfo(field[0]);
    if (info.valid && info.lower === lower) fields.push(field);
  }
  return fields;
}

/** `$http_x_forwarded_for` ↔ `X-Forwarded-For`: lower case, "-" as "_". */
export function headerVariableName(name: string): string {
  return nameInfo(name).variable;
}

/** Every value of the fields whose variable name is `varName` (e.g. `user_agent`), in order. */
export function headerValues(headers: readonly [string, string][], varName: string): string[] {
  const want = varName.toLowerCase();
  const values: string[] = [];
  for (const [name, value] of headers) {
    const info = nameInfo(name);
    if (info.variable === want && info.valid) values.push(value);
  }
  return values;
}
