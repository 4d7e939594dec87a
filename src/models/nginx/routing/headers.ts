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

/**
 * Header names as variable names, by name: every request asks again for the
 * same few (Host, User-Agent…). Pure, so shared; bounded.
 */
const variableNames = new Map<string, string>();
const NAMES_LIMIT = 1024;

/** The header fields nginx keeps, in order. */
export function keptHeaders(headers: readonly [string, string][]): [string, string][] {
  return headers.filter(([name]) => isValidHeaderName(name));
}

/** `$http_x_forwarded_for` ↔ `X-Forwarded-For`: lower case, "-" as "_". */
export function headerVariableName(name: string): string {
  let variable = variableNames.get(name);
  if (variable === undefined) {
    if (variableNames.size >= NAMES_LIMIT) variableNames.clear();
    variable = name.toLowerCase().replace(/-/g, '_');
    variableNames.set(name, variable);
  }
  return variable;
}

/** Every value of the fields whose variable name is `varName` (e.g. `user_agent`), in order. */
export function headerValues(headers: readonly [string, string][], varName: string): string[] {
  const want = varName.toLowerCase();
  const values: string[] = [];
  for (const [name, value] of headers) {
    if (headerVariableName(name) === want && isValidHeaderName(name)) values.push(value);
  }
  return values;
}
