/**
 * One recursive resolution in time: each query goes out through the world
 * and the resolver waits `serverTimeoutMs` (a named delay) for its answer
 * before trying the next server of the zone. The decisions are
 * `recursive.ts`'s; this machine holds the session between events and owns
 * the timer. Timers have explicit ids (`timeout:<key>`); late answers to a
 * query already given up on are ignored.
 *
 * The default timeout is 800 ms: the order of magnitude BIND and Unbound use
 * for a server whose round-trip time they do not know yet (both adapt it to
 * measured round trips, which is not modelled).
 */
import { enqueueActions, setup } from 'xstate';
import type { DnsResponse, Question } from './message';
import type { NameServerAddress, Resolution, ResolverAction } from './resolution';
import type { RecursiveResolver } from './recursive';
import { resolverOnResponse, resolverOnTimeout, startResolution } from './recursive';
import type { ResolutionSession } from './session';

export const DEFAULT_SERVER_TIMEOUT_MS = 800;

/** What the machine asks of the world. */
export interface ResolverPort {
  /** Virtual time now (the engine's): the cache counts TTLs down from it. */
  now(): number;
  /** Send `question` to `server`; deliver the answer as a RESPONSE event with `queryKey`. */
  send(server: NameServerAddress, question: Question, queryKey: string, why: string): void;
  /** The resolution is over (answer, negative answer or SERVFAIL). */
  done(resolution: Resolution): void;
}

export interface ResolverInput {
  /** Stable id of this resolution, the prefix of its query keys. */
  readonly id: string;
  readonly resolver: RecursiveResolver;
  readonly question: Question;
  readonly port: ResolverPort;
}

export interface ResolverContext {
  readonly id: string;
  readonly resolver: RecursiveResolver;
  readonly port: ResolverPort;
  /** Updated in place by the resolver's functions; `action` is what they returned last. */
  readonly session: ResolutionSession;
  readonly action: ResolverAction;
  readonly sent: number;
}

export type ResolverEvent =
  | { type: 'RESPONSE'; queryKey: string; response: DnsResponse }
  | { type: 'TIMEOUT'; queryKey: string };

function key(context: Pick<ResolverContext, 'id' | 'sent'>): string {
  return `${context.id}#${context.sent}`;
}

export const resolverMachine = setup({
  types: {
    context: {} as ResolverContext,
    events: {} as ResolverEvent,
    input: {} as ResolverInput,
  },
  delays: {
    serverTimeoutMs: DEFAULT_SERVER_TIMEOUT_MS,
  },
  guards: {
    isCurrent: ({ context, event }) => event.queryKey === key(context),
    hasQuery: ({ context }) => context.action.kind === 'query',
  },
  actions: {
    sendQuery: enqueueActions(({ context, enqueue }) => {
      const action = context.action;
      if (action.kind !== 'query') return;
      const k = key({ id: context.id, sent: context.sent + 1 });
      enqueue.assign({ sent: context.sent + 1 });
      enqueue.raise({ type: 'TIMEOUT', queryKey: k }, { id: `timeout:${k}`, delay: 'serverTimeoutMs' });
      enqueue(() => context.port.send(action.server, action.question, k, action.why));
    }),
    onResponse: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'RESPONSE') return;
      enqueue.cancel(`timeout:${event.queryKey}`);
      enqueue.assign({ action: resolverOnResponse(context.resolver, context.session, event.response, context.port.now()) });
    }),
    onTimeout: enqueueActions(({ context, enqueue }) => {
      enqueue.assign({ action: resolverOnTimeout(context.resolver, context.session, context.port.now()) });
    }),
    report: ({ context }) => {
      if (context.action.kind === 'done') context.port.done(context.action.resolution);
    },
  },
}).createMachine({
  id: 'resolver',
  context: ({ input }) => {
    const start = startResolution(input.resolver, input.question, input.port.now());
    return { id: input.id, resolver: input.resolver, port: input.port, session: start.session, action: start.action, sent: 0 };
  },
  initial: 'deciding',
  states: {
    deciding: {
      always: [{ guard: 'hasQuery', target: 'asking' }, { target: 'done' }],
    },
    asking: {
      entry: 'sendQuery',
      on: {
        RESPONSE: { guard: 'isCurrent', target: 'deciding', actions: 'onResponse' },
        TIMEOUT: { guard: 'isCurrent', target: 'deciding', actions: 'onTimeout' },
      },
    },
    done: { type: 'final', entry: 'report' },
  },
});
