/**
 * Checking a lesson the way CI does: play each step as it stands and compute
 * its prediction's answer (which must fall in exactly one choice), then play
 * its solution and check every goal. A solution that changes something must
 * be needed: if the goals already hold without it, the step asks nothing.
 */
import { checkGoal, diagnosis } from './measure/goals';
import { EMPTY_PLAN, playStep, type Plan, type StepRun } from './play';
import { answerText, computeAnswer, matchingChoices } from './predict';
import type { Lesson, Step } from './types';

export interface CheckProblem {
  line: number;
  /** 1-based step number; undefined for the lesson as a whole. */
  step: number | undefined;
  message: string;
}

export interface StepCheck {
  title: string;
  /** The computed answer to the step's prediction, as a student would read it. */
  answer: string | undefined;
  goals: { description: string; met: boolean }[];
}

export interface LessonCheck {
  lesson: Lesson;
  steps: StepCheck[];
  problems: CheckProblem[];
}

function solutionPlan(step: Step): Plan {
  return { edits: step.solution.edits, commands: step.solution.commands, terminal: step.solution.terminal };
}

function hasSolution(step: Step): boolean {
  return Object.keys(step.solution.edits).length > 0 || step.solution.commands.length > 0 || step.solution.terminal.length > 0;
}

function play(lesson: Lesson, step: Step, plan: Plan, problems: CheckProblem[], what: string): StepRun | undefined {
  try {
    const run = playStep(lesson, step, plan);
    for (const p of run.problems) problems.push({ line: step.where.line, step: step.index + 1, message: `${what}: ${p}` });
    return run;
  } catch (error) {
    problems.push({ line: step.where.line, step: step.index + 1, message: `${what}: ${error instanceof Error ? error.message : String(error)}` });
    return undefined;
  }
}

function checkStep(lesson: Lesson, step: Step, problems: CheckProblem[]): StepCheck {
  const out: StepCheck = { title: step.title, answer: undefined, goals: [] };
  const n = step.index + 1;
  const baseline = play(lesson, step, EMPTY_PLAN, problems, 'playing the step as it stands');
  if (baseline === undefined) return out;
  const before = baseline.index();

  const p = step.prediction;
  if (p !== undefined) {
    const answer = computeAnswer(p, before);
    if (!answer.ok) {
      problems.push({ line: p.where.line, step: n, message: `prediction "${p.source}" has no answer: ${answer.reason}` });
    } else {
      out.answer = answerText(p, answer.value);
      if (p.answer.kind === 'choices') {
        const hits = matchingChoices(p, answer.value);
        const labels = p.answer.choices.map((c) => c.label).join(', ');
        if (hits.length !== 1) {
          const how = hits.length === 0 ? 'none of the choices' : `${hits.length} choices (${hits.map((c) => c.label).join(', ')})`;
          problems.push({ line: p.where.line, step: n, message: `prediction "${p.source}": the simulation answers ${out.answer}, which matches ${how}; choices: ${labels}` });
        }
      }
    }
  }

  const solved = hasSolution(step) ? play(lesson, step, solutionPlan(step), problems, 'playing the solution') : baseline;
  if (solved === undefined) return out;
  const after = solved.index();
  let metBefore = 0;
  for (const goal of step.goals) {
    const result = checkGoal(goal.expr, after);
    out.goals.push({ description: goal.description, met: result.met });
    if (!result.met) {
      const how = hasSolution(step) ? 'with the solution' : 'as the step stands (it has no solution)';
      problems.push({ line: goal.where.line, step: n, message: `goal "${goal.source}" is not met ${how}: ${diagnosis(result).join(' | ')}` });
    }
    if (hasSolution(step) && checkGoal(goal.expr, before).met) metBefore++;
  }
  if (hasSolution(step) && step.goals.length > 0 && metBefore === step.goals.length) {
    problems.push({ line: step.where.line, step: n, message: 'every goal is already met without the solution: the step asks nothing of the student' });
  }
  return out;
}

/** Play every step of a lesson and report what fails. */
export function checkLesson(lesson: Lesson): LessonCheck {
  const problems: CheckProblem[] = [];
  const steps = lesson.steps.map((step) => checkStep(lesson, step, problems));
  if (!lesson.steps.some((s) => s.prediction !== undefined)) problems.push({ line: 1, step: undefined, message: 'the lesson has no prediction: every lesson asks the student to predict at least once' });
  if (!lesson.steps.some((s) => s.goals.length > 0)) problems.push({ line: 1, step: undefined, message: 'the lesson has no goal: every lesson sets at least one goal the simulation checks' });
  return { lesson, steps, problems };
}
