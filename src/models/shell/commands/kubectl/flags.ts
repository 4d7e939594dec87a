/**
 * kubectl's command-line flags, parsed the way spf13/pflag does (long
 * `--flag value` or `--flag=value`, short `-n value`, `-nvalue`, bundled
 * booleans `-it`, `--` ending the flags), with kubectl's own wording for
 * mistakes followed by its "See 'kubectl get --help' for usage." line.
 */

export interface FlagSpec {
  readonly long: string;
  readonly short?: string;
  /** Takes a value (string flags); otherwise a boolean. */
  readonly value?: boolean;
}

export interface ParsedFlags {
  /** Values by long name; booleans as 'true'. */
  readonly flags: ReadonlyMap<string, string>;
  readonly args: readonly string[];
  /** Words after `--`, or undefined when there was no `--`. */
  readonly afterDash?: readonly string[];
}

/** Flags every kubectl subcommand here accepts. */
export const NAMESPACE_FLAG: FlagSpec = { long: 'namespace', short: 'n', value: true };
const GLOBAL: readonly FlagSpec[] = [NAMESPACE_FLAG, { long: 'context', value: true }, { long: 'kubeconfig', value: true }];

/** Parse `args` for `kubectl <sub>`; returns the parsed flags or kubectl's error text. */
export function parseFlags(sub: string, args: readonly string[], specs: readonly FlagSpec[]): ParsedFlags | { error: string } {
  const all = [...GLOBAL, ...specs];
  const flags = new Map<string, string>();
  const rest: string[] = [];
  const fail = (message: string) => ({ error: `error: ${message}\nSee 'kubectl ${sub} --help' for usage.\n` });
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') return { flags, args: rest, afterDash: args.slice(i + 1) };
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      const spec = all.find((s) => s.long === name);
      if (spec === undefined) return fail(`unknown flag: --${name}`);
      if (spec.value !== true) {
        flags.set(name, eq < 0 ? 'true' : arg.slice(eq + 1));
        continue;
      }
      const value = eq < 0 ? args[++i] : arg.slice(eq + 1);
      if (value === undefined) return fail(`flag needs an argument: --${name}`);
      flags.set(name, value);
    } else if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j] ?? '';
        const spec = all.find((s) => s.short === letter);
        if (spec === undefined) return fail(`unknown shorthand flag: '${letter}' in ${arg}`);
        if (spec.value !== true) {
          flags.set(spec.long, 'true');
          continue;
        }
        const inline = arg.slice(j + 1).replace(/^=/, '');
        const value = inline !== '' ? inline : args[++i];
        if (value === undefined) return fail(`flag needs an argument: '${letter}' in ${arg}`);
        flags.set(spec.long, value);
        break;
      }
    } else rest.push(arg);
  }
  return { flags, args: rest };
}

/** All flag spellings, for completion. */
export function flagWords(specs: readonly FlagSpec[]): string[] {
  return [...GLOBAL, ...specs].map((s) => `--${s.long}`);
}
