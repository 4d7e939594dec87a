/**
 * The client component: arrival timing, outcome rules, the thin-slice client
 * machine (hello.yaml), and the traffic clients of full scenarios (browsers
 * and load generators that resolve, cache, connect and may use a proxy).
 */
export * from './arrival';
export * from './outcome';
export * from './client.machine';
export * from './client';
export * from './net';
export * from './mix';
export * from './journey';
export * from './trace-result';
export * from './traffic.machine';
export * from './traffic';
