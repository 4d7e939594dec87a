/** The app server component: behaviour rules, the server machine and its wiring. */
export * from './behaviour';
export * from './server.machine';
export * from './server';
