/**
 * Network faults in a full world: DNS changes at Route 53 (`dns-ttl`,
 * `dns-record`), the NLB's health-check settings (`nlb-health-check`), and
 * a cut link between two components (`cut-link`, `restore-link`), applied at
 * the world's current virtual time by `faults-net-apply.ts`; here their
 * kinds, and the cut-link hook and scheduled-fault command every full world
 * uses (kept apart so the embed loads the applying code only for a scenario
 * that gives such a fault).
 *
 * A wrong target throws, as every fault does. A change AWS would refuse (a
 * TTL on an alias, a health-check value out of range) is not an error of the
 * command: it is recorded as a `command` record whose `why` begins with
 * `refused:` and nothing changes, so a student sees the refusal in the trace.
 */
import type { Engine, Trace } from '../../sim';
import type { FaultKind, FaultSettings, FaultSpec } from '../types';
import type { DnsPart } from './dns-part';
import type { NlbPart } from './nlb-part';

/** The kinds `applyNetCommand` applies. */
export const NET_FAULT_KINDS = ['dns-ttl', 'dns-record', 'nlb-health-check', 'cut-link', 'restore-link'] as const;
export type NetFaultKind = (typeof NET_FAULT_KINDS)[number];

/** How the `why` of a command AWS refused begins. */
export const REFUSED = 'refused:';

/** A network fault command: flat, with the settings its kind takes. */
export interface NetCommand extends FaultSettings {
  readonly kind: NetFaultKind;
  readonly target: string;
  readonly forMs?: number;
}

export interface NetFaultDeps {
  readonly engine: Engine;
  readonly trace: Trace;
  readonly dns?: DnsPart;
  readonly nlbs: NlbPart;
  /** Cut links: `linkKey(a, b)` → why nothing crosses it. */
  readonly cutLinks: Map<string, string>;
  /** Whether a component with this id exists now. */
  readonly known: (component: string) => boolean;
}

/** True for the kinds this module applies. */
export function isNetFault(kind: string): kind is NetFaultKind {
  return (NET_FAULT_KINDS as readonly string[]).includes(kind);
}

/** The key of the undirected link a–b. */
export function linkKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** The fabric's `cut` hook over a set of cut links: cheap when nothing is cut. */
export function cutHook(cutLinks: ReadonlyMap<string, string>): (a: string, b: string) => string | undefined {
  return (a, b) => (cutLinks.size === 0 ? undefined : cutLinks.get(linkKey(a, b)));
}

/** The command a scheduled fault gives: the spec without its time. */
export function faultCommand<C>(f: FaultSpec): C {
  const { atMs: _atMs, ...command } = f;
  return command as C;
}

/** Kinds of fault, as a type guard for the world's table of the others. */
export type OtherFaultKind = Exclude<FaultKind, NetFaultKind>;
