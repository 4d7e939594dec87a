/**
 * The code editor: CodeMirror 6 with line numbers, undo, syntax
 * highlighting (nginx's legacy mode, YAML's Lezer grammar) and problems
 * marked at their line. Only ever loaded with `import()`, when an editor is
 * first opened, so neither the page's first load nor the embed bundle
 * carries it.
 */
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView, drawSelection, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, defaultHighlightStyle, indentOnInput, StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import { linter, lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { yaml } from '@codemirror/lang-yaml';
import { nginx } from '@codemirror/legacy-modes/mode/nginx';
import type { Problem } from './lint';

export type EditorLanguage = 'nginx' | 'yaml';

export interface EditorOptions {
  text: string;
  language: EditorLanguage;
  /** Its accessible name. */
  label: string;
  /** Checks the text as it is typed (after a pause). */
  check: (text: string) => Problem[];
  onChange?: (text: string) => void;
}

export interface EditorHandle {
  text(): string;
  setText(text: string): void;
  /** Mark problems found elsewhere (when applying), until the next check, and scroll to the first. */
  showProblems(problems: readonly Problem[]): void;
  focus(): void;
  destroy(): void;
}

/** A problem's line (and column) as a range of the document; lines past the end go to the last one. */
export function toDiagnostic(state: EditorState, p: Problem): Diagnostic {
  const line = state.doc.line(Math.min(Math.max(1, p.line), state.doc.lines));
  const from = p.column === undefined ? line.from : Math.min(line.to, line.from + Math.max(0, p.column - 1));
  const to = from === line.to ? line.to : p.column === undefined ? line.to : Math.min(line.to, from + Math.max(1, /^\S+/.exec(line.text.slice(from - line.from))?.[0].length ?? 1));
  return { from, to, severity: 'error', message: p.message };
}

const theme = EditorView.theme({
  '&': { fontSize: '0.9rem', border: '1px solid var(--line, #ccc)', borderRadius: '0.4rem', maxHeight: '28rem' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', overflow: 'auto' },
  '&.cm-focused': { outline: '2px solid var(--accent, #2563eb)', outlineOffset: '1px' },
});

/** Tab indents inside the editor; Escape then Tab leaves it, so keyboard users are never trapped (CodeMirror's rule). */
function extensions(options: EditorOptions): Extension[] {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightActiveLine(),
    drawSelection(),
    history(),
    indentOnInput(),
    bracketMatching(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
    options.language === 'yaml' ? yaml() : StreamLanguage.define(nginx),
    linter((view) => options.check(view.state.doc.toString()).map((p) => toDiagnostic(view.state, p)), { delay: 400 }),
    lintGutter(),
    EditorView.contentAttributes.of({ 'aria-label': options.label, spellcheck: 'false', autocapitalize: 'off', autocorrect: 'off' }),
    EditorView.updateListener.of((u) => {
      if (u.docChanged) options.onChange?.(u.state.doc.toString());
    }),
    theme,
  ];
}

/** Build an editor inside `parent`. */
export function createEditor(parent: HTMLElement, options: EditorOptions): EditorHandle {
  const view = new EditorView({ parent, state: EditorState.create({ doc: options.text, extensions: extensions(options) }) });
  return {
    text: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    showProblems(problems) {
      const diagnostics = problems.map((p) => toDiagnostic(view.state, p));
      const first = diagnostics[0];
      // Bring the first problem into view: in a long file it may be far below what shows.
      view.dispatch(setDiagnostics(view.state, diagnostics), first === undefined ? {} : { effects: EditorView.scrollIntoView(first.from, { y: 'center' }) });
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
