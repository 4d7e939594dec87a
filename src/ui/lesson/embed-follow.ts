/**
 * Following a lesson step in an embedded world: give the world the step's
 * faults at their times, and when the run reaches the step's end, check the
 * step's goals against the trace so far, as the lesson page does (the same
 * `TraceIndex` and `checkGoal`). Kept apart from the lesson runner
 * (lessons/play.ts), which also drives the terminal and so would bring the
 * whole shell into a page that only watches.
 */
import { checkGoal } from '../../lessons/measure/goals';
import { TraceIndex } from '../../lessons/measure/trace-index';
import type { World } from '../../scenario';
import type { TraceRecord } from '../../sim';
import type { EmbedStepData } from './embed-data';

/** Records kept for the goals, at most (the lesson runner's limit: a step that writes more is too long to check). */
const RECORD_LIMIT = 3_000_000;

/** What `followStep` reports. */
export interface StepReport {
  goalMet(goal: { id: string; description: string }): void;
}

/** Watch `world` for `step`; returns a function that stops watching. */
export function followStep(step: Pick<EmbedStepData, 'faults' | 'goals' | 'untilMs'>, world: World, report: StepReport): () => void {
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
    const index = new TraceIndex(records.filter((r) => r.t <= end), world.snapshot().components.map((c) => c.id), Math.min(world.now, end));
    for (const goal of step.goals) if (checkGoal(goal.expr, index).met) report.goalMet({ id: goal.id, description: goal.description });
  });
  return unsubscribe;
}
