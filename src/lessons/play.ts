/**
 * Running a step: build the world from the step's scenario (with the chosen
 * edits), schedule the step's faults and the plan's commands as engine
 * events at their virtual times, and keep every record for the measures.
 * A plan's terminal lines run through the same shell the terminal panel
 * uses, against the world at their times, so a goal such as `count of
 * commands "kubectl get pods" >= 1` sees them as it sees a student's.
 * The app plays the same world on its player; the checker runs it headless.
 */
import { createWorld, loadScenario, formatScenarioError, type World, type WorldCommand } from '../scenario';
import type { TraceRecord } from '../sim';
import { COMMANDS, hostForWorld, Shell, type Execution } from '../models/shell';
import { describeLessonCommand } from './describe-command';
import { applyEdits } from './edits';
import { TraceIndex } from './measure/trace-index';
import type { Lesson, Step, TimedCommand, TimedLine } from './types';

export { describeLessonCommand } from './describe-command';

/** What a student (or a solution) did: edits chosen before the run (over the step's preset ones), commands at times. */
export interface Plan {
  edits: Readonly<Record<string, string>>;
  commands: readonly TimedCommand[];
  /** Lines typed in the terminal at times (a solution's `terminal`). */
  terminal?: readonly TimedLine[];
}

export const EMPTY_PLAN: Plan = { edits: {}, commands: [], terminal: [] };

/** Full records a lesson run may keep; a step that needs more is too long to check. */
export const RECORD_LIMIT = 3_000_000;

/** A step's world, with its records kept from t = 0. */
export class StepRun {
  readonly records: TraceRecord[] = [];
  /** Commands the world rejected (wrong target…), with when and why. */
  readonly problems: string[] = [];
  private readonly unsubscribe: () => void;
  private shell: Shell | undefined;
  private running: { line: TimedLine; execution: Execution } | undefined;

  constructor(
    readonly world: World,
    readonly step: Step,
  ) {
    this.records.push(...world.trace.records());
    this.unsubscribe = world.trace.subscribe((r) => {
      if (this.records.length < RECORD_LIMIT) this.records.push(r);
    });
  }

  /** Give a command now (a student's click). Throws what the world throws. */
  inject(command: WorldCommand): void {
    this.world.inject(command);
  }

  /**
   * Type a line in the step's terminal now, as a student would. A line that
   * fails (exit status ≠ 0) or is still running when the next comes is a
   * problem: a solution's lines must work.
   */
  typeLine(line: TimedLine): void {
    this.stopLine(`was still running at ${this.world.now} ms, when the next line came`);
    this.shell ??= new Shell(hostForWorld(this.world), COMMANDS);
    let stderr = '';
    const execution = this.shell.run(line.line, { out: () => undefined, err: (t) => (stderr += t) }, (code) => {
      if (code !== 0) this.problems.push(`terminal line \`${line.line}\` at ${line.atMs} ms (line ${line.where.line}) exited ${code}: ${stderr.trim() || 'no message'}`);
      if (this.running?.line === line) this.running = undefined;
    });
    if (!execution.done) this.running = { line, execution };
  }

  /** Ctrl-C on a line still running (a curl with no answer yet), saying why. */
  private stopLine(why: string): void {
    const r = this.running;
    if (r === undefined) return;
    this.running = undefined;
    this.problems.push(`terminal line \`${r.line.line}\` at ${r.line.atMs} ms (line ${r.line.where.line}) ${why}`);
    r.execution.interrupt();
  }

  /**
   * The trace so far, up to the step's end, indexed for measures. A player
   * may run a frame past the end; what it ran there is not part of the step.
   */
  index(): TraceIndex {
    const end = this.step.untilMs;
    const records = this.world.now <= end ? this.records : this.records.filter((r) => r.t <= end);
    return new TraceIndex(records, this.world.snapshot().components.map((c) => c.id), Math.min(this.world.now, end));
  }

  /** Whether the step's run has reached its end. */
  get done(): boolean {
    return this.world.now >= this.step.untilMs;
  }

  /** Run headless to the end of the step. */
  runToEnd(): void {
    this.world.runUntil(this.step.untilMs);
    if (this.records.length >= RECORD_LIMIT) this.problems.push(`the run wrote more than ${RECORD_LIMIT} trace records: shorten the step (until) or lower the traffic`);
  }

  dispose(): void {
    this.stopLine('had not finished when the step ended');
    this.unsubscribe();
  }
}

/**
 * Build a step's world with a plan. Throws an Error saying what is wrong when
 * the edited scenario does not load (an edit broke it) or the world cannot be built.
 */
export function startStep(lesson: Lesson, step: Step, plan: Plan = EMPTY_PLAN): StepRun {
  const source = applyEdits(step.scenario, lesson.edits, { ...step.preset, ...plan.edits });
  const loaded = loadScenario(source.text, source.file);
  if (!loaded.ok) throw new Error(`the edited scenario does not load: ${loaded.errors.map(formatScenarioError).join('; ')}`);
  const world = createWorld(loaded.scenario, { seed: step.seed ?? loaded.scenario.seed });
  const run = new StepRun(world, step);
  const schedule = (c: TimedCommand, who: string) => {
    world.engine.scheduleAt(
      Math.max(c.atMs, world.now),
      () => {
        try {
          world.inject(c.command);
        } catch (error) {
          run.problems.push(`${who} ${describeLessonCommand(c.command)} at ${c.atMs} ms (line ${c.where.line}): ${error instanceof Error ? error.message : String(error)}`);
        }
      },
      `lesson ${who}`,
    );
  };
  for (const c of step.faults) schedule(c, 'fault');
  for (const c of plan.commands) schedule(c, 'command');
  for (const l of plan.terminal ?? []) world.engine.scheduleAt(Math.max(l.atMs, world.now), () => run.typeLine(l), 'lesson terminal line');
  return run;
}

/** Run a step headless to its end with a plan and return the run (records and problems). */
export function playStep(lesson: Lesson, step: Step, plan: Plan = EMPTY_PLAN): StepRun {
  const run = startStep(lesson, step, plan);
  try {
    run.runToEnd();
  } finally {
    run.dispose();
  }
  return run;
}
