/** Shared test helpers: a fixed resolver and a parse-or-message shorthand. */
import type { NginxConfig } from '../../../../src/models/nginx/model';
import { formatConfigError, parseNginxConfig } from '../../../../src/models/nginx/config/index';

/** Like the test machine's /etc/hosts: only localhost resolves. */
export const hostsResolve = (host: string): string[] | undefined => (host === 'localhost' ? ['127.0.0.1'] : undefined);

/** What `nginx -t` would print for these files: `ok` or the error line. */
export function verdict(files: Record<string, string>, entry: string, resolve = hostsResolve): string {
  const r = parseNginxConfig(files, entry, { resolve });
  return r.ok ? 'ok' : formatConfigError(r.error);
}

/** Parses and expects success, returning the config (fails the test with nginx's message otherwise). */
export function mustParse(files: Record<string, string> | string, entry = 'nginx.conf', resolve = hostsResolve): NginxConfig {
  const set = typeof files === 'string' ? { [entry]: files } : files;
  const r = parseNginxConfig(set, entry, { resolve });
  if (!r.ok) throw new Error(formatConfigError(r.error));
  return r.config;
}
