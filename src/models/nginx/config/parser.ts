/**
 * The reading loop of nginx's configuration, a port of `ngx_conf_parse` and
 * `ngx_conf_handler` (nginx 1.22, `src/core/ngx_conf_file.c`): statements are
 * read one at a time, checked against the directive table (known? allowed in
 * this context? `;` or `{`? argument count?) and handed to their handler,
 * which may parse a nested block by calling back into `parseBlock`.
 */
import type { NotSimulated, SourcePos } from '../model';
import { argCountValid, CTX, lookupDirective } from './directives';
import { ConfFail, failAt } from './errors';
import { FileSet, hasGlob } from './files';
import { ConfLexer } from './lexer';
import type { AnyNode, HttpNode, MainNode } from './tree';

/** One statement as the handlers see it. */
export interface Directive {
  name: string;
  /** Arguments after the name. */
  args: string[];
  opensBlock: boolean;
  /** File and line of the statement's `;` or `{`, where nginx reports errors about it. */
  pos: SourcePos;
}

export type Handler = (p: Parser, d: Directive) => void;

/** Handles every statement inside a block such as `types {}` or `map {}` (nginx's cf->handler). */
export type BlockBodyHandler = (p: Parser, args: string[]) => void;

interface OpenFile {
  name: string;
  lexer: ConfLexer;
  user: boolean;
}

/** Upper bound on nested blocks and includes, far above real configs, so recursion stays bounded. */
const MAX_DEPTH = 200;

export interface ParserOptions {
  resolve: (host: string) => string[] | undefined;
  handlers: Readonly<Record<string, Handler>>;
  /** Called for directives with no handler, to check their values as nginx would. */
  checkValue: (p: Parser, d: Directive) => void;
  /** Names whose effect the simulation models. */
  simulated: ReadonlySet<string>;
}

export class Parser {
  /** The context bit of the block being read (nginx's cf->cmd_type). */
  ctx: number = CTX.main;
  /** The configuration node directives at this level write into. */
  node: AnyNode;
  readonly main: MainNode = { kind: 'main', seen: new Set(), events: false };
  http?: HttpNode;
  /** Depth of `if`/`limit_except` blocks: what is inside them is not simulated. */
  namelessDepth = 0;
  readonly notSimulated: NotSimulated[] = [];
  /** Variables defined by the configuration (`set`, `map`, captures…), and where each was first used. */
  readonly definedVariables = new Set<string>();
  readonly usedVariables: { name: string; pos: SourcePos }[] = [];
  private file?: OpenFile;
  private bodyHandler?: BlockBodyHandler;
  private depth = 0;

  constructor(
    readonly files: FileSet,
    readonly opts: ParserOptions,
  ) {
    this.node = this.main;
  }

  /** Where the reader is now: what nginx prints after `in`. */
  here(): SourcePos {
    return { file: this.file?.name ?? '', line: this.file?.lexer.line ?? 0 };
  }

  /** Fails at the current position, as ngx_conf_log_error does. */
  fail(message: string): never {
    return failAt(message, this.here());
  }

  /** Fails at a recorded position (nginx's ngx_log_error with an explicit file and line). */
  failAt(message: string, pos: SourcePos): never {
    return failAt(message, pos);
  }

  /** Fails with a handler's returned string: `"name" directive MESSAGE`. */
  failDirective(d: Directive, message: string): never {
    return this.fail(`"${d.name}" directive ${message}`);
  }

  /**
   * ngx_conf_parse(cf, filename): reads a whole file at the current context.
   * `shown` is how an open() failure names it.
   */
  parseFile(path: string, shown: string = this.files.display(path)): void {
    const opened = this.files.open(path);
    if (!opened) {
      const errno = this.files.underFile(path) ? '20: Not a directory' : '2: No such file or directory';
      this.fail(`open() "${shown}" failed (${errno})`);
    }
    this.parseText(opened.name, opened.text, opened.user);
  }

