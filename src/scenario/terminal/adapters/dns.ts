/**
 * Terminal hooks from the DNS model: `dig` with BIND 9.18's output (the
 * model's formatDig), and name lookups for curl and nslookup through the
 * glibc stub resolver (search list and ndots included, so `auth-service`
 * resolves in a pod as it would). A world supplies who answers queries now.
 *
 * This is the one place the shell reads the DNS model; the shell proper only
 * sees the ToolOutput and DnsLookup it returns.
 */
import type { Rng } from '../../../models/shell/../../sim';
import {
  digResult,
  formatDig,
  parseDigArgs,
  question,
  resolveStub,
  traceHops,
  type AskServer,
  type DnsResponse,
  type NameServerAddress,
  type Question,
  type StubConfig,
} from '../../../models/shell/../../models/dns';
import type { DnsLookup, DnsAnswerRecord } from '../../../models/shell/host/net';
import type { ToolOutput } from '../../../models/shell/host/host';

/** How DNS looks from where a command runs (the machine, or a pod). */
export interface DnsAccess {
  /** The resolver configuration there (resolv.conf). */
  readonly stub: StubConfig;
  /** Ask a nameserver (a recursive resolver, or cluster DNS) now; undefined when it does not answer. */
  ask(server: string, q: Question): DnsResponse | undefined;
  /** For dig +trace: ask an authoritative server directly, and the root hints. */
  readonly authoritative?: { readonly ask: AskServer; readonly rootHints: readonly NameServerAddress[] };
  /** dig's random stream (query ids and cookies). */
  readonly rng: Rng;
  readonly nowMs: number;
  /** Round trip to a server, for `;; Query time:` (default 1 ms). */
  rttMs?(server: string): number;
}

/** `dig ARGS` from where `access` looks. */
export function runDig(args: readonly string[], access: DnsAccess): ToolOutput {
  const command = parseDigArgs(args);
  if ('error' in command) return { stdout: '', stderr: `${command.error}\n`, exitCode: 1 };
  const server = command.server ?? access.stub.nameservers[0] ?? '127.0.0.53';
  const q = question(command.name, command.type);
  const rtt = (ip: string) => access.rttMs?.(ip) ?? 1;
  const response = access.ask(server, q);
  const hops =
    command.trace && access.authoritative !== undefined
      ? (() => {
          const rootNs = access.ask(server, question('.', 'NS'));
          return rootNs === undefined ? [] : traceHops(server, rootNs, q, access.authoritative.ask, access.authoritative.rootHints, access.nowMs, rtt);
        })()
      : undefined;
  const result = digResult({
    command,
    serverIp: server,
    response,
    rng: access.rng,
    atMs: access.nowMs,
    queryTimeMs: rtt(server),
    ...(hops === undefined ? {} : { trace: hops }),
  });
  // dig exits 9 when no reply came, 0 otherwise (NXDOMAIN included).
  return { stdout: formatDig(result, { short: command.short, trace: command.trace }), stderr: '', exitCode: response === undefined ? 9 : 0 };
}

/** Look `name` up as the stub resolver would (curl, nslookup); `server` overrides resolv.conf. */
export function lookupName(name: string, access: DnsAccess, server?: string): DnsLookup {
  const stub = server === undefined ? access.stub : { ...access.stub, nameservers: [server] };
  const result = resolveStub(stub, name, access.nowMs, (ns, q) => access.ask(ns, q));
  const asked = stub.nameservers[0] ?? '127.0.0.53';
  if (result.status === 'timeout') return { server: asked };
  const answers: DnsAnswerRecord[] = [];
  for (const r of result.answer) {
    if (r.type === 'A' || r.type === 'AAAA') answers.push({ name: r.name, type: r.type, ttl: r.ttl, value: r.address });
    else if (r.type === 'CNAME') answers.push({ name: r.name, type: 'CNAME', ttl: r.ttl, value: r.target });
  }
  const rcode = result.status === 'nxdomain' ? 'NXDOMAIN' : result.status === 'servfail' ? 'SERVFAIL' : 'NOERROR';
  return { server: asked, response: { rcode, authoritative: false, answers } };
}
