/**
 * The terminal in a full world: the hooks `world.terminal` offers the shell
 * (models/shell). curl from the student's machine (an internet host, on
 * first use) or from a pod dials through the same TCP layer as every
 * client, so its packets walk the fabric hop by hop; dig and lookups ask the
 * world's recursive resolver (or, in a pod, cluster DNS) now; kubectl reads
 * the cluster model, and changes it (scale, cordon, uncordon, drain) through
 * the world's commands; aws elbv2 reads the NLBs; nginx -t parses a pod's files,
 * and nginx -s reload is the world's `nginx-reload` command on that pod.
 * Every request gets a `request` and exactly one `outcome` record.
 */
import type { Engine, EventHandle, Random, Trace } from '../../sim';
import { reasonPhrase } from '../../net';
import { aRecord, askServer, emptyResponse, resolutionAsResponse, resolveRecursive, stubConfig, type DnsResponse, type Question } from '../../models/dns';
import { DEFAULT_MACHINE, outcomeResult, type HttpResult, type TerminalHooks } from '../../models/shell/host';
import { clusterView } from '../terminal/adapters/k8s';
import { lookupName, runDig, type DnsAccess } from '../terminal/adapters/dns';
import { describeTargetHealthText, targetGroupsOf } from '../terminal/adapters/nlb';
import { nginxControl } from '../terminal/adapters/nginx';
import type { Scenario } from '../types';
import { NGINX_RELOAD, type NginxReloadCommand } from '../commands';
import { applyNodeOrScale } from './faults';
import type { ClusterPart } from './cluster-part';
import { podComponent } from './cluster-part';
import type { DnsPart } from './dns-part';
import type { Hosts } from './hosts';
import { PortCounter } from './net-adapters';
import type { NlbPart } from './nlb-part';
import type { Tcp } from './tcp';
import { MACHINE_ID } from '../../models/shell/host/direct';

/** The student's machine: its component id on the fabric. */
/** The same machine name as a direct world's terminal, so scenarios reserve one id. */
export const TERMINAL_ID = MACHINE_ID;
/** The AWS account the simulated NLBs live in (ARNs need one). */
const ACCOUNT_ID = '111122223333';
/** How long an unanswered SYN waits before connect() gives up (Linux: 6 SYN retries, about 127 s). */
const CONNECT_TIMEOUT_MS = 127_000;

export interface TerminalDeps {
  readonly engine: Engine;
  readonly trace: Trace;
  readonly random: Random;
  readonly hosts: Hosts;
  readonly tcp: () => Tcp;
  readonly scenario: Scenario;
  readonly dns?: DnsPart;
  readonly cluster?: ClusterPart;
  readonly nlbs: NlbPart;
  /** The world's own `inject`: a reload from the terminal is a command like any other (recorded, replayable). */
  readonly inject?: (command: NginxReloadCommand) => void;
}

