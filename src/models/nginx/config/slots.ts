/**
 * Value checks for directives without a dedicated handler, by the generic
 * "slot" setters nginx uses for them (`ngx_conf_set_flag_slot`,
 * `…_msec_slot`, `…_size_slot`…): invalid values and "is duplicate" are
 * reported with nginx's wording. Directives not listed here accept any value.
 */
import type { Directive, Parser } from './parser';
import { atoi, parseOffset, parseSize, parseTime } from './units';
import { once, useVariables } from './values';

const FLAG = [
  'absolute_redirect', 'accept_mutex', 'autoindex', 'autoindex_exact_size', 'autoindex_localtime',
  'chunked_transfer_encoding', 'daemon', 'etag', 'gunzip', 'gzip', 'gzip_vary', 'ignore_invalid_headers',
  'log_not_found', 'log_subrequest', 'master_process', 'merge_slashes', 'msie_padding', 'msie_refresh',
  'multi_accept', 'port_in_redirect', 'proxy_buffering', 'proxy_cache_lock', 'proxy_cache_revalidate',
  'proxy_ignore_client_abort', 'proxy_intercept_errors', 'proxy_pass_request_body',
  'proxy_pass_request_headers', 'proxy_request_buffering', 'proxy_socket_keepalive',
  'proxy_ssl_server_name', 'proxy_ssl_verify', 'recursive_error_pages', 'reset_timedout_connection',
  'rewrite_log', 'sendfile', 'server_name_in_redirect', 'ssi', 'ssl_prefer_server_ciphers',
  'ssl_session_tickets', 'ssl_stapling', 'ssl_stapling_verify', 'sub_filter_once', 'tcp_nodelay',
  'tcp_nopush', 'underscores_in_headers', 'uninitialized_variable_warn', 'pcre_jit', 'http2_push_preload',
];
const MSEC = [
  'client_body_timeout', 'client_header_timeout', 'keepalive_time', 'lingering_time', 'lingering_timeout',
  'postpone_output_timeout', 'proxy_cache_lock_age', 'proxy_cache_lock_timeout', 'resolver_timeout',
  'send_timeout', 'auth_delay', 'accept_mutex_delay', 'timer_resolution', 'http2_recv_timeout',
  'http2_idle_timeout',
];
const SEC = ['ssl_session_timeout', 'open_file_cache_valid'];
const SIZE = [
  'client_body_buffer_size', 'client_header_buffer_size', 'connection_pool_size', 'gzip_min_length',
  'postpone_output', 'proxy_buffer_size', 'proxy_busy_buffers_size',
  'proxy_temp_file_write_size', 'request_pool_size', 'sendfile_max_chunk', 'ssl_buffer_size',
  'subrequest_output_buffer_size', 'directio_alignment',
  'read_ahead', 'send_lowat', 'http2_chunk_size', 'http2_body_preread_size',
];
const OFFSET = ['client_max_body_size', 'proxy_max_temp_file_size'];
const NUM = [
  'gzip_comp_level', 'keepalive_requests', 'map_hash_bucket_size', 'map_hash_max_size',
  'server_names_hash_bucket_size', 'server_names_hash_max_size', 'types_hash_bucket_size',
  'types_hash_max_size', 'variables_hash_bucket_size', 'variables_hash_max_size',
  'worker_rlimit_nofile', 'open_file_cache_min_uses', 'proxy_cache_min_uses', 'http2_max_concurrent_streams',
  'ssl_verify_depth', 'proxy_ssl_verify_depth', 'max_ranges',
];
const ENUM: Record<string, string[]> = {
  server_tokens: ['off', 'on', 'build'],
  proxy_http_version: ['1.0', '1.1'],
  satisfy: ['all', 'any'],
  gzip_http_version: ['1.0', '1.1'],
  gzip_static: ['off', 'on', 'always'],
  if_modified_since: ['off', 'exact', 'before'],
  lingering_close: ['off', 'on', 'always'],
  autoindex_format: ['html', 'xml', 'json', 'jsonp'],
};
/** Values that nginx compiles as scripts, so their `$variables` must exist. */
const SCRIPTED_LAST = ['add_header', 'add_trailer', 'fastcgi_param', 'uwsgi_param', 'scgi_param', 'grpc_set_header', 'auth_request_set'];

/** `expires [modified] time|epoch|max|off` (ngx_http_headers_expires). */
function expires(p: Parser, d: Directive): void {
  once(p, d);
  if (d.args.length === 2 && d.args[0] !== 'modified') p.failDirective(d, 'invalid value');
  const v = d.args[d.args.length - 1] ?? '';
  if (v.includes('$') || v === 'epoch' || v === 'max' || v === 'off') return;
  const daily = v.startsWith('@');
  const t = parseTime(daily || v.startsWith('+') || v.startsWith('-') ? v.slice(1) : v, true);
  if (Number.isNaN(t)) p.failDirective(d, 'invalid value');
  if (daily && t > 24 * 60 * 60) p.failDirective(d, 'daily time value must be less than 24 hours');
}

