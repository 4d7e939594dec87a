import { describe, expect, it } from 'vitest';
import { Player } from '../../src/ui/player.svelte';
import { ManualFrames, tinyWorld } from './fixtures';

function setup(speed = 1, options: Parameters<typeof tinyWorld>[0] = {}) {
  const frames = new ManualFrames();
  const world = tinyWorld(options);
  const player = new Player(world, { speed, frames });
  return { frames, world, player };
}

describe('Player', () => {
  it('advances virtual time by the wall time between frames times the speed', () => {
    const { frames, player } = setup(0.5);
    player.play();
    frames.tick(16); // first frame only sets the reference point
    expect(player.now).toBe(0);
    frames.tick(40);
    expect(player.now).toBe(20);
    frames.tick(60);
    expect(player.now).toBe(50);
  });

  it('runs the events that fall inside the budget and no later ones', () => {
    const { frames, player, world } = setup(1);
    player.play();
    frames.tick(0);
    frames.tick(50); // t=50: send at 0 and deliver at 20 ran; next send is at 100
    expect(world.engine.eventsProcessed).toBe(2);
    expect(player.events).toBe(2);
    expect(world.engine.peekTime()).toBe(100);
  });

  it('keeps virtual time still while paused', () => {
    const { frames, player } = setup(1);
    player.play();
    frames.tick(0);
    frames.tick(30);
    player.pause();
    const at = player.now;
    frames.tick(500);
    expect(player.now).toBe(at);
    expect(player.playing).toBe(false);
    expect(frames.waiting).toBe(0);
  });

  it('steps exactly one engine event and files it as one log entry', () => {
    const { player, world } = setup(1);
    player.step();
    expect(world.engine.eventsProcessed).toBe(1);
    expect(player.view.log).toHaveLength(1);
    player.step();
    expect(world.engine.eventsProcessed).toBe(2);
    expect(player.view.log).toHaveLength(2);
    const last = player.view.log[1];
    expect(last?.event).toBe(2);
    expect(last?.t).toBe(20);
    expect(last?.records.map((r) => r.kind)).toEqual(['deliver', 'outcome']);
    expect(player.now).toBe(20);
  });

  it('pauses when Step is pressed while playing', () => {
    const { frames, player, world } = setup(1);
    player.play();
    frames.tick(0); // runs the send due at t=0
    expect(world.engine.eventsProcessed).toBe(1);
    player.step();
    expect(player.playing).toBe(false);
    expect(world.engine.eventsProcessed).toBe(2);
    frames.tick(50);
    expect(world.engine.eventsProcessed).toBe(2);
  });

  it('counts at most maxFrameMs of wall time for one frame, so a hidden tab does not jump ahead', () => {
    const frames = new ManualFrames();
    const player = new Player(tinyWorld(), { frames, maxFrameMs: 100 });
    player.play();
    frames.tick(0);
    frames.tick(60_000);
    expect(player.now).toBe(100);
  });

  it('lets virtual time lag instead of running more than maxEventsPerFrame events in one frame', () => {
    const frames = new ManualFrames();
    const world = tinyWorld({ intervalMs: 1, latencyMs: 1 });
    const player = new Player(world, { frames, speed: 100, maxEventsPerFrame: 10 });
    player.play();
    frames.tick(0); // the first frame has no budget: it runs only what is due at t=0
    expect(world.engine.eventsProcessed).toBe(1);
    frames.tick(100);
    expect(world.engine.eventsProcessed).toBe(11);
    expect(player.now).toBeLessThan(100 * 100);
    expect(player.now).toBe(world.now);
  });

  it('stops by itself when the world has no events left', () => {
    const { frames, player } = setup(1, { requests: 1 });
    player.play();
    frames.tick(0);
    frames.tick(50);
    expect(player.finished).toBe(true);
    expect(player.playing).toBe(false);
    expect(player.announcement).toMatch(/No events left/);
  });

  it('shows packets sent and not yet delivered', () => {
    const { player } = setup(1);
    player.step(); // send at t=0
    expect(player.view.sends.map((s) => s.packet)).toEqual(['p0']);
    player.step(); // deliver at t=20
    expect(player.view.sends).toEqual([]);
  });

  it('announces everything a step did at once', () => {
    const { player } = setup(1);
    player.step();
    player.step();
    expect(player.announcement).toBe('app receives request from browser: GET /. browser gets 200 from app after 20 ms (app answered).');
  });
});
