/**
 * A scenario once validated: plain data with every default filled in, ready
 * for `createWorld`. The YAML format it comes from is described in `format.ts`.
 */
import type { LinkSpec } from '../net';
import type { Arrival } from '../models/client';
import type { ServerConfig } from '../models/backend';

export interface Scenario {
  /** The file it was loaded from, as given to `loadScenario`. */
  readonly file: string;
  readonly name: string;
  /** '' when the file has none. */
  readonly description: string;
  /** The seed to use when the caller does not choose one (default 1). */
  readonly seed: number;
  readonly topology: Topology;
}

export interface Topology {
  readonly clients: readonly ClientSpec[];
  readonly servers: readonly ServerSpec[];
  readonly links: readonly LinkSpec[];
}

export interface ClientSpec {
  readonly id: string;
  readonly label: string;
  readonly address: string;
  /** Id of the server it sends to. */
  readonly target: string;
  readonly requests: RequestsSpec;
}

export interface RequestsSpec {
  readonly method: string;
  /** Path and query, as on the request line. */
  readonly path: string;
  readonly arrival: Arrival;
  /** How long the client waits for an answer before giving up. */
  readonly timeoutMs: number;
}

/** A server: id, label, address, port, latency range and error rate. */
export type ServerSpec = ServerConfig;

export type { LinkSpec };
