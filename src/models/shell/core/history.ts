/**
 * Shell history and Up/Down navigation, as in bash with readline: Up walks
 * back through earlier commands, Down walks forward and finally restores
 * what was being typed. Consecutive duplicates are kept once
 * (HISTCONTROL=ignoredups, the Debian default), blank lines never.
 */
export class History {
  private readonly entries: string[] = [];
  /** Index into entries while browsing; entries.length means "the line being typed". */
  private cursor = 0;
  private draft = '';

  constructor(private readonly limit = 1000) {}

  /** Record a command that was run, and stop browsing. */
  add(line: string): void {
    const trimmed = line.trim();
    if (trimmed !== '' && this.entries[this.entries.length - 1] !== line) {
      this.entries.push(line);
      if (this.entries.length > this.limit) this.entries.shift();
    }
    this.cursor = this.entries.length;
    this.draft = '';
  }

  list(): readonly string[] {
    return this.entries;
  }

  /** Up: the previous command, remembering `current` as the draft; undefined at the oldest. */
  previous(current: string): string | undefined {
    if (this.cursor === 0) return undefined;
    if (this.cursor === this.entries.length) this.draft = current;
    this.cursor--;
    return this.entries[this.cursor];
  }

  /** Down: the next command, or the draft after the newest; undefined when not browsing. */
  next(): string | undefined {
    if (this.cursor >= this.entries.length) return undefined;
    this.cursor++;
    return this.cursor === this.entries.length ? this.draft : this.entries[this.cursor];
  }
}
