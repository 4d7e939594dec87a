import { describe, expect, it } from 'vitest';
import { upstreamVariables } from '../../../../src/models/nginx/process';
import { addrs, world } from './world';

const A = '10.0.0.1:80';
const B = '10.0.0.2:80';
const H = '10.0.0.9:80';

function conf(upstream: string, location = ''): string {
  return `upstream up {\n${upstream}\n}\nserver {\n  listen 80;\n  server_name example.com;\n  location / {\n    proxy_pass http://up;\n${location}\n  }\n}\n`;
}

describe('the proxy loop', () => {
  it('holds a least_conn request on a hanging peer while the next four alternate between the others (vector 4)', () => {
    const w = world(conf(`least_conn;\nserver ${H};\nserver ${A};\nserver ${B};`), { [H]: { kind: 'hang' }, [A]: { kind: 'respond', status: 200 }, [B]: { kind: 'respond', status: 200 } });
    const first = w.send('/');
    w.engine.runFor(10);
    const next = [];
    for (let i = 0; i < 4; i++) {
      next.push(w.send('/'));
      w.engine.runFor(10);
    }
    expect(first).toEqual([]);
    expect(w.network.reads.slice(0, 1)).toEqual([`${H} GET /`]);
    expect(addrs(next.flat())).toEqual([A, B, A, B]);
  });

  it('answers 504 after proxy_connect_timeout when SYNs go unanswered, and logs it as nginx does', () => {
    const w = world(`server {\n listen 80;\n server_name example.com;\n location / {\n  proxy_pass http://${A};\n  proxy_connect_timeout 3s;\n }\n}\n`, { [A]: { kind: 'blackhole' } });
    const [r] = w.sequential(1);
    expect(r?.status).toBe(504);
    expect(w.engine.now).toBe(3000);
    expect(w.logLines('/var/log/nginx/error.log')[0]).toMatch(
      /\[error\] \d+#\d+: \*1 upstream timed out \(110: Connection timed out\) while connecting to upstream, client: 127\.0\.0\.1, server: example\.com, request: "GET \/ HTTP\/1\.1", upstream: "http:\/\/10\.0\.0\.1:80\/", host: "example\.com"$/,
    );
  });

  it('measures proxy_read_timeout from the moment the request was sent', () => {
    const w = world(conf(`server ${A};`, 'proxy_read_timeout 2500ms;'), { [A]: { kind: 'respond', status: 200, delayMs: 2400 } });
    expect(w.sequential(1)[0]?.status).toBe(200);
    const slow = world(conf(`server ${A};`, 'proxy_read_timeout 2500ms;'), { [A]: { kind: 'respond', status: 200, delayMs: 2600 } });
    expect(slow.sequential(1)[0]?.status).toBe(504);
    expect(slow.engine.now).toBe(2500);
  });

  it('treats an upstream closing before the header as an error: 502, or the next peer', () => {
    const w = world(conf(`server ${A};\nserver ${B};`), { [A]: { kind: 'close' }, [B]: { kind: 'respond', status: 201 } });
    const [r] = w.sequential(1);
    expect(r).toMatchObject({ status: 201, upstreamAddr: `${A}, ${B}`, upstreamStatus: '502, 201' });
    expect(w.logLines('/var/log/nginx/error.log')[0]).toContain('upstream prematurely closed connection while reading response header from upstream');
  });

  it('stops retrying once proxy_next_upstream_timeout has passed', () => {
    const w = world(conf(`server ${H};\nserver 10.0.0.8:80;\nserver ${A};`, 'proxy_read_timeout 1s;\nproxy_next_upstream_timeout 1500ms;'), {
      [H]: { kind: 'hang' },
      '10.0.0.8:80': { kind: 'hang' },
      [A]: { kind: 'respond', status: 200 },
    });
    const [r] = w.sequential(1);
    expect(r).toMatchObject({ status: 504, upstreamAddr: `${H}, 10.0.0.8:80`, upstreamStatus: '504, 504' });
    expect(w.engine.now).toBe(2000);
  });

  it('keeps a failed peer out for fail_timeout on the whole-second clock, not for exactly that many milliseconds', () => {
    const w = world(conf(`server ${A} fail_timeout=1s;\nserver ${B};`, 'proxy_next_upstream off;'), { [B]: { kind: 'respond', status: 200 } });
    w.engine.runUntil(900);
    expect(w.sequential(1)[0]?.status).toBe(502); // fails at second 0
    const lastPick = (): string => {
      const picks = w.records('decision').filter((r) => r.kind === 'decision' && r.decision.startsWith('upstream peer'));
      const last = picks[picks.length - 1];
      return last?.kind === 'decision' ? last.why : '';
    };
    w.engine.runUntil(1999);
    w.sequential(1);
    expect(lastPick()).toContain(`skipped ${A}`); // second 1: 1 - 0 ≤ fail_timeout, still out
    w.engine.runUntil(2000);
    w.sequential(1);
    expect(lastPick()).not.toContain(`skipped ${A}`); // second 2: eligible again
  });

  it('writes a decision with a reason for every peer it picks and every retry', () => {
    const w = world(conf(`server ${H};\nserver ${A};`), { [A]: { kind: 'respond', status: 200 } });
    w.sequential(1);
    const decisions = w.records('decision').map((r) => (r.kind === 'decision' ? `${r.decision}: ${r.why}` : ''));
    expect(decisions.filter((d) => d.startsWith('upstream peer'))).toHaveLength(2);
    expect(decisions.some((d) => d.startsWith(`retry after ${H}`) && d.includes('connection error'))).toBe(true);
    expect(decisions.every((d) => d.split(': ')[1] !== '')).toBe(true);
  });

  it('joins $upstream_addr and $upstream_status with ", " per attempt, "-" without an upstream', () => {
    expect(upstreamVariables([])).toEqual({ addr: '-', status: '-' });
    expect(upstreamVariables([{ addr: 'a:1', status: 502 }, { addr: 'up', status: 502 }])).toEqual({ addr: 'a:1, up', status: '502, 502' });
  });
});
