/**
 * Any plan command in words, for lists, the projector and messages: a
 * fault with its settings ("slow down api-1 by 500 ms"), a terminal line as
 * typed ("$ kubectl get pods"), an apply by the objects it names, a reload
 * by its file. A command that carries text (a manifest, a file, a line)
 * never has that text printed whole: a list line must stay a line.
 *
 * It lives apart from the catalogue because it reads the terminal's and
 * the editor's commands too, which themselves import the plan: here the
 * imports do not go round in a circle.
 */
import { CATALOGUE } from './catalogue';
import { REFUSED, wasRefused, type Command } from './plan';
import { describeTerminalCommand, isTerminalCommand } from '../terminal/lines';
import { describeApply } from '../editor/manifest-edit';
import { KUBECTL_APPLY, NGINX_RELOAD } from '../../scenario';

/** Longest piece of a command's text shown (a line, a record value); longer ones end in "…". */
export const MAX_TEXT = 60;

/** `text` on one line, cut to `max` characters. */
export function shortText(text: string, max = MAX_TEXT): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

const seconds = (v: number): string => `${v} s`;

/** How a setting reads after the target; settings not named here read as "key value". */
const WORDS: Readonly<Record<string, (v: string | number) => string>> = {
  byMs: (v) => `by ${String(v)} ms`,
  forMs: (v) => `for ${typeof v === 'number' ? (v % 1000 === 0 ? seconds(v / 1000) : `${v} ms`) : v}`,
  ttlS: (v) => `to ${String(v)} s`,
  value: (v) => `to ${shortText(String(v))}`,
  replicas: (v) => `to ${String(v)} replicas`,
  intervalS: (v) => `interval ${String(v)} s`,
  timeoutS: (v) => `timeout ${String(v)} s`,
  healthyThreshold: (v) => `healthy after ${String(v)}`,
  unhealthyThreshold: (v) => `unhealthy after ${String(v)}`,
};

function setting(key: string, value: string | number): string {
  const word = WORDS[key];
  if (word !== undefined) return word(value);
  return `${key} ${typeof value === 'string' ? shortText(value) : String(value)}`;
}

function describeFault(command: Command): string {
  const title = CATALOGUE.find((f) => f.kind === command.kind)?.name ?? command.kind;
  // "Crash" → "crash", but "NLB health check" and "Change DNS TTL" keep their capitals.
  const name = /^[A-Z][a-z]/.test(title) ? title[0]?.toLowerCase() + title.slice(1) : title;
  const extras = Object.entries(command)
    .filter(([k]) => k !== 'kind' && k !== 'target' && k !== REFUSED)
    .map(([k, v]) => setting(k, v));
  return [name, shortText(command.target.replace('|', ' ↔ ')), ...extras].join(' ');
}

/** Any plan command in words, on one line: "crash app", "$ kubectl get pods", "kubectl apply -f (deployment.apps/api)". */
export function describeCommand(command: Command): string {
  if (isTerminalCommand(command)) return shortText(describeTerminalCommand(command) ?? command.kind);
  if (command.kind === KUBECTL_APPLY) return describeApply(command) ?? 'kubectl apply -f (no objects)';
  const refused = wasRefused(command) ? ', refused' : '';
  if (command.kind === NGINX_RELOAD) return `nginx -s reload on ${shortText(command.target)} (/etc/nginx/${shortText(String(command['file'] ?? '?'))} edited${refused})`;
  return describeFault(command) + refused;
}
