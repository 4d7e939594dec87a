/** DNS: zones, authoritative servers, the recursive resolver and its cache (work in progress). */
export * from './name';
export * from './records';
export * from './message';
export * from './ttl';
export * from './negative';
export * from './zone';
export * from './authoritative';
export * from './cache';
export * from './resolution';
export * from './session';
export * from './delegation';
export * from './recursive';
export * from './hierarchy';
