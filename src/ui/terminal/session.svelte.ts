/**
 * One terminal session in the page: a shell on the world's terminal host,
 * the output shown so far (as text chunks, never HTML), the line being
 * typed, history browsing and Tab completion. A command that waits on the
 * simulation (curl, tail -f) needs virtual time to pass: if the player is
 * paused, the session plays it while the command runs and pauses it again
 * when the command ends, so the student sees the request travel.
 */
import { COMMANDS, hostForWorld, Shell, type Execution, type WorldLike } from '../../models/shell';

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

  private readonly shell: Shell;
  private execution: Execution | undefined;
  private nextId = 0;
  private playedForCommand = false;

  constructor(private readonly player: TerminalPlayer) {
    this.shell = new Shell(hostForWorld(player.world), COMMANDS, () => (this.chunks = []));
    this.prompt = this.shell.prompt();
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
    this.execution = this.shell.run(line, { out: (t) => this.push('out', t), err: (t) => this.push('err', t) }, () => this.finished());
    if (!this.execution.done && !this.player.playing) {
      this.playedForCommand = true;
      this.player.play();
    }
  }

  /** Ctrl-C: stop the running command, or drop the line being typed. */
  interrupt(): void {
    if (this.running && this.execution !== undefined) {
      this.push('note', '^C\n');
      this.execution.interrupt();
      return;
    }
    this.push('input', `${this.prompt}${this.draft}^C\n`);
    this.draft = '';
    this.candidates = [];
  }

  /** Tab: complete the last word; true when there was something to complete. */
  complete(): boolean {
    const result = this.shell.complete(this.draft);
    this.candidates = result.candidates;
    if (result.line === this.draft) return result.candidates.length > 0;
    this.draft = result.line;
    return true;
  }

  /** Up: the previous command. */
  previous(): void {
    const line = this.shell.history.previous(this.draft);
    if (line !== undefined) this.draft = line;
  }

  /** Down: the next command, or back to the line being typed. */
  next(): void {
    const line = this.shell.history.next();
    if (line !== undefined) this.draft = line;
  }

  /** Leave: stop a running command (a following tail must not outlive the page). */
  dispose(): void {
    this.execution?.interrupt();
  }

  private finished(): void {
    this.running = false;
    this.execution = undefined;
    this.prompt = this.shell.prompt();
    if (this.playedForCommand && this.player.playing) this.player.pause();
    this.playedForCommand = false;
  }
}
