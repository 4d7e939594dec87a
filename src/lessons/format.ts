/**
 * The lesson frontmatter, as tables of fields (the scenario format's checks,
 * reused so both report errors alike: file, line, field, what was expected).
 *
 *     id: one-server
 *     title: One server, one IP
 *     summary: What a single machine gives you, and what a crash does.
 *     scenario: single-server.yaml        # a file in lessons/scenarios, or the scenario inline
 *     edits:                              # config the student may change (optional)
 *       - { id: max-fails, label: max_fails, find: max_fails=1, options: [max_fails=3] }
 *     steps:
 *       - title: The server crashes       # the body's "## The server crashes" section is its text
 *         until: 60s
 *         faults: [{ at: 20s, crash: app }]
 *         prediction: { question: …, measure: count of failures after 20s, number: { tolerance: 0 } }
 *         goals: [no failures after 40s]
 *         allow: { commands: [{ recover: app }] }
 *         hints: [Look at the event log after 20 s.]
 *         preset: { max-fails: max_fails=3 }    # edits already made when the step starts (an earlier step's fix)
 *         solution: { commands: [{ at: 30s, recover: app }], terminal: [{ at: 20s, run: kubectl get pods }] }
 *
 * Measures and goals are strings in the measure language (`measure/parse.ts`).
 */
import { isMap, isScalar, type Node } from 'yaml';
import { FAULT_KINDS, REQUIRED_SETTINGS, SETTING_KEYS, durationExpected, parseDuration, readSetting, type WorldCommand } from '../scenario';
import { didYouMean } from '../scenario/did-you-mean';
import { childPath, describe, list, maybe, obj, optional, posOf, refine, report, reportAt, required, scalar, type Check, type Ctx } from '../scenario/schema';
import type { Goal as GoalExpr, Measure } from './measure/ast';
import { parseGoal, parseMeasure } from './measure/parse';
import { ExpressionError } from './measure/tokens';
import type { Choice } from './types';

const text = (expected: string) => scalar(expected, (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined));
const idPattern = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const id = scalar('an id of lowercase letters, digits and "-"', (v) => (typeof v === 'string' && idPattern.test(v) ? v : undefined));
const duration = scalar(durationExpected, parseDuration);
const positiveDuration = scalar(`${durationExpected}, > 0`, (v) => {
  const d = parseDuration(v);
  return d !== undefined && d > 0 ? d : undefined;
});
const seed = scalar('a whole number ≥ 0', (v) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : undefined));
const nonNegative = scalar('a number ≥ 0', (v) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined));
const number = scalar('a number', (v) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined));
const texts = (expected: string) => list(`a list of ${expected}`, text(expected));

/** A string in the measure language; its errors point at the column inside the string. */
function expression<T>(expected: string, parse: (source: string) => T): Check<{ source: string; expr: T }> {
  return {
    expected,
    parse(node, path, ctx) {
      if (node === null || !isScalar(node) || typeof node.value !== 'string') {
        report(ctx, posOf(node, ctx), path, `expected ${expected}, got ${describe(node)}`);
        return undefined;
      }
      const source = node.value;
      try {
        return { source, expr: parse(source) };
      } catch (error) {
        if (!(error instanceof ExpressionError)) throw error;
        const pos = posOf(node, ctx);
        const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0;
        report(ctx, { line: pos.line, column: pos.column + quoted + error.pos }, path, `in "${source}": ${error.message}`);
        return undefined;
      }
    },
  };
}

export const measureField = expression<Measure>('a measure such as "count of 502 after 40s" (see lessons/README.md)', parseMeasure);
export const goalField = expression<GoalExpr>('a goal such as "no 502 after 40s" (see lessons/README.md)', parseGoal);

const commandKinds = (): readonly string[] => FAULT_KINDS;

/** Keys a command may carry besides its kind and target, as the scenario's faults write them. */
const DURATION_KEYS: Readonly<Record<string, 'forMs' | 'byMs'>> = { for: 'forMs', by: 'byMs' };

