/**
 * Scheduled faults: at a virtual time, one action on one target, undone
 * after `for` when given.
 *
 *     faults:
 *       - { at: 20s, crash: auth/0 }               # the first pod of Deployment auth: its app exits (the kubelet restarts it)
 *       - { at: 30s, crash: auth/1, for: 2m }      # …and keeps exiting after every start: CrashLoopBackOff
 *       - { at: 40s, hang: api/0, for: 30s }       # accepts connections, never answers
 *       - { at: 40s, slow: api/1, by: 500ms }      # every response 500 ms later
 *       - { at: 50s, unhealthy: frontend/2 }       # /health fails, traffic is still served
 *       - { at: 60s, kill: nginx/0 }               # delete the pod: its Deployment replaces it
 *       - { at: 80s, drain: node-2 }               # cordon and evict
 *       - { at: 90s, lose-az: eu-west-1c }         # everything in the AZ is unreachable
 *       - { at: 10s, crash: app }                  # a machine: down until recover
 *       - { at: 25s, recover: app }
 *       - { at: 30s, dns-ttl: my-nlb-url.com, ttl: 5 }   # Route 53 record TTL, seconds (an alias is refused)
 *       - { at: 30s, dns-record: www.example.com, value: 198.51.100.20 }   # or alias:<service>, or a host name
 *       - { at: 40s, nlb-health-check: nginx-loadbalancer, interval: 5s, unhealthy-threshold: 2 }
 *       - { at: 50s, cut-link: nlb-eu-west-1a|node-1, for: 20s }   # packets lost both ways
 *       - { at: 60s, scale: api, replicas: 5 }     # kubectl scale deployment/api --replicas=5 (for: back to the old count)
 *
 * Targets are checked against the rest of the file in `references.ts`.
 */
import { isMap, isScalar, type Node } from 'yaml';
import type { Check } from '../schema';
import { childPath, describe, posOf, read, report } from '../schema';
import { didYouMean } from '../did-you-mean';
import type { FaultKind, FaultSpec } from '../types';
import { duration, positiveDuration, text } from './common';
import { readSetting, REQUIRED_SETTINGS, SETTING_KEYS } from './fault-settings';

export const FAULT_KINDS: readonly FaultKind[] = ['crash', 'recover', 'hang', 'slow', 'unhealthy', 'heal', 'kill', 'drain', 'cordon', 'uncordon', 'lose-az', 'restore-az', 'dns-ttl', 'dns-record', 'nlb-health-check', 'cut-link', 'restore-link', 'scale'];

const target = text('a target: a machine id, deployment/index (auth/0), a pod name, a node name or an AZ');
const OTHER_KEYS = ['at', 'for', 'by', ...Object.keys(SETTING_KEYS)];

export const fault: Check<FaultSpec> = {
  expected: `a fault: { at, <action>: <target>, for, by } with one action of ${FAULT_KINDS.join(', ')}`,
  parse(node, path, ctx) {
    if (node === null || !isMap(node)) {
      report(ctx, posOf(node, ctx), path, `expected ${this.expected}, got ${describe(node)}`);
      return undefined;
    }
    let ok = true;
    let atMs: number | undefined;
    let forMs: number | undefined;
    let byMs: number | undefined;
    const actions: { kind: FaultKind; target: string }[] = [];
    const settings: Record<string, number | string> = {};
    const settingKeys: string[] = [];
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      const key = keyNode !== null && isScalar(keyNode) ? String(keyNode.value) : '';
      const value = pair.value as Node | null;
      const at = childPath(path, key);
      if (key === 'at') atMs = read(duration, value, at, ctx);
      else if (key === 'for') forMs = read(positiveDuration, value, at, ctx);
      else if (key === 'by') byMs = read(positiveDuration, value, at, ctx);
      else if (Object.hasOwn(SETTING_KEYS, key)) {
        const s = readSetting(key, value, at, ctx);
        if (s === undefined) ok = false;
        else {
          settings[s.field] = s.value;
          settingKeys.push(key);
        }
        continue;
      }
      else if ((FAULT_KINDS as readonly string[]).includes(key)) {
        const t = read(target, value, at, ctx);
        if (t !== undefined) actions.push({ kind: key as FaultKind, target: t });
        else ok = false;
        continue;
      } else {
        const hint = didYouMean(key, [...FAULT_KINDS, ...OTHER_KEYS]);
        report(ctx, posOf(keyNode, ctx), at, `unknown key; expected at, for, by or an action (${FAULT_KINDS.join(', ')})${hint === undefined ? '' : ` (did you mean ${hint}?)`}`);
        ok = false;
        continue;
      }
      if (key === 'at' && atMs === undefined) ok = false;
      if (key === 'for' && forMs === undefined) ok = false;
      if (key === 'by' && byMs === undefined) ok = false;
    }
    if (atMs === undefined && ok) {
      report(ctx, posOf(node, ctx), childPath(path, 'at'), 'missing; expected when the fault happens, e.g. at: 30s');
      ok = false;
    }
    if (actions.length !== 1 && ok) {
      report(ctx, posOf(node, ctx), path, `expected exactly one action (${FAULT_KINDS.join(', ')}), got ${actions.length}`);
      ok = false;
    }
    const action = actions[0];
    if (action !== undefined && byMs !== undefined && action.kind !== 'slow') {
      report(ctx, posOf(node, ctx), childPath(path, 'by'), `expected by only on slow, got it on ${action.kind}`);
      ok = false;
    }
    for (const key of settingKeys) {
      const wanted = SETTING_KEYS[key]?.kind;
      if (action !== undefined && wanted !== action.kind && ok) {
        report(ctx, posOf(node, ctx), childPath(path, key), `expected ${key} only on ${wanted}, got it on ${action.kind}`);
        ok = false;
      }
    }
    const missing = action === undefined ? undefined : (REQUIRED_SETTINGS[action.kind] ?? []).find((k) => !settingKeys.includes(k));
    if (action !== undefined && missing !== undefined && ok) {
      report(ctx, posOf(node, ctx), childPath(path, missing), `missing; ${action.kind} needs ${missing}`);
      ok = false;
    }
    if (action !== undefined && forMs !== undefined && ['recover', 'heal', 'uncordon', 'restore-az', 'kill', 'restore-link', 'dns-ttl', 'dns-record', 'nlb-health-check'].includes(action.kind)) {
      report(ctx, posOf(node, ctx), childPath(path, 'for'), `expected no for on ${action.kind}: it undoes nothing, or cannot be undone`);
      ok = false;
    }
    if (!ok || action === undefined || atMs === undefined) return undefined;
    return {
      atMs,
      kind: action.kind,
      target: action.target,
      ...(forMs === undefined ? {} : { forMs }),
      ...(action.kind === 'slow' ? { byMs: byMs ?? 1000 } : {}),
      ...settings,
    };
  },
};
