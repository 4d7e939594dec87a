/**
 * Lessons: loading (Markdown + frontmatter), steps, predictions computed by
 * simulation, goals checked from the trace, and the checker CI runs.
 * Imports sim, net, models and scenario; nothing here knows a browser or a file system.
 */
export { loadLesson, formatLessonError, type LessonResult, type ScenarioLookup } from './load';
export { checkLesson, type LessonCheck, type StepCheck, type CheckProblem } from './check';
export { startStep, playStep, StepRun, EMPTY_PLAN, type Plan } from './play';
export { computeAnswer, answerText, judge, matchingChoices } from './predict';
export { checkGoal, diagnosis, type GoalResult } from './measure/goals';
export { parseGoal, parseMeasure } from './measure/parse';
export { ExpressionError } from './measure/tokens';
export { TraceIndex } from './measure/trace-index';
export type { Measured, Evidence } from './measure/evaluate';
export { applyEdits } from './edits';
export { lexMarkdown, type Token, type Tokens } from './markdown';
export type * from './types';
