import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nginxCommand } from '../../src/cli/commands/nginx';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** Write the files into a fresh directory and run the command on them. */
async function run(files: Record<string, string>, extra: string[] = []): Promise<{ code: number; out: string[]; err: string; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-cli-nginx-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  let out = '';
  let err = '';
  const args = [path.join(dir, 'nginx.conf'), '--backends', path.join(dir, 'backends.json'), '--requests', path.join(dir, 'requests.jsonl'), ...extra];
  const code = await nginxCommand(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out: out.split('\n').filter((l) => l !== ''), err, dir };
}

const jsonl = (...lines: object[]): string => lines.map((l) => JSON.stringify(l)).join('\n') + '\n';

describe('trafficlab nginx', () => {
  it('prints one line per request with status and the upstream variables, "-" when nginx answered itself', async () => {
    const r = await run({
      'nginx.conf': 'server {\n listen 80;\n location /api/ { proxy_pass http://10.0.0.1:8080/; }\n location / { return 204; }\n}\n',
      'backends.json': '{"10.0.0.1:8080": "ok"}',
      'requests.jsonl': jsonl({ atMs: 0, uri: '/api/users?x=1' }, { atMs: 0, uri: '/' }),
    });
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      '{"status":200,"upstream_addr":"10.0.0.1:8080","upstream_status":"200","upstream_uri":"/users?x=1"}',
      '{"status":204,"upstream_addr":"-","upstream_status":"-","upstream_uri":"-"}',
    ]);
  });

  it('defaults Host and port to the first server, the client to 127.0.0.1 and the method to GET', async () => {
    const r = await run(
      {
        'nginx.conf':
          'server {\n listen 8081;\n server_name first.test;\n return 201;\n}\nserver {\n listen 8081 default_server;\n server_name other.test;\n return 202;\n}\nserver {\n listen 8082;\n return 203;\n}\n',
        'backends.json': '{}',
        'requests.jsonl': jsonl({ atMs: 0, uri: '/' }, { atMs: 0, uri: '/', host: 'nobody.test' }, { atMs: 0, uri: '/', port: 8082 }),
      },
      ['--logs'],
    );
    expect(r.out.map((l) => JSON.parse(l).status)).toEqual([201, 202, 203]);
    expect(r.err).toContain('127.0.0.1 - - [01/Jan/2024:00:00:00 +0000] "GET / HTTP/1.1" 201');
  });

  it('refuses connections to an address BACKENDS.json does not list', async () => {
    const r = await run({
      'nginx.conf': 'server {\n listen 80;\n location / { proxy_pass http://10.0.0.7:80; }\n}\n',
      'backends.json': '{}',
      'requests.jsonl': jsonl({ atMs: 0, uri: '/' }),
    });
    expect(r.out).toEqual(['{"status":502,"upstream_addr":"10.0.0.7:80","upstream_status":"502","upstream_uri":"-"}']);
  });

  it('follows a behaviour list over time and sends each request when the previous one has finished', async () => {
    const r = await run({
      'nginx.conf': 'server {\n listen 80;\n location / { proxy_pass http://10.0.0.1:80; }\n}\n',
      // Request 1 takes 2 s; request 2 is due at 1 s but goes out at 2 s, after the switch at 1.5 s.
      'backends.json': '{"10.0.0.1:80": [{"fromMs": 0, "behaviour": {"delayMs": 2000, "status": 200}}, {"fromMs": 1500, "behaviour": {"status": 503}}]}',
      'requests.jsonl': jsonl({ atMs: 0, uri: '/a' }, { atMs: 1000, uri: '/b' }),
    });
    expect(r.out.map((l) => JSON.parse(l).status)).toEqual([200, 503]);
  });

  it('answers a hanging backend with 504 after proxy_read_timeout', async () => {
    const r = await run({
      'nginx.conf': 'server {\n listen 80;\n location / { proxy_pass http://10.0.0.1:80; proxy_read_timeout 2s; }\n}\n',
      'backends.json': '{"10.0.0.1:80": "hang"}',
      'requests.jsonl': jsonl({ atMs: 0, uri: '/slow' }),
    });
    expect(r.out).toEqual(['{"status":504,"upstream_addr":"10.0.0.1:80","upstream_status":"504","upstream_uri":"/slow"}']);
  });

  it('reads a full nginx.conf whose includes and root are relative to its directory', async () => {
    const r = await run({
      'nginx.conf': 'events {}\nhttp {\n include sites/*.conf;\n}\n',
      'sites/a.conf': 'server {\n listen 80;\n root www;\n}\n',
      'www/index.html': 'hello\n',
      'backends.json': '{}',
      'requests.jsonl': jsonl({ atMs: 0, uri: '/' }, { atMs: 0, uri: '/nope' }),
    });
    expect(r.out.map((l) => JSON.parse(l).status)).toEqual([200, 404]);
  });

  it('rejects a configuration with nginx\'s message naming the file and line, exit 1', async () => {
    const r = await run({ 'nginx.conf': 'server {\n listen 80;\n proxy_pas http://x;\n}\n', 'backends.json': '{}', 'requests.jsonl': '' });
    expect(r.code).toBe(1);
    expect(r.err.split('\n')[0]).toBe(`nginx: [emerg] unknown directive "proxy_pas" in ${path.join(r.dir, 'nginx.conf')}:3`);
  });

  it('lists directives it accepts but does not simulate as a note, not an error', async () => {
    const r = await run({
      'nginx.conf': 'server {\n listen 80;\n gzip on;\n location / { return 200; }\n}\n',
      'backends.json': '{}',
      'requests.jsonl': jsonl({ atMs: 0, uri: '/' }),
    });
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/note: accepted but not simulated: .*gzip \(.*nginx\.conf:3\)/);
  });

  it('names the file and line of bad JSON, exit 2', async () => {
    const bad = await run({ 'nginx.conf': 'server { listen 80; }\n', 'backends.json': '{\n "10.0.0.1:80": "ok",\n}\n', 'requests.jsonl': '' });
    expect(bad.code).toBe(2);
    expect(bad.err).toBe(`trafficlab nginx: ${path.join(bad.dir, 'backends.json')}:3: expected a property name in double quotes, found character "}"\n`);
    const badLine = await run({ 'nginx.conf': 'server { listen 80; }\n', 'backends.json': '{}', 'requests.jsonl': '{"atMs": 0, "uri": "/"}\n{"uri": "/"}\n' });
    expect(badLine.code).toBe(2);
    expect(badLine.err).toBe(`trafficlab nginx: ${path.join(badLine.dir, 'requests.jsonl')}:2: missing "atMs"\n`);
  });

  it('explains its usage when an argument is missing, exit 2', async () => {
    let err = '';
    const code = await nginxCommand(['x.conf', '--backends', 'b.json'], { out: () => undefined, err: (t) => (err += t) });
    expect(code).toBe(2);
    expect(err).toContain('missing --requests REQUESTS.jsonl');
    expect(err).toContain('usage: trafficlab nginx');
  });
});
