/**
 * The events a <traffic-lab> tells its page about, so a course page can
 * record progress. The same names and details travel to a parent window
 * from the iframe page (frame.ts). Details are plain JSON data: they must
 * survive `postMessage` unchanged.
 */

/** Where a lesson step is: `step` counts from 1. */
export interface LessonPlace {
  lesson: string;
  step: number;
  /** Steps in the lesson. */
  steps: number;
  title: string;
}

/** Event name → its `detail`. */
export interface TrafficLabEvents {
  /** The world is built and shown (after each load: a changed source, seed, or step). */
  'trafficlab:ready': { scenario: { name: string; file: string }; seed: number; lesson: LessonPlace | undefined };
  /** The source could not be shown; the element displays the same title and messages. */
  'trafficlab:error': { title: string; messages: string[] };
  /** A lesson step is now shown (on load, and whenever `step` changes). */
  'trafficlab:stepchange': LessonPlace;
  /** The student answered a prediction. */
  'trafficlab:prediction': LessonPlace & { prediction: string; answer: string; correct: boolean };
  /** A goal of the current step was met. */
  'trafficlab:goal': LessonPlace & { goal: string; description: string; atMs: number };
  /** A fault was injected (by `inject()`, or later by the fault menu). */
  'trafficlab:fault': { kind: string; target: string; atMs: number };
  /** The simulation started running (a user, `play()`, or autoplay on coming into view). */
  'trafficlab:play': { atMs: number };
  /** The simulation stopped running (a user, `pause()`/`step()`, or scrolled out of view). */
  'trafficlab:pause': { atMs: number };
}

export type TrafficLabEventName = keyof TrafficLabEvents;

/** Every event name, for relaying them all. */
export const EVENT_NAMES: readonly TrafficLabEventName[] = [
  'trafficlab:ready',
  'trafficlab:error',
  'trafficlab:stepchange',
  'trafficlab:prediction',
  'trafficlab:goal',
  'trafficlab:fault',
  'trafficlab:play',
  'trafficlab:pause',
];

/** A function that announces one event; the element's is `dispatchEvent`, tests collect them. */
export type Emit = <K extends TrafficLabEventName>(name: K, detail: TrafficLabEvents[K]) => void;

/**
 * Announce on `target`. Events bubble and cross shadow boundaries
 * (`composed`), so a listener on `document` hears every instance; the
 * event's target says which one.
 */
export function emitOn(target: EventTarget): Emit {
  return (name, detail) => {
    target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  };
}
