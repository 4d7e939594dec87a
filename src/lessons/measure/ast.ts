/**
 * What a measure or a goal means, once parsed: plain data, evaluated over a
 * trace by `evaluate.ts` and `goals.ts`. The surface syntax lives in
 * `parse.ts`; lessons/README.md documents it for authors.
 */

/** A moment in a run: a fixed virtual time, or the first time something happened. */
export type TimeRef =
  | { kind: 'at'; ms: number }
  /** The first `state` record of `component` whose new state is `state`. */
  | { kind: 'state'; component: string; state: string }
  /** The first `command` record of this kind aimed at `target`. */
  | { kind: 'command'; command: string; target: string };

/** `after` is inclusive, `before` exclusive. */
export interface Window {
  after?: TimeRef;
  before?: TimeRef;
}

/** Which requests, by how they ended. */
export type What =
  | { type: 'all' }
  | { type: 'status'; code: number }
  | { type: 'class'; hundred: number }
  | { type: 'failures' }
  | { type: 'successes' }
  | { type: 'result'; result: 'refused' | 'reset' | 'timeout' | 'error' };

/** Requests issued by clients, chosen by outcome, client, server and path, within a window of issue times. */
export interface RequestSet {
  kind: 'requests';
  what: What;
  from?: string;
  servedBy?: string;
  path?: string;
  window: Window;
}

/** Packets sent, chosen by type, sender and receiver, within a window of send times. */
export interface MessageSet {
  kind: 'messages';
  type?: string;
  from?: string;
  to?: string;
  /** Only messages of requests this client sent (`on behalf of bob`). */
  client?: string;
  window: Window;
}

/** Decisions components took (`cache hit`, a peer picked…), by name and component, within a window. */
export interface DecisionSet {
  kind: 'decisions';
  /** The decision's name, as the component records it (`cache hit`); any when undefined. */
  decision?: string;
  by?: string;
  window: Window;
}

/** Log lines components wrote (access and error logs), by the text they contain and by component. */
export interface LogSet {
  kind: 'logs';
  /** Text the line contains; any line when undefined. */
  text?: string;
  by?: string;
  window: Window;
}

/** Lines the student ran in the terminal (`kubectl get pods`), by the words they hold and where they ran, within a window. */
export interface CommandSet {
  kind: 'commands';
  /** Words the line must hold, in this order, each inside one of the line's words; any line when undefined. */
  text?: string;
  /** Where it ran: `machine`, or a pod's name (a pattern such as `nginx-*`). */
  where?: string;
  window: Window;
}

/** Every kind of set a count, a first or a `no` goal takes. */
export type AnySet = RequestSet | MessageSet | DecisionSet | LogSet | CommandSet;

export type RequestField = 'servedBy' | 'status' | 'result' | 'latency';

export type Measure =
  | { m: 'count'; set: AnySet }
  | { m: 'share'; set: RequestSet }
  | { m: 'field'; field: RequestField; n: number; from?: string; path?: string }
  | { m: 'first'; set: AnySet }
  /** How many different components served the requests of a set. */
  | { m: 'servers'; set: RequestSet }
  /** Who sent, or who received, the first message of a set. */
  | { m: 'end'; end: 'sender' | 'receiver'; set: MessageSet }
  | { m: 'latency'; agg: 'mean' | 'max'; set: RequestSet };

/** A literal an author compares with: numbers carry their unit so `200ms` and `20%` read right. */
export type Literal = { kind: 'number'; value: number; unit: 'count' | 'percent' | 'ms' } | { kind: 'word'; value: string };

export type Comparison =
  | { op: '=' | '!=' | '<' | '<=' | '>' | '>='; value: Literal }
  | { op: 'between'; min: Literal; max: Literal };

export type Goal =
  /** `no 502 after 40s`: the set is empty. */
  | { g: 'none'; set: AnySet }
  /** `each of app-1, app-2 gets 25%–40% of requests`: every matching server's share lies in the range. */
  | { g: 'each'; servers: string[]; min: number; max: number; set: RequestSet }
  /** `api-2 receives no requests after api-2 becomes unhealthy`. */
  | { g: 'receivesNone'; component: string; window: Window }
  /** `count of successes after 30s >= 20`. */
  | { g: 'compare'; measure: Measure; comparison: Comparison };
