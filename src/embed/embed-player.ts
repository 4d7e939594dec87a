/**
 * The player of an embedded lab: the app's player, plus the rule that an
 * instance only runs while some of it is on screen.
 *
 * `wanted` is what the reader (or autoplay, or the page's script) asked
 * for; `visible` is what the IntersectionObserver last said. It runs when
 * both hold. Scrolling away pauses it without forgetting that it was
 * wanted, so scrolling back resumes it; pressing Pause forgets it.
 * The Controls component calls `play`, `pause` and `toggle` on this same
 * object, so the reader's clicks and the page's script go through one rule.
 */
import type { World } from '../scenario';
import { Player, type PlayerOptions } from '../ui/player.svelte';

export interface EmbedPlayerOptions extends PlayerOptions {
  /** Told whenever running starts or stops, with the virtual time. */
  onRunningChange?: (running: boolean, atMs: number) => void;
}

export class EmbedPlayer extends Player {
  /** Whether the reader, the page or autoplay asked it to run. */
  wanted = false;
  /** Whether any of the element is on screen; false until the observer first reports. */
  visible = false;

  private readonly onRunningChange: (running: boolean, atMs: number) => void;

  constructor(world: World, options: EmbedPlayerOptions = {}) {
    super(world, options);
    this.onRunningChange = options.onRunningChange ?? (() => {});
  }

  /** Ask to run: at once when on screen, otherwise as soon as it scrolls into view. */
  override play(): void {
    this.wanted = true;
    this.apply();
  }

  /** Stop, and stay stopped when scrolled away and back. */
  override pause(): void {
    this.wanted = false;
    this.apply();
  }

  /** The observer's report. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    this.apply();
  }

  private apply(): void {
    const was = this.playing;
    const run = this.wanted && this.visible;
    // The player may decline to start (nothing left to run): report what happened, not what was asked.
    if (run && !was) super.play();
    else if (!run && was) super.pause();
    if (this.playing !== was) this.onRunningChange(this.playing, this.viewT);
  }
}
