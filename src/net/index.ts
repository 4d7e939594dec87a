/** The network layer: addresses, HTTP messages as data, packets, links with latency. Imports only sim. */
export * from './address';
export * from './http';
export * from './packet';
export * from './link';
export * from './network';
