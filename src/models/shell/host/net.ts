/**
 * What a terminal asks of the simulated network, as plain data: a name
 * looked up at the current instant, and an HTTP request sent for real into the
 * running world, reported back when its connection and its answer come.
 */

/** One record of a DNS answer, as `nslookup` needs it. */
export interface DnsAnswerRecord {
  readonly name: string;
  readonly type: 'A' | 'AAAA' | 'CNAME';
  readonly ttl: number;
  /** The address, or the target name of a CNAME. */
  readonly value: string;
}

/** The answer the stub resolver got, or why there was none. */
export interface DnsLookup {
  /** The nameserver asked (first in resolv.conf, or the one named). */
  readonly server: string;
  /** Undefined when every try timed out. */
  readonly response?: {
    readonly rcode: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED';
    readonly authoritative: boolean;
    readonly answers: readonly DnsAnswerRecord[];
  };
}

/** One HTTP request a terminal sends into the world (curl). */
export interface HttpCall {
  /** Where it is sent from: `machine` (the student's machine) or a pod's name. */
  readonly from: string;
  /** The address and port connected to (the proxy's, with `-x`). */
  readonly connectIp: string;
  readonly connectPort: number;
  readonly method: string;
  /** The request target as on the request line: `/auth/login` or, through a proxy, `http://host/path`. */
  readonly target: string;
  /** Header fields in the order sent, Host first. */
  readonly headers: readonly (readonly [string, string])[];
  readonly body?: string;
  /** Give up after this long (curl -m); the host may also apply its own limit. */
  readonly timeoutMs?: number;
}

/** How a request ended without a response. */
export type HttpFailure =
  /** Nothing listens: RST to the SYN. */
  | 'refused'
  /** No answer to the SYN at all. */
  | 'connect-timeout'
  /** The connection was reset after it was established. */
  | 'reset'
  /** The server closed the connection without answering. */
  | 'empty'
  /** Connected, but no answer came before the time limit. */
  | 'timeout';

export type HttpResult =
  | {
      readonly kind: 'response';
      readonly requestId: string;
      readonly httpVersion: string;
      readonly status: number;
      readonly reason: string;
      readonly headers: readonly (readonly [string, string])[];
      readonly body: string;
      /** The component that produced the answer (an nginx pod, a backend pod…). */
      readonly servedBy?: string;
    }
  | {
      readonly kind: 'failure';
      readonly requestId: string;
      readonly failure: HttpFailure;
      /** A sentence for students: which hop failed and why. */
      readonly why?: string;
    };

/** Callbacks for one request; each is called at most once, from an engine event. */
export interface HttpEvents {
  /** The TCP connection is established (before any answer). */
  connected(): void;
  done(result: HttpResult): void;
}