/**
 * A command as data: `{ crash: app }` (the kind as key, the target as value),
 * with `at: 20s` when `timed`; `for: 30s` undoes it after that long and
 * `by: 500ms` says how much slower (`slow`), as in the scenario's faults.
 * Settings use the scenario's keys and reader (`SETTING_KEYS`): `{ dns-ttl:
 * www.example.com, ttl: 5 }`, `{ nlb-health-check: web, interval: 10s,
 * unhealthy-threshold: 2 }`, `{ scale: api, replicas: 5 }`.
 * The world names a target it does not have when the step is played.
 */
function command(timed: boolean): Check<{ atMs: number; command: WorldCommand }> {
  const expected = timed ? 'a command with its time, such as { at: 20s, crash: app }' : 'a command such as { recover: app }';
  return {
    expected,
    parse(node, path, ctx) {
      if (node === null || !isMap(node)) {
        report(ctx, posOf(node, ctx), path, `expected ${expected}, got ${describe(node)}`);
        return undefined;
      }
      const kinds = commandKinds();
      let atMs: number | undefined = timed ? undefined : 0;
      const found: { kind: string; target: string }[] = [];
      const extra: Record<string, unknown> = {};
      const settingKeys: string[] = [];
      let ok = true;
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        const value = pair.value as Node | null;
        const at = childPath(path, key);
        ctx.positions.set(at, posOf(pair.key as Node, ctx));
        if (key === 'at' && timed) {
          const ms = isScalar(value) ? parseDuration(value.value) : undefined;
          if (ms === undefined) {
            report(ctx, posOf(value, ctx), at, `expected ${durationExpected}, got ${describe(value)}`);
            ok = false;
          } else atMs = ms;
        } else if (kinds.includes(key)) {
          if (!isScalar(value) || typeof value.value !== 'string' || value.value === '') {
            report(ctx, posOf(value, ctx), at, `expected the id of the component to ${key}, got ${describe(value)}`);
            ok = false;
          } else found.push({ kind: key, target: value.value });
        } else if (Object.hasOwn(DURATION_KEYS, key)) {
          const ms = isScalar(value) ? parseDuration(value.value) : undefined;
          if (ms === undefined || ms <= 0) {
            report(ctx, posOf(value, ctx), at, `expected ${durationExpected}, > 0, got ${describe(value)}`);
            ok = false;
          } else extra[DURATION_KEYS[key] ?? key] = ms;
        } else if (Object.hasOwn(SETTING_KEYS, key)) {
          const setting = readSetting(key, value, at, ctx);
          if (setting === undefined) ok = false;
          else {
            extra[setting.field] = setting.value;
            settingKeys.push(key);
          }
        } else {
          const hint = didYouMean(key, [...kinds, ...Object.keys(DURATION_KEYS), ...Object.keys(SETTING_KEYS), ...(timed ? ['at'] : [])]);
          const suggestion = hint === undefined ? '' : ` (did you mean ${hint}?)`;
          report(ctx, posOf(pair.key as Node, ctx), at, `unknown key; expected ${timed ? 'at, ' : ''}for, by, a setting (${Object.keys(SETTING_KEYS).join(', ')}) and one command (${kinds.join(', ')}) with its target${suggestion}`);
          ok = false;
        }
      }
      if (found.length !== 1) {
        const got = found.length === 0 ? 'none' : found.map((f) => f.kind).join(' and ');
        report(ctx, posOf(node, ctx), path, `expected exactly one command (${kinds.join(', ')}) with its target, got ${got}`);
        ok = false;
      }
      if (timed && atMs === undefined && ok) {
        report(ctx, posOf(node, ctx), childPath(path, 'at'), `missing; expected when to give the command (${durationExpected})`);
        ok = false;
      }
      const first = found[0];
      if (ok && first !== undefined) ok = settingsFit(first.kind, settingKeys, node, path, ctx);
      if (!ok || first === undefined || atMs === undefined) return undefined;
      return { atMs, command: { ...extra, kind: first.kind, target: first.target } as WorldCommand };
    },
  };
}

