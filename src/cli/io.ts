/** How a command talks to the outside world, so tests can run commands in-process. */
export interface CliIO {
  /** Write to standard output (the text includes its own newlines). */
  out(text: string): void;
  /** Write to standard error. */
  err(text: string): void;
}

/** A subcommand: takes its arguments (after the subcommand name) and returns the exit code. */
export type Command = (args: string[], io: CliIO) => Promise<number>;

/** The process's own streams. */
export const processIO: CliIO = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};
