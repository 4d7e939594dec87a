/**
 * Files inside a pod: `tail [-n N] [-f] FILE…` and `cat FILE…` over the logs
 * a pod's process writes (each trace `log` record names its file) and over
 * the nginx configuration files. `tail -f` follows new lines as the
 * simulation writes them, until Ctrl-C.
 */
import type { CommandDef, CommandEnv, RunResult } from '../core/command';
import type { LogLine } from '../host';

/** What the file helpers look at: the host and where the shell is. */
type Here = Pick<CommandEnv, 'host' | 'where'>;

/** The pod's trace component, if the shell is in a pod the cluster knows. */
function componentOf(env: Here): string | undefined {
  if (env.where.kind !== 'pod') return undefined;
  const pod = env.where.pod;
  return env.host.cluster?.().pods.find((p) => p.name === pod)?.component;
}

/** Paths of the log files the pod has: nginx's two, plus any other file its process wrote. */
function logFiles(env: Here, component: string | undefined): string[] {
  const files = new Set<string>();
  if (env.where.kind === 'pod' && env.host.nginx?.(env.where.pod) !== undefined) {
    files.add('/var/log/nginx/access.log');
    files.add('/var/log/nginx/error.log');
  }
  if (component !== undefined) for (const l of env.host.logs([component])) if (l.stream.startsWith('/')) files.add(l.stream);
  return [...files].sort();
}

function configFiles(env: Here): Readonly<Record<string, string>> {
  return env.where.kind === 'pod' ? (env.host.nginx?.(env.where.pod)?.files() ?? {}) : {};
}

function runTail(env: CommandEnv, args: readonly string[]): RunResult {
  const { io } = env;
  let n = 10;
  let follow = false;
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-f' || a === '-F' || a === '--follow') follow = true;
    else if (a === '-n' || a.startsWith('-n') || /^-\d+$/.test(a)) {
      const value = a === '-n' ? args[++i] : a.startsWith('-n') ? a.slice(2) : a.slice(1);
      if (value === undefined || !/^\+?\d+$/.test(value)) {
        io.err(`tail: invalid number of lines: ‘${value ?? ''}’\n`);
        return 1;
      }
      n = Number(value);
    } else if (/^-[fF]n?\d*$/.test(a)) {
      follow = true;
    } else if (a.startsWith('-')) {
      io.err(`tail: invalid option -- '${a.slice(1, 2)}'\nTry 'tail --help' for more information.\n`);
      return 1;
    } else paths.push(a);
  }
  if (paths.length === 0) {
    io.err('trafficlab: tail needs a file here: tail -f /var/log/nginx/access.log\n');
    return 1;
  }
  const component = componentOf(env);
  const known = logFiles(env, component);
  const open = paths.filter((p) => {
    if (known.includes(p)) return true;
    io.err(`tail: cannot open '${p}' for reading: No such file or directory\n`);
    return false;
  });
  if (open.length === 0 && !follow) return 1;
  const lines = component === undefined ? [] : env.host.logs([component]);
  open.forEach((path, i) => {
    if (open.length > 1) io.out(`${i > 0 ? '\n' : ''}==> ${path} <==\n`);
    const mine = lines.filter((l) => l.stream === path);
    for (const l of mine.slice(Math.max(0, mine.length - n))) io.out(`${l.line}\n`);
  });
  const status = open.length === paths.length ? 0 : 1;
  if (!follow || component === undefined || open.length === 0) return status;
  let lastPath = open[open.length - 1];
  const stop = env.host.followLogs((l: LogLine) => {
    if (l.component !== component || !open.includes(l.stream)) return;
    if (open.length > 1 && l.stream !== lastPath) io.out(`\n==> ${l.stream} <==\n`);
    lastPath = l.stream;
    io.out(`${l.line}\n`);
  });
  return {
    interrupt() {
      stop();
      env.finish(130);
    },
  };
}

function runCat(env: CommandEnv, args: readonly string[]): number {
  const files = configFiles(env);
  const component = componentOf(env);
  const logs = logFiles(env, component);
  let status = 0;
  for (const path of args) {
    const text = files[path];
    if (text !== undefined) env.io.out(text);
    else if (logs.includes(path)) {
      for (const l of component === undefined ? [] : env.host.logs([component])) if (l.stream === path) env.io.out(`${l.line}\n`);
    } else {
      env.io.err(`cat: ${path}: No such file or directory\n`);
      status = 1;
    }
  }
  return status;
}

function filesHere(env: Here): string[] {
  return [...Object.keys(configFiles(env)), ...logFiles(env, componentOf(env))];
}

export const tail: CommandDef = {
  name: 'tail',
  summary: 'the end of a log file in the pod: tail -f /var/log/nginx/access.log',
  usage: ['tail [-n N] FILE', 'tail -f /var/log/nginx/access.log', 'tail -n 20 /var/log/nginx/error.log'],
  on: 'pod',
  run: runTail,
  complete: (env) => logFiles(env, componentOf(env)),
};

export const cat: CommandDef = {
  name: 'cat',
  summary: 'print a file in the pod: cat /etc/nginx/nginx.conf',
  usage: ['cat FILE…'],
  on: 'pod',
  run: runCat,
  complete: (env) => filesHere(env),
};