export function terminalHooks(deps: TerminalDeps): TerminalHooks {
  const { engine, trace, hosts, dns, cluster } = deps;
  const resolverIp = dns === undefined ? undefined : [...dns.resolvers.values()][0]?.ip;
  const machine = { ...DEFAULT_MACHINE, nameserver: resolverIp ?? DEFAULT_MACHINE.nameserver };
  const ports = new Map<string, PortCounter>();
  const rng = deps.random.stream('terminal:dig');
  let count = 0;
  let onFabric = false;

  /** A pod's component and IP, from its name (`from` is `machine` or a pod name). */
  const podOf = (name: string) => cluster?.cluster.podList().find((p) => p.ref.name === name);

  /** Ask a nameserver now: the recursive resolver (through the public tree) or cluster DNS. */
  const ask = (server: string, q: Question): DnsResponse | undefined => {
    const resolver = dns === undefined ? undefined : [...dns.resolvers.values()].find((r) => r.ip === server);
    if (resolver !== undefined && dns !== undefined) return resolutionAsResponse(resolveRecursive(resolver, q, engine.now, askServer(dns.servers)));
    if (cluster !== undefined && server === cluster.cluster.dnsIp) {
      const a = cluster.cluster.lookup(q.name);
      if (a.rcode === 'NOERROR') return { ...emptyResponse('answer', 'NOERROR', a.why, true), answer: q.type === 'A' ? [aRecord(a.name, a.ip, a.ttl)] : [] };
      if (a.rcode === 'NXDOMAIN') return emptyResponse('nxdomain', 'NXDOMAIN', a.why, true);
      // Not a cluster name: CoreDNS forwards it to the node's resolver.
      return resolverIp === undefined ? emptyResponse('servfail', 'SERVFAIL', a.why) : ask(resolverIp, q);
    }
    return undefined;
  };

  const access = (from: string): DnsAccess => {
    const pod = from === 'machine' ? undefined : podOf(from);
    const conf = pod === undefined || cluster === undefined ? undefined : cluster.cluster.resolvConf(pod.ref.namespace);
    const stub = conf === undefined ? stubConfig({ nameservers: [machine.nameserver] }) : stubConfig({ nameservers: [conf.nameserver], search: conf.search, ndots: conf.ndots });
    return { stub, ask, rng, nowMs: engine.now, ...(dns === undefined ? {} : { authoritative: { ask: askServer(dns.servers), rootHints: [...dns.resolvers.values()][0]?.rootHints ?? [] } }) };
  };

  const ensureOnFabric = (): void => {
    if (onFabric) return;
    onFabric = true;
    hosts.add(
      {
        id: TERMINAL_ID,
        kind: 'client',
        label: 'your terminal',
        address: machine.ip,
        host: { id: TERMINAL_ID, syn: () => ({ kind: 'reset', why: 'the terminal is a client: nothing listens there' }) },
        state: () => 'idle',
        counters: () => ({ issued: count }),
      },
      { kind: 'internet', edgeMs: 20 },
      [machine.ip],
    );
  };

  const account = { region: deps.scenario.cluster?.region ?? 'eu-west-1', accountId: ACCOUNT_ID };

  return {
    machine,
    ...(cluster === undefined
      ? {}
      : {
          cluster: () => clusterView(cluster.cluster, trace.records(), { componentOf: (namespace, name) => podComponent({ namespace, name }), deployments: deps.scenario.cluster?.deployments.map((d) => `${d.metadata.namespace}/${d.metadata.name}`) ?? [] }),
          // kubectl scale/cordon/uncordon/drain are the world's own commands (checked, recorded as the fault menu's
          // are); the typed line replays, and with it the command, at the same virtual time.
          changeCluster: (change) => {
            const command =
              change.kind === 'scale'
                ? { kind: change.kind, target: change.namespace === 'default' ? change.name : `${change.namespace}/${change.name}`, replicas: change.replicas }
                : { kind: change.kind, target: change.node };
            const result = applyNodeOrScale(trace, cluster, command);
            return typeof result === 'string' ? result : undefined;
          },
        }),
    ...(dns === undefined && cluster === undefined
      ? {}
      : { dig: (args: readonly string[], from: string) => runDig(args, access(from)), resolve: (name: string, from: string, server?: string) => lookupName(name, access(from), server) }),
    targetGroups: () => deps.nlbs.all().flatMap((b) => targetGroupsOf(b.runtime.nlb, account)),
    describeTargetHealth: (arn, output) => deps.nlbs.all().map((b) => describeTargetHealthText(b.runtime.nlb, account, arn, output)).find((t) => t !== undefined),
    knownHosts: () => [...(deps.scenario.dns?.zones.flatMap((z) => z.records.map((r) => r.name)) ?? []), ...deps.nlbs.all().map((b) => b.runtime.nlb.dnsName)],
    nginx: (podName) => {
      const pod = podOf(podName);
      // The files as the pod's nginx runs them now: its Deployment's, or as an `nginx-reload` command left them.
      const spec = pod === undefined ? undefined : cluster?.podNginx(podComponent(pod.ref));
      if (pod === undefined || spec === undefined || cluster === undefined) return undefined;
      const files = Object.fromEntries(Object.entries(spec.files).map(([name, text]) => [`/etc/nginx/${name}`, text]));
      return nginxControl({
        files: () => files,
        entry: `/etc/nginx/${spec.entry}`,
        resolve: (host) => {
          const a = cluster.cluster.lookup(host.includes('.') ? host : `${host}.${pod.ref.namespace}.svc.cluster.local`);
          return a.rcode === 'NOERROR' ? [a.ip] : undefined;
        },
        // The terminal cannot edit files, so `nginx -s reload` re-applies the pod's files as they are: the
        // world's `nginx-reload` command with the entry file unchanged. Fresh workers (fresh upstream state)
        // change the run, so the reload goes through the world's command list and replays with it.
        apply: () => deps.inject?.({ kind: NGINX_RELOAD, target: pod.ref.name, file: spec.entry, text: spec.files[spec.entry] ?? '' }),
        version: '1.22.1',
      });
    },
    http(call, events) {
      const requestId = `${TERMINAL_ID}#${++count}`;
      const pod = call.from === 'machine' ? undefined : podOf(call.from);
      const from = pod === undefined ? TERMINAL_ID : podComponent(pod.ref);
      const srcIp = pod === undefined ? machine.ip : pod.ref.ip;
      if (pod === undefined) ensureOnFabric();
      const host = call.headers.find(([n]) => n.toLowerCase() === 'host')?.[1] ?? call.connectIp;
      const client = pod === undefined ? TERMINAL_ID : from;
      trace.record({ kind: 'request', requestId, client, method: call.method, url: call.target.startsWith('http') ? call.target : `http://${host}${call.target}` });
      const started = engine.now;
      let settled = false;
      let timer: EventHandle | undefined;
      const settle = (result: HttpResult, notify = true): void => {
        if (settled) return;
        settled = true;
        if (timer !== undefined) engine.cancel(timer);
        trace.record({
          kind: 'outcome',
          requestId,
          client,
          status: result.kind === 'response' ? result.status : 0,
          result: outcomeResult(result),
          latencyMs: engine.now - started,
          ...(result.kind === 'response' && result.servedBy !== undefined ? { servedBy: result.servedBy } : {}),
          why: result.kind === 'response' ? `the terminal's curl got ${result.status}` : (result.why ?? `the terminal's curl failed: ${result.failure}`),
        });
        if (notify) events.done(result);
      };
      let connected = false;
      const limit = Math.min(call.timeoutMs ?? Infinity, CONNECT_TIMEOUT_MS);
      timer = engine.schedule(limit, () => settle({ kind: 'failure', requestId, failure: connected ? 'timeout' : 'connect-timeout', why: connected ? `no answer within ${limit} ms` : 'the SYN was never answered' }), `terminal timeout ${requestId}`);
      const counter = ports.get(from) ?? new PortCounter();
      ports.set(from, counter);
      const dial = deps.tcp().dial(
        { from, srcIp, srcPort: counter.take(), dstIp: call.connectIp, dstPort: call.connectPort, purpose: 'traffic', requestId },
        {
          connected: (connection) => {
            if (settled) return connection.close();
            connected = true;
            // Connected: only -m limits the wait for the answer from here.
            if (timer !== undefined) engine.cancel(timer);
            timer = call.timeoutMs === undefined ? undefined : engine.schedule(Math.max(0, started + call.timeoutMs - engine.now), () => settle({ kind: 'failure', requestId, failure: 'timeout', why: `no answer within ${call.timeoutMs} ms` }), `terminal timeout ${requestId}`);
            events.connected();
            connection.send(
              { id: requestId, method: call.method, target: call.target, headers: call.headers, ...(call.body === undefined ? {} : { body: call.body }) },
              {
                response: (reply) =>
                  settle({ kind: 'response', requestId, httpVersion: 'HTTP/1.1', status: reply.status, reason: reasonPhrase(reply.status), headers: reply.headers, body: reply.body, servedBy: reply.servedBy }),
                reset: (why) => settle({ kind: 'failure', requestId, failure: 'reset', why }),
              },
            );
          },
          refused: (why) => settle({ kind: 'failure', requestId, failure: 'refused', why }),
        },
      );
      // Ctrl-C: the request still gets its one outcome; curl prints nothing more.
      return () => {
        dial.abort();
        settle({ kind: 'failure', requestId, failure: 'timeout', why: 'the student stopped curl (Ctrl-C) before an answer came' }, false);
      };
    },
  };
}
