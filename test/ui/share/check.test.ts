import { describe, expect, it } from 'vitest';
import { fromShared, toShared } from '../../../src/ui/share/check';
import { give, addAsk } from '../../../src/ui/instructor/plan';
import { helloPlan } from '../instructor/helpers';

const plan = addAsk(give(give(helloPlan(), { kind: 'slow', target: 'app', byMs: 300 }, 1_000, 20), { kind: 'recover', target: 'app' }, 5_000, 50), { atMs: 4_000, question: 'Why?' });
const good = () => JSON.parse(JSON.stringify(toShared({ plan, nowMs: 6_000, events: 99 }))) as Record<string, unknown> & { plan: Record<string, unknown> };

describe('reading a run from a link', () => {
  it('reads back exactly the run it was given', () => {
    expect(fromShared(good())).toEqual({ ok: true, run: { plan, nowMs: 6_000, events: 99 } });
  });

  it('refuses a field it does not know', () => {
    expect(fromShared({ ...good(), extra: 1 })).toEqual({ ok: false, error: 'link: unexpected field "extra"' });
  });

  it('refuses a negative, huge or non-numeric time', () => {
    for (const nowMs of [-1, 1e15, '5', null]) expect(fromShared({ ...good(), nowMs }).ok).toBe(false);
  });

  it('refuses a command whose kind is not a plain name', () => {
    const bad = good();
    bad.plan = { ...bad.plan, given: [{ atMs: 1, command: { kind: '<img src=x onerror=alert(1)>', target: 'app' } }] };
    expect(fromShared(bad)).toEqual({ ok: false, error: expect.stringContaining('plan.given[0].command.kind') as string });
  });

  it('refuses more commands than the limit', () => {
    const bad = good();
    bad.plan = { ...bad.plan, given: Array.from({ length: 10_001 }, () => ({ atMs: 1, command: { kind: 'crash', target: 'app' } })) };
    expect(fromShared(bad)).toEqual({ ok: false, error: expect.stringContaining('at most 10000') as string });
  });

  it('refuses commands given out of time order', () => {
    const bad = good();
    bad.plan = { ...bad.plan, given: [{ atMs: 5, command: { kind: 'crash', target: 'app' } }, { atMs: 1, command: { kind: 'recover', target: 'app' } }] };
    expect(fromShared(bad)).toEqual({ ok: false, error: expect.stringContaining('time order') as string });
  });

  it('reads a command carrying a whole file, as a reload or an apply does, and refuses a text past the limit', () => {
    const conf = `server {\n${'    location / { return 200; }\n'.repeat(40)}}\n`;
    expect(conf.length).toBeGreaterThan(1000);
    const withFile = good();
    withFile.plan = { ...withFile.plan, given: [{ atMs: 1, command: { kind: 'nginx-reload', target: 'all', file: 'conf.d/default.conf', text: conf } }] };
    expect(fromShared(withFile)).toMatchObject({ ok: true, run: { plan: { given: [{ command: { text: conf } }] } } });
    const tooLong = good();
    tooLong.plan = { ...tooLong.plan, given: [{ atMs: 1, command: { kind: 'nginx-reload', target: 'all', file: 'x', text: 'x'.repeat(200_001) } }] };
    expect(fromShared(tooLong)).toEqual({ ok: false, error: expect.stringContaining('plan.given[0].command.text') as string });
  });

  it('refuses another format version and things that are not objects', () => {
    expect(fromShared({ ...good(), v: 2 }).ok).toBe(false);
    expect(fromShared([]).ok).toBe(false);
    expect(fromShared('x').ok).toBe(false);
  });
});
