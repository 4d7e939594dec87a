/**
 * Responses nginx makes up itself (no upstream): `return`, redirects and
 * error pages. Only the fields routing decides are filled (Content-Type,
 * Content-Length, Location); the processor adds Server, Date, Connection.
 *
 * A Location starting with "/" is made absolute the way the header filter
 * does with the defaults (absolute_redirect on, server_name_in_redirect off,
 * port_in_redirect on): scheme, the request's Host — or nginx's own address
 * when there was none — and the local port unless it is 80.
 */
import type { Return } from '../model';
import type { RequestContext } from './context';
import { toBytes } from './bytes';
import { errorPage, statusLine } from './errorPages';
import { expandVariables } from './template';

export interface Reply {
  status: number;
  /** `404 Not Found`. */
  statusLine: string;
  headers: [string, string][];
  body: string;
  /** nginx closes the connection without any response (`return 444`, 408, 499). */
  close?: boolean;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const CLOSE = new Set([408, 444, 499]);

/** The Location header as the client receives it. */
export function absoluteLocation(location: string, ctx: RequestContext): string {
  if (!location.startsWith('/')) return location;
  const scheme = ctx.scheme ?? 'http';
  const host = ctx.host !== '' ? ctx.host : ctx.serverAddr.includes(':') ? `[${ctx.serverAddr}]` : ctx.serverAddr;
  const port = ctx.serverPort === (scheme === 'https' ? 443 : 80) ? '' : `:${ctx.serverPort}`;
  return `${scheme}://${host}${port}${location}`;
}

/** A reply with nginx's built-in page for `status` (or an empty body when it has none). */
export function errorReply(status: number, extra: [string, string][] = []): Reply {
  if (CLOSE.has(status)) return { status, statusLine: statusLine(status), headers: [], body: '', close: true };
  const page = errorPage(status);
  const headers: [string, string][] = [];
  if (page !== undefined) headers.push(['Content-Type', 'text/html'], ['Content-Length', String(page.length)]);
  else if (status === 204) {
    // 204 carries neither a type nor a length.
  } else if (status < 300) headers.push(['Content-Type', 'text/plain'], ['Content-Length', '0']);
  else headers.push(['Content-Length', '0']);
  return { status, statusLine: statusLine(status), headers: [...headers, ...extra], body: page ?? '' };
}

/** A redirect with its Location made absolute. */
export function redirectReply(status: number, location: string, ctx: RequestContext): Reply {
  return errorReply(status, [['Location', absoluteLocation(location, ctx)]]);
}

/**
 * `return code [text|URL]` / `return URL`: a redirect code takes a URL (its
 * page is nginx's), other codes send the text with `Content-Type: text/plain`
 * (default_type), a bare code sends nginx's page for it.
 */
export function returnResponse(ret: Return, ctx: RequestContext): Reply {
  // The config's text is UTF-8 on the wire; variables already hold bytes.
  const text = ret.text === undefined ? undefined : expandVariables(toBytes(ret.text), ctx);
  if (CLOSE.has(ret.code)) return errorReply(ret.code);
  if (REDIRECTS.has(ret.code)) return redirectReply(ret.code, text ?? '', ctx);
  if (text === undefined) return errorReply(ret.code);
  return {
    status: ret.code,
    statusLine: statusLine(ret.code),
    headers: [
      ['Content-Type', 'text/plain'],
      ['Content-Length', String(text.length)],
    ],
    body: text,
  };
}
