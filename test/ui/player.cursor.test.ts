import { describe, expect, it } from 'vitest';
import { Player } from '../../src/ui/player.svelte';
import { ManualFrames, tinyWorld } from './fixtures';

// tinyWorld: a send every 100 ms (events 1, 3, 5… at t = 0, 100, 200…) and its delivery 20 ms later (events 2, 4, 6…).
function setup(speed = 1) {
  const frames = new ManualFrames();
  const world = tinyWorld({ requestRecords: true });
  const player = new Player(world, { speed, frames });
  return { frames, world, player };
}

function stepTimes(player: Player, n: number): void {
  for (let i = 0; i < n; i++) player.step();
}

describe('Player view cursor', () => {
  it('shows an earlier moment without running the world again', () => {
    const { player, world } = setup();
    stepTimes(player, 6); // t = 220
    player.seek(110);
    expect(player.live).toBe(false);
    expect(player.viewT).toBe(110);
    expect(player.viewEvent).toBe(3);
    expect(world.engine.eventsProcessed).toBe(6);
    expect(player.now).toBe(220);
  });

  it('steps forward through recorded events while in the past, and becomes live at the present', () => {
    const { player, world } = setup();
    stepTimes(player, 4); // t = 120
    player.seek(0);
    expect(player.viewEvent).toBe(1);
    player.step();
    expect(player.viewEvent).toBe(2);
    expect(player.viewT).toBe(20);
    player.step();
    player.step();
    expect(player.live).toBe(true);
    expect(world.engine.eventsProcessed).toBe(4);
    player.step();
    expect(world.engine.eventsProcessed).toBe(5);
  });

  it('steps back one event at a time, down to the start', () => {
    const { player } = setup();
    stepTimes(player, 3); // t = 100
    player.stepBack();
    expect([player.viewEvent, player.viewT, player.live]).toEqual([2, 20, false]);
    player.stepBack();
    player.stepBack();
    player.stepBack();
    expect([player.viewEvent, player.viewT]).toEqual([0, 0]);
    expect(player.announcement).toMatch(/Showing 0.000 s/);
  });

  it('replays the past at the chosen speed when played, then runs the world once it catches up', () => {
    const { player, frames, world } = setup(1);
    stepTimes(player, 4); // t = 120
    player.seek(50);
    player.play();
    frames.tick(0);
    frames.tick(40);
    expect(player.viewT).toBe(90);
    expect(world.engine.eventsProcessed).toBe(4);
    frames.tick(40); // 130 ≥ 120: live again
    expect(player.live).toBe(true);
    frames.tick(100);
    expect(world.engine.eventsProcessed).toBeGreaterThan(4);
    expect(player.viewT).toBe(player.now);
  });

  it('never shows a time beyond what has run', () => {
    const { player } = setup();
    stepTimes(player, 2);
    player.seek(10_000);
    expect(player.live).toBe(true);
    expect(player.viewT).toBe(20);
    player.seek(-5);
    expect(player.viewT).toBe(0);
  });

  it('pauses at the next request a client issues and names it', () => {
    const { player } = setup();
    expect(player.nextRequest()).toBe('r0');
    expect(player.now).toBe(0);
    expect(player.nextRequest()).toBe('r1');
    expect(player.now).toBe(100);
    expect(player.playing).toBe(false);
  });

  it('finds the next request in the recorded past when the view is there', () => {
    const { player, world } = setup();
    stepTimes(player, 6);
    player.seek(10);
    expect(player.nextRequest()).toBe('r1');
    expect(player.viewT).toBe(100);
    expect(world.engine.eventsProcessed).toBe(6);
  });

  it('runs as many events as a frame allows at "as fast as possible", without jumping the clock to infinity', () => {
    const frames = new ManualFrames();
    const player = new Player(tinyWorld({ requests: 50 }), { speed: Infinity, frames, maxEventsPerFrame: 30 });
    player.play();
    frames.tick(16);
    expect(player.events).toBe(30);
    expect(Number.isFinite(player.now)).toBe(true);
    for (let i = 0; i < 10; i++) frames.tick(16);
    expect(player.finished).toBe(true);
    expect(player.now).toBe(4920);
  });

  it('keeps the components as they were at the event the view shows', () => {
    const { player } = setup();
    stepTimes(player, 5);
    player.seek(100);
    expect(player.snapshots.atEvent(player.viewEvent)?.t).toBe(100);
  });
});

describe('Player log while playing', () => {
  it('redraws the event log at most once per interval while playing, and at once on pause', () => {
    const frames = new ManualFrames();
    const player = new Player(tinyWorld(), { speed: 1, frames, logIntervalMs: 200 });
    player.play();
    frames.tick(0); // the first frame publishes
    const first = player.view.log.length;
    frames.tick(150); // t = 150: three events ran
    expect(player.events).toBe(3);
    expect(player.view.log.length).toBe(first);
    frames.tick(100); // 250 ms of wall time since the last redraw
    expect(player.view.log.length).toBe(player.events);
    frames.tick(30);
    player.pause();
    expect(player.view.log.map((e) => e.event).at(-1)).toBe(player.events);
  });
});
