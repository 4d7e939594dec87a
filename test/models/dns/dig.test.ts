// Expected texts are real `dig` 9.18.49 output (Debian 12) against a real BIND resolver
// on loopback serving the same zone, with only id, cookie, query time and date taken from the run.
import { describe, expect, it } from 'vitest';
import { Random } from '../../../src/sim';
import {
  digResult,
  formatDig,
  indent,
  messageSize,
  parseDigArgs,
  question,
  questionLine,
  recordLine,
  resolutionAsResponse,
  resolveRecursive,
  traceHops,
  whenText,
  aRecord,
  nsRecord,
  type DigCommand,
} from '../../../src/models/dns';
import { makeWorld } from './fixtures';

const RESOLVER = '127.0.10.10';

function command(args: string): DigCommand {
  const parsed = parseDigArgs(args.split(' '));
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed;
}

function dig(args: string, seed = 1, atMs = 0) {
  const w = makeWorld();
  const cmd = command(args);
  const res = resolveRecursive(w.resolver, question(cmd.name, cmd.type), atMs, w.ask);
  return digResult({
    command: cmd,
    serverIp: RESOLVER,
    response: resolutionAsResponse(res),
    rng: new Random(seed).stream('dig:client'),
    atMs,
    queryTimeMs: 8,
  });
}

describe('dig output', () => {
  it('prints an answer exactly as dig 9.18 does', () => {
    const result = dig('@127.0.10.10 www.example.com');
    const text = formatDig(result, { epochMs: Date.UTC(2026, 10, 27, 9, 8, 39) });
    expect(text).toBe(
      [
        '',
        '; <<>> DiG 9.18.49-1~deb12u3-Debian <<>> @127.0.10.10 www.example.com',
        '; (1 server found)',
        ';; global options: +cmd',
        ';; Got answer:',
        `;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: ${result.id}`,
        ';; flags: qr rd ra; QUERY: 1, ANSWER: 3, AUTHORITY: 0, ADDITIONAL: 1',
        '',
        ';; OPT PSEUDOSECTION:',
        '; EDNS: version: 0, flags:; udp: 1232',
        `; COOKIE: ${result.edns?.cookie} (good)`,
        ';; QUESTION SECTION:',
        ';www.example.com.\t\tIN\tA',
        '',
        ';; ANSWER SECTION:',
        'www.example.com.\t60\tIN\tA\t198.51.100.10',
        'www.example.com.\t60\tIN\tA\t198.51.100.11',
        'www.example.com.\t60\tIN\tA\t198.51.100.12',
        '',
        ';; Query time: 8 msec',
        ';; SERVER: 127.0.10.10#53(127.0.10.10) (UDP)',
        ';; WHEN: Fri Nov 27 09:08:39 UTC 2026',
        ';; MSG SIZE  rcvd: 120',
        '',
        '',
      ].join('\n'),
    );
    expect(result.edns?.cookie).toMatch(/^[0-9a-f]{16}01000000[0-9a-f]{24}$/);
  });

  it('prints NXDOMAIN with the SOA in the AUTHORITY SECTION', () => {
    const text = formatDig(dig('@127.0.10.10 nope.example.com'));
    expect(text).toContain(';; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: ');
    expect(text).toContain(';; flags: qr rd ra; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 1\n');
    expect(text).toContain(
      ';; AUTHORITY SECTION:\nexample.com.\t\t900\tIN\tSOA\tns-1.awsdns-01.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400\n\n',
    );
    expect(text).not.toContain('ANSWER SECTION');
    expect(text).toContain(';; MSG SIZE  rcvd: 155\n');
  });

  it('computes message sizes as BIND compresses names (CNAME answer 138 bytes, NODATA 154)', () => {
    expect(formatDig(dig('@127.0.10.10 api.example.com'))).toContain(';; MSG SIZE  rcvd: 138\n');
    // www has no AAAA: NODATA, the SOA in the authority section
    const nodata = formatDig(dig('@127.0.10.10 www.example.com AAAA'));
    expect(nodata).toContain(';; MSG SIZE  rcvd: 154\n');
    expect(nodata).toContain('status: NOERROR');
    expect(nodata).toContain(';; QUESTION SECTION:\n;www.example.com.\t\tIN\tAAAA\n\n;; AUTHORITY SECTION:\n');
  });

  it('prints only the data with +short, the CNAME target first', () => {
    expect(formatDig(dig('api.example.com +short'), { short: true })).toBe(
      'www.example.com.\n198.51.100.10\n198.51.100.11\n198.51.100.12\n',
    );
    expect(formatDig(dig('nope.example.com +short'), { short: true })).toBe('');
  });

  it('reports a silent server the way dig does', () => {
    const w = makeWorld();
    const result = digResult({
      command: command('www.example.com'),
      serverIp: '10.0.0.2',
      response: undefined,
      rng: new Random(1).stream('dig'),
      atMs: 0,
      queryTimeMs: 0,
    });
    expect(w.log).toEqual([]);
    expect(formatDig(result)).toBe(
      ';; communications error to 10.0.0.2#53: timed out\n'.repeat(3) +
        '\n; <<>> DiG 9.18.49-1~deb12u3-Debian <<>> www.example.com\n;; global options: +cmd\n;; no servers could be reached\n',
    );
  });

  it('prints the referral chain with +trace, one block per server', () => {
    const w = makeWorld();
    const q = question('www.example.com');
    const rootNs = resolutionAsResponse(resolveRecursive(w.resolver, question('.', 'NS'), 0, w.ask));
    const hops = traceHops('10.0.0.2', rootNs, q, w.ask, w.hierarchy.rootHints, 0, (ip) => (ip === '10.0.0.2' ? 0 : 12));
    const result = digResult({
      command: command('+trace www.example.com'),
      serverIp: '10.0.0.2',
      response: undefined,
      rng: new Random(1).stream('dig'),
      atMs: 0,
      queryTimeMs: 0,
      trace: hops,
    });
    const text = formatDig(result, { trace: true });
    expect(text.split('\n')).toEqual([
      '',
      '; <<>> DiG 9.18.49-1~deb12u3-Debian <<>> +trace www.example.com',
      ';; global options: +cmd',
      '.\t\t\t518400\tIN\tNS\ta.root-servers.net.',
      // Sizes follow the rules checked against BIND above; real traces are larger (DNSSEC records, cookies).
      ';; Received 59 bytes from 10.0.0.2#53(10.0.0.2) in 0 ms',
      '',
      'com.\t\t\t172800\tIN\tNS\ta.gtld-servers.net.',
      ';; Received 95 bytes from 198.41.0.4#53(a.root-servers.net) in 12 ms',
      '',
      'example.com.\t\t172800\tIN\tNS\tns-1.awsdns-01.com.',
      'example.com.\t\t172800\tIN\tNS\tns-2.awsdns-02.com.',
      ';; Received 140 bytes from 192.5.6.30#53(a.gtld-servers.net) in 12 ms',
      '',
      'www.example.com.\t60\tIN\tA\t198.51.100.10',
      'www.example.com.\t60\tIN\tA\t198.51.100.11',
      'www.example.com.\t60\tIN\tA\t198.51.100.12',
      ';; Received 92 bytes from 205.251.192.1#53(ns-1.awsdns-01.com) in 12 ms',
      '',
      '',
    ]);
  });
});

