/** The simulation kernel: engine, queue, clock, randomness and trace. Imports nothing. */
export { Engine, type EngineOptions, type EventHandle, type ScheduledEvent } from './engine';
export { EventQueue, type Queued } from './queue';
export { EngineClock, type Clock } from './clock';
export { Random, Rng } from './prng';
export * from './trace';
export { flat, PairTexts, TextPool } from './text-pool';
export { BoundedCache } from './bounded-cache';
