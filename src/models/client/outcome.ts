/**
 * How a request ended, decided from what came back (or did not). One place
 * for these rules keeps the client machine about timing only, and gives every
 * outcome a `why` a student can read.
 */
import type { HttpResponse, ResetReason } from '../../net';
import { statusLine } from '../../net';

export type OutcomeResult = 'ok' | 'error' | 'refused' | 'reset' | 'timeout';

/** An outcome as the client reports it; the trace stamps the time. */
export interface Outcome {
  readonly requestId: string;
  /** HTTP status, or 0 when no response arrived. */
  readonly status: number;
  readonly result: OutcomeResult;
  readonly latencyMs: number;
  readonly servedBy?: string;
  readonly why: string;
}

/** `45 ms`, `45.25 ms`: at most three decimals, no float noise. */
export function formatMs(ms: number): string {
  return `${Math.round(ms * 1000) / 1000} ms`;
}

/** Time between two virtual instants, rounded to microseconds so `25.2` never prints as `25.199999999999818`. */
export function elapsedMs(fromMs: number, toMs: number): number {
  return Math.round((toMs - fromMs) * 1000) / 1000;
}

/** 1xx–3xx count as success; 4xx and 5xx as errors the user sees. */
export function resultForStatus(status: number): 'ok' | 'error' {
  return status >= 100 && status < 400 ? 'ok' : 'error';
}

export function outcomeOfResponse(response: HttpResponse, latencyMs: number): Outcome {
  return {
    requestId: response.requestId,
    status: response.status,
    result: resultForStatus(response.status),
    latencyMs,
    servedBy: response.servedBy,
    why: `${response.servedBy} answered ${statusLine(response.status)} after ${formatMs(latencyMs)}`,
  };
}

export function outcomeOfReset(requestId: string, reason: ResetReason, detail: string, latencyMs: number): Outcome {
  const what = reason === 'refused' ? 'connection refused' : 'connection reset';
  return { requestId, status: 0, result: reason, latencyMs, why: `${what}: ${detail}` };
}

export function outcomeOfTimeout(requestId: string, timeoutMs: number): Outcome {
  return {
    requestId,
    status: 0,
    result: 'timeout',
    latencyMs: timeoutMs,
    why: `no answer within ${formatMs(timeoutMs)}: the client gave up`,
  };
}
