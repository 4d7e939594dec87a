import { describe, expect, it } from 'vitest';
import { openRun } from '../../../src/ui/share/open';
import { encodeHash } from '../../../src/ui/share/codec';
import { toShared } from '../../../src/ui/share/check';
import type { FetchText } from '../../../src/ui/load';
import { give } from '../../../src/ui/instructor/plan';
import { helloPlan, helloText, HELLO_FILE } from '../instructor/helpers';
import { ManualFrames } from '../fixtures';

const demo = { text: helloText(), file: HELLO_FILE };
const noFetch: FetchText = () => Promise.reject(new Error('no fetch expected'));
const BASE = 'http://127.0.0.1:5173/';
const opts = { frames: new ManualFrames() };

describe('opening the page', () => {
  it('opens a share link at the moment it was shared, with its commands', async () => {
    const plan = give(helloPlan(7), { kind: 'crash', target: 'app' }, 1_000, 0);
    const opened = await openRun(BASE + encodeHash(toShared({ plan: { ...plan, given: [{ atMs: 1_000, command: plan.given[0]!.command }] }, nowMs: 3_000, events: 1_000_000 })), demo, noFetch, 1, opts);
    if (!opened.ok) throw new Error(opened.messages.join());
    expect(opened.notice).toBeUndefined();
    expect(opened.session.world.now).toBe(3_000);
    expect(opened.session.world.seed).toBe(7);
    expect(opened.session.world.trace.records().filter((r) => r.kind === 'command')).toMatchObject([{ t: 1_000, command: 'crash' }]);
  });

  it('opens the demo, with the reason, for a damaged link', async () => {
    const opened = await openRun(`${BASE}#s=1.!!!`, demo, noFetch, 1, opts);
    if (!opened.ok) throw new Error(opened.messages.join());
    expect(opened.notice?.title).toBe('This share link could not be opened');
    expect(opened.notice?.messages.join(' ')).toContain('not valid base64url');
    expect(opened.session.plan.scenario).toBe(demo.text);
  });

  it('opens the demo, with the scenario errors, for a link whose scenario does not load', async () => {
    const plan = { ...helloPlan(), scenario: 'name: "<script>alert(1)</script>"\ntopology: nope\n' };
    const opened = await openRun(BASE + encodeHash(toShared({ plan, nowMs: 0, events: 0 })), demo, noFetch, 1, opts);
    if (!opened.ok) throw new Error(opened.messages.join());
    expect(opened.notice?.messages.join(' ')).toMatch(/hello\.yaml:\d+:\d+/);
    expect(opened.session.plan.scenario).toBe(demo.text);
  });

  it('keeps the text of a scenario fetched by ?scenario=, for editing and sharing', async () => {
    const text = helloText().replace('seed: 1', 'seed: 5');
    const fetcher: FetchText = () => Promise.resolve({ ok: true, status: 200, statusText: 'OK', contentType: 'text/yaml', text });
    const opened = await openRun(`${BASE}?scenario=/s.yaml`, demo, fetcher, 1, opts);
    if (!opened.ok) throw new Error(opened.messages.join());
    expect(opened.session.plan.scenario).toBe(text);
    expect(opened.session.plan.seed).toBe(5);
    expect(opened.session.plan.file).toBe('/s.yaml');
  });
});

describe('opening a share link', () => {
  it('opens paused at its moment, even when the address asks to autoplay', async () => {
    const link = `${BASE}?speed=2&autoplay=1${encodeHash(toShared({ plan: helloPlan(), nowMs: 2_000, events: 1_000_000 }))}`;
    const opened = await openRun(link, demo, noFetch, 1, opts);
    if (!opened.ok) throw new Error(opened.messages.join());
    expect(opened.params.autoplay).toBe(false);
    expect(opened.params.speed).toBe(2);
    expect(opened.session.player.speed).toBe(2);
  });
});
