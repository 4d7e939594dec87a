/**
 * The stub resolver in time: one lookup, sending each query through the
 * world and waiting for its answer or its timeout (glibc's per-try timeout,
 * the named delay `stubTimeoutMs`). The decisions are `stub.ts`'s; this
 * machine only holds the state between events and owns the timer.
 *
 * Each query has a key (`<id>#<n>`) and its timeout is a delayed event with
 * the explicit id `timeout:<key>`, cancelled when the answer arrives; an
 * answer that comes after its timeout carries an old key and is ignored,
 * as glibc ignores a reply to a query it has given up on.
 */
import { enqueueActions, setup } from 'xstate';
import type { DnsResponse, Question } from './message';
import type { RRType } from './records';
import type { StubConfig } from './resolvconf';
import type { StubAction, StubResult, StubState } from './stub';
import { stubOnResponse, stubOnTimeout, stubStart } from './stub';

/** What the machine asks of the world. */
export interface StubPort {
  /** Send `question` to `nameserver`; deliver the answer as a RESPONSE event with `queryKey`. */
  send(nameserver: string, question: Question, queryKey: string, why: string): void;
  /** The lookup is over. */
  done(result: StubResult): void;
}

export interface StubInput {
  /** Stable id of this lookup (`browser#3:dns`), the prefix of its query keys. */
  readonly id: string;
  readonly config: StubConfig;
  readonly name: string;
  readonly type?: RRType;
  readonly port: StubPort;
}

export interface StubContext {
  readonly id: string;
  readonly port: StubPort;
  readonly stub: StubState;
  readonly action: StubAction;
  /** Queries sent so far; the current one's key is `<id>#<sent>`. */
  readonly sent: number;
}

export type StubEvent =
  | { type: 'RESPONSE'; queryKey: string; response: DnsResponse }
  | { type: 'TIMEOUT'; queryKey: string };

/** The key of the query in flight. */
export function stubQueryKey(context: Pick<StubContext, 'id' | 'sent'>): string {
  return `${context.id}#${context.sent}`;
}

export const stubMachine = setup({
  types: {
    context: {} as StubContext,
    events: {} as StubEvent,
    input: {} as StubInput,
  },
  delays: {
    stubTimeoutMs: ({ context }) => (context.action.kind === 'query' ? context.action.timeoutMs : 0),
  },
  guards: {
    isCurrent: ({ context, event }) => event.queryKey === stubQueryKey(context),
    hasQuery: ({ context }) => context.action.kind === 'query',
  },
  actions: {
    sendQuery: enqueueActions(({ context, enqueue }) => {
      const action = context.action;
      if (action.kind !== 'query') return;
      const key = stubQueryKey({ id: context.id, sent: context.sent + 1 });
      enqueue.assign({ sent: context.sent + 1 });
      enqueue.raise({ type: 'TIMEOUT', queryKey: key }, { id: `timeout:${key}`, delay: 'stubTimeoutMs' });
      enqueue(() => context.port.send(action.nameserver, action.question, key, action.why));
    }),
    onResponse: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'RESPONSE') return;
      enqueue.cancel(`timeout:${event.queryKey}`);
      const next = stubOnResponse(context.stub, event.response);
      enqueue.assign({ stub: next.state, action: next.action });
    }),
    onTimeout: enqueueActions(({ context, enqueue }) => {
      const next = stubOnTimeout(context.stub);
      enqueue.assign({ stub: next.state, action: next.action });
    }),
    report: ({ context }) => {
      if (context.action.kind === 'done') context.port.done(context.action.result);
    },
  },
}).createMachine({
  id: 'stub',
  context: ({ input }) => {
    const start = stubStart(input.config, input.name, input.type ?? 'A');
    return { id: input.id, port: input.port, stub: start.state, action: start.action, sent: 0 };
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
