/**
 * curl's command line (the options a student uses to look at a request
 * path), read the way curl 7.88 reads it: bundled short options (`-sSv`),
 * values attached or separate (`-XPOST`, `-X POST`, `--max-time=5` is not
 * curl syntax and is rejected), and curl's own messages for unknown options,
 * missing values and a missing URL.
 */

export interface CurlOptions {
  readonly url: string;
  readonly verbose: boolean;
  readonly silent: boolean;
  readonly showError: boolean;
  readonly include: boolean;
  readonly head: boolean;
  readonly fail: boolean;
  readonly location: boolean;
  readonly method?: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly data?: string;
  readonly proxy?: string;
  readonly resolve: readonly string[];
  readonly output?: string;
  readonly maxTimeMs?: number;
  readonly connectTimeoutMs?: number;
  readonly userAgent?: string;
  readonly writeOut?: string;
}

type Key = 'verbose' | 'silent' | 'showError' | 'include' | 'head' | 'fail' | 'location' | 'insecure' | 'http11' | 'method' | 'header' | 'data' | 'proxy' | 'resolve' | 'output' | 'maxTime' | 'connectTimeout' | 'userAgent' | 'writeOut' | 'url';

interface Spec {
  readonly key: Key;
  readonly long: string;
  readonly short?: string;
  readonly value?: boolean;
}

const SPECS: readonly Spec[] = [
  { key: 'verbose', long: 'verbose', short: 'v' },
  { key: 'silent', long: 'silent', short: 's' },
  { key: 'showError', long: 'show-error', short: 'S' },
  { key: 'include', long: 'include', short: 'i' },
  { key: 'head', long: 'head', short: 'I' },
  { key: 'fail', long: 'fail', short: 'f' },
  { key: 'location', long: 'location', short: 'L' },
  { key: 'insecure', long: 'insecure', short: 'k' },
  { key: 'http11', long: 'http1.1' },
  { key: 'method', long: 'request', short: 'X', value: true },
  { key: 'header', long: 'header', short: 'H', value: true },
  { key: 'data', long: 'data', short: 'd', value: true },
  { key: 'data', long: 'data-raw', value: true },
  { key: 'proxy', long: 'proxy', short: 'x', value: true },
  { key: 'resolve', long: 'resolve', value: true },
  { key: 'output', long: 'output', short: 'o', value: true },
  { key: 'maxTime', long: 'max-time', short: 'm', value: true },
  { key: 'connectTimeout', long: 'connect-timeout', value: true },
  { key: 'userAgent', long: 'user-agent', short: 'A', value: true },
  { key: 'writeOut', long: 'write-out', short: 'w', value: true },
  { key: 'url', long: 'url', value: true },
];

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n";

/** Every long option, for completion. */
export const CURL_OPTIONS: readonly string[] = SPECS.map((s) => `--${s.long}`);

/** Seconds as curl takes them (`5`, `0.5`) → ms; undefined when not a number. */
function seconds(text: string): number | undefined {
  return /^\d+(\.\d+)?$/.test(text) ? Math.round(Number(text) * 1000) : undefined;
}

