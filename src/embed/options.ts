/**
 * The element's attributes (and the iframe page's query parameters, which
 * are the same words) as plain data: what to show and how. Parsed in one
 * place so every mistake gets a sentence saying what was expected, shown
 * in the element instead of a blank box.
 */
import { MAX_SPEED, MIN_SPEED } from '../ui/params';
import { DEFAULT_SPEED } from '../ui/speeds';
import { isInlineScenario } from './inline-scenario';

export type Controls = 'full' | 'minimal' | 'none';

/** Where the world comes from. */
export type Source =
  | { kind: 'lesson'; lesson: string; step: number }
  | { kind: 'url'; url: string }
  | { kind: 'inline'; text: string };

export interface EmbedOptions {
  source: Source;
  /** Undefined: the scenario's own seed. */
  seed: number | undefined;
  speed: number;
  autoplay: boolean;
  controls: Controls;
  /** A CSS length for the element's height, or undefined to fit the content. */
  height: string | undefined;
}

export type OptionsResult = { ok: true; options: EmbedOptions } | { ok: false; errors: string[] };

/** The attributes the element reads, in the order the docs list them. */
export const ATTRIBUTES = ['lesson', 'step', 'scenario', 'seed', 'speed', 'autoplay', 'controls', 'height'] as const;
export type AttributeName = (typeof ATTRIBUTES)[number];

/** Reads one attribute: null when absent (`getAttribute` and `URLSearchParams.get` both fit). */
export type Read = (name: AttributeName) => string | null;

const lessonId = /^[a-z0-9][a-z0-9-]{0,62}$/;
const length = /^\d{1,5}(\.\d{1,3})?(px|rem|em|vh|svh|dvh|%)?$/;

/** `on`/`1`/`true`/empty → true; `0`/`false`/`off` → false. A bare `autoplay` attribute is on. */
function flag(name: string, value: string | null, errors: string[]): boolean {
  if (value === null) return false;
  const v = value.trim().toLowerCase();
  if (v === '' || v === '1' || v === 'true' || v === 'on' || v === name) return true;
  if (v === '0' || v === 'false' || v === 'off') return false;
  errors.push(`${name}: expected no value (just "${name}"), or true or false, got "${value}"`);
  return false;
}

function source(read: Read, base: string, errors: string[]): Source | undefined {
  const lesson = read('lesson');
  const scenario = read('scenario');
  const step = read('step');
  if (lesson !== null && scenario !== null) {
    errors.push('lesson and scenario: expected one of them, not both (a lesson brings its own scenario)');
    return undefined;
  }
  if (lesson !== null) {
    let n = 1;
    if (step !== null) {
      if (/^\s*\d{1,4}\s*$/.test(step) && Number(step) >= 1) n = Number(step);
      else errors.push(`step: expected a step number counting from 1 (e.g. step="2"), got "${step}"`);
    }
    if (!lessonId.test(lesson.trim())) {
      errors.push(`lesson: expected a lesson id such as "load-balancing" (lowercase letters, digits and "-"), got "${lesson}"`);
      return undefined;
    }
    return { kind: 'lesson', lesson: lesson.trim(), step: n };
  }
  if (step !== null) errors.push('step: only means something with lesson="…"; a scenario has no steps');
  if (scenario === null) {
    errors.push('expected lesson="…" (a lesson id, with step="N") or scenario="…" (a URL of a scenario YAML file, or the YAML itself)');
    return undefined;
  }
  if (isInlineScenario(scenario)) return { kind: 'inline', text: scenario };
  let url: URL | undefined;
  try {
    url = new URL(scenario.trim(), base);
  } catch {
    url = undefined;
  }
  if (scenario.trim() === '' || url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    errors.push(`scenario: expected the URL of a scenario YAML file (e.g. scenario="scenarios/hello.yaml") or the YAML itself, got "${scenario.slice(0, 80)}"`);
    return undefined;
  }
  return { kind: 'url', url: url.href };
}

/** Parse what was asked for; `base` resolves relative scenario URLs (the page's `document.baseURI`). */
export function parseOptions(read: Read, base: string): OptionsResult {
  const errors: string[] = [];
  const src = source(read, base, errors);

  let seed: number | undefined;
  const seedText = read('seed');
  if (seedText !== null) {
    if (/^\s*\d{1,15}\s*$/.test(seedText)) seed = Number(seedText);
    else errors.push(`seed: expected a whole number ≥ 0 (e.g. seed="42"), got "${seedText}"`);
  }

  let speed = DEFAULT_SPEED;
  const speedText = read('speed');
  if (speedText !== null) {
    const v = Number(speedText);
    if (speedText.trim() !== '' && Number.isFinite(v) && v >= MIN_SPEED && v <= MAX_SPEED) speed = v;
    else errors.push(`speed: expected a number from ${MIN_SPEED} to ${MAX_SPEED} (1 = real time, 0.25 = four times slower), got "${speedText}"`);
  }

  const autoplay = flag('autoplay', read('autoplay'), errors);

  let controls: Controls = 'full';
  const controlsText = read('controls');
  if (controlsText !== null) {
    const v = controlsText.trim().toLowerCase();
    if (v === 'full' || v === 'minimal' || v === 'none') controls = v;
    else errors.push(`controls: expected full, minimal or none, got "${controlsText}"`);
  }

  let height: string | undefined;
  const heightText = read('height');
  if (heightText !== null && heightText.trim() !== '') {
    const v = heightText.trim();
    if (length.test(v)) height = /\d$/.test(v) ? `${v}px` : v;
    else errors.push(`height: expected a length such as 480, 480px, 30rem or 60vh, got "${heightText}"`);
  }

  if (src === undefined || errors.length > 0) return { ok: false, errors };
  return { ok: true, options: { source: src, seed, speed, autoplay, controls, height } };
}

/** Options that need a new world when they change; the others apply to the running one. */
export function needsReload(name: AttributeName): boolean {
  return name === 'lesson' || name === 'step' || name === 'scenario' || name === 'seed';
}
