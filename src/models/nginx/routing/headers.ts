/**
 * Request header fields as nginx keeps them. With the defaults
 * (`ignore_invalid_headers on`, `underscores_in_headers off`) a field whose
 * name has anything but letters, digits and "-" is dropped on arrival: it is
 * neither passed upstream nor visible as `$http_*` — the classic reason an
 * `X_Api_Key` header "disappears" behind nginx.
 */

/** True when nginx 1.22 keeps a header with this name (default settings). */
export function isValidHeaderName(name: string): boolean {
  return /^[A-Za-z0-9-]+$/.test(name);
}

/** The header fields nginx keeps, in order. */
export function keptHeaders(headers: readonly [string, string][]): [string, string][] {
  return headers.filter(([name]) => isValidHeaderName(name));
}

/** `$http_x_forwarded_for` ↔ `X-Forwarded-For`: lower case, "-" as "_". */
export function headerVariableName(name: string): string {
  return name.toLowerCase().replace(/-/g, '_');
}

/** Every value of the fields whose variable name is `varName` (e.g. `user_agent`), in order. */
export function headerValues(headers: readonly [string, string][], varName: string): string[] {
  const want = varName.toLowerCase();
  return keptHeaders(headers)
    .filter(([name]) => headerVariableName(name) === want)
    .map(([, value]) => value);
}
