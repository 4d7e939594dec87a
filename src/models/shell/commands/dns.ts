/**
 * `dig` and `nslookup`. dig's output comes from the DNS model through the
 * host (BIND 9.18's layout lives with the model); nslookup's is built here
 * from the stub resolver's answer, in BIND 9.18 nslookup's layout. In a
 * world without DNS, both time out as they would with no nameserver.
 */
import type { CommandDef, CommandEnv, CompletionEnv } from '../core/command';

function from(env: CommandEnv): string {
  return env.where.kind === 'pod' ? env.where.pod : 'machine';
}

function hostNames(env: CompletionEnv): readonly string[] {
  return env.host.knownHosts?.() ?? [];
}

/** dig with no nameserver answering: three timeouts, then the banner (dig 9.18). */
function digNoServer(args: readonly string[], server: string): string {
  const short = args.includes('+short');
  const timeouts = `;; communications error to ${server}#53: timed out\n`.repeat(3);
  if (short) return `${timeouts};; no servers could be reached\n`;
  return `${timeouts}\n; <<>> DiG 9.18.49-1~deb12u3-Debian <<>> ${args.join(' ')}\n;; global options: +cmd\n;; no servers could be reached\n`;
}

export const dig: CommandDef = {
  name: 'dig',
  summary: 'ask DNS: dig www.example.com (+short, +trace, @resolver, A|AAAA|CNAME|NS|SOA)',
  usage: ['dig NAME', 'dig +short NAME', 'dig +trace NAME', 'dig @SERVER NAME [TYPE]'],
  on: 'both',
  run(env, args) {
    if (env.host.dig === undefined) {
      const server = args.find((a) => a.startsWith('@'))?.slice(1) ?? env.host.machine.nameserver;
      env.io.out(digNoServer(args, server));
      return 9;
    }
    const result = env.host.dig(args, from(env));
    env.io.out(result.stdout);
    if (result.stderr !== '') env.io.err(result.stderr);
    return result.exitCode;
  },
  complete: (env, args) => ((args[args.length - 1] ?? '').startsWith('+') ? ['+short', '+trace', '+noall', '+answer'] : hostNames(env)),
};

const dot = (name: string) => name.replace(/\.$/, '');

export const nslookup: CommandDef = {
  name: 'nslookup',
  summary: 'ask DNS the short way: nslookup www.example.com [SERVER]',
  usage: ['nslookup NAME', 'nslookup NAME SERVER'],
  on: 'both',
  run(env, args) {
    const [name, server] = args.filter((a) => !a.startsWith('-'));
    if (name === undefined) {
      env.io.err('trafficlab: interactive nslookup is not simulated; give a name: nslookup www.example.com\n');
      return 1;
    }
    const lookup = env.host.resolve?.(name, from(env), server);
    const serverIp = lookup?.server ?? server ?? env.host.machine.nameserver;
    const response = lookup?.response;
    if (response === undefined) {
      env.io.out(';; connection timed out; no servers could be reached\n\n');
      return 1;
    }
    let text = `Server:\t\t${serverIp}\nAddress:\t${serverIp}#53\n\n`;
    if (response.rcode !== 'NOERROR') {
      env.io.out(`${text}** server can't find ${dot(name)}: ${response.rcode}\n\n`);
      return 1;
    }
    if (!response.authoritative) text += 'Non-authoritative answer:\n';
    for (const a of response.answers) {
      if (a.type === 'CNAME') text += `${dot(a.name)}\tcanonical name = ${a.value.endsWith('.') ? a.value : `${a.value}.`}\n`;
      else text += `Name:\t${dot(a.name)}\nAddress: ${a.value}\n`;
    }
    if (!response.answers.some((a) => a.type !== 'CNAME')) text += `*** Can't find ${dot(name)}: No answer\n`;
    env.io.out(`${text}\n`);
    return 0;
  },
  complete: (env) => hostNames(env),
};
