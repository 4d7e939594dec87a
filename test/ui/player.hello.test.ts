import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWorld, loadScenario } from '../../src/scenario';
import { Player } from '../../src/ui/player.svelte';
import { nameLookup } from '../../src/ui/names';
import { describeRecord } from '../../src/ui/describe';
import { ManualFrames } from './fixtures';

function helloPlayer() {
  const loaded = loadScenario(readFileSync('lessons/scenarios/hello.yaml', 'utf8'), 'lessons/scenarios/hello.yaml');
  if (!loaded.ok) throw new Error(`hello.yaml does not load: ${JSON.stringify(loaded.errors)}`);
  const world = createWorld(loaded.scenario, { seed: 1 });
  const frames = new ManualFrames();
  const nameOf = nameLookup(world.snapshot().components);
  return { world, frames, nameOf, player: new Player(world, { frames, nameOf }) };
}

describe('Player on the demo scenario', () => {
  it('adds exactly one log entry per Step', () => {
    const { player, world } = helloPlayer();
    for (let i = 1; i <= 12; i++) {
      player.step();
      expect(world.engine.eventsProcessed).toBe(i);
      expect(player.view.log.filter((e) => e.event !== undefined)).toHaveLength(i);
    }
  });

  it('puts a request on the link between browser and app, and takes it off when delivered', () => {
    const { player, world } = helloPlayer();
    let sawPacket = false;
    for (let i = 0; i < 50 && !sawPacket; i++) {
      player.step();
      sawPacket = player.view.sends.some((s) => s.from !== s.to);
    }
    expect(sawPacket).toBe(true);
    const links = world.snapshot().links;
    expect(links.map((l) => [l.from, l.to])).toEqual([['browser', 'app']]);
  });

  it('plays to ten seconds of virtual time and finishes requests with readable sentences', () => {
    const { player, frames, world, nameOf } = helloPlayer();
    player.play();
    frames.tick(0);
    for (let i = 0; i < 100; i++) frames.tick(100);
    expect(player.now).toBe(10_000);
    const outcomes = world.trace.records().filter((r) => r.kind === 'outcome');
    expect(outcomes.length).toBeGreaterThanOrEqual(9);
    const sentence = outcomes[0] === undefined ? '' : describeRecord(outcomes[0], nameOf);
    expect(sentence).toMatch(/^browser gets 200 from app after \d+(\.\d)? ms/);
  });
});