  /** Reads text that is not in the file set (Debian's nginx.conf around a fragment). */
  parseWrapper(name: string, text: string): void {
    this.parseText(name, text, false);
  }

  private parseText(name: string, text: string, user: boolean): void {
    const saved = this.file;
    this.file = { name, lexer: new ConfLexer(text), user };
    this.enter();
    try {
      this.loop('file');
    } finally {
      this.depth--;
      this.file = saved;
    }
  }

  /**
   * ngx_conf_parse(cf, NULL) for a block: switches to `ctx` and `node`, reads
   * to the matching `}`, and restores the outer context.
   */
  parseBlock(ctx: number, node: AnyNode, body?: BlockBodyHandler): void {
    const saved = { ctx: this.ctx, node: this.node, body: this.bodyHandler };
    this.ctx = ctx;
    this.node = node;
    this.bodyHandler = body;
    this.enter();
    try {
      this.loop('block');
    } finally {
      this.depth--;
      this.ctx = saved.ctx;
      this.node = saved.node;
      this.bodyHandler = saved.body;
    }
  }

  /** `include`: one file, or every match of a pattern in order. */
  include(name: string): void {
    const full = this.files.fullName(name);
    if (!hasGlob(full)) {
      // nginx prints the full name; relative names print relative to the prefix here.
      this.parseFile(full, name.startsWith('/') ? name : this.files.display(full));
      return;
    }
    for (const path of this.files.glob(full)) this.parseFile(path);
  }

  /** Records a `$variable` use, checked against known variables once parsing is done. */
  useVariable(name: string): void {
    this.usedVariables.push({ name, pos: this.here() });
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) {
      // nginx has no such limit but would run out of file descriptors on an
      // include loop; real configs never get near this depth.
      this.fail('too deeply nested blocks or includes');
    }
  }

  private loop(type: 'file' | 'block'): void {
    const file = this.file;
    if (!file) return;
    for (;;) {
      const r = file.lexer.next();
      if (r.kind === 'error') this.fail(r.message);
      if (r.kind === 'blockEnd') {
        if (type !== 'block') this.fail('unexpected "}"');
        return;
      }
      if (r.kind === 'eof') {
        if (type === 'block') this.fail('unexpected end of file, expecting "}"');
        return;
      }
      const [name = '', ...args] = r.args;
      const d: Directive = { name, args, opensBlock: r.opensBlock, pos: this.here() };
      if (this.bodyHandler) {
        if (r.opensBlock) this.fail('unexpected "{"');
        this.bodyHandler(this, r.args);
        continue;
      }
      this.handle(d);
    }
  }

  /** ngx_conf_handler: find the directive, check where and how it is written, run it. */
  private handle(d: Directive): void {
    const forms = lookupDirective(d.name);
    if (!forms) this.fail(`unknown directive "${d.name}"`);
    const form = forms.find((f) => (f.contexts & this.ctx) !== 0);
    if (!form) this.fail(`"${d.name}" directive is not allowed here`);
    if (!form.block && d.opensBlock) this.fail(`directive "${d.name}" is not terminated by ";"`);
    if (form.block && !d.opensBlock) this.fail(`directive "${d.name}" has no opening "{"`);
    if (!argCountValid(form, d.args.length)) this.fail(`invalid number of arguments in "${d.name}" directive`);

    const simulated = this.opts.simulated.has(d.name) && this.namelessDepth === 0;
    if (!simulated && this.file?.user && d.name !== 'include') {
      this.notSimulated.push({ directive: d.name, file: d.pos.file, line: d.pos.line });
    }
    const handler = this.opts.handlers[d.name];
    if (handler) handler(this, d);
    else this.opts.checkValue(this, d);
  }
}

/** True for the internal failure type, so callers can tell it from a bug. */
export function isConfFail(e: unknown): e is ConfFail {
  return e instanceof ConfFail;
}
