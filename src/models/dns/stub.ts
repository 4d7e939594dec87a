/**
 * The glibc stub resolver, as getaddrinfo drives it for one host name: no
 * cache (none without nscd or systemd-resolved), the search list in order,
 * and for each candidate the tries of `tries.ts`. How an answer moves it on
 * (res_search in resolv/res_query.c, send_dg in res_send.c):
 * - addresses: done;
 * - NXDOMAIN or NODATA: that candidate is settled; go to the next candidate;
 * - SERVFAIL or REFUSED: ask the next nameserver at once;
 * - silence: wait out the try's timeout, then the next nameserver.
 * A candidate that only timed out ends the search (TRY_AGAIN: the name might
 * exist); one that got SERVFAIL lets the search go on.
 *
 * State is immutable: `stubStart`, `stubOnResponse` and `stubOnTimeout` return
 * a new state and the next action, so an XState machine can hold it in
 * context and the world can put latency between the steps.
 */
import type { DnsResponse, Question, ResponseKind } from './message';
import type { ResourceRecord, RRType } from './records';
import { addressesOf, minTtl } from './records';
import type { StubConfig } from './resolvconf';
import type { StubTry } from './tries';
import { stubTries } from './tries';
import { searchCandidates, searchWhy } from './search';
import { followChain } from './resolution';
import { MAX_CNAME_CHAIN } from './authoritative';

/** How getaddrinfo ends: with addresses, or with the error a program would report. */
export type StubStatus = 'ok' | 'nxdomain' | 'nodata' | 'servfail' | 'timeout';

/** One query the stub sent and what came of it. */
export interface StubStep {
  readonly candidate: string;
  readonly try: StubTry;
  readonly question: Question;
  /** Milliseconds after the lookup began that the query was sent. */
  readonly sentAtMs: number;
  readonly outcome: ResponseKind | 'timeout';
  readonly response?: DnsResponse;
  readonly why: string;
}

export interface StubResult {
  /** The name as the program asked for it. */
  readonly name: string;
  readonly status: StubStatus;
  /** All addresses, in answer order. */
  readonly addresses: readonly string[];
  /** The answer records (CNAMEs, then addresses) of the candidate that worked. */
  readonly answer: readonly ResourceRecord[];
  /** Smallest TTL of the addresses returned (what a browser cache may use). */
  readonly ttlS?: number;
  /** The candidate that answered. */
  readonly resolvedName?: string;
  /** The getaddrinfo error and its message (`gai_strerror`), when it failed. */
  readonly error?: { readonly code: 'EAI_NONAME' | 'EAI_NODATA' | 'EAI_AGAIN'; readonly message: string };
  readonly steps: readonly StubStep[];
  /** Time spent waiting for answers that never came (timeouts), in ms. */
  readonly waitedMs: number;
  readonly why: string;
}

export interface StubState {
  readonly name: string;
  readonly type: RRType;
  readonly candidates: readonly string[];
  readonly tries: readonly StubTry[];
  readonly candidateIndex: number;
  readonly tryIndex: number;
  /** Something answered SERVFAIL/REFUSED for the current candidate. */
  readonly servfailNow: boolean;
  readonly gotNodata: boolean;
  readonly gotServfail: boolean;
  readonly waitedMs: number;
  readonly steps: readonly StubStep[];
  readonly searchWhy: string;
}

export type StubAction =
  | { readonly kind: 'query'; readonly nameserver: string; readonly question: Question; readonly timeoutMs: number; readonly why: string }
  | { readonly kind: 'done'; readonly result: StubResult };

/** Start looking up `name`: the first action is always a query (or `done` with no nameservers). */
export function stubStart(config: StubConfig, name: string, type: RRType = 'A'): { state: StubState; action: StubAction } {
  const state: StubState = {
    name,
    type,
    candidates: searchCandidates(name, config),
    tries: stubTries(config),
    candidateIndex: 0,
    tryIndex: 0,
    servfailNow: false,
    gotNodata: false,
    gotServfail: false,
    waitedMs: 0,
    steps: [],
    searchWhy: searchWhy(name, config),
  };
  return proceed(state);
}

/** The nameserver asked last answered. */
export function stubOnResponse(state: StubState, response: DnsResponse): { state: StubState; action: StubAction } {
  const recorded = withStep(state, response.kind, response, response.why);
  const candidate = current(state);
  switch (response.kind) {
    case 'answer': {
      const found = followChain(response.answer, candidate, state.type, MAX_CNAME_CHAIN);
      if (found.matching.length > 0) return { state: recorded, action: success(recorded, candidate, response) };
      return nextCandidate({ ...recorded, gotNodata: true });
    }
    case 'nodata':
      return nextCandidate({ ...recorded, gotNodata: true });
    case 'nxdomain':
      return nextCandidate(recorded);
    case 'servfail':
    case 'refused':
    case 'referral': {
      return proceed({ ...recorded, servfailNow: true, tryIndex: state.tryIndex + 1 });
    }
  }
}

