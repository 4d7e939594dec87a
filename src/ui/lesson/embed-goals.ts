/**
 * The goal checker for embedded lesson steps: which of a step's goals the
 * run met by the step's end (embed-follow.ts hands over the run). Loaded on
 * demand, when a run first reaches a step's end.
 */
import { checkGoal } from '../../lessons/measure/goals';
import { TraceIndex } from '../../lessons/measure/trace-index';
import type { EmbedStepData } from './embed-data';
import type { StepEnd } from './embed-follow';

/** The goals of `step` the run met, in the step's order. */
export function checkGoals(step: Pick<EmbedStepData, 'goals'>, end: StepEnd): { id: string; description: string }[] {
  const index = new TraceIndex(end.records, end.components, end.endMs);
  return step.goals.filter((goal) => checkGoal(goal.expr, index).met).map((goal) => ({ id: goal.id, description: goal.description }));
}