/** Parse curl's arguments; `{ error, code }` carries curl's message and exit status. */
export function parseCurlArgs(args: readonly string[]): CurlOptions | { error: string; code: number } {
  const flags = new Set<Key>();
  const values: { key: Key; value: string; option: string }[] = [];
  const urls: string[] = [];
  const take = (spec: Spec, value: string, option: string) => {
    if (spec.value === true) values.push({ key: spec.key, value, option });
    else flags.add(spec.key);
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg.startsWith('--') && arg.length > 2) {
      const spec = SPECS.find((s) => s.long === arg.slice(2));
      if (spec === undefined) return { error: `curl: option ${arg}: is unknown\n${TRY}`, code: 2 };
      if (spec.value === true) {
        const value = args[++i];
        if (value === undefined) return { error: `curl: option ${arg}: requires parameter\n${TRY}`, code: 2 };
        take(spec, value, arg);
      } else take(spec, '', arg);
    } else if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j] ?? '';
        const spec = SPECS.find((s) => s.short === letter);
        if (spec === undefined) return { error: `curl: option -${letter}: is unknown\n${TRY}`, code: 2 };
        if (spec.value !== true) {
          take(spec, '', `-${letter}`);
          continue;
        }
        const inline = arg.slice(j + 1);
        const value = inline !== '' ? inline : args[++i];
        if (value === undefined) return { error: `curl: option -${letter}: requires parameter\n${TRY}`, code: 2 };
        take(spec, value, `-${letter}`);
        break;
      }
    } else urls.push(arg);
  }
  for (const v of values) if (v.key === 'url') urls.push(v.value);
  const url = urls[0];
  if (url === undefined) return { error: `curl: no URL specified!\n${TRY}`, code: 2 };
  const last = (key: Key) => values.filter((v) => v.key === key).pop();
  const headers: [string, string][] = [];
  for (const v of values.filter((x) => x.key === 'header')) {
    const colon = v.value.indexOf(':');
    // curl sends nothing for a header without a colon (or "Name;" for an empty one); we keep the ones it would send.
    if (colon > 0) headers.push([v.value.slice(0, colon).trim(), v.value.slice(colon + 1).trim()]);
  }
  const timing = (key: Key): number | undefined | { error: string; code: number } => {
    const v = last(key);
    if (v === undefined) return undefined;
    const ms = seconds(v.value);
    return ms === undefined ? { error: `curl: option ${v.option}: expected a proper numerical parameter\n${TRY}`, code: 2 } : ms;
  };
  const maxTime = timing('maxTime');
  if (typeof maxTime === 'object') return maxTime;
  const connectTimeout = timing('connectTimeout');
  if (typeof connectTimeout === 'object') return connectTimeout;
  const method = last('method')?.value;
  const data = values.filter((v) => v.key === 'data').map((v) => v.value);
  const proxy = last('proxy')?.value;
  const output = last('output')?.value;
  const userAgent = last('userAgent')?.value;
  const writeOut = last('writeOut')?.value;
  return {
    url,
    verbose: flags.has('verbose'),
    silent: flags.has('silent'),
    showError: flags.has('showError'),
    include: flags.has('include'),
    head: flags.has('head'),
    fail: flags.has('fail'),
    location: flags.has('location'),
    headers,
    resolve: values.filter((v) => v.key === 'resolve').map((v) => v.value),
    ...(method === undefined ? {} : { method }),
    ...(data.length === 0 ? {} : { data: data.join('&') }),
    ...(proxy === undefined ? {} : { proxy }),
    ...(output === undefined ? {} : { output }),
    ...(maxTime === undefined ? {} : { maxTimeMs: maxTime }),
    ...(connectTimeout === undefined ? {} : { connectTimeoutMs: connectTimeout }),
    ...(userAgent === undefined ? {} : { userAgent }),
    ...(writeOut === undefined ? {} : { writeOut }),
  };
}

export interface ParsedUrl {
  readonly scheme: 'http' | 'https';
  readonly host: string;
  readonly port: number;
  /** Path and query, at least `/`. */
  readonly path: string;
}

/** `my-nlb-url.com/auth` → http://my-nlb-url.com:80/auth; curl's messages for other schemes and bad URLs. */
export function parseUrl(url: string): ParsedUrl | { error: string; code: number } {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/?#:]*)(?::(\d*))?([^#]*)/.exec(url);
  const scheme = (m?.[1] ?? 'http').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return { error: `curl: (1) Protocol "${scheme}" not supported or disabled in libcurl\n`, code: 1 };
  const host = m?.[2] ?? '';
  if (m === null || host === '') return { error: 'curl: (3) URL using bad/illegal format or missing URL\n', code: 3 };
  const portText = m[3];
  const port = portText === undefined || portText === '' ? (scheme === 'https' ? 443 : 80) : Number(portText);
  if (port > 65535) return { error: `curl: (3) URL using bad/illegal format or missing URL\n`, code: 3 };
  const rest = m[4] ?? '';
  return { scheme, host: host.toLowerCase(), port, path: rest === '' ? '/' : rest.startsWith('/') ? rest : `/${rest}` };
}

/** `http://10.0.0.5:3128`, `10.0.0.5:3128`, `proxy` → host and port (curl's default proxy port is 1080). */
export function parseProxy(text: string): { host: string; port: number } | undefined {
  const m = /^(?:https?:\/\/)?([^/:]+)(?::(\d+))?\/?$/.exec(text);
  if (m === null) return undefined;
  return { host: (m[1] ?? '').toLowerCase(), port: m[2] === undefined ? 1080 : Number(m[2]) };
}
