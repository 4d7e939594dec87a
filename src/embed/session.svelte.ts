/**
 * One embedded world and its player, with the parts of the JavaScript API
 * that need more than the player: seeking, and injecting a fault while the
 * view shows the past.
 *
 * Seeking back only moves the view (the player's cursor reads the recorded
 * trace, as the app's scrubber does); seeking ahead runs the world. A fault
 * injected while the view shows the past changes that past, so the world is
 * built again from the same scenario and seed, the faults given before that
 * moment are given again, each after exactly as many engine events as the
 * first time (the replay matches the original run event for event), and the
 * new fault follows. Later faults are dropped: that is a new history.
 */
import { createWorld, type Scenario, type World, type WorldCommand } from '../scenario';
import type { FrameSource } from '../ui/player.svelte';
import { nameLookup } from '../ui/names';
import { EmbedPlayer } from './embed-player';
import type { Emit } from './events';

/** A fault as it was given: enough to give it again at the same point of the run. */
interface Given {
  command: WorldCommand;
  atMs: number;
  /** Engine events run before it was given. */
  events: number;
}

export interface SessionOptions {
  seed: number;
  speed: number;
  emit: Emit;
  frames?: FrameSource;
  /** Told about each world built: the first, and each rebuilt to change the past. */
  onWorld?: (world: World) => void;
}

export class Session {
  /** Replaced (never mutated) when the past changes: the view remounts on a new player. */
  player: EmbedPlayer = $state.raw()!;
  world: World = $state.raw()!;

  private given: Given[] = [];

  constructor(
    readonly scenario: Scenario,
    private readonly options: SessionOptions,
  ) {
    this.build();
  }

  /** One engine event forwards (pausing first), as the Step button does. */
  step(): void {
    this.player.step();
  }

  /** Show virtual time `ms`: earlier moments from the record, later ones by running the world. Playing or paused stays as it was. */
  seek(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`seek: expected a virtual time in ms ≥ 0, got ${String(ms)}`);
    if (ms < this.player.now) {
      this.player.seek(ms, true);
      return;
    }
    this.player.goLive();
    this.player.runTo(ms);
  }

  /** Inject a fault at the moment shown. Throws, and announces nothing, when the world rejects it. */
  inject(command: WorldCommand): void {
    if (!this.player.live) this.rewind(this.player.viewEvent, this.player.viewT);
    const events = this.world.engine.eventsProcessed;
    const atMs = this.world.now;
    this.player.inject(command);
    this.given.push({ command: { ...command }, atMs, events });
    this.options.emit('trafficlab:fault', { kind: command.kind, target: command.target, atMs });
  }

  destroy(): void {
    this.player.destroy();
  }

  /** Build the world again and run it to just after event `events` (at `atMs`), giving the faults given by then. */
  private rewind(events: number, atMs: number): void {
    const { wanted, visible, speed } = this.player;
    const keep = this.given.filter((g) => g.events <= events && g.atMs <= atMs);
    this.player.destroy();
    this.build(visible, speed);
    this.given = [];
    for (const g of keep) {
      this.player.runTo(g.atMs, { untilEvents: g.events });
      this.player.inject(g.command);
      this.given.push(g);
    }
    this.player.runTo(atMs, { untilEvents: events });
    if (wanted) this.player.play();
  }

  private build(visible = false, speed = this.options.speed): void {
    const world = createWorld(this.scenario, { seed: this.options.seed });
    const player = new EmbedPlayer(world, {
      speed,
      nameOf: nameLookup(world.snapshot().components),
      frames: this.options.frames,
      onRunningChange: (running, atMs) => this.options.emit(running ? 'trafficlab:play' : 'trafficlab:pause', { atMs }),
    });
    player.visible = visible;
    this.world = world;
    this.player = player;
    this.options.onWorld?.(world);
  }
}
