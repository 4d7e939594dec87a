import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/scenario';
import { loadCatalog } from '../../../src/ui/lesson/catalog';
import { embedLesson } from '../../../src/ui/lesson/embed-data';

describe("a lesson as the embed's data", () => {
  const entry = loadCatalog().find((e) => e.ok && e.lesson.id === 'one-server');
  if (entry === undefined || !entry.ok) throw new Error('lesson one-server does not load');
  const data = embedLesson(entry.lesson);

  it("gives each step's title, text, file and the scenario checked from the step's YAML", () => {
    expect(data).toMatchObject({ id: 'one-server', title: entry.lesson.title });
    expect(data.steps.map((s) => s.title)).toEqual(['One name, one machine', 'The server crashes']);
    const step = data.steps[1]!;
    expect(step.text).toMatch(/^At \*\*t = 30 s\*\*/);
    expect(step.file).toBe('lessons/scenarios/single-server.yaml');
    const loaded = loadScenario(entry.lesson.steps[1]!.scenario.text, step.file);
    expect(loaded.ok && loaded.scenario).toEqual(step.scenario);
  });

  it("lexes the step's Markdown, so the embed needs no lexer, without each token's source (the renderer never reads it)", () => {
    const tokens = data.steps[1]!.tokens;
    expect(tokens[0]?.type).toBe('paragraph');
    expect(JSON.stringify(tokens)).toContain('"type":"strong"');
    expect(JSON.stringify(tokens)).toContain('"text":"t = 30 s"');
    expect(JSON.stringify(tokens)).not.toMatch(/"raw":"[^"]/);
  });

  it("keeps the step's faults, goals and end, without the lesson file's positions", () => {
    const step = data.steps[1]!;
    const source = entry.lesson.steps[1]!;
    expect(step.untilMs).toBe(source.untilMs);
    expect(step.faults).toEqual(source.faults.map((f) => ({ atMs: f.atMs, command: f.command })));
    expect(step.goals.map((g) => g.id)).toEqual(['goal-1', 'goal-2']);
    expect(JSON.stringify(step.goals)).not.toContain('"where"');
  });
});
