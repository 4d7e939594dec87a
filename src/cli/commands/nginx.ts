/**
 * `trafficlab nginx NGINX.conf --backends BACKENDS.json --requests REQUESTS.jsonl`:
 * run only the simulated nginx on a configuration and a list of requests, and
 * print per request what real nginx's `$status`, `$upstream_addr` and
 * `$upstream_status` would be, plus the URI the last backend read — so the
 * simulation can be compared with real nginx on the same input.
 */
import fs from 'node:fs';
import { formatConfigError, parseNginxConfig } from '../../models/nginx/config';
import type { CliIO, Command } from '../io';
import { parseNginxArgs, NGINX_HELP } from '../nginx/args';
import { parseBackends } from '../nginx/backends';
import { loadConfFiles, resolveHost, type ConfFiles } from '../nginx/files';
import { InputError } from '../nginx/json';
import { parseRequests, withDefaults } from '../nginx/requests';
import { simulate } from '../nginx/simulate';
import { TraceFile } from '../trace-file';

function read(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const nginxCommand: Command = async (argv: string[], io: CliIO): Promise<number> => {
  const parsed = parseNginxArgs(argv);
  if (!parsed.ok) {
    io.err(`trafficlab nginx: ${parsed.message}\n${NGINX_HELP}`);
    return 2;
  }
  const args = parsed.args;
  if (args.help) {
    io.out(NGINX_HELP);
    return 0;
  }

  let conf: ConfFiles;
  let backendsText: string;
  let requestsText: string;
  try {
    conf = loadConfFiles(args.conf);
    backendsText = read(args.backends);
    requestsText = read(args.requests);
  } catch (error) {
    io.err(`trafficlab nginx: ${message(error)}\n`);
    return 2;
  }

  const result = parseNginxConfig(conf.files, conf.entry, { resolve: resolveHost });
  if (!result.ok) {
    const error = { ...result.error, file: conf.display(result.error.file) };
    io.err(`${formatConfigError(error)}\nnginx: configuration file ${args.conf} test failed\n`);
    return 1;
  }
  const config = result.config;
  if (config.notSimulated.length > 0) {
    const list = config.notSimulated.map((n) => `${n.directive} (${conf.display(n.file)}:${n.line})`).join(', ');
    io.err(`trafficlab nginx: note: accepted but not simulated: ${list}\n`);
  }

  let backends;
  let requests;
  try {
    backends = parseBackends(backendsText, args.backends);
    requests = withDefaults(parseRequests(requestsText, args.requests), config);
  } catch (error) {
    if (error instanceof InputError) {
      io.err(`trafficlab nginx: ${error.message}\n`);
      return 2;
    }
    throw error;
  }

  let traceFile: TraceFile | undefined;
  const sim = simulate(
    { config, backends, requests, autoWorkers: args.autoWorkers, files: conf.tree, prefix: conf.prefix },
    (trace) => {
      if (args.trace !== undefined) traceFile = new TraceFile(args.trace, trace);
      if (args.logs) {
        trace.subscribe((r) => {
          if (r.kind === 'log') io.err(`${r.stream}: ${r.line}\n`);
        });
      }
    },
  );
  traceFile?.close();
  for (const line of sim.lines) io.out(`${JSON.stringify(line)}\n`);
  if (sim.lines.length < requests.length) {
    io.err(`trafficlab nginx: only ${sim.lines.length} of ${requests.length} requests finished\n`);
    return 70;
  }
  return 0;
};
