/**
 * `aws elbv2 describe-target-health --target-group-arn ARN` and
 * `aws elbv2 describe-target-groups`, in the AWS CLI v2's JSON (default) or
 * text output. The target health itself is the NLB model's
 * describe-target-health, through the host; the errors are the CLI's.
 */
import type { CommandDef, CommandEnv } from '../core/command';
import type { TargetGroupInfo } from '../host';

const USAGE =
  'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n\n';
const OPERATIONS = ['describe-target-groups', 'describe-target-health'];

function usageError(env: CommandEnv, message: string): number {
  env.io.err(`${USAGE}aws: error: ${message}\n`);
  return 252;
}

/** `--name value` and `--name=value` options after the operation. */
function options(args: readonly string[]): Map<string, string> | string {
  const out = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (!a.startsWith('--')) return `Unknown options: ${a}`;
    const eq = a.indexOf('=');
    const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
    const value = eq < 0 ? args[++i] : a.slice(eq + 1);
    if (value === undefined) return `argument --${name}: expected one argument`;
    out.set(name, value);
  }
  return out;
}

/**
 * A target group as DescribeTargetGroups returns it, members in the API's
 * order (the CLI prints JSON in that order). An NLB's TCP check has no path
 * or matcher; a VPC id is not simulated, so it is left out.
 */
function groupFields(g: TargetGroupInfo): Record<string, unknown> {
  const hc = g.healthCheck;
  return {
    TargetGroupArn: g.arn,
    TargetGroupName: g.name,
    Protocol: g.protocol,
    Port: g.port,
    HealthCheckProtocol: hc.protocol,
    HealthCheckPort: hc.port,
    HealthCheckEnabled: hc.enabled,
    HealthCheckIntervalSeconds: hc.intervalSeconds,
    HealthCheckTimeoutSeconds: hc.timeoutSeconds,
    HealthyThresholdCount: hc.healthyThreshold,
    UnhealthyThresholdCount: hc.unhealthyThreshold,
    ...(hc.path === undefined ? {} : { HealthCheckPath: hc.path }),
    ...(hc.matcher === undefined ? {} : { Matcher: { HttpCode: hc.matcher } }),
    LoadBalancerArns: g.loadBalancerArns,
    TargetType: g.targetType,
    IpAddressType: 'ipv4',
  };
}

const isScalar = (v: unknown): boolean => v === null || typeof v !== 'object';

/** Python's str() of a scalar, as the CLI's text output writes it (True, not true). */
const textOf = (v: unknown): string => (typeof v === 'boolean' ? (v ? 'True' : 'False') : String(v));

/**
 * The CLI's text output of a list of objects: one TARGETGROUPS line with
 * the scalar members of every group in sorted key order (empty where a group
 * lacks one), then each list or object member by sorted key, its name in capitals.
 */
function groupsText(groups: readonly TargetGroupInfo[]): string {
  const all = groups.map(groupFields);
  const keys = [...new Set(all.flatMap((f) => Object.keys(f).filter((k) => isScalar(f[k]))))].sort();
  return all
    .map((f) => {
      const nested = Object.keys(f)
        .filter((k) => !isScalar(f[k]))
        .sort()
        .map((k) => {
          const v = f[k];
          if (Array.isArray(v)) return v.map((x) => `${k.toUpperCase()}\t${textOf(x)}\n`).join('');
          return `${k.toUpperCase()}\t${Object.keys(v as object).sort().map((n) => textOf((v as Record<string, unknown>)[n])).join('\t')}\n`;
        })
        .join('');
      return `TARGETGROUPS\t${keys.map((k) => (k in f ? textOf(f[k]) : '')).join('\t')}\n${nested}`;
    })
    .join('');
}

function groupsJson(groups: readonly TargetGroupInfo[]): string {
  return `${JSON.stringify({ TargetGroups: groups.map(groupFields) }, null, 4)}\n`;
}

function run(env: CommandEnv, args: readonly string[]): number {
  const [service, operation, ...rest] = args;
  if (service === undefined) return usageError(env, 'the following arguments are required: command');
  if (service !== 'elbv2') return usageError(env, `argument command: Invalid choice, valid choices are:\n\nelbv2 (the only service simulated here)`);
  if (operation === undefined) return usageError(env, 'the following arguments are required: operation');
  if (!OPERATIONS.includes(operation)) return usageError(env, `argument operation: Invalid choice, valid choices are:\n\n${OPERATIONS.join(' | ')}`);
  const opts = options(rest);
  if (typeof opts === 'string') return usageError(env, opts);
  const output = opts.get('output') ?? 'json';
  if (output !== 'json' && output !== 'text') {
    if (output === 'table' || output === 'yaml' || output === 'yaml-stream') {
      env.io.err(`trafficlab: --output ${output} is not simulated; use json or text\n`);
      return 1;
    }
    return usageError(env, `argument --output: Invalid choice, valid choices are:\n\njson | text | table | yaml | yaml-stream`);
  }
  if (env.host.targetGroups === undefined) {
    env.io.err('\nUnable to locate credentials. You can configure credentials by running "aws configure".\n');
    return 253;
  }
  const groups = env.host.targetGroups();
  if (operation === 'describe-target-groups') {
    env.io.out(output === 'json' ? groupsJson(groups) : groupsText(groups));
    return 0;
  }
  const arn = opts.get('target-group-arn');
  if (arn === undefined) return usageError(env, 'the following arguments are required: --target-group-arn');
  if (!arn.startsWith('arn:aws:elasticloadbalancing:')) {
    env.io.err(`\nAn error occurred (ValidationError) when calling the DescribeTargetHealth operation: '${arn}' is not a valid target group ARN\n`);
    return 254;
  }
  const text = env.host.describeTargetHealth?.(arn, output);
  if (text === undefined) {
    env.io.err(`\nAn error occurred (TargetGroupNotFound) when calling the DescribeTargetHealth operation: Target groups '${arn}' not found\n`);
    return 254;
  }
  env.io.out(text);
  return 0;
}

export const aws: CommandDef = {
  name: 'aws',
  summary: "the NLB's view: aws elbv2 describe-target-health --target-group-arn ARN",
  usage: ['aws elbv2 describe-target-groups', 'aws elbv2 describe-target-health --target-group-arn ARN [--output json|text]'],
  on: 'machine',
  run,
  complete(env, args) {
    const before = args.slice(0, -1);
    if (before.length === 0) return ['elbv2'];
    if (before.length === 1) return OPERATIONS;
    if (before[before.length - 1] === '--target-group-arn') return (env.host.targetGroups?.() ?? []).map((g) => g.arn);
    if (before[before.length - 1] === '--output') return ['json', 'text'];
    return ['--target-group-arn', '--output'];
  },
};
