/**
 * One student in one lesson: the current step's world and player, the
 * prediction they gave, the goals as the trace shows them, and progress.
 *
 * Each step runs from t = 0 on its own world. Changing an edit or
 * restarting builds the world again (a changed past re-runs from the
 * start); the view remounts on the new player. The run may not go past a
 * prediction's time until the student has answered, and it stops at the
 * step's end, where the goals get their verdict.
 */
import {
  answerText,
  checkGoal,
  computeAnswer,
  diagnosis,
  judge,
  playStep,
  startStep,
  EMPTY_PLAN,
  type GoalResult,
  type Lesson,
  type Measured,
  type Step,
  type StepRun,
} from '../../lessons';
import type { WorldCommand } from '../../scenario';
import { nameLookup } from '../names';
import { Player, type FrameSource } from '../player.svelte';
import { readProgress, recordGoals, recordPrediction, writeProgress, type KeyValueStore, type Progress } from './progress';

export interface GoalView {
  id: string;
  description: string;
  /** Undefined until first evaluated. */
  result: GoalResult | undefined;
  /** The diagnosis lines, when not met. */
  lines: string[];
}

export interface SessionOptions {
  step: number;
  speed: number;
  store: KeyValueStore | undefined;
  frames?: FrameSource;
  /** Told when the step changes, to keep the address in step (`?lesson=…&step=…`). */
  onStep?: (index: number) => void;
}

export class LessonSession {
  stepIndex = $state(0);
  /** Edit id → chosen option, for the current step. */
  edits: Record<string, string> = $state({});
  run: StepRun = $state.raw()!;
  player: Player = $state.raw()!;
  /** Bumped on every new world, to remount the view. */
  generation = $state(0);
  answer: string | undefined = $state();
  correct: boolean | undefined = $state();
  /** The computed answer (a headless run of the step as it stands); set when the student answers. */
  computed: Measured | undefined = $state.raw();
  /** Whether the computed answer is shown: at the step's end, or when asked for. */
  revealed = $state(false);
  goals: GoalView[] = $state.raw([]);
  finished = $state(false);
  /** A sentence for the lesson's live region. */
  status = $state('');
  /** Why the step could not be (re)started, e.g. an edit broke the scenario. */
  error: string | undefined = $state();
  progress: Progress = $state.raw({});
  /** Whether the student has moved between steps (then the panel moves focus to the new step). */
  moved = false;

  private lastEvaluatedSecond = -1;

  constructor(
    readonly lesson: Lesson,
    private readonly options: SessionOptions,
  ) {
    this.progress = readProgress(options.store);
    this.stepIndex = Math.min(Math.max(0, options.step - 1), lesson.steps.length - 1);
    this.edits = { ...this.step.preset };
    this.build(options.speed);
  }

  get step(): Step {
    const step = this.lesson.steps[this.stepIndex];
    if (step === undefined) throw new Error(`lesson ${this.lesson.id} has no step ${this.stepIndex + 1}`);
    return step;
  }

  /** True while the run must wait for the student's prediction. */
  get waiting(): boolean {
    const p = this.step.prediction;
    return p !== undefined && this.answer === undefined && this.player.now >= p.atMs;
  }

  goTo(index: number): void {
    if (index < 0 || index >= this.lesson.steps.length || index === this.stepIndex) return;
    this.moved = true;
    this.stepIndex = index;
    this.edits = { ...this.step.preset };
    this.answer = undefined;
    this.correct = undefined;
    this.computed = undefined;
    this.revealed = false;
    this.build(this.player.speed);
    this.status = `Step ${index + 1} of ${this.lesson.steps.length}: ${this.step.title}.`;
    this.options.onStep?.(index);
  }

  /** Start the step again from t = 0, keeping the prediction and the edits. */
  restart(): void {
    this.build(this.player.speed);
    this.status = 'The step starts again from t = 0.';
  }

  /** Choose an option of an edit; the step starts again on the edited scenario. */
  setEdit(id: string, option: string): void {
    this.edits = { ...this.edits, [id]: option };
    this.build(this.player.speed);
    this.status = `Changed the config (${option}); the step starts again from t = 0.`;
  }

