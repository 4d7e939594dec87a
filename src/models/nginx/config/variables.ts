/**
 * The `$variables` Debian's nginx 1.22.1 knows, read off the real binary
 * (test/models/nginx/config/probe/probe-variables.mjs), and the scanner that
 * finds variable references in a value the way `ngx_http_script_compile`
 * does, so that `unknown "x" variable` is reported like nginx reports it.
 */

/** Built-in variables (names are case-insensitive in nginx; kept lower-case). */
export const BUILTIN_VARIABLES: ReadonlySet<string> = new Set([
  "ancient_browser", "args", "binary_remote_addr", "body_bytes_sent", "bytes_sent", "connection",
  "connection_requests", "connection_time", "connections_active", "connections_reading",
  "connections_waiting", "connections_writing", "content_length", "content_type", "date_gmt",
  "date_local", "document_root", "document_uri", "fastcgi_path_info", "fastcgi_script_name",
  "grpc_internal_trailers", "gzip_ratio", "host", "hostname", "http2", "https", "invalid_referer",
  "is_args", "limit_conn_status", "limit_rate", "limit_req_status", "modern_browser", "msec",
  "msie", "nginx_version", "pid", "pipe", "proxy_add_x_forwarded_for", "proxy_host",
  "proxy_internal_body_length", "proxy_internal_chunked", "proxy_port", "proxy_protocol_addr",
  "proxy_protocol_port", "proxy_protocol_server_addr", "proxy_protocol_server_port",
  "query_string", "realip_remote_addr", "realip_remote_port", "realpath_root", "remote_addr",
  "remote_port", "remote_user", "request", "request_body", "request_body_file",
  "request_completion", "request_filename", "request_id", "request_length", "request_method",
  "request_time", "request_uri", "scheme", "secure_link", "secure_link_expires", "server_addr",
  "server_name", "server_port", "server_protocol", "slice_range", "ssl_alpn_protocol",
  "ssl_cipher", "ssl_ciphers", "ssl_client_cert", "ssl_client_escaped_cert",
  "ssl_client_fingerprint", "ssl_client_i_dn", "ssl_client_i_dn_legacy", "ssl_client_raw_cert",
  "ssl_client_s_dn", "ssl_client_s_dn_legacy", "ssl_client_serial", "ssl_client_v_end",
  "ssl_client_v_remain", "ssl_client_v_start", "ssl_client_verify", "ssl_curve", "ssl_curves",
  "ssl_early_data", "ssl_protocol", "ssl_server_name", "ssl_session_id", "ssl_session_reused",
  "status", "tcpinfo_rcv_space", "tcpinfo_rtt", "tcpinfo_rttvar", "tcpinfo_snd_cwnd",
  "time_iso8601", "time_local", "uid_got", "uid_reset", "uid_set", "upstream_addr",
  "upstream_bytes_received", "upstream_bytes_sent", "upstream_cache_etag",
  "upstream_cache_last_modified", "upstream_cache_status", "upstream_connect_time",
  "upstream_header_time", "upstream_response_length", "upstream_response_time", "upstream_status",
  "uri",
]);

/** Families of variables named by a prefix (`$http_user_agent`, `$arg_id`…). */
export const VARIABLE_PREFIXES = ["http_","sent_http_","sent_trailer_","cookie_","arg_","upstream_http_","upstream_trailer_","upstream_cookie_"] as const;

/** Built-ins that `set` may overwrite (nginx: NGX_HTTP_VAR_CHANGEABLE). */
export const CHANGEABLE_BUILTINS: ReadonlySet<string> = new Set(["args", "limit_rate"]);

/** True when nginx knows `name` without the configuration defining it. */
export function isBuiltinVariable(name: string): boolean {
  const n = name.toLowerCase();
  return BUILTIN_VARIABLES.has(n) || VARIABLE_PREFIXES.some((p) => n.startsWith(p));
}

export type VariableScan = { names: string[] } | { error: string };

/**
 * The variables a value refers to: `$name`, `${name}`; `$1`…`$9` are regex
 * captures, not variables. Errors are nginx's script-compiler messages.
 */
export function scanVariables(value: string): VariableScan {
  const names: string[] = [];
  let i = 0;
  while (i < value.length) {
    if (value[i] !== "$") {
      i++;
      continue;
    }
    i++;
    if (value[i] !== undefined && value[i]! >= "1" && value[i]! <= "9") {
      i++;
      continue;
    }
    let name: string;
    if (value[i] === "{") {
      const close = value.indexOf("}", i + 1);
      if (close < 0) return { error: `the closing bracket in "${value.slice(i + 1)}" variable is missing` };
      name = value.slice(i + 1, close);
      i = close + 1;
    } else {
      const m = /^[A-Za-z0-9_]*/.exec(value.slice(i));
      name = m ? m[0] : "";
      i += name.length;
    }
    if (name.length === 0) return { error: 'invalid variable name' };
    names.push(name.toLowerCase());
  }
  return { names };
}
