/**
 * `curl`: a real request into the simulation. The name is resolved the way
 * the machine (or pod) would resolve it now, the connection goes through
 * the world as packets, and the answer comes back when the engine delivers
 * it; meanwhile the command is running and Ctrl-C abandons it. With -v the
 * output is curl's trace, followed by two `* [trafficlab]` lines naming the
 * hops the request took and which one answered.
 */
import type { CommandDef, CommandEnv, RunResult } from '../../core/command';
import type { HttpResult } from '../../host';
import { CURL_OPTIONS, parseCurlArgs, parseProxy, parseUrl, type ParsedUrl } from './args';
import { failureMessage, isIpv4, requestHeaders, writeOut } from './messages';

const MAX_REDIRECTS = 50;

interface Target {
  /** The name connected to (the proxy's with -x), as curl prints it. */
  readonly name: string;
  readonly port: number;
  readonly addresses: readonly string[];
}

function run(env: CommandEnv, args: readonly string[]): RunResult {
  const { io } = env;
  const parsed = parseCurlArgs(args);
  if ('error' in parsed) {
    io.err(parsed.error);
    return parsed.code;
  }
  const o = parsed;
  const quiet = o.silent && !o.showError;
  const verbose = (line: string) => {
    if (o.verbose) io.err(`${line}\n`);
  };
  const fail = (code: number, text: string): number => {
    verbose(`* ${text}`);
    verbose('* Closing connection 0');
    if (!quiet) io.err(`curl: (${code}) ${text}\n`);
    return code;
  };

  for (const entry of o.resolve) verbose(`* Added ${entry} to DNS cache`);
  let cancel: (() => void) | undefined;
  let finished = false;
  const finish = (code: number) => {
    if (finished) return;
    finished = true;
    env.finish(code);
  };

  /** Resolve the name to connect to, as curl would (--resolve first, then the resolver). */
  const targetFor = (url: ParsedUrl): Target | { code: number } => {
    const proxy = o.proxy === undefined ? undefined : parseProxy(o.proxy);
    if (o.proxy !== undefined && proxy === undefined) return { code: fail(5, `Could not resolve proxy: ${o.proxy}`) };
    const name = proxy?.host ?? url.host;
    const port = proxy?.port ?? url.port;
    const pinned = o.resolve.map((r) => r.split(':')).find(([h, p]) => h?.toLowerCase() === name && Number(p) === port);
    if (pinned?.[2] !== undefined) {
      verbose(`* Hostname ${name} was found in DNS cache`);
      return { name, port, addresses: [pinned[2]] };
    }
    if (isIpv4(name)) return { name, port, addresses: [name] };
    const lookup = name === 'localhost' ? undefined : env.host.resolve?.(name, env.where.kind === 'pod' ? env.where.pod : 'machine');
    const addresses = name === 'localhost' ? ['127.0.0.1'] : (lookup?.response?.answers.filter((a) => a.type === 'A').map((a) => a.value) ?? []);
    if (addresses.length === 0) return { code: fail(proxy === undefined ? 6 : 5, `Could not resolve ${proxy === undefined ? 'host' : 'proxy'}: ${name}`) };
    return { name, port, addresses };
  };

  const request = (url: ParsedUrl, method: string, redirects: number): RunResult => {
    const target = targetFor(url);
    if ('code' in target) return target.code;
    const host = env.host;
    const viaProxy = o.proxy !== undefined;
    const hostHeader = url.port === (url.scheme === 'https' ? 443 : 80) ? url.host : `${url.host}:${url.port}`;
    const body = o.data !== undefined && method !== 'GET' && method !== 'HEAD' ? o.data : undefined;
    const headers = requestHeaders(hostHeader, o.headers, { viaProxy, ...(o.userAgent === undefined ? {} : { userAgent: o.userAgent }), ...(body === undefined ? {} : { body }) });
    const requestTarget = viaProxy ? `${url.scheme}://${hostHeader}${url.path}` : url.path;
    const started = env.host.now();
    let index = 0;

    const attempt = (): RunResult => {
      const ip = target.addresses[index] ?? '';
      verbose(`*   Trying ${ip}:${target.port}...`);
      if (host.http === undefined) {
        io.err('* [trafficlab] this world has no network path for terminal requests\n');
        return fail(7, `Failed to connect to ${target.name} port ${target.port} after 0 ms: Couldn't connect to server`);
      }
      let sync: number | undefined;
      let async = false;
      cancel = host.http(
        {
          from: env.where.kind === 'pod' ? env.where.pod : 'machine',
          connectIp: ip,
          connectPort: target.port,
          method,
          target: requestTarget,
          headers,
          ...(body === undefined ? {} : { body }),
          ...(o.maxTimeMs === undefined ? {} : { timeoutMs: o.maxTimeMs }),
        },
        {
          connected() {
            verbose(`* Connected to ${target.name} (${ip}) port ${target.port} (#0)`);
            verbose(`> ${method} ${requestTarget} HTTP/1.1`);
            for (const [name, value] of headers) verbose(`> ${name}: ${value}`);
            verbose('> ');
          },
          done(result) {
            const code = settle(result);
            if (code === undefined) return; // retrying the next address, or following a redirect
            if (async) finish(code);
            else sync = code;
          },
        },
      );
      async = sync === undefined;
      return sync ?? { interrupt: () => (cancel?.(), finish(130)) };
    };

    /** Print the outcome; undefined when another attempt has started instead. */
    const settle = (result: HttpResult): number | undefined => {
      const elapsed = env.host.now() - started;
      const hops = env.host.hopsOf?.(result.requestId) ?? [];
      const path = hops.length > 0 ? `* [trafficlab] request ${result.requestId}: ${hops.join(' → ')}` : undefined;
      if (result.kind === 'failure') {
        if (result.failure === 'refused' || result.failure === 'connect-timeout') {
          verbose(`* connect to ${target.addresses[index] ?? ''} port ${target.port} failed: ${result.failure === 'refused' ? 'Connection refused' : 'Connection timed out'}`);
          if (index + 1 < target.addresses.length) {
            index++;
            const next = attempt();
            if (typeof next === 'number') finish(next);
            return undefined;
          }
        }
        if (path !== undefined) verbose(path);
        if (result.why !== undefined) verbose(`* [trafficlab] no answer: ${result.why}`);
        const { code, text } = failureMessage(result.failure, target.name, target.port, elapsed, o.connectTimeoutMs !== undefined);
        return fail(code, text);
      }
      const statusLine = `${result.httpVersion} ${result.status}${result.reason === '' ? '' : ` ${result.reason}`}`;
      verbose(`< ${statusLine}`);
      for (const [name, value] of result.headers) verbose(`< ${name}: ${value}`);
      verbose('< ');
      const failed = o.fail && result.status >= 400;
      if ((o.include || o.head) && !failed) io.out(`${statusLine}\n${result.headers.map(([n, v]) => `${n}: ${v}\n`).join('')}\n`);
      const location = result.headers.find(([n]) => n.toLowerCase() === 'location')?.[1];
      const redirect = o.location && result.status >= 300 && result.status < 400 && location !== undefined;
      if (!failed && !redirect && method !== 'HEAD' && o.output === undefined) io.out(result.body);
      const closes = result.headers.some(([n, v]) => n.toLowerCase() === 'connection' && v.toLowerCase() === 'close');
      verbose(closes ? '* Closing connection 0' : `* Connection #0 to host ${target.name} left intact`);
      if (path !== undefined) verbose(path);
      verbose(`* [trafficlab] answered by ${result.servedBy ?? 'an unknown hop'}: ${statusLine.slice(9)}`);
      if (redirect && redirects < MAX_REDIRECTS) {
        const next = parseUrl(new URL(location, `${url.scheme}://${hostHeader}${url.path}`).href);
        if ('error' in next) return fail(next.code, next.error.replace(/^curl: \(\d+\) /, '').trim());
        verbose(`* Issue another request to this URL: '${next.scheme}://${next.host}${next.port === 80 ? '' : `:${next.port}`}${next.path}'`);
        const again = request(next, result.status === 303 ? 'GET' : method, redirects + 1);
        if (typeof again === 'number') finish(again);
        return undefined;
      }
      if (redirect) return fail(47, `Maximum (${MAX_REDIRECTS}) redirects followed`);
      if (o.writeOut !== undefined) {
        io.out(writeOut(o.writeOut, {
          http_code: String(result.status),
          remote_ip: target.addresses[index] ?? '',
          time_total: (elapsed / 1000).toFixed(6),
          url_effective: `${url.scheme}://${hostHeader}${url.path}`,
        }));
      }
      if (failed) return fail(22, `The requested URL returned error: ${result.status}`);
      return 0;
    };

    return attempt();
  };

  const url = parseUrl(o.url);
  if ('error' in url) {
    io.err(url.error);
    return url.code;
  }
  const method = o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET');
  const result = request(url, method, 0);
  if (typeof result === 'number') finished = true;
  return result;
}

export const curl: CommandDef = {
  name: 'curl',
  summary: 'send an HTTP request into the simulation: curl -v http://www.example.com/auth/login',
  usage: [
    'curl [-v] [-s] [-i] [-I] URL',
    "curl -v -H 'Host: www.example.com' http://ADDRESS/path",
    'curl -v --resolve www.example.com:80:ADDRESS http://www.example.com/',
    'curl -v -x http://PROXY:3128 http://www.example.com/',
    "curl -s -o /dev/null -w '%{http_code}\\n' URL",
  ],
  on: 'both',
  run,
  complete(env, args) {
    const partial = args[args.length - 1] ?? '';
    if (partial.startsWith('-')) return CURL_OPTIONS;
    return (env.host.knownHosts?.() ?? []).map((h) => `http://${h}/`);
  },
};
