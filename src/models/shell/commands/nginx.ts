/**
 * `nginx -t`, `nginx -T`, `nginx -s reload` and `nginx -v` inside an nginx
 * pod, worded as nginx 1.22 prints them on the terminal (on stderr, where
 * nginx writes them). Checking and reloading are the host's: it parses the
 * pod's files with the nginx model.
 */
import type { CommandDef, CommandEnv } from '../core/command';
import type { NginxControl } from '../host';

function control(env: CommandEnv): NginxControl | undefined {
  return env.where.kind === 'pod' ? env.host.nginx?.(env.where.pod) : undefined;
}

/** `2024/01/01 00:00:30`: nginx's log time, UTC. */
function logTime(unixMs: number): string {
  const d = new Date(Math.floor(unixMs / 1000) * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

export const nginx: CommandDef = {
  name: 'nginx',
  summary: 'check or reload the pod\'s nginx configuration: nginx -t, nginx -T, nginx -s reload',
  usage: ['nginx -t', 'nginx -T', 'nginx -s reload', 'nginx -v'],
  on: 'pod',
  run(env, args) {
    const ctl = control(env);
    const { io } = env;
    if (ctl === undefined) {
      io.err('bash: nginx: command not found\n');
      return 127;
    }
    const ok = `nginx: the configuration file ${ctl.mainFile} syntax is ok\nnginx: configuration file ${ctl.mainFile} test is successful\n`;
    const [first, second] = args;
    if (first === '-v' || first === '-V') {
      io.err(`nginx version: nginx/${ctl.version}\n`);
      return 0;
    }
    if (first === '-t' || first === '-T') {
      const error = ctl.test();
      if (error !== undefined) {
        io.err(`${error}\nnginx: configuration file ${ctl.mainFile} test failed\n`);
        return 1;
      }
      io.err(ok);
      if (first === '-T') {
        const files = ctl.files();
        const order = [ctl.mainFile, ...Object.keys(files).filter((f) => f !== ctl.mainFile).sort()].filter((f) => files[f] !== undefined);
        io.out(order.map((f) => `# configuration file ${f}:\n${files[f] ?? ''}${(files[f] ?? '').endsWith('\n') ? '' : '\n'}\n`).join(''));
      }
      return 0;
    }
    if (first === '-s') {
      if (second === undefined) {
        io.err('nginx: option "-s" requires parameter\n');
        return 1;
      }
      if (second !== 'reload') {
        if (['stop', 'quit', 'reopen'].includes(second)) {
          io.err(`trafficlab: nginx -s ${second} is not simulated; faults come from the fault menu\n`);
          return 1;
        }
        io.err(`nginx: invalid option: "-s ${second}"\n`);
        return 1;
      }
      // In the nginx image /var/log/nginx/error.log is a link to stderr, so the signal process's log lines reach
      // the terminal too: a failed check prints the logged line and then nginx's own `nginx: [emerg]` line.
      const stamp = `${logTime(env.host.epochMs + env.host.now())} `;
      const error = ctl.reload();
      if (error !== undefined) {
        io.err(`${stamp}${error.replace(/^nginx: \[(\w+)\] /, '[$1] 42#42: ')}\n${error}\n`);
        return 1;
      }
      io.err(`${stamp}[notice] 42#42: signal process started\n`);
      return 0;
    }
    if (first === undefined) {
      // nginx is already running in the container and holds the port.
      const line = `nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)\n`;
      io.err(`${line.repeat(5)}nginx: [emerg] still could not bind()\n`);
      return 1;
    }
    io.err(`nginx: invalid option: "${first.replace(/^-/, '')}"\n`);
    return 1;
  },
  complete: () => ['-t', '-T', '-s', 'reload', '-v'],
};
