/**
 * Sentences for measures, sets and windows, used in diagnoses: a student
 * reads "3 requests got 502 after t = 40 s", not our data structures.
 */
import { formatDuration } from '../../scenario';
import type { AnySet, MessageSet, RequestSet, TimeRef, What, Window } from './ast';

/** `t = 40 s`, `app became crashed`, `the crash of app`. */
export function describeTime(ref: TimeRef): string {
  if (ref.kind === 'at') return `t = ${formatDuration(ref.ms)}`;
  if (ref.kind === 'state') return `${ref.component} became ${ref.state}`;
  return `the ${ref.command} of ${ref.target}`;
}

/** ` after t = 40 s`, ` between t = 10 s and t = 20 s`, or '' for the whole run. */
export function describeWindow(w: Window): string {
  if (w.after !== undefined && w.before !== undefined) return ` between ${describeTime(w.after)} and ${describeTime(w.before)}`;
  if (w.after !== undefined) return ` after ${describeTime(w.after)}`;
  if (w.before !== undefined) return ` before ${describeTime(w.before)}`;
  return '';
}

/** What happened to the requests in a set, as a verb phrase: `got 502`, `failed`. */
export function describeWhat(what: What): string {
  switch (what.type) {
    case 'all':
      return 'were sent';
    case 'status':
      return `got ${what.code}`;
    case 'class':
      return `got a ${what.hundred}xx answer`;
    case 'failures':
      return 'failed';
    case 'successes':
      return 'succeeded';
    case 'result':
      return { refused: 'were refused', reset: 'were reset', timeout: 'timed out', error: 'got an HTTP error' }[what.result];
  }
}

function filters(set: RequestSet): string {
  let s = '';
  if (set.from !== undefined) s += ` from ${set.from}`;
  if (set.path !== undefined) s += ` for ${set.path}`;
  if (set.servedBy !== undefined) s += ` answered by ${set.servedBy}`;
  return s;
}

/** `requests from browser for /api/ answered by app-1 after t = 40 s`: the set without its outcome. */
export function describeRequests(set: RequestSet, plural = true): string {
  return `${plural ? 'requests' : 'request'}${filters(set)}`;
}

/** `3 requests got 502 after t = 40 s`. */
export function countSentence(n: number, set: AnySet): string {
  if (set.kind === 'commands') {
    const what = `terminal command${n === 1 ? '' : 's'}${set.text === undefined ? '' : ` matching "${set.text}"`}`;
    return `${n} ${what}${set.where === undefined ? '' : ` run in ${set.where}`}${describeWindow(set.window)}`;
  }
  if (set.kind === 'logs') {
    const what = `log line${n === 1 ? '' : 's'}${set.text === undefined ? '' : ` containing "${set.text}"`}`;
    return `${n} ${what}${set.by === undefined ? '' : ` by ${set.by}`}${describeWindow(set.window)}`;
  }
  if (set.kind === 'decisions') {
    const name = set.decision === undefined ? `decision${n === 1 ? '' : 's'}` : `"${set.decision}" decision${n === 1 ? '' : 's'}`;
    return `${n} ${name}${set.by === undefined ? '' : ` by ${set.by}`}${describeWindow(set.window)}`;
  }
  if (set.kind === 'messages') return `${n} ${describeMessages(set, n !== 1)}${describeWindow(set.window)}`;
  const noun = `${n} ${describeRequests(set, n !== 1)}`;
  const verb = describeWhat(set.what);
  const singular = n === 1 ? verb.replace(/^were /, 'was ') : verb;
  return `${noun} ${singular}${describeWindow(set.window)}`;
}

/** `messages of type request from nginx to api-2`. */
export function describeMessages(set: MessageSet, plural = true): string {
  let s = plural ? 'messages' : 'message';
  if (set.type !== undefined) s += ` of type ${set.type}`;
  if (set.from !== undefined) s += ` from ${set.from}`;
  if (set.to !== undefined) s += ` to ${set.to}`;
  if (set.client !== undefined) s += ` on behalf of ${set.client}`;
  return s;
}
