/**
 * A lesson once loaded: plain data with every default filled in. The file
 * format it comes from (Markdown with YAML frontmatter) is described in
 * `format.ts` and, for authors, in lessons/README.md.
 */
import type { WorldCommand } from '../scenario';
import type { Goal as GoalExpr, Measure } from './measure/ast';

/** Where a value came from in the lesson file, for messages. Lines count from 1. */
export interface Where {
  line: number;
  column: number;
  /** The field, e.g. `steps[1].goals[0]`. */
  path: string;
}

/** A scenario's YAML and the name to report it by. */
export interface ScenarioSource {
  /** `lessons/scenarios/single-server.yaml`, or the lesson file for an inline scenario. */
  file: string;
  /**
   * The YAML. An inline scenario is the lesson file's text with everything
   * but the scenario blanked out, so its errors carry the lesson's line numbers.
   */
  text: string;
}

/** A command at a virtual time: a fault the step schedules, or a move in a solution. */
export interface TimedCommand {
  atMs: number;
  command: WorldCommand;
  where: Where;
}

/** A line typed in the terminal at a virtual time: a move in a solution (a goal may ask the student to run it). */
export interface TimedLine {
  atMs: number;
  /** The command line, as typed. */
  line: string;
  where: Where;
}

/** A config edit the student can choose: replace `find` in the scenario with one of `options`. */
export interface EditDef {
  id: string;
  label: string;
  /** The text as the scenario has it. */
  find: string;
  /** The alternatives, the first being `find` itself. */
  options: string[];
  where: Where;
}

/** One answer a student can pick; a range matches any number in [min, max]. */
export type Choice = { label: string; value: string | number } | { label: string; min: number; max: number };

export interface Prediction {
  question: string;
  /** The measure's source text, as the author wrote it. */
  source: string;
  measure: Measure;
  /** Virtual time at which the student is asked (the run pauses there until they answer). */
  atMs: number;
  answer: { kind: 'choices'; choices: Choice[] } | { kind: 'number'; tolerance: number; unit: string };
  /** Shown with the computed answer, after the student has answered. */
  explanation: string;
  where: Where;
}

export interface Goal {
  /** Stable within the step: `goal-1`, `goal-2`…, or the author's id. */
  id: string;
  /** The goal as the author wrote it. */
  source: string;
  /** What the student reads; the source when the author gave no description. */
  description: string;
  expr: GoalExpr;
  where: Where;
}

/** What the student may do in a step. */
export interface Allowed {
  /** Commands (without a time: the student chooses when). */
  commands: WorldCommand[];
  /** Ids of lesson edits. */
  edits: string[];
}

export interface Solution {
  /** Edit id → the option chosen. */
  edits: Record<string, string>;
  commands: TimedCommand[];
  /** Lines the solution runs in the terminal, against the world at their times. */
  terminal: TimedLine[];
}

export interface Step {
  /** 0-based position; the UI and deep links count from 1. */
  index: number;
  title: string;
  /** Markdown: the body's `## title` section. */
  text: string;
  scenario: ScenarioSource;
  seed: number | undefined;
  /** How long the step's run lasts: predictions and goals look at [0, until]. */
  untilMs: number;
  /** Faults the step schedules itself (the story: "at 20 s, api-2 crashes"). */
  faults: TimedCommand[];
  prediction: Prediction | undefined;
  goals: Goal[];
  allow: Allowed;
  hints: string[];
  /** Edits already made when the step starts (an earlier step's fix, carried over). */
  preset: Record<string, string>;
  solution: Solution;
  where: Where;
}

export interface Lesson {
  file: string;
  id: string;
  title: string;
  summary: string;
  /** Markdown before the first step's section. */
  intro: string;
  edits: EditDef[];
  steps: Step[];
}

/** A problem in a lesson file, where it is and what was expected. */
export interface LessonError {
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
}