/** Each setting belongs to the command's kind, and the kind has the settings it needs (as the scenario's faults check). */
function settingsFit(kind: string, keys: readonly string[], node: Node, path: string, ctx: Ctx): boolean {
  const wrong = keys.find((k) => SETTING_KEYS[k]?.kind !== kind);
  if (wrong !== undefined) {
    report(ctx, posOf(node, ctx), childPath(path, wrong), `expected ${wrong} only on ${SETTING_KEYS[wrong]?.kind ?? '?'}, got it on ${kind}`);
    return false;
  }
  const missing = (REQUIRED_SETTINGS[kind as keyof typeof REQUIRED_SETTINGS] ?? []).find((k) => !keys.includes(k));
  if (missing !== undefined) {
    report(ctx, posOf(node, ctx), childPath(path, missing), `missing; ${kind} needs ${missing}`);
    return false;
  }
  return true;
}

const timedCommands = list('a list of commands with times, such as [{ at: 20s, crash: app }]', command(true));
const commands = list('a list of commands, such as [{ recover: app }]', command(false));

/** `{ at: 20s, run: kubectl get pods }`: a line the solution types in the terminal at a time. */
const timedLines = list(
  'a list of terminal lines with times, such as [{ at: 20s, run: kubectl get pods }]',
  obj('a terminal line: { at, run }', { at: required(duration), run: required(text('the command line, as typed in the terminal')) }),
);

const choiceValue = scalar('a name or a number', (v) => (typeof v === 'string' || typeof v === 'number' ? v : undefined));

const choice: Check<Choice> = {
  expected: 'a choice: a name, a number, { value, label }, or a range { min, max, label }',
  parse(node, path, ctx) {
    if (node !== null && isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) {
      return { label: String(node.value), value: node.value };
    }
    if (node !== null && isMap(node) && node.has('value')) {
      const v = obj('{ value, label }', { value: required(choiceValue), label: required(text('what the student reads')) }).parse(node, path, ctx);
      return v === undefined ? undefined : { label: v.label, value: v.value };
    }
    const range = obj('a range { min, max, label }', { min: required(number), max: required(number), label: maybe(text('a label')) });
    const v = range.parse(node, path, ctx);
    if (v === undefined) return undefined;
    if (v.max < v.min) {
      reportAt(ctx, childPath(path, 'max'), `expected max ≥ min (${v.min}), got ${v.max}`);
      return undefined;
    }
    return { label: v.label ?? (v.min === v.max ? String(v.min) : `${v.min}–${v.max}`), min: v.min, max: v.max };
  },
};

const prediction = refine(
  obj('a prediction: { question, measure, and choices or number }', {
    question: required(text('the question the student answers')),
    measure: required(measureField),
    at: optional(duration, 0),
    choices: maybe(list('a list of choices', choice)),
    number: maybe(obj('{ tolerance, unit }', { tolerance: optional(nonNegative, 0), unit: optional(text('a unit such as requests'), '') })),
    explanation: optional(text('an explanation shown with the answer'), ''),
  }),
  (v, path, ctx) => {
    if ((v.choices === undefined) === (v.number === undefined)) {
      reportAt(ctx, path, 'expected either choices (the student picks one) or number (the student types one), not both or neither');
      return undefined;
    }
    const answer = v.choices !== undefined ? { kind: 'choices' as const, choices: v.choices } : { kind: 'number' as const, tolerance: v.number?.tolerance ?? 0, unit: v.number?.unit ?? '' };
    return { question: v.question, source: v.measure.source, measure: v.measure.expr, atMs: v.at, answer, explanation: v.explanation };
  },
);

