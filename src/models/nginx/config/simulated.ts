/**
 * Which directives the simulation models. Everything else nginx accepts is
 * still parsed and checked, and reported in `NginxConfig.notSimulated`, so a
 * student sees what the simulated nginx ignores rather than losing it.
 */

export const SIMULATED: ReadonlySet<string> = new Set([
  // structure
  'events',
  'http',
  'server',
  'location',
  'upstream',
  'include',
  'worker_processes',
  // server selection
  'listen',
  'server_name',
  // content handlers
  'root',
  'alias',
  'index',
  'return',
  'proxy_pass',
  // proxying and retries
  'proxy_set_header',
  'proxy_next_upstream',
  'proxy_next_upstream_tries',
  'proxy_next_upstream_timeout',
  'proxy_connect_timeout',
  'proxy_send_timeout',
  'proxy_read_timeout',
  // balancing
  'hash',
  'ip_hash',
  'least_conn',
  'random',
  'zone',
  // logs
  'access_log',
  'error_log',
  'log_format',
]);
