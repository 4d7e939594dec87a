/**
 * nginx configurations parsed at build time, for the embed's lessons (see
 * src/embed/deferred/nginx-config.ts, which starts nginx from them without
 * the parser). Upstream host names resolve when nginx starts, in the world,
 * so a template keeps them as placeholders and records the calls the parser
 * made to resolve them and the error it gives when each finds nothing.
 *
 * A template is made only when it provably gives the parser's results: the
 * calls must not depend on the answers, and filling the template with other
 * answers (several addresses, IPv6 first) must equal parsing with them. A
 * configuration that fails this (a host name in `listen`, say) gets no
 * template, and the embed loads the parser for it instead.
 */
import { parseNginxConfig } from '../../models/nginx/config';
import type { NginxSpec, Scenario } from '../../scenario/types';
import { fromTemplate, placeholderIp, type NginxTemplate } from '../deferred/nginx-config';
import { toSource } from './to-source';

/** Equal as plain data (toSource writes undefined, Infinity and -0 as they are). */
const isDeepStrictEqual = (a: unknown, b: unknown): boolean => toSource(a) === toSource(b);

/** Parse, answering each resolution with `answer(k, host)`; the hosts asked, in order. */
function parseWith(spec: NginxSpec, answer: (k: number, host: string) => string[] | undefined) {
  const calls: string[] = [];
  const result = parseNginxConfig({ ...spec.files }, spec.entry, {
    resolve: (host) => {
      calls.push(host);
      return answer(calls.length - 1, host);
    },
  });
  return { result, calls };
}

/** Other answers to check a template against: two addresses each, then IPv6 before IPv4. */
const CHECKS: ((k: number) => string[])[] = [
  (k) => [`10.${(k >> 8) & 255}.${k & 255}.7`, `10.${(k >> 8) & 255}.${k & 255}.9`],
  (k) => [`2001:db8::${k.toString(16)}`, `192.0.2.${k & 255}`],
];

/** The template for nginx's files, or undefined when one cannot be shown to give the parser's results. */
export function nginxTemplate(spec: NginxSpec): NginxTemplate | undefined {
  const base = parseWith(spec, (k) => [placeholderIp(k)]);
  if (!base.result.ok) return undefined;
  const failures = base.calls.map((_, i) => parseWith(spec, (k) => (k === i ? undefined : [placeholderIp(k)])));
  if (failures.some((f, i) => f.result.ok || !isDeepStrictEqual(f.calls, base.calls.slice(0, i + 1)))) return undefined;
  const template: NginxTemplate = {
    files: spec.files,
    entry: spec.entry,
    calls: base.calls,
    config: base.result.config,
    failures: failures.map((f) => (f.result.ok ? { message: '', file: '', line: 0 } : f.result.error)),
  };
  for (const answers of CHECKS) {
    const real = parseWith(spec, answers);
    const asked: string[] = [];
    const filled = fromTemplate(template, (host) => answers(asked.push(host) - 1));
    if (!isDeepStrictEqual(real.calls, base.calls) || !isDeepStrictEqual(asked, base.calls) || !isDeepStrictEqual(filled, real.result)) return undefined;
  }
  return template;
}

/** Every nginx a scenario runs: on machines and as Deployments. */
export function nginxSpecs(scenario: Scenario): NginxSpec[] {
  const machines = scenario.machines.flatMap((m) => (m.role.kind === 'nginx' ? [m.role.nginx] : []));
  return [...machines, ...Object.values(scenario.cluster?.nginx ?? {})];
}
