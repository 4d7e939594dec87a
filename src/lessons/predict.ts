/**
 * Predictions: the right answer is computed by running the step, never typed
 * in by the author, and a student's answer is judged against it.
 */
import { evaluate, formatValue, type Measured } from './measure/evaluate';
import { unitOf } from './measure/parse';
import type { TraceIndex } from './measure/trace-index';
import type { Choice, Prediction } from './types';

/** The computed answer: the measure over the step's run as it stands (no student changes). */
export function computeAnswer(prediction: Prediction, index: TraceIndex): Measured {
  return evaluate(prediction.measure, index);
}

/** A value as the student reads it (`41.2 s`, `25%`, `app-1`). */
export function answerText(prediction: Prediction, value: number | string): string {
  return formatValue(prediction.measure, value);
}

export function choiceMatches(choice: Choice, value: number | string): boolean {
  if ('min' in choice) return typeof value === 'number' && value >= choice.min && value <= choice.max;
  if (typeof value === 'number' || typeof choice.value === 'number') return String(choice.value) === String(value);
  return choice.value.toLowerCase() === value.toLowerCase();
}

/** The choices the computed value falls in: exactly one for a well-made question. */
export function matchingChoices(prediction: Prediction, value: number | string): Choice[] {
  if (prediction.answer.kind !== 'choices') return [];
  return prediction.answer.choices.filter((c) => choiceMatches(c, value));
}

/**
 * Factor from the student's unit to the measure's: a time or latency is
 * measured in ms, and a question may ask for seconds (`unit: s`).
 */
function scale(prediction: Prediction): number {
  return unitOf(prediction.measure) === 'ms' && prediction.answer.kind === 'number' && prediction.answer.unit === 's' ? 1000 : 1;
}

/**
 * Whether a student's answer is right: the label of a choice, or a number
 * (in the question's unit) within the tolerance.
 */
export function judge(prediction: Prediction, value: number | string, answer: string): boolean {
  if (prediction.answer.kind === 'choices') {
    const picked = prediction.answer.choices.find((c) => c.label === answer);
    return picked !== undefined && choiceMatches(picked, value);
  }
  const n = Number(answer.trim().replace(',', '.'));
  if (answer.trim() === '' || !Number.isFinite(n) || typeof value !== 'number') return false;
  const k = scale(prediction);
  return Math.abs(n * k - value) <= prediction.answer.tolerance * k + 1e-9;
}
