/**
 * Configuration errors, worded and placed as `nginx -t` prints them.
 *
 * Inside the parser an error is thrown as a `ConfFail` and caught once at the
 * top: nginx, too, stops at the first error, and unwinding a deep recursion
 * of blocks and includes by hand would hide the parsing logic.
 */
import type { ConfigError, SourcePos } from '../model';

/** Internal: carries a ConfigError up to `parseNginxConfig`. */
export class ConfFail extends Error {
  constructor(readonly error: ConfigError) {
    super(error.message);
  }
}

/** Throws a configuration error at `pos`. */
export function failAt(message: string, pos: SourcePos): never {
  throw new ConfFail({ message, file: pos.file, line: pos.line });
}

/**
 * Throws an error that nginx prints without a position (such as `unknown "x"
 * variable`, found after parsing); `pos` still says where it comes from.
 */
export function failUnplaced(message: string, pos: SourcePos): never {
  throw new ConfFail({ message, file: pos.file, line: pos.line, unplaced: true });
}

/**
 * Formats an error as `nginx -t` prints it on its terminal:
 * `nginx: [emerg] unknown directive "proxy_pas" in nginx.conf:3`.
 */
export function formatConfigError(e: ConfigError): string {
  return e.unplaced ? `nginx: [emerg] ${e.message}` : `nginx: [emerg] ${e.message} in ${e.file}:${e.line}`;
}
