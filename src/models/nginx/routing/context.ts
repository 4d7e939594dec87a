/**
 * Everything nginx's variables can read about one request, as plain data.
 * The router fills the request part; the processor adds the response and
 * upstream parts as they become known, then formats the access log from it.
 */

/** The state variables are evaluated against (`$host`, `$uri`, `$status`…). */
export interface RequestContext {
  method: string;
  /** The request target exactly as received: `$request_uri`. */
  requestUri: string;
  httpVersion: '1.0' | '1.1';
  /** Request header fields in order, names as sent. */
  headers: [string, string][];
  remoteAddr: string;
  remotePort: number;
  serverAddr: string;
  serverPort: number;
  /** Default `http`. */
  scheme?: 'http' | 'https';
  /** The normalized URI: `$uri`. It changes on an internal redirect (index). */
  uri: string;
  /** Undecoded arguments, `''` when none: `$args`. */
  args: string;
  /** The validated Host (no port, lower-case), `''` when the request had none. */
  host: string;
  /** The server's first server_name (`''` when it has none): `$server_name`, and `$host`'s fallback. */
  serverName: string;
  /** Positional captures of the last regex that matched (server_name or location); index 1 is `$1`. */
  captures?: string[];
  /** Named captures, which nginx turns into variables. */
  named?: Record<string, string>;
  /** `$proxy_host`, set once proxy_pass is chosen. */
  proxyHost?: string;
  /** Response status (`$status`); 0 prints as `000`. */
  status?: number;
  bodyBytesSent?: number;
  bytesSent?: number;
  requestLength?: number;
  /** Virtual time (epoch ms) when the variable is read: `$time_local`, `$msec`. */
  nowMs?: number;
  /** Virtual time (epoch ms) the request started: with nowMs, `$request_time`. */
  startMs?: number;
  /** Offset of nginx's local time zone from UTC in minutes (default 0). */
  tzOffsetMinutes?: number;
  remoteUser?: string;
  /** `$upstream_addr`, `$upstream_status`, … already joined the nginx way ("a, b"). */
  upstreamAddr?: string;
  upstreamStatus?: string;
  upstreamResponseTime?: string;
  upstreamConnectTime?: string;
  upstreamHeaderTime?: string;
  /** Response header fields sent to the client: `$sent_http_*`. */
  responseHeaders?: [string, string][];
  /** Header fields of the upstream's response: `$upstream_http_*`. */
  upstreamHeaders?: [string, string][];
  documentRoot?: string;
  requestFilename?: string;
  hostname?: string;
  pid?: number;
  connection?: number;
  connectionRequests?: number;
  /** `$request_id`: nginx draws it at random, so the caller supplies one from the seeded PRNG. */
  requestId?: string;
}
