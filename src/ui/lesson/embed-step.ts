/**
 * Lesson steps for <traffic-lab lesson="…" step="…">: the shape the embed's
 * lesson loader asks for (src/embed/sources.ts, `LessonStep`), built from the
 * bundled course. The embed registers it with one line:
 * `registerLessonLoader(async (id, step) => embedLessonStep(id, step))`.
 *
 * `follow` gives the step's faults to each world the embed builds (the first,
 * and each one rebuilt when seeking back), and reports the step's goals when
 * the run reaches the step's end. Predictions stay with the lesson page: the
 * embed shows the step's text only.
 */
import { checkGoal, StepRun, type Lesson, type Step } from '../../lessons';
import type { World } from '../../scenario';
import { loadCatalog, type CatalogEntry } from './catalog';

/** Structurally the embed's `LessonStep` (the ui layer cannot import src/embed). */
export interface EmbedLessonStep {
  place: { lesson: string; step: number; steps: number; title: string };
  text: string;
  scenario: { text: string; file: string };
  follow(world: World, report: { goalMet(goal: { id: string; description: string }): void }): () => void;
}

let catalog: CatalogEntry[] | undefined;

function follow(step: Step, world: World, report: Parameters<EmbedLessonStep['follow']>[1]): () => void {
  const run = new StepRun(world, step);
  for (const c of step.faults) {
    world.engine.scheduleAt(Math.max(world.now, c.atMs), () => {
      try {
        world.inject(c.command);
      } catch {
        // `trafficlab check` rejects lessons whose faults the world refuses; nothing to show here.
      }
    }, 'lesson fault');
  }
  let reported = false;
  const unsubscribe = world.trace.subscribe((record) => {
    if (reported || record.t < step.untilMs) return;
    reported = true;
    const index = run.index();
    for (const goal of step.goals) if (checkGoal(goal.expr, index).met) report.goalMet({ id: goal.id, description: goal.description });
  });
  return () => {
    unsubscribe();
    run.dispose();
  };
}

function stepOf(lesson: Lesson, n: number): Step {
  const step = lesson.steps[n - 1];
  if (step === undefined) throw new Error(`expected step="…" from 1 to ${lesson.steps.length} for lesson "${lesson.id}", got ${n}`);
  return step;
}

/** The step, or undefined when no bundled lesson has that id. Throws when the lesson exists but the step does not. */
export function embedLessonStep(id: string, n: number): EmbedLessonStep | undefined {
  catalog ??= loadCatalog();
  const entry = catalog.find((e) => e.ok && e.lesson.id === id);
  if (entry === undefined || !entry.ok) return undefined;
  const lesson = entry.lesson;
  const step = stepOf(lesson, n);
  return {
    place: { lesson: lesson.id, step: n, steps: lesson.steps.length, title: step.title },
    text: step.text,
    scenario: { text: step.scenario.text, file: step.scenario.file },
    follow: (world, report) => follow(step, world, report),
  };
}
