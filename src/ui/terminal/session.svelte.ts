/**
 * One terminal session in the page: a shell on the world's terminal host,
 * the output shown so far (as text chunks, never HTML), the line being
 * typed, history browsing and Tab completion. A command that waits on the
 * simulation (curl, tail -f) needs virtual time to pass: if the player is
 * paused, the session plays it while the command runs and pauses it again
 * when the command ends, so the student sees the request travel.
 *
 * The shell is a TerminalDriver: the run's own when the page keeps a run
 * plan (each line and Ctrl-C is then recorded in it first, so a share link
 * types it again at the same moment), or one of the session's own.
 */
import type { Command } from '../instructor/plan';
import type { TerminalDriver } from './driver';
import { interruptCommand, lineCommand } from './lines';
import type { WorldLike } from '../../models/shell';

export interface Chunk {
  readonly id: number;
  readonly kind: 'input' | 'out' | 'err' | 'note';
  readonly text: string;
}

/** What the session needs from the player: the world, and play/pause. */
export interface TerminalPlayer {
  readonly world: WorldLike;
  readonly playing: boolean;
  /** False while the view shows an earlier moment than the world has reached. */
  readonly live?: boolean;
  play(): void;
  pause(): void;
}

/** Most output chunks kept: older ones scroll away, as in a terminal's scrollback. */
const SCROLLBACK = 2000;

export class TerminalSession {
  chunks: Chunk[] = $state([]);
  draft = $state('');
  running = $state(false);
  prompt = $state('');
  /** Matches offered by the last Tab that could not complete by itself. */
  candidates: readonly string[] = $state([]);

  private nextId = 0;
  private playedForCommand = false;

  /** `record` puts each line and Ctrl-C in the run plan before it runs; absent, nothing is recorded. */
  constructor(
    private readonly player: TerminalPlayer,
    private readonly driver: TerminalDriver,
    private readonly record?: (command: Command) => void,
  ) {
    driver.attach({ out: (t) => this.push('out', t), err: (t) => this.push('err', t), clear: () => (this.chunks = []), done: () => this.finished() });
    // A line the replay typed may still be running (a curl waiting for its answer).
    this.running = driver.running;
    this.prompt = driver.shell.prompt();
    // A run rebuilt from its plan (a link, an edit) typed its lines again without a screen to show them on.
    const typed = driver.shell.history.list().length;
    if (typed > 0) this.push('note', `(this run's ${typed === 1 ? 'line was' : `${typed} lines were`} typed again when it was rebuilt; Up recalls ${typed === 1 ? 'it' : 'them'})\n`);
  }

  private push(kind: Chunk['kind'], text: string): void {
    if (text === '') return;
    const last = this.chunks[this.chunks.length - 1];
    // Consecutive writes to the same stream join, so a table stays one piece of text.
    if (last !== undefined && last.kind === kind && kind !== 'input') {
      this.chunks[this.chunks.length - 1] = { ...last, text: last.text + text };
    } else {
      this.chunks.push({ id: this.nextId++, kind, text });
    }
    if (this.chunks.length > SCROLLBACK) this.chunks.splice(0, this.chunks.length - SCROLLBACK);
  }

  /** Enter: run the line being typed. */
  submit(): void {
    if (this.running) return;
    const line = this.draft;
    this.draft = '';
    this.candidates = [];
    this.push('input', `${this.prompt}${line}\n`);
    if (line.trim() === '') return;
    // The world only runs forward: commands answer for its present, whatever moment the view shows.
    if (this.player.live === false) this.push('note', '(the view shows an earlier moment; the terminal answers for the present)\n');
    this.running = true;
    this.record?.(lineCommand(line));
    this.driver.type(line);
    if (this.running && !this.player.playing) {
      this.playedForCommand = true;
      this.player.play();
    }
  }

  /** Ctrl-C: stop the running command, or drop the line being typed. */
  interrupt(): void {
    if (this.running && this.driver.running) {
      this.push('note', '^C\n');
      this.record?.(interruptCommand());
      this.driver.interrupt();
      return;
    }
    this.push('input', `${this.prompt}${this.draft}^C\n`);
    this.draft = '';
    this.candidates = [];
  }

  /** Tab: complete the last word; true when there was something to complete. */
  complete(): boolean {
    const result = this.driver.shell.complete(this.draft);
    this.candidates = result.candidates;
    if (result.line === this.draft) return result.candidates.length > 0;
    this.draft = result.line;
    return true;
  }

  /** Up: the previous command. */
  previous(): void {
    const line = this.driver.shell.history.previous(this.draft);
    if (line !== undefined) this.draft = line;
  }

  /** Down: the next command, or back to the line being typed. */
  next(): void {
    const line = this.driver.shell.history.next();
    if (line !== undefined) this.draft = line;
  }

  /**
   * Leave. A terminal of the session's own stops its running command (a
   * following tail must not outlive the page); the run's terminal goes on
   * without output, as stopping it would be a Ctrl-C the plan never saw.
   */
  dispose(): void {
    this.driver.attach();
    if (this.record === undefined) this.driver.interrupt();
  }

  private finished(): void {
    this.running = false;
    this.prompt = this.driver.shell.prompt();
    if (this.playedForCommand && this.player.playing) this.player.pause();
    this.playedForCommand = false;
  }
}