/** The nameserver asked last did not answer within its timeout. */
export function stubOnTimeout(state: StubState): { state: StubState; action: StubAction } {
  const t = state.tries[state.tryIndex];
  const timeoutMs = t?.timeoutMs ?? 0;
  const recorded = withStep(state, 'timeout', undefined, `no answer from ${t?.nameserver ?? '?'} within ${timeoutMs / 1000} s`);
  return proceed({ ...recorded, tryIndex: state.tryIndex + 1, waitedMs: state.waitedMs + timeoutMs });
}

/**
 * Look `name` up to the end, asking nameservers through `ask` (undefined =
 * no answer). Time moves only by timeouts: `ask` gets the virtual time the
 * query is sent.
 */
export function resolveStub(
  config: StubConfig,
  name: string,
  nowMs: number,
  ask: (nameserver: string, q: Question, atMs: number) => DnsResponse | undefined,
  type: RRType = 'A',
): StubResult {
  let { state, action } = stubStart(config, name, type);
  // Bounded: each step advances tryIndex or candidateIndex, both finite.
  while (action.kind === 'query') {
    const response = ask(action.nameserver, action.question, nowMs + state.waitedMs);
    ({ state, action } = response === undefined ? stubOnTimeout(state) : stubOnResponse(state, response));
  }
  return action.result;
}

function current(state: StubState): string {
  return state.candidates[state.candidateIndex] ?? state.name;
}

function withStep(state: StubState, outcome: StubStep['outcome'], response: DnsResponse | undefined, why: string): StubState {
  const t = state.tries[state.tryIndex];
  if (t === undefined) return state;
  const step: StubStep = {
    candidate: current(state),
    try: t,
    question: { name: current(state), type: state.type },
    sentAtMs: state.waitedMs,
    outcome,
    ...(response === undefined ? {} : { response }),
    why,
  };
  return { ...state, steps: [...state.steps, step] };
}

/** The next try for the current candidate or, when they are used up, the next candidate or the end. */
function proceed(state: StubState): { state: StubState; action: StubAction } {
  const t = state.tries[state.tryIndex];
  if (t === undefined) {
    if (state.servfailNow) return nextCandidate({ ...state, gotServfail: true });
    const why = `no nameserver answered for ${current(state)}: the search stops here (TRY_AGAIN)`;
    return { state, action: failure(state, 'timeout', why) };
  }
  const candidate = current(state);
  const lead = state.tryIndex === 0 && state.candidateIndex === 0 ? `${state.searchWhy}; ` : '';
  const action: StubAction = {
    kind: 'query',
    nameserver: t.nameserver,
    question: { name: candidate, type: state.type },
    timeoutMs: t.timeoutMs,
    why: `${lead}ask ${t.nameserver} for ${candidate} ${state.type} (attempt ${t.attempt}, wait up to ${t.timeoutMs / 1000} s)`,
  };
  return { state, action };
}

function nextCandidate(state: StubState): { state: StubState; action: StubAction } {
  const next: StubState = { ...state, candidateIndex: state.candidateIndex + 1, tryIndex: 0, servfailNow: false };
  if (next.candidateIndex < next.candidates.length) return proceed(next);
  if (next.gotNodata) return { state: next, action: failure(next, 'nodata', `no candidate of ${state.name} has ${state.type} records`) };
  if (next.gotServfail) return { state: next, action: failure(next, 'servfail', `lookups of ${state.name} failed (SERVFAIL)`) };
  return { state: next, action: failure(next, 'nxdomain', `every candidate for ${state.name} is NXDOMAIN: ${state.candidates.join(', ')}`) };
}

const ERRORS = {
  nxdomain: { code: 'EAI_NONAME', message: 'Name or service not known' },
  nodata: { code: 'EAI_NODATA', message: 'No address associated with hostname' },
  servfail: { code: 'EAI_AGAIN', message: 'Temporary failure in name resolution' },
  timeout: { code: 'EAI_AGAIN', message: 'Temporary failure in name resolution' },
} as const;

function failure(state: StubState, status: Exclude<StubStatus, 'ok'>, why: string): StubAction {
  return {
    kind: 'done',
    result: { name: state.name, status, addresses: [], answer: [], error: ERRORS[status], steps: state.steps, waitedMs: state.waitedMs, why },
  };
}

function success(state: StubState, candidate: string, response: DnsResponse): StubAction {
  const found = followChain(response.answer, candidate, state.type, MAX_CNAME_CHAIN);
  const addresses = addressesOf(found.matching);
  const ttlS = minTtl(found.matching);
  return {
    kind: 'done',
    result: {
      name: state.name,
      status: 'ok',
      addresses,
      answer: [...found.chain, ...found.matching],
      ...(ttlS === undefined ? {} : { ttlS }),
      resolvedName: candidate,
      steps: state.steps,
      waitedMs: state.waitedMs,
      why: `${candidate} → ${addresses.join(', ')} (TTL ${ttlS ?? '?'} s)`,
    },
  };
}
