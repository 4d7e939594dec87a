import { describe, expect, it } from 'vitest';
import { EmbedPlayer } from '../../src/embed/embed-player';
import { ManualFrames, tinyWorld } from '../ui/fixtures';

function setup() {
  const changes: Array<[boolean, number]> = [];
  const frames = new ManualFrames();
  const player = new EmbedPlayer(tinyWorld(), { speed: 1, frames, onRunningChange: (running, at) => changes.push([running, at]) });
  return { player, frames, changes };
}

describe('EmbedPlayer', () => {
  it('does not run while off screen, even when asked to', () => {
    const { player, frames } = setup();
    player.play();
    frames.tick(16);
    frames.tick(100);
    expect(player.playing).toBe(false);
    expect(player.now).toBe(0);
  });

  it('starts when it scrolls into view after being asked to play', () => {
    const { player, frames, changes } = setup();
    player.play();
    player.setVisible(true);
    expect(player.playing).toBe(true);
    frames.tick(16);
    frames.tick(50);
    expect(player.now).toBe(50);
    expect(changes).toEqual([[true, 0]]);
  });

  it('pauses when scrolled away and resumes when back', () => {
    const { player, frames, changes } = setup();
    player.setVisible(true);
    player.play();
    frames.tick(16);
    frames.tick(30);
    player.setVisible(false);
    frames.tick(500);
    expect(player.playing).toBe(false);
    expect(player.now).toBe(30);
    player.setVisible(true);
    expect(player.playing).toBe(true);
    expect(changes).toEqual([
      [true, 0],
      [false, 30],
      [true, 30],
    ]);
  });

  it('stays paused when scrolled back after the reader paused it', () => {
    const { player } = setup();
    player.setVisible(true);
    player.play();
    player.toggle();
    player.setVisible(false);
    player.setVisible(true);
    expect(player.playing).toBe(false);
  });

  it('treats a step as a pause the reader asked for', () => {
    const { player, changes } = setup();
    player.setVisible(true);
    player.play();
    player.step();
    expect(player.playing).toBe(false);
    expect(player.wanted).toBe(false);
    expect(changes.map(([running]) => running)).toEqual([true, false]);
  });
});
