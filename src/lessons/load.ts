/**
 * Loading a lesson: Markdown with YAML frontmatter → a checked `Lesson`, or
 * every error found, each with file, line, field and what was expected.
 * Scenarios are looked up through a function the caller gives (the CLI reads
 * files, the app bundles them), so nothing here touches a file system.
 */
import { LineCounter, parseDocument, type Node } from 'yaml';
import { loadScenario } from '../scenario';
import { read, type Ctx, type Pos } from '../scenario/schema';
import { describeLessonCommand } from './describe-command';
import { applyEdits, blankOutside } from './edits';
import { lessonFile, type LessonFile, type ScenarioRef } from './format';
import { splitFrontmatter, splitSections, type Section } from './markdown';
import type { Allowed, EditDef, Goal, Lesson, LessonError, ScenarioSource, Solution, Step, TimedCommand, Where } from './types';

/** Finds a scenario file by its name in lessons/scenarios; undefined when there is none. */
export type ScenarioLookup = (name: string) => ScenarioSource | undefined;

export type LessonResult = { ok: true; lesson: Lesson } | { ok: false; errors: LessonError[] };

type RawStep = LessonFile['steps'][number];

/** Collects errors with the positions `read` remembered. */
class Errors {
  readonly list: LessonError[] = [];
  constructor(
    readonly file: string,
    private readonly ctx: Ctx,
  ) {}

  where(path: string): Where {
    const pos = this.ctx.positions.get(path) ?? { line: 1, column: 1 };
    return { line: pos.line, column: pos.column, path };
  }

  at(path: string, message: string): void {
    const w = this.where(path);
    this.list.push({ file: this.file, line: w.line, column: w.column, path, message });
  }
}

function resolveScenario(ref: ScenarioRef, path: string, frontmatter: string, file: string, lookup: ScenarioLookup, errors: Errors): ScenarioSource | undefined {
  let source: ScenarioSource | undefined;
  if (ref.kind === 'file') {
    source = lookup(ref.name);
    if (source === undefined) {
      errors.at(path, `expected a scenario file in lessons/scenarios, got "${ref.name}", which does not exist`);
      return undefined;
    }
  } else {
    const [start, , end] = ref.node.range ?? [0, 0, frontmatter.length];
    source = { file, text: blankOutside(frontmatter, start, end) };
  }
  const loaded = loadScenario(source.text, source.file);
  if (!loaded.ok) {
    for (const e of loaded.errors) errors.list.push({ ...e, path: e.path === '' ? path : e.path });
    return undefined;
  }
  return source;
}

/** The same command with the same settings: a button gives exactly what `allow` lists, settings and all. */
function sameCommand(a: TimedCommand['command'], b: TimedCommand['command']): boolean {
  const x = a as unknown as Readonly<Record<string, unknown>>;
  const y = b as unknown as Readonly<Record<string, unknown>>;
  return [...new Set([...Object.keys(x), ...Object.keys(y)])].every((k) => x[k] === y[k]);
}

function timed(list: { atMs: number; command: TimedCommand['command'] }[], path: string, errors: Errors): TimedCommand[] {
  return list.map((c, i) => ({ ...c, where: errors.where(`${path}[${i}]`) }));
}

/** Checks that need the whole step: edits exist and apply, the solution stays within what the student may do. */
function checkStep(raw: RawStep, path: string, edits: readonly EditDef[], scenario: ScenarioSource, errors: Errors): void {
  const known = new Map(edits.map((e) => [e.id, e]));
  raw.allow.edits.forEach((id, i) => {
    const def = known.get(id);
    if (def === undefined) errors.at(`${path}.allow.edits[${i}]`, `expected the id of an edit in the lesson's edits (${[...known.keys()].join(', ') || 'none'}), got "${id}"`);
    else if (!scenario.text.includes(def.find)) errors.at(`${path}.allow.edits[${i}]`, `edit "${id}" looks for "${def.find}", which the scenario ${scenario.file} does not contain`);
  });
  for (const [id, option] of Object.entries(raw.preset)) {
    try {
      applyEdits(scenario, edits, { [id]: option });
    } catch (error) {
      errors.at(`${path}.preset.${id}`, error instanceof Error ? error.message : String(error));
    }
  }
  for (const [id, option] of Object.entries(raw.solution.edits)) {
    const at = `${path}.solution.edits.${id}`;
    if (!raw.allow.edits.includes(id)) errors.at(at, `the solution changes "${id}", which this step does not allow: add it to allow.edits`);
    else {
      try {
        applyEdits(scenario, edits, { [id]: option });
      } catch (error) {
        errors.at(at, error instanceof Error ? error.message : String(error));
      }
    }
  }
  raw.solution.commands.forEach((c, i) => {
    if (!raw.allow.commands.some((a) => sameCommand(a.command, c.command))) {
      errors.at(`${path}.solution.commands[${i}]`, `the solution gives ${describeLessonCommand(c.command)}, which the student may not: add it to allow.commands`);
    }
    if (c.atMs > raw.until) errors.at(`${path}.solution.commands[${i}].at`, `expected a time within the step (until ${raw.until} ms), got ${c.atMs} ms`);
  });
  raw.solution.terminal.forEach((l, i) => {
    if (l.at > raw.until) errors.at(`${path}.solution.terminal[${i}].at`, `expected a time within the step (until ${raw.until} ms), got ${l.at} ms`);
  });
  raw.faults.forEach((c, i) => {
    if (c.atMs > raw.until) errors.at(`${path}.faults[${i}].at`, `expected a time within the step (until ${raw.until} ms), got ${c.atMs} ms`);
  });
  if (raw.prediction !== undefined && raw.prediction.atMs >= raw.until) {
    errors.at(`${path}.prediction.at`, `expected a time before the step ends (until ${raw.until} ms), got ${raw.prediction.atMs} ms`);
  }
}

