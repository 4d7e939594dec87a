/**
 * What travels on a link: an HTTP request, an HTTP response, or a TCP reset
 * from a host where nothing listens (or whose process died mid-request).
 * Connections are not modelled yet: one request and its answer stand for one
 * short-lived connection.
 */
import type { HttpRequest, HttpResponse } from './http';
import { statusLine } from './http';

/** Why a host answered with a TCP RST. */
export type ResetReason = 'refused' | 'reset';

export type Message =
  | { readonly type: 'request'; readonly request: HttpRequest }
  | { readonly type: 'response'; readonly response: HttpResponse }
  | {
      readonly type: 'rst';
      readonly requestId: string;
      /** `refused`: nothing listened when the request arrived; `reset`: the process died holding it. */
      readonly reason: ResetReason;
      readonly why: string;
    };

/** One message in flight between two components, with a per-world stable id (`p1`, `p2`…). */
export interface Packet {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly message: Message;
}

/** The request a message belongs to, for following it across hops. */
export function requestIdOf(message: Message): string {
  switch (message.type) {
    case 'request':
      return message.request.id;
    case 'response':
      return message.response.requestId;
    case 'rst':
      return message.requestId;
  }
}

/** The trace's packet `type`: `request`, `response`, or `tcp` for a reset. */
export function traceTypeOf(message: Message): string {
  return message.type === 'rst' ? 'tcp' : message.type;
}

/** A line a student can read: `GET / → app`, `200 OK → browser`, `RST → browser (connection refused)`. */
export function summarize(message: Message, to: string): string {
  switch (message.type) {
    case 'request':
      return `${message.request.method} ${message.request.path} → ${to}`;
    case 'response':
      return `${statusLine(message.response.status)} → ${to}`;
    case 'rst':
      return `RST → ${to} (${message.reason === 'refused' ? 'connection refused' : 'connection reset'})`;
  }
}

/**
 * The headers a packet record shows for `message`: a request's Host, which
 * is all a direct world's request carries; nothing for anything else.
 */
export function recordedHeadersOf(message: Message): Record<string, string> | undefined {
  return message.type === 'request' ? { Host: message.request.host } : undefined;
}
