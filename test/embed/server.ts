/**
 * The static server the embed's browser tests use: builds the embed into a
 * temporary folder, then serves it on 127.0.0.1 with a strict
 * Content-Security-Policy header on every response, the header a careful
 * course site would send. Test pages come from test/embed/fixtures under
 * /__fixtures__/.
 *
 * It answers on two ports, PORT and PORT + 1, with the same files: two
 * origins, so a course page on one can frame embed.html from the other
 * (a page routed in by the test would not do: Chromium treats it as a
 * public site and will not let it frame a loopback address).
 *
 *     npx tsx test/embed/server.ts [--port 4318]
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildEmbed } from './build';

/** No inline script or style, no eval, nothing from other sites; frames only from the embed's own port (for course.html). */
export function strictPolicy(embedPort: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    `frame-src 'self' http://127.0.0.1:${embedPort}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.yaml': 'application/yaml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** The file a URL path names under `root`, or undefined when it names none (or tries to leave `root`). */
function fileFor(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  try {
    return statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const portArg = process.argv.indexOf('--port');
  const port = portArg >= 0 ? Number(process.argv[portArg + 1]) : 4318;
  const dist = mkdtempSync(path.join(os.tmpdir(), 'trafficlab-embed-'));
  const fixtures = path.resolve('test/embed/fixtures');
  await buildEmbed(dist);
  const policy = strictPolicy(port);

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const fixture = url.pathname.startsWith('/__fixtures__/');
    const file = fixture ? fileFor(fixtures, url.pathname.slice('/__fixtures__'.length)) : fileFor(dist, url.pathname);
    res.setHeader('Content-Security-Policy', policy);
    res.setHeader('Cache-Control', 'no-store');
    if (file === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  };
  const servers = [createServer(handle), createServer(handle)];
  const stop = () => {
    for (const server of servers) server.close();
    rmSync(dist, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  servers.forEach((server, i) => server.listen(port + i, '127.0.0.1', () => console.log(`embed test server on http://127.0.0.1:${port + i}/ serving ${dist}`)));
}

await main();