  /** Give a command now, as the student clicked it. */
  inject(command: WorldCommand): void {
    try {
      this.player.inject(command);
      this.error = undefined;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  /** Record the student's prediction and compute the right answer by running the step as it stands. */
  submit(answer: string): void {
    const p = this.step.prediction;
    if (p === undefined || this.answer !== undefined) return;
    let computed: Measured;
    try {
      computed = computeAnswer(p, playStep(this.lesson, this.step, EMPTY_PLAN).index());
    } catch (error) {
      computed = { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
    this.computed = computed;
    this.answer = answer;
    this.correct = computed.ok && judge(p, computed.value, answer);
    this.progress = recordPrediction(this.progress, this.lesson.id, this.stepIndex, answer, this.correct);
    writeProgress(this.options.store, this.progress);
    this.status = 'Prediction saved. Press Play to see what happens.';
  }

  reveal(): void {
    if (this.answer === undefined) return;
    this.revealed = true;
    const c = this.computed;
    const p = this.step.prediction;
    if (c?.ok === true && p !== undefined) this.status = `The simulation's answer: ${answerText(p, c.value)}. ${this.correct === true ? 'Your prediction was right.' : 'Your prediction was different.'}`;
  }

  /** Follow the run: hold it for a prediction, stop it at the step's end, and check the goals now and then. */
  tick(): void {
    const now = this.player.now;
    if (this.waiting && this.player.playing) {
      this.player.pause();
      this.status = 'Answer the prediction first: the simulation goes on once you have.';
    }
    const end = this.step.untilMs;
    if (now >= end && !this.finished) {
      this.player.pause();
      this.finish();
      return;
    }
    // Goals are re-checked once per virtual second: often enough to follow, cheap enough for long runs.
    const second = Math.floor(now / 1000);
    if (second !== this.lastEvaluatedSecond && !this.finished) {
      this.lastEvaluatedSecond = second;
      this.evaluate();
    }
  }

  destroy(): void {
    this.player.destroy();
    this.run.dispose();
  }

  private finish(): void {
    this.finished = true;
    this.evaluate();
    if (this.answer !== undefined) this.reveal();
    const met = this.goals.filter((g) => g.result?.met === true);
    this.progress = recordGoals(this.progress, this.lesson.id, this.stepIndex, met.map((g) => g.id));
    writeProgress(this.options.store, this.progress);
    const all = this.goals.length;
    const said = all === 0 ? 'The step has ended.' : met.length === all ? `Goal${all === 1 ? '' : 's'} met: ${met.length} of ${all}.` : `${met.length} of ${all} goals met. See why below, then try again.`;
    this.status = `${this.status.startsWith('The simulation') ? `${this.status} ` : ''}${said}`;
  }

  private evaluate(): void {
    const index = this.run.index();
    this.goals = this.step.goals.map((goal) => {
      const result = checkGoal(goal.expr, index);
      return { id: goal.id, description: goal.description, result, lines: result.met ? [] : diagnosis(result) };
    });
  }

  private build(speed: number): void {
    const previous = this.player as Player | undefined;
    previous?.destroy();
    (this.run as StepRun | undefined)?.dispose();
    let run: StepRun;
    try {
      run = startStep(this.lesson, this.step, { edits: this.edits, commands: [] });
      this.error = undefined;
    } catch (error) {
      // An edit that breaks the scenario: say why and go back to the scenario as written.
      this.error = error instanceof Error ? error.message : String(error);
      this.edits = { ...this.step.preset };
      run = startStep(this.lesson, this.step, EMPTY_PLAN);
    }
    this.run = run;
    this.player = new Player(run.world, { speed, frames: this.options.frames, nameOf: nameLookup(run.world.snapshot().components) });
    this.finished = false;
    this.lastEvaluatedSecond = -1;
    this.goals = this.step.goals.map((g) => ({ id: g.id, description: g.description, result: undefined, lines: [] }));
    this.generation++;
  }
}
