/** The client component: arrival timing, outcome rules, the client machine and its wiring. */
export * from './arrival';
export * from './outcome';
export * from './client.machine';
export * from './client';