function goalsOf(raw: RawStep, path: string, errors: Errors): Goal[] {
  const seen = new Set<string>();
  return raw.goals.map((g, i) => {
    const id = g.id ?? `goal-${i + 1}`;
    if (seen.has(id)) errors.at(`${path}.goals[${i}]`, `expected goal ids unique within the step, got "${id}" twice`);
    seen.add(id);
    return { id, source: g.source, description: g.description ?? g.source, expr: g.expr, where: errors.where(`${path}.goals[${i}]`) };
  });
}

function matchSections(steps: RawStep[], sections: Section[], errors: Errors): (Section | undefined)[] {
  const used = new Set<Section>();
  const matched = steps.map((s, i) => {
    const section = sections.find((x) => x.title === s.title && !used.has(x));
    if (section === undefined) {
      const found = sections.map((x) => `"## ${x.title}"`).join(', ') || 'none';
      errors.at(`steps[${i}].title`, `expected a section "## ${s.title}" in the body for this step's text, got none (sections: ${found})`);
    } else used.add(section);
    return section;
  });
  for (const s of sections) {
    if (!used.has(s)) errors.list.push({ file: errors.file, line: s.line, column: 1, path: '', message: `section "## ${s.title}" is no step's text: add a step with this title, or make it a "### " sub-heading` });
  }
  const order = matched.filter((s): s is Section => s !== undefined);
  if (order.some((s, i) => i > 0 && (order[i - 1]?.line ?? 0) > s.line)) {
    errors.at('steps', 'expected the body\'s "## " sections in the same order as the steps');
  }
  return matched;
}

/** Parse and check a lesson file. `file` names it in messages. */
export function loadLesson(text: string, file: string, lookup: ScenarioLookup): LessonResult {
  const split = splitFrontmatter(text);
  if (split === undefined) {
    return { ok: false, errors: [{ file, line: 1, column: 1, path: '', message: 'expected the file to start with YAML frontmatter between two "---" lines' }] };
  }
  const lines = new LineCounter();
  const doc = parseDocument(split.frontmatter, { lineCounter: lines, prettyErrors: true });
  if (doc.errors.length > 0) {
    const errors = doc.errors.map((e) => {
      const pos = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
      return { file, line: pos.line, column: pos.col, path: '', message: `invalid YAML: ${(e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}` };
    });
    return { ok: false, errors };
  }
  // `source` serves positions inside block scalars; built untyped so it fits the scenario checks' context as it grows.
  const fields = { file, source: split.frontmatter, doc, lines, errors: [] as LessonError[], positions: new Map<string, Pos>() };
  const ctx: Ctx = fields;
  const raw = read(lessonFile, doc.contents as Node | null, '', ctx);
  const errors = new Errors(file, ctx);
  if (raw === undefined) return { ok: false, errors: [...ctx.errors] };

  const { intro, sections } = splitSections(split.body, split.bodyLine);
  const matched = matchSections(raw.steps, sections, errors);
  const edits: EditDef[] = raw.edits.map((e, i) => ({ id: e.id, label: e.label, find: e.find, options: [e.find, ...e.options.filter((o) => o !== e.find)], where: errors.where(`edits[${i}]`) }));
  const lessonScenario = resolveScenario(raw.scenario, 'scenario', split.frontmatter, file, lookup, errors);

  const steps: Step[] = [];
  raw.steps.forEach((s, i) => {
    const path = `steps[${i}]`;
    const scenario = s.scenario === undefined ? lessonScenario : resolveScenario(s.scenario, `${path}.scenario`, split.frontmatter, file, lookup, errors);
    if (scenario === undefined) return;
    checkStep(s, path, edits, scenario, errors);
    const allow: Allowed = { commands: s.allow.commands.map((c) => c.command), edits: s.allow.edits };
    const solution: Solution = {
      edits: s.solution.edits,
      commands: timed(s.solution.commands, `${path}.solution.commands`, errors),
      terminal: s.solution.terminal.map((l, i) => ({ atMs: l.at, line: l.run, where: errors.where(`${path}.solution.terminal[${i}]`) })),
    };
    const prediction = s.prediction === undefined ? undefined : { ...s.prediction, where: errors.where(`${path}.prediction`) };
    steps.push({
      index: i,
      title: s.title,
      text: matched[i]?.text ?? '',
      scenario,
      seed: s.seed ?? raw.seed,
      untilMs: s.until,
      faults: timed(s.faults, `${path}.faults`, errors),
      prediction,
      goals: goalsOf(s, path, errors),
      allow,
      hints: s.hints,
      preset: s.preset,
      solution,
      where: errors.where(path),
    });
  });

  const all = [...ctx.errors, ...errors.list].sort((a, b) => a.line - b.line || a.column - b.column);
  if (all.length > 0) return { ok: false, errors: all };
  return { ok: true, lesson: { file, id: raw.id, title: raw.title, summary: raw.summary, intro, edits, steps } };
}

/** `lessons/02-one-server.md:34:7: steps[1].goals[0]: in "…": expected …`. */
export function formatLessonError(e: LessonError): string {
  const where = `${e.file}:${e.line}:${e.column}`;
  return e.path === '' ? `${where}: ${e.message}` : `${where}: ${e.path}: ${e.message}`;
}
