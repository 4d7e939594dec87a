/** The forward proxy: absolute-form requests, its own lookups and connections, Squid's log line. */
export * from './url';
export * from './squid-log';
export * from './proxy';
