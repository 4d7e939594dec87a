/**
 * nginx's status lines (ngx_http_header_filter_module.c) and built-in error
 * pages (ngx_http_special_response.c), as 1.22.1 sends them with
 * `server_tokens on`: what a student sees from curl.
 */
import { NGINX_VERSION } from './variables';

/** Reason phrases nginx puts on the status line; unknown codes get none. */
const REASONS: Record<number, string> = {
  100: 'Continue',
  101: 'Switching Protocols',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  206: 'Partial Content',
  301: 'Moved Permanently',
  302: 'Moved Temporarily',
  303: 'See Other',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Time-out',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Request Entity Too Large',
  414: 'Request-URI Too Large',
  415: 'Unsupported Media Type',
  416: 'Requested Range Not Satisfiable',
  421: 'Misdirected Request',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
  505: 'HTTP Version Not Supported',
  507: 'Insufficient Storage',
};

/** Titles of the error pages where they differ from the status line. */
const PAGE_TITLES: Record<number, string> = { 302: 'Found', 401: 'Authorization Required' };

/** `404 Not Found`, or `418 ` (nginx leaves the reason empty for codes it does not know). */
export function statusLine(status: number): string {
  return `${status} ${REASONS[status] ?? ''}`;
}

/** The built-in page for a status, or undefined when nginx has none (1xx, 2xx, 304, unknown codes). */
export function errorPage(status: number): string | undefined {
  if (status < 301 || status === 304 || REASONS[status] === undefined) return undefined;
  const title = `${status} ${PAGE_TITLES[status] ?? REASONS[status]}`;
  return (
    `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n` +
    `<center><h1>${title}</h1></center>\r\n<hr><center>nginx/${NGINX_VERSION}</center>\r\n</body>\r\n</html>\r\n`
  );
}
