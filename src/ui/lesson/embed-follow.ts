/**
 * Following a lesson step in an embedded world: give the world the step's
 * faults at their times, keep the trace, and when the run reaches the
 * step's end, check the step's goals against the trace so far, as the
 * lesson page does (the same `TraceIndex` and `checkGoal`). Kept apart from
 * the lesson runner (lessons/play.ts), which also drives the terminal and so
 * would bring the whole shell into a page that only watches.
 *
 * `watchStep` is small and runs from the start; the goal checker
 * (`checkGoals`, in embed-goals.ts) is passed in, so a page can load it
 * only when a run first reaches a step's end.
 */
import type { World } from '../../scenario';
import type { TraceRecord } from '../../sim';
import type { EmbedStepData } from './embed-data';

/** Records kept for the goals, at most (the lesson runner's limit: a step that writes more is too long to check). */
const RECORD_LIMIT = 3_000_000;

/** The run up to the step's end, as the goal checker reads it. */
export interface StepEnd {
  records: readonly TraceRecord[];
  /** Ids of the world's components then. */
  components: string[];
  /** The virtual time the run reached (at most the step's end). */
  endMs: number;
}

/**
 * Watch `world` for `step`: its faults are given at their times, and
 * `ended` is called once, when the run first reaches the step's end, with
 * the records up to that end. Returns a function that stops watching.
 */
export function watchStep(step: Pick<EmbedStepData, 'faults' | 'untilMs'>, world: World, ended: (end: StepEnd) => void): () => void {
  for (const c of step.faults) {
    world.engine.scheduleAt(Math.max(world.now, c.atMs), () => {
      try {
        world.inject(c.command);
      } catch {
        // `trafficlab check` rejects lessons whose faults the world refuses; nothing to show here.
      }
    }, 'lesson fault');
  }
  const records: TraceRecord[] = [...world.trace.records()];
  let reported = false;
  const unsubscribe = world.trace.subscribe((record) => {
    if (reported) return;
    if (records.length < RECORD_LIMIT) records.push(record);
    if (record.t < step.untilMs) return;
    reported = true;
    const end = step.untilMs;
    ended({ records: records.filter((r) => r.t <= end), components: world.snapshot().components.map((c) => c.id), endMs: Math.min(world.now, end) });
  });
  return unsubscribe;
}
