/**
 * Terminal hooks from the nginx model: `nginx -t` parses a pod's files with
 * the same parser the simulation runs, and reports the first error worded
 * and placed as nginx does (formatConfigError). Reloading is the world's:
 * it swaps the running configuration when the check passes.
 */
import { formatConfigError, isFullConfig, parseNginxConfig, type ParseOptions } from '../../../models/shell/../../models/nginx/config';
import type { NginxControl } from '../../../models/shell/host/host';

export interface NginxFiles {
  /** Absolute path → text, as mounted in the pod. */
  files(): Readonly<Record<string, string>>;
  /** The file nginx is started with: a full nginx.conf, or a conf.d fragment read inside the stock one. */
  readonly entry: string;
  /** How the parser resolves upstream host names at load time (from the pod). */
  readonly resolve: ParseOptions['resolve'];
  /** Take the checked configuration as the running one (the world rebuilds its nginx instance). */
  apply(): void;
  readonly version: string;
}

/** `nginx -t` and `nginx -s reload` over a pod's files. */
export function nginxControl(pod: NginxFiles): NginxControl {
  const check = (): string | undefined => {
    const result = parseNginxConfig({ ...pod.files() }, pod.entry, { resolve: pod.resolve });
    return result.ok ? undefined : formatConfigError(result.error);
  };
  // nginx -t names the main file; a fragment is included from the stock /etc/nginx/nginx.conf.
  const mainFile = isFullConfig(pod.files()[pod.entry] ?? '') ? pod.entry : '/etc/nginx/nginx.conf';
  return {
    mainFile,
    version: pod.version,
    files: () => pod.files(),
    test: check,
    reload() {
      const error = check();
      if (error === undefined) pod.apply();
      return error;
    },
  };
}