/** `error_page code… [=[response]] uri` (ngx_http_core_error_page). */
function errorPage(p: Parser, d: Directive): void {
  const args = d.args;
  let codes = args.slice(0, -1);
  const over = codes[codes.length - 1];
  if (over !== undefined && over.startsWith('=')) {
    codes = codes.slice(0, -1);
    if (over.length > 1 && Number.isNaN(atoi(over.slice(1)))) p.fail(`invalid value "${over}"`);
  }
  for (const c of codes) {
    const n = atoi(c);
    if (Number.isNaN(n) || n === 499) p.fail(`invalid value "${c}"`);
    if (n < 300 || n > 599) p.fail(`value "${c}" must be between 300 and 599`);
  }
  useVariables(p, args[args.length - 1] ?? '');
}

/** ngx_conf_set_bitmask_slot: every value must be one of the known names. */
function bitmask(names: string[]): (p: Parser, d: Directive) => void {
  return (p, d) => {
    for (const v of d.args) {
      if (!names.some((n) => n.toLowerCase() === v.toLowerCase())) p.fail(`invalid value "${v}"`);
    }
  };
}

/**
 * Accounts a stock Debian host has (getpwnam/getgrnam can only be emulated),
 * plus `nginx`, the user of the official nginx images.
 */
const USERS = ['root', 'daemon', 'bin', 'sys', 'nobody', 'www-data', 'nginx'];
const GROUPS = ['root', 'daemon', 'bin', 'sys', 'adm', 'nogroup', 'www-data', 'nginx'];

function user(p: Parser, d: Directive): void {
  once(p, d);
  const [name = '', group = name] = d.args;
  if (!USERS.includes(name)) p.fail(`getpwnam("${name}") failed`);
  if (!GROUPS.includes(group)) p.fail(`getgrnam("${group}") failed`);
}

/** `limit_req_zone key zone=name:size rate=Nr/s [sync]` (ngx_http_limit_req_zone). */
function limitReqZone(p: Parser, d: Directive): void {
  let zone = false;
  for (const v of d.args.slice(1)) {
    if (v.startsWith('zone=')) {
      zone = true;
      const colon = v.indexOf(':');
      if (colon >= 0 && Number.isNaN(parseSize(v.slice(colon + 1)))) p.fail(`invalid zone size "${v}"`);
      if (colon >= 0 && parseSize(v.slice(colon + 1)) < 8 * 4096) p.fail(`zone "${v}" is too small`);
    } else if (v.startsWith('rate=')) {
      if (!/^[0-9]+r\/[sm]$/.test(v.slice(5))) p.fail(`invalid rate "${v}"`);
    } else if (v !== 'sync') {
      p.fail(`invalid parameter "${v}"`);
    }
  }
  if (!zone) p.fail(`"${d.name}" must have "zone" parameter`);
}

/** Directives with their own setter whose messages differ from the generic ones. */
const SPECIAL: Record<string, (p: Parser, d: Directive) => void> = {
  user,
  limit_req_zone: limitReqZone,
  ssl_protocols: bitmask(['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']),
  proxy_ssl_protocols: bitmask(['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']),
  expires,
  error_page: errorPage,
  worker_connections: (p, d) => {
    once(p, d);
    if (Number.isNaN(atoi(d.args[0] ?? ''))) p.fail(`invalid number "${d.args[0]}"`);
  },
  keepalive_timeout: (p, d) => {
    once(p, d);
    if (Number.isNaN(parseTime(d.args[0] ?? '', false))) p.failDirective(d, 'invalid value');
    if (d.args.length > 1 && Number.isNaN(parseTime(d.args[1] ?? '', true))) p.failDirective(d, 'invalid value');
  },
};

const kinds = new Map<string, string>();
for (const n of FLAG) kinds.set(n, 'flag');
for (const n of MSEC) kinds.set(n, 'msec');
for (const n of SEC) kinds.set(n, 'sec');
for (const n of SIZE) kinds.set(n, 'size');
for (const n of OFFSET) kinds.set(n, 'offset');
for (const n of NUM) kinds.set(n, 'num');

/** Checks a directive that has no handler of its own, the way its nginx slot setter would. */
export function checkValue(p: Parser, d: Directive): void {
  const v = d.args[0] ?? '';
  const special = SPECIAL[d.name];
  if (special) {
    special(p, d);
    return;
  }
  if (SCRIPTED_LAST.includes(d.name)) {
    useVariables(p, d.args[1] ?? '');
    return;
  }
  const values = ENUM[d.name];
  if (values) {
    once(p, d);
    if (!values.includes(v.toLowerCase())) p.fail(`invalid value "${v}"`);
    return;
  }
  switch (kinds.get(d.name)) {
    case 'flag':
      once(p, d);
      if (v.toLowerCase() !== 'on' && v.toLowerCase() !== 'off') {
        p.fail(`invalid value "${v}" in "${d.name}" directive, it must be "on" or "off"`);
      }
      return;
    case 'msec':
      once(p, d);
      if (Number.isNaN(parseTime(v, false))) p.failDirective(d, 'invalid value');
      return;
    case 'sec':
      once(p, d);
      if (Number.isNaN(parseTime(v, true))) p.failDirective(d, 'invalid value');
      return;
    case 'size':
      once(p, d);
      if (Number.isNaN(parseSize(v))) p.failDirective(d, 'invalid value');
      return;
    case 'offset':
      once(p, d);
      if (Number.isNaN(parseOffset(v))) p.failDirective(d, 'invalid value');
      return;
    case 'num':
      once(p, d);
      if (Number.isNaN(atoi(v))) p.failDirective(d, 'invalid number');
      return;
  }
}
