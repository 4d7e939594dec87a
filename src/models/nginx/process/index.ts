/**
 * The nginx request processor: an nginx instance on the engine, driving the
 * router's and the balancer's plain functions in virtual time, and the
 * network interface it reaches upstreams through.
 */
export { NginxInstance, type NginxOptions } from './instance';
export type { ClientRequest, ClientResponse } from './types';
export type {
  ConnectHandlers,
  PendingConnect,
  ResponseHandlers,
  UpstreamConnection,
  UpstreamNetwork,
  UpstreamRequest,
  UpstreamResponse,
} from './network';
export { upstreamVariables, type AttemptRecord } from './proxy';
export { DEFAULT_AUTO_WORKERS } from './workers';
export { nginxSeconds, DEFAULT_LOG_EPOCH_MS } from './time';
export { errorLine, type ErrorContext, type ErrorLevel } from './errorLog';
