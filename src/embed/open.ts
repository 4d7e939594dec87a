/**
 * From options to a running session: get the scenario text (sources.ts),
 * check it, build the world. Every failure becomes a title and readable
 * messages, which the element shows in place of the lab.
 */
import type { Scenario } from '../scenario';
import type { FetchText } from '../ui/load';
import type { EmbedOptions } from './options';
import { Session, type SessionOptions } from './session.svelte';
import { resolveSource, type LessonStep, type StepScenario } from './sources';
import { loadWorldParts } from './world-parts';

export type Opened =
  | { ok: true; session: Session; name: string; file: string; seed: number; lesson: LessonStep | undefined }
  | { ok: false; title: string; messages: string[] };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The scenario, checking its YAML first when it comes as text (the YAML parser loads then, and only then). */
async function checked(given: StepScenario): Promise<{ ok: true; scenario: Scenario } | { ok: false; messages: string[] }> {
  if ('scenario' in given) return { ok: true, scenario: given.scenario };
  const { loadScenario, formatScenarioError } = await import('./yaml-scenario');
  const loaded = loadScenario(given.text, given.file);
  return loaded.ok ? loaded : { ok: false, messages: loaded.errors.map((e) => formatScenarioError(e)) };
}

/** Open what `options` names; `session` carries everything but the seed and speed, which come from the options and the scenario. */
export async function openSession(options: EmbedOptions, session: Omit<SessionOptions, 'seed' | 'speed'>, fetcher?: FetchText): Promise<Opened> {
  const resolved = await resolveSource(options.source, fetcher);
  if (!resolved.ok) return resolved;
  const loaded = await checked(resolved);
  if (!loaded.ok) return { ok: false, title: `The scenario ${resolved.file} has errors`, messages: loaded.messages };
  const seed = options.seed ?? loaded.scenario.seed;
  try {
    await loadWorldParts(loaded.scenario, resolved.lesson?.faults);
  } catch (error) {
    return { ok: false, title: `The scenario ${resolved.file} could not be started`, messages: ['Part of the simulation could not be downloaded: check the connection and reload the page.', message(error)] };
  }
  try {
    const opened = new Session(loaded.scenario, { ...session, seed, speed: options.speed });
    return { ok: true, session: opened, name: loaded.scenario.name, file: resolved.file, seed, lesson: resolved.lesson };
  } catch (error) {
    return { ok: false, title: `The scenario ${resolved.file} could not be started`, messages: [message(error)] };
  }
}
