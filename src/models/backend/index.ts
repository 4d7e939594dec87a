/**
 * The app server component: behaviour rules, the thin-slice server machine
 * and its wiring (hello.yaml), and the app process that runs in pods and on
 * machines (latency distributions, concurrency and queue, /health, faults).
 */
export * from './behaviour';
export * from './server.machine';
export * from './server';
export * from './latency';
export * from './admission';
export * from './app.machine';
export * from './app';
