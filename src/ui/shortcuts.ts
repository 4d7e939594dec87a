/**
 * What each keyboard shortcut does to the player and the selection: the
 * one place that turns a `Shortcut` into calls, shared by the page's key
 * handler and its tests.
 */
import type { Shortcut } from './keys';
import type { Player } from './player.svelte';
import type { Selection } from './selection.svelte';
import { FASTEST, nextSpeed } from './speeds';

/** Carry out `action`. Remembers the speed before "as fast as possible" so a second F goes back to it. */
export function perform(action: Shortcut, player: Player, selection: Selection, memory: { speed: number }): void {
  switch (action) {
    case 'toggle':
      return player.toggle();
    case 'step':
      return player.step();
    case 'back':
      return player.stepBack();
    case 'next-request': {
      const id = player.nextRequest();
      if (id !== undefined) selection.follow(id);
      return;
    }
    case 'slower':
      player.speed = nextSpeed(player.speed, -1);
      return;
    case 'faster':
      player.speed = nextSpeed(player.speed, 1);
      return;
    case 'fastest':
      if (player.speed === FASTEST) player.speed = memory.speed;
      else {
        memory.speed = player.speed;
        player.speed = FASTEST;
      }
      return;
    case 'start':
      return player.seek(0, true);
    case 'live':
      player.goLive();
      return;
    case 'clear':
      return selection.clear();
  }
}
