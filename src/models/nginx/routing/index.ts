/**
 * nginx 1.22 request routing as plain functions: from a request target and a
 * connection to a server, a location, and either nginx's own answer or the
 * request it sends upstream; plus the variables and access-log lines.
 */
export { COMBINED_FORMAT, escapeLogValue, formatAccessLog, logFormatFor } from './accessLog';
export { escapeUri, toBytes } from './bytes';
export type { RequestContext } from './context';
export { errorPage, statusLine } from './errorPages';
export { findLocation, locationLabel } from './findLocation';
export type { LocationMatch } from './findLocation';
export { headerVariableName, isValidHeaderName, keptHeaders, lowerHeaderName } from './headers';
export { validateHost } from './host';
export { isInvalidUri, normalizeUri } from './normalizeUri';
export type { InvalidUri, NormalizedUri } from './normalizeUri';
export { compileRegex, execRegex } from './pcre';
export type { RegexMatch } from './pcre';
export { mapProxyUri, normalizedFromContext, proxyHost, splitProxyUrl } from './proxyUri';
export type { MapOptions, ProxyUrl } from './proxyUri';
export { absoluteLocation, errorReply, redirectReply, returnResponse } from './reply';
export type { Reply } from './reply';
export { routeRequest } from './routeRequest';
export type { IncomingRequest, RouteDecision, RouteOptions, RouteOutcome } from './routeRequest';
export { selectServer } from './selectServer';
export type { ServerQuery, ServerSelection } from './selectServer';
export { contentTypeFor, filePath, serveStatic } from './staticFiles';
export type { FileTree, StaticOptions, StaticResult } from './staticFiles';
export { expandVariables, parseTemplate, templateError } from './template';
export type { ParsedTemplate, TemplatePart } from './template';
export { formatSeconds, formatTimeIso8601, formatTimeLocal } from './timeFormat';
export { buildUpstreamRequest } from './upstreamRequest';
export type { UpstreamOptions, UpstreamRequestHead } from './upstreamRequest';
export { argValue, hostVariable, isKnownVariable, lookupVariable, NGINX_VERSION, requestLine } from './variables';
