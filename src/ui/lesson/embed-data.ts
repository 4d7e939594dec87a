/**
 * A lesson as the embed ships it: plain data, with each step's scenario
 * already checked and its Markdown already lexed, so a course page that
 * shows a lesson step downloads neither the YAML parser nor the Markdown
 * lexer. The embed build writes this data into one module per lesson
 * (src/embed/build/lessons-plugin.ts); tests and the dev fallback build it
 * at run time from the same function, so both give the same thing.
 */
import type { Goal, Lesson, Token } from '../../lessons';
import { lexMarkdown } from '../../lessons/markdown';
import { formatScenarioError, loadScenario, type Scenario, type WorldCommand } from '../../scenario';

/** One step: what the embed shows, the world it runs, and what it watches for. */
export interface EmbedStepData {
  title: string;
  /** The step's Markdown as written (for loaders and readers that want the source). */
  text: string;
  /**
   * `text` lexed by the lessons' Markdown lexer: rendered as elements and
   * text nodes, never HTML. Each token's `raw` source is left empty: the
   * renderer never reads it, and the embed would download the text twice.
   */
  tokens: Token[];
  /** The checked scenario the step runs, and the file it came from. */
  scenario: Scenario;
  file: string;
  /** How long the step's run lasts; goals are checked when the run reaches it. */
  untilMs: number;
  /** Faults the step schedules itself. */
  faults: { atMs: number; command: WorldCommand }[];
  goals: { id: string; description: string; expr: Goal['expr'] }[];
}

export interface EmbedLessonData {
  id: string;
  title: string;
  steps: EmbedStepData[];
}

/** Tokens with every (nested) `raw` emptied. */
function withoutRaw<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => withoutRaw(v)) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'raw' ? '' : withoutRaw(v)])) as T;
}

/** The embed's data for a loaded lesson. Throws if a step's scenario does not load (a loaded lesson's always does). */
export function embedLesson(lesson: Lesson): EmbedLessonData {
  return {
    id: lesson.id,
    title: lesson.title,
    steps: lesson.steps.map((step) => {
      const loaded = loadScenario(step.scenario.text, step.scenario.file);
      if (!loaded.ok) throw new Error(loaded.errors.map((e) => formatScenarioError(e)).join('\n'));
      return {
        title: step.title,
        text: step.text,
        tokens: withoutRaw(lexMarkdown(step.text)),
        scenario: loaded.scenario,
        file: step.scenario.file,
        untilMs: step.untilMs,
        faults: step.faults.map((f) => ({ atMs: f.atMs, command: f.command })),
        goals: step.goals.map((g) => ({ id: g.id, description: g.description, expr: g.expr })),
      };
    }),
  };
}
