/**
 * One embedded world and its player, with the parts of the JavaScript API
 * that need more than the player: seeking backwards and injecting faults.
 *
 * The view is a function of (trace, virtual time), but the world only runs
 * forwards. Seeking back builds the world again from the same scenario and
 * seed and replays the faults given before that time, each after exactly
 * as many engine events as the first time, so the replay matches the
 * original run event for event. Faults given after the seek time are
 * dropped: seeking back and carrying on is a new history from there.
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
  /** Told about each world built: the first, and each rebuilt by seeking back. */
  onWorld?: (world: World) => void;
}

export class Session {
  /** Replaced (never mutated) when seeking back: the view remounts on a new player. */
  player: EmbedPlayer = $state.raw()!;
  world: World = $state.raw()!;

  private given: Given[] = [];

  constructor(
    readonly scenario: Scenario,
    private readonly options: SessionOptions,
  ) {
    this.build();
  }

  /** Run one engine event; pauses first, as the Step button does. */
  step(): void {
    this.player.step();
  }

  /** Move to virtual time `ms`: forwards by running, backwards by replaying. Playing or paused stays as it was. */
  seek(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`seek: expected a virtual time in ms ≥ 0, got ${String(ms)}`);
    if (ms >= this.world.now) {
      this.player.runTo(ms);
      return;
    }
    const { wanted, visible, speed } = this.player;
    const keep = this.given.filter((g) => g.atMs <= ms);
    this.player.destroy();
    this.build(visible, speed);
    this.given = [];
    for (const g of keep) {
      this.player.runTo(g.atMs, { untilEvents: g.events });
      this.apply(g.command, false);
    }
    this.player.runTo(ms);
    if (wanted) this.player.play();
  }

  /** Inject a fault now. Throws, and announces nothing, when the world rejects it. */
  inject(command: WorldCommand): void {
    this.apply(command, true);
  }

  destroy(): void {
    this.player.destroy();
  }

  private apply(command: WorldCommand, announce: boolean): void {
    const events = this.world.engine.eventsProcessed;
    const atMs = this.world.now;
    this.player.inject(command);
    this.given.push({ command: { ...command }, atMs, events });
    if (announce) this.options.emit('trafficlab:fault', { kind: command.kind, target: command.target, atMs });
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