describe('dig columns (BIND masterdump indent)', () => {
  it('lines up TTL, class, type and data at 24, 32, 40 and 48 with tabs', () => {
    expect(recordLine(nsRecord('com', 'a.gtld-servers.net', 172786))).toBe('com.\t\t\t172786\tIN\tNS\ta.gtld-servers.net.');
    expect(questionLine(question('com', 'NS'))).toBe(';com.\t\t\t\tIN\tNS');
  });

  it('puts one tab or space after a name that runs past its column, as real dig does', () => {
    expect(questionLine(question('api.example.com.shop.svc.cluster.local'))).toBe(';api.example.com.shop.svc.cluster.local.\tIN A');
    expect(questionLine(question('averyveryverylongname.example.com'))).toBe(';averyveryverylongname.example.com. IN\tA');
    expect(indent(34, 32)).toEqual({ text: ' ', column: 35 });
  });
});

describe('dig details', () => {
  it('formats WHEN like strftime("%a %b %d %H:%M:%S %Z %Y") in UTC', () => {
    expect(whenText(Date.UTC(2024, 0, 1))).toBe('Mon Jan 01 00:00:00 UTC 2024');
    expect(whenText(Date.UTC(2026, 10, 27, 9, 7, 36))).toBe('Fri Nov 27 09:07:36 UTC 2026');
  });

  it('sizes a referral without compressing to a lone TLD (root → com. referral: 79 bytes with EDNS, no cookie)', () => {
    expect(messageSize(question('www.example.com'), [[nsRecord('com', 'a.gtld-servers.net', 172800)]], { udpSize: 1232 })).toBe(79);
    expect(messageSize(question('www.example.com'), [[aRecord('www.example.com', '192.0.2.1', 60)]], { udpSize: 1232 })).toBe(60);
  });

  it('draws the same query ids and cookies from the same seed, and others from another seed', () => {
    const a = [dig('www.example.com', 7), dig('www.example.com', 7)];
    expect(a[0]?.id).toBe(a[1]?.id);
    expect(a[0]?.edns?.cookie).toBe(a[1]?.edns?.cookie);
    const ids = (seed: number) => {
      const rng = new Random(seed).stream('dig:client');
      return Array.from({ length: 5 }, () => digResult({ command: command('x.example'), serverIp: '10.0.0.2', response: undefined, rng, atMs: 0, queryTimeMs: 0 }).id);
    };
    expect(ids(7)).toEqual(ids(7));
    expect(ids(7)).not.toEqual(ids(8));
    expect(ids(7).every((id) => Number.isInteger(id) && id >= 0 && id < 65536)).toBe(true);
  });

  it('reads dig command lines: @server, +short, +trace, name and type', () => {
    expect(parseDigArgs(['@10.0.0.2', '+short', 'www.example.com', 'aaaa'])).toEqual({
      args: '@10.0.0.2 +short www.example.com aaaa',
      name: 'www.example.com',
      type: 'AAAA',
      server: '10.0.0.2',
      short: true,
      trace: false,
    });
    expect(parseDigArgs([])).toMatchObject({ name: '.', type: 'NS' });
  });
});
