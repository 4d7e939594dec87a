/**
 * `trafficlab run SCENARIO.yaml [--seed N] [--until 10m] [--trace FILE.jsonl] [--json]`:
 * load a scenario, run it headless to a virtual time, print a summary. Wall
 * time is measured here only: the simulation below never sees it.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createWorld, formatScenarioError, loadScenario } from '../../scenario';
import type { CliIO, Command } from '../io';
import { parseRunArgs, RUN_HELP } from '../run-args';
import { formatSummary, SummaryCounter, type RunSummary } from '../summary';
import { TraceFile } from '../trace-file';

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const runCommand: Command = async (args: string[], io: CliIO): Promise<number> => {
  const parsed = parseRunArgs(args);
  if (!parsed.ok) {
    io.err(`trafficlab run: ${parsed.message}\n${RUN_HELP}`);
    return 2;
  }
  const options = parsed.options;
  if (options.help) {
    io.out(RUN_HELP);
    return 0;
  }

  let text: string;
  try {
    text = readFileSync(options.file, 'utf8');
  } catch (error) {
    io.err(`trafficlab run: cannot read ${options.file}: ${errorText(error)}\n`);
    return 1;
  }
  const loaded = loadScenario(text, options.file);
  if (!loaded.ok) {
    for (const e of loaded.errors) io.err(`${formatScenarioError(e)}\n`);
    return 1;
  }
  const scenario = loaded.scenario;
  const seed = options.seed ?? scenario.seed;

  const started = performance.now();
  const world = createWorld(scenario, { seed });
  // Backends: direct servers and machines are known up front; pods appear as the cluster creates them.
  // A machine running nginx and an app counts the app under its own id (`web-app`), as the trace names it.
  const known = [
    ...scenario.topology.servers.map((s) => s.id),
    ...scenario.machines.flatMap((m) => (m.localApp === undefined ? [m.id] : [m.id, m.localApp.component])),
  ];
  const counter = new SummaryCounter(known, (id) => id.startsWith('pod:'));
  for (const record of world.trace.records()) counter.add(record);
  world.trace.subscribe((record) => counter.add(record));
  let traceFile: TraceFile | undefined;
  if (options.traceFile !== undefined) {
    try {
      traceFile = new TraceFile(options.traceFile, world.trace);
    } catch (error) {
      io.err(`trafficlab run: cannot write ${options.traceFile}: ${errorText(error)}\n`);
      return 1;
    }
  }
  try {
    world.runUntil(options.untilMs);
  } finally {
    traceFile?.close();
  }
  const wallTimeMs = performance.now() - started;

  const summary: RunSummary = {
    scenario: scenario.name,
    seed,
    untilMs: options.untilMs,
    requests: counter.requests,
    completed: counter.completed,
    outcomes: counter.outcomes,
    // Sorted by name, so pods of one Deployment sit together.
    byPod: Object.fromEntries(Object.entries(counter.byPod).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    events: world.engine.eventsProcessed,
    virtualMs: world.now,
    wallMs: Math.round(wallTimeMs * 1000) / 1000,
  };
  io.out(options.json ? `${JSON.stringify(summary)}\n` : formatSummary(summary, options.file));
  return 0;
};