/** `no 502 after 40s`, or `{ goal: no 502 after 40s, description: …, id: … }`. */
const goal: Check<{ source: string; expr: GoalExpr; description?: string; id?: string }> = {
  expected: 'a goal such as "no 502 after 40s", or { goal, description, id }',
  parse(node, path, ctx) {
    if (node !== null && isMap(node)) {
      const v = obj('{ goal, description, id }', { goal: required(goalField), description: maybe(text('what the student reads')), id: maybe(id) }).parse(node, path, ctx);
      return v === undefined ? undefined : { ...v.goal, description: v.description, id: v.id };
    }
    return goalField.parse(node, path, ctx);
  },
};

/** A scenario file name (in lessons/scenarios), or the scenario itself as a mapping. */
export type ScenarioRef = { kind: 'file'; name: string } | { kind: 'inline'; node: Node };

const scenarioRef: Check<ScenarioRef> = {
  expected: 'a scenario file in lessons/scenarios (such as single-server.yaml), or the scenario as a mapping',
  parse(node, path, ctx) {
    if (node !== null && isMap(node)) return { kind: 'inline', node };
    if (node !== null && isScalar(node) && typeof node.value === 'string' && /^[\w.-]+\.ya?ml$/.test(node.value)) return { kind: 'file', name: node.value };
    report(ctx, posOf(node, ctx), path, `expected ${this.expected}, got ${describe(node)}`);
    return undefined;
  },
};

/** Edit texts keep their spaces: indentation is part of what a YAML edit finds and writes. */
const exact = (expected: string) => scalar(expected, (v) => (typeof v === 'string' && v.trim() !== '' ? v : undefined));

const edit = obj('an edit: { id, label, find, options }', {
  id: required(id),
  label: required(text('what the student changes, such as "max_fails on each server line"')),
  find: required(exact('the text as the scenario has it, such as max_fails=1')),
  options: required(list('a list of replacement texts, such as [max_fails=3]', exact('a replacement text'))),
});

const step = obj('a step: { title, until, … }', {
  title: required(text('the title of the step, which is also its "## " heading in the body')),
  scenario: maybe(scenarioRef),
  seed: maybe(seed),
  until: required(positiveDuration),
  faults: optional(timedCommands, []),
  prediction: maybe(prediction),
  goals: optional(list('a list of goals', goal), []),
  allow: optional(obj('{ commands, edits }', { commands: optional(commands, []), edits: optional(list('a list of edit ids', id), []) }), { commands: [], edits: [] }),
  hints: optional(texts('hints'), []),
  preset: optional(editChoices(), {}),
  solution: optional(
    obj('{ edits, commands, terminal }', { edits: optional(editChoices(), {}), commands: optional(timedCommands, []), terminal: optional(timedLines, []) }),
    { edits: {}, commands: [], terminal: [] },
  ),
});

/** `{ max-fails: max_fails=3 }`: edit id → the option chosen. */
function editChoices(): Check<Record<string, string>> {
  return {
    expected: 'a mapping from edit id to the option chosen, such as { max-fails: max_fails=3 }',
    parse(node, path, ctx) {
      if (node === null || !isMap(node)) {
        report(ctx, posOf(node, ctx), path, `expected ${this.expected}, got ${describe(node)}`);
        return undefined;
      }
      const out: Record<string, string> = {};
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        const value = pair.value as Node | null;
        ctx.positions.set(childPath(path, key), posOf(pair.key as Node, ctx));
        if (!isScalar(value) || value.value === null) report(ctx, posOf(value, ctx), childPath(path, key), `expected the option's text, got ${describe(value)}`);
        else out[key] = String(value.value);
      }
      return out;
    },
  };
}

export const lessonFile = obj('a mapping with id, title, summary, scenario and steps', {
  id: required(id),
  title: required(text('a title')),
  summary: required(text('a one-line summary')),
  scenario: required(scenarioRef),
  seed: maybe(seed),
  edits: optional(list('a list of edits', edit), []),
  steps: required(list('a list of steps', step)),
});

export type LessonFile = NonNullable<ReturnType<typeof lessonFile.parse>>;
