/**
 * Which upstream group a `proxy_pass` with variables reaches, decided per
 * request as `ngx_http_proxy_eval` and `ngx_http_upstream_init_request` do:
 * the expanded host is an IP address (a one-server group made for this
 * request), or the name of an `upstream {}` block (when the URL has no port)
 * or of an implicit `host:port` group with the same port; anything else
 * would need the `resolver` directive, which the simulation does not run.
 */
import type { ProxyPass, UpstreamBlock } from '../model';
import { expandVariables, splitProxyUrl, type RequestContext } from '../routing';
import { createUpstreamState, type UpstreamState } from '../upstream';
import type { Workers } from './workers';

export type RuntimeTarget = { kind: 'group'; state: UpstreamState } | { kind: 'unresolved'; host: string };

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** A fresh one-address group, as nginx builds for a resolved address (failures are never counted for it). */
function addressGroup(address: string): UpstreamState {
  const block: UpstreamBlock = {
    name: address,
    method: { kind: 'round_robin' },
    servers: [{ spec: address, addresses: [address], weight: 1, maxFails: 1, failTimeoutMs: 10_000, maxConns: 0, backup: false, down: false, pos: { file: '', line: 0 } }],
    implicit: true,
    pos: { file: '', line: 0 },
  };
  return createUpstreamState(block);
}

/** The group for this request's expansion of `pass` (which has variables). */
export function runtimeTarget(pass: ProxyPass, ctx: RequestContext, workers: Workers, worker: number, blocks: readonly UpstreamBlock[]): RuntimeTarget {
  const url = splitProxyUrl(expandVariables(pass.url, ctx));
  const authority = url?.authority ?? '';
  const m = /^(.*?)(?::(\d+))?$/.exec(authority);
  const host = (m?.[1] ?? authority).toLowerCase();
  const port = m?.[2];
  if (IPV4.test(host)) return { kind: 'group', state: addressGroup(`${host}:${port ?? (url?.scheme === 'https' ? '443' : '80')}`) };
  for (const block of blocks) {
    const matches = block.implicit
      ? port !== undefined && block.name.toLowerCase() === `${host}:${port}`
      : port === undefined && block.name.toLowerCase() === host;
    const state = matches ? workers.upstream(worker, block.name) : undefined;
    if (state !== undefined) return { kind: 'group', state };
  }
  return { kind: 'unresolved', host };
}
