/**
 * Building a dig run from the model: read dig's command line, assemble the
 * result of one query (id and cookie from a seeded stream), and walk the
 * referral chain for `+trace` the way dig does it: ask the local resolver for
 * the root servers (`. NS`), then ask one server per level itself, without
 * recursion and without a cache, until a server stops referring.
 */
import type { Rng } from '../../sim';
import type { DnsResponse, Question } from './message';
import type { RRType } from './records';
import type { AskServer } from './recursive';
import type { NameServerAddress } from './resolution';
import type { DigHop, DigResult } from './dig';
import { DEFAULT_EPOCH_MS } from './dig';
import { digCookie, digQueryId } from './digIds';
import { fqdn } from './name';

const TYPES: readonly RRType[] = ['A', 'AAAA', 'CNAME', 'NS', 'SOA'];

export interface DigCommand {
  readonly args: string;
  readonly name: string;
  readonly type: RRType;
  readonly server?: string;
  readonly short: boolean;
  readonly trace: boolean;
}

/** Read `dig [@server] [+short] [+trace] name [type]`; other +options are accepted and ignored. */
export function parseDigArgs(args: readonly string[]): DigCommand | { error: string } {
  let name: string | undefined;
  let type: RRType = 'A';
  let server: string | undefined;
  let short = false;
  let trace = false;
  for (const arg of args) {
    if (arg.startsWith('@')) server = arg.slice(1);
    else if (arg === '+short') short = true;
    else if (arg === '+trace') trace = true;
    else if (arg.startsWith('+')) continue;
    else if (TYPES.includes(arg.toUpperCase() as RRType) && name !== undefined) type = arg.toUpperCase() as RRType;
    else if (name === undefined) name = arg;
    else return { error: `dig: unexpected argument ${arg}` };
  }
  // Like dig, no name means the root's NS records.
  if (name === undefined) return { args: args.join(' '), name: '.', type: 'NS', short, trace, ...(server === undefined ? {} : { server }) };
  return { args: args.join(' '), name, type, short, trace, ...(server === undefined ? {} : { server }) };
}

export interface DigQueryInput {
  readonly command: DigCommand;
  readonly serverIp: string;
  /** The server's answer, or undefined when it never came. */
  readonly response: DnsResponse | undefined;
  /** The dig client's stream, e.g. `dig:<client id>`. */
  readonly rng: Rng;
  readonly atMs: number;
  readonly queryTimeMs: number;
  /** Whether the server sends a DNS COOKIE back (BIND resolvers do). */
  readonly serverCookie?: boolean;
  readonly epochMs?: number;
  readonly trace?: readonly DigHop[];
}

/** The result of one dig query: the id and cookie come from `rng`, in that order. */
export function digResult(input: DigQueryInput): DigResult {
  const id = digQueryId(input.rng);
  const unixSeconds = ((input.epochMs ?? DEFAULT_EPOCH_MS) + input.atMs) / 1000;
  const cookie = input.serverCookie === false ? undefined : digCookie(input.rng, unixSeconds);
  return {
    args: input.command.args,
    question: { name: fqdn(input.command.name), type: input.command.type },
    id,
    serverIp: input.serverIp,
    explicitServer: input.command.server !== undefined,
    ...(input.response === undefined ? {} : { response: input.response }),
    ...(input.response === undefined ? {} : { edns: { udpSize: 1232, ...(cookie === undefined ? {} : { cookie }) } }),
    queryTimeMs: input.queryTimeMs,
    atMs: input.atMs,
    ...(input.trace === undefined ? {} : { trace: input.trace }),
  };
}

/**
 * The hops of `dig +trace`: `rootNs` is the local resolver's answer to `. NS`
 * (the first block dig prints); root server addresses come from its
 * additional section or, failing that, from `rootHints`. Silent servers are
 * skipped; at most 16 hops.
 */
export function traceHops(
  resolverIp: string,
  rootNs: DnsResponse,
  q: Question,
  ask: AskServer,
  rootHints: readonly NameServerAddress[],
  nowMs: number,
  rttMs: (serverIp: string) => number = () => 0,
): DigHop[] {
  const hops: DigHop[] = [
    { serverIp: resolverIp, response: rootNs, question: { name: '.', type: 'NS' }, rttMs: rttMs(resolverIp), edns: { udpSize: 1232 } },
  ];
  let servers = addressesFor(rootNs.answer, rootNs.additional, rootHints);
  const question = { name: fqdn(q.name), type: q.type };
  for (let level = 0; level < 16 && servers.length > 0; level++) {
    let response: DnsResponse | undefined;
    let server: NameServerAddress | undefined;
    for (const candidate of servers) {
      response = ask(candidate, question, nowMs);
      server = candidate;
      if (response !== undefined) break;
    }
    if (response === undefined || server === undefined) break;
    hops.push({ serverIp: server.ip, serverName: server.name, response, question, rttMs: rttMs(server.ip), edns: { udpSize: 1232 } });
    if (response.kind !== 'referral') break;
    servers = addressesFor(response.authority, response.additional, []);
  }
  return hops;
}

function addressesFor(
  nsRecords: DnsResponse['answer'],
  glue: DnsResponse['additional'],
  known: readonly NameServerAddress[],
): NameServerAddress[] {
  const out: NameServerAddress[] = [];
  for (const ns of nsRecords) {
    if (ns.type !== 'NS') continue;
    for (const g of glue) if (g.type === 'A' && g.name === ns.target) out.push({ name: ns.target, ip: g.address });
    for (const k of known) if (fqdn(k.name) === ns.target && !out.some((o) => o.ip === k.ip)) out.push({ name: ns.target, ip: k.ip });
  }
  return out;
}
