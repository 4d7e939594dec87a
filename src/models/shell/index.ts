/**
 * The terminal into the simulated world: a small shell (words, quotes,
 * pipes into grep/head/tail/wc, history, Tab completion, help) running the
 * tools students use at work — dig, nslookup, curl, kubectl, aws elbv2,
 * nginx, tail, cat — with output shaped like the real tools'.
 *
 * Everything the shell knows about the world comes through a TerminalHost
 * (host/host.ts): plain data (cluster view, log lines, DNS answers) and a
 * callback-based HTTP call that the world turns into real packets. The
 * shell imports no other model. The adapters that turn the k8s, DNS, NLB
 * and nginx models into host parts live with the world, in
 * `src/scenario/terminal/adapters` (`clusterView`, `runDig`, `lookupName`,
 * `targetGroupsOf`, `describeTargetHealthText`, `nginxControl`).
 *
 * How a world offers itself to the terminal: `hostForWorld(world)` reads the
 * clock and the trace (logs, hops, command records) and spreads
 * `world.terminal` (TerminalHooks) over them. A direct world builds its
 * hooks with `directTerminal({ engine, trace, network, servers })` and adds
 * `components()` to its snapshot; a full world builds cluster, dig/resolve,
 * http (one `request` and one `outcome` record per curl), nginx and NLB
 * hooks from the adapters.
 *
 * Usage:
 * ```ts
 * const shell = new Shell(host, COMMANDS);
 * const run = shell.run('kubectl get pods', { out, err }, (code) => …);
 * // run.done is true for most commands; curl and tail -f finish later,
 * // when the engine delivers the answer or when run.interrupt() is called.
 * shell.complete('kubectl get po');   // Tab
 * shell.history.previous(draft);       // Up
 * ```
 */
export { Shell, type Execution } from './core/shell';
export { History } from './core/history';
export type { Completion } from './core/complete';
export { parseLine, quoteWord } from './core/words';
export type { CommandDef, CommandEnv, Io, Job, Location, RunResult } from './core/command';
export { COMMANDS } from './commands';
export { humanDuration, age, rfc1123z } from './format/age';
export { tabwrite, GET_TABLE, DESCRIBE, type TabOptions } from './format/tabwriter';
export * from './host';
