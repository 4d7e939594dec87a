/**
 * `aws elbv2 describe-target-health` for a simulated target group, in the
 * CLI's JSON and text output formats, so the students read exactly what they
 * will read at work.
 *
 * JSON: members in the API's order (Target, HealthCheckPort, TargetHealth;
 * State, Reason, Description), indented by 4 as the CLI prints it. Text:
 * the CLI's rules (awscli/text.py): one line per object, named by its key in
 * upper case, scalar values in key order, nested objects after, in key order.
 */
import type { TargetGroup } from './types';

export interface TargetHealthDescription {
  readonly Target: { readonly Id: string; readonly Port: number };
  readonly HealthCheckPort: string;
  readonly TargetHealth: {
    readonly State: string;
    readonly Reason?: string;
    readonly Description?: string;
  };
}

export interface DescribeTargetHealthOutput {
  readonly TargetHealthDescriptions: TargetHealthDescription[];
}

/** The API response for every target registered in `tg`, in registration order. */
export function describeTargetHealth(tg: TargetGroup): DescribeTargetHealthOutput {
  return {
    TargetHealthDescriptions: tg.targets.map((t) => {
      const port = tg.healthCheck.port === 'traffic-port' ? t.port : tg.healthCheck.port;
      const { state, reason, description } = t.health;
      return {
        Target: { Id: t.id, Port: t.port },
        HealthCheckPort: String(port),
        TargetHealth:
          reason === undefined ? { State: state } : { State: state, Reason: reason, Description: description ?? '' },
      };
    }),
  };
}

/** `--output json`. */
export function formatDescribeJson(output: DescribeTargetHealthOutput): string {
  return `${JSON.stringify(output, null, 4)}\n`;
}

type Value = string | number | boolean | Obj | Value[];
interface Obj {
  readonly [key: string]: Value | undefined;
}

function isScalar(v: Value): v is string | number | boolean {
  return typeof v !== 'object';
}

function textOf(item: Value, identifier: string | undefined, scalarKeys: string[] | undefined, out: string[]): void {
  if (Array.isArray(item)) {
    const dicts = item.filter((e): e is Obj => typeof e === 'object' && !Array.isArray(e));
    const keys = [...new Set(dicts.flatMap((d) => Object.keys(d).filter((k) => isScalar(d[k] as Value))))].sort();
    for (const e of item) textOf(e, identifier, keys, out);
    return;
  }
  if (isScalar(item)) {
    out.push(identifier === undefined ? String(item) : `${identifier.toUpperCase()}\t${String(item)}`);
    return;
  }
  const present = Object.keys(item).filter((k) => item[k] !== undefined);
  const scalarNames = scalarKeys ?? present.filter((k) => isScalar(item[k] as Value)).sort();
  const scalars = scalarNames.map((k) => String(item[k] ?? ''));
  if (scalars.length > 0) out.push([...(identifier === undefined ? [] : [identifier.toUpperCase()]), ...scalars].join('\t'));
  for (const k of present.filter((k) => !scalarNames.includes(k)).sort()) textOf(item[k] as Value, k, undefined, out);
}

/** `--output text`. */
export function formatDescribeText(output: DescribeTargetHealthOutput): string {
  const out: string[] = [];
  textOf(output as unknown as Obj, undefined, undefined, out);
  return out.map((l) => `${l}\n`).join('');
}
