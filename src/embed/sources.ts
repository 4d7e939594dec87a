/**
 * Where a <traffic-lab> gets its scenario: a URL, the YAML inline, or a
 * lesson step. Lessons plug in here: whoever can load lessons registers a
 * loader (`registerLessonLoader`), and the element asks each loader in turn.
 * Until one is registered, every lesson is "not found", said plainly.
 */
import type { Token } from '../lessons';
import type { Scenario, World } from '../scenario';
import { fetchText, type Fetched, type FetchText } from '../ui/load';
import { dedent } from './inline-scenario';
import type { LessonPlace } from './events';
import type { Source } from './options';

/**
 * A step's scenario: its YAML (checked when the step opens, with the YAML
 * parser loaded then), or a scenario already checked, as the bundled
 * lessons give it (checked when the embed was built).
 */
export type StepScenario = { text: string; file: string } | { scenario: Scenario; file: string };

/** What a lesson step hands the embed. */
export interface LessonStep {
  place: LessonPlace;
  /** The step's Markdown; rendered as elements and text nodes, never as HTML. */
  text: string;
  /** `text` already lexed (the bundled lessons); without it the Markdown lexer is loaded to show the text. */
  tokens?: Token[];
  scenario: StepScenario;
  /** The faults the step gives the world itself (`follow`), so what applies them can be loaded first. */
  faults?: readonly { kind: string }[];
  /**
   * Watch the world for this step's goals and predictions; call `report`
   * as they happen. Returns a function that stops watching. Optional: a
   * step may have no goals.
   */
  follow?(world: World, report: LessonReport): () => void;
}

export interface LessonReport {
  /** A goal met; `atMs` is when (the step's end), if the report comes later than that. */
  goalMet(goal: { id: string; description: string; atMs?: number }): void;
  predictionAnswered(prediction: { id: string; answer: string; correct: boolean }): void;
}

/**
 * Finds a lesson step: `undefined` when it does not know the lesson (the
 * next loader is asked); throws an Error whose message says what is wrong
 * when it knows the lesson but not the step.
 */
export type LessonLoader = (lesson: string, step: number) => Promise<LessonStep | undefined>;

const loaders: LessonLoader[] = [];

/** Add a lesson loader, asked after the ones added before it. Returns a function that removes it. */
export function registerLessonLoader(loader: LessonLoader): () => void {
  loaders.push(loader);
  return () => {
    const i = loaders.indexOf(loader);
    if (i >= 0) loaders.splice(i, 1);
  };
}

export type Resolved =
  | ({ ok: true; lesson: LessonStep | undefined } & StepScenario)
  | { ok: false; title: string; messages: string[] };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function lessonStep(lesson: string, step: number): Promise<Resolved> {
  for (const load of [...loaders]) {
    let found: LessonStep | undefined;
    try {
      found = await load(lesson, step);
    } catch (error) {
      return { ok: false, title: `Lesson "${lesson}" has no step ${step}`, messages: [message(error)] };
    }
    if (found !== undefined) return { ok: true, ...found.scenario, lesson: found };
  }
  return {
    ok: false,
    title: `Lesson "${lesson}" not found`,
    messages: [
      loaders.length === 0
        ? 'This build of trafficlab has no lessons yet.'
        : `No lesson is called "${lesson}": check the spelling of lesson="…".`,
      'Expected lesson="…" to name a trafficlab lesson, or scenario="…" to give a scenario instead.',
    ],
  };
}

async function fetched(url: string, fetcher: FetchText): Promise<Resolved> {
  const file = new URL(url).pathname;
  const expected = 'Expected scenario="…" to be the URL of a scenario YAML file that this page may fetch (same site, or served with CORS).';
  let got: Fetched;
  try {
    got = await fetcher(url);
  } catch (error) {
    return { ok: false, title: `Could not fetch the scenario ${file}`, messages: [message(error), expected] };
  }
  if (!got.ok) return { ok: false, title: `Could not fetch the scenario ${file}`, messages: [`The server answered ${got.status} ${got.statusText}`.trim() + '.', expected] };
  if (/text\/html/i.test(got.contentType) || /^\s*<(!doctype|html)/i.test(got.text)) {
    return { ok: false, title: `No scenario at ${file}`, messages: ['The server sent a web page, not a YAML file: is the path right?', expected] };
  }
  return { ok: true, text: got.text, file, lesson: undefined };
}

/** Get the scenario text for a source; every failure is a title and readable messages. */
export function resolveSource(source: Source, fetcher: FetchText = fetchText): Promise<Resolved> {
  if (source.kind === 'lesson') return lessonStep(source.lesson, source.step);
  if (source.kind === 'url') return fetched(source.url, fetcher);
  return Promise.resolve({ ok: true, text: dedent(source.text), file: 'inline scenario', lesson: undefined });
}
