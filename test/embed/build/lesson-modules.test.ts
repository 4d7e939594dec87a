import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findLesson } from '../../../src/embed/lesson-chunks';
import { indexModule, lessonModule, loadLessonData } from '../../../src/embed/build/lesson-modules';

const files = readdirSync('lessons')
  .filter((f) => f.endsWith('.md') && f !== 'README.md')
  .sort()
  .map((f) => ({ file: `lessons/${f}`, text: readFileSync(`lessons/${f}`, 'utf8') }));
const lessons = loadLessonData(files, (name) => {
  const file = `lessons/scenarios/${name}`;
  return existsSync(file) ? { file, text: readFileSync(file, 'utf8') } : undefined;
});

/** Evaluate a generated module's `export default` (it has no imports). */
function moduleValue(source: string): unknown {
  return new Function(source.replace('export default ', 'return '))();
}

describe("the embed build's lesson modules", () => {
  it('refuses a lesson that does not load, with its errors', () => {
    expect(() => loadLessonData([{ file: 'lessons/99-broken.md', text: '---\nid: broken\n---\n' }], () => undefined)).toThrow(/The embed cannot bundle lessons\/99-broken\.md:\n.*99-broken\.md/);
  });

  it('bundles every lesson of the course, in course order', async () => {
    const { loadCatalog } = await import('../../../src/ui/lesson/catalog');
    expect(lessons.map((l) => l.id)).toEqual(loadCatalog().flatMap((e) => (e.ok ? [e.lesson.id] : [])));
  });

  it('writes each lesson as the same data the run-time fallback makes from the course', async () => {
    for (const lesson of lessons) {
      const fromRunTime = await findLesson(lesson.id);
      expect(JSON.parse(JSON.stringify(moduleValue(lessonModule(lesson))))).toEqual(JSON.parse(JSON.stringify(fromRunTime)));
    }
  });

  it('writes a scenario that several steps share once', () => {
    const shared = lessons.find((l) => l.steps.length > 1 && l.steps.every((s) => JSON.stringify(s.scenario) === JSON.stringify(l.steps[0]?.scenario)));
    expect(shared, 'a lesson whose steps share one scenario').toBeDefined();
    const source = lessonModule(shared!);
    expect(source.match(/^const s\d+=/gm)).toHaveLength(1);
  });

  it('indexes every lesson by id, each imported on demand, and nothing else', () => {
    const source = indexModule(lessons);
    for (const l of lessons) expect(source).toContain(`${JSON.stringify(l.id)}:()=>import(${JSON.stringify(`trafficlab-lesson:${l.id}`)})`);
    expect(source).toContain('Object.hasOwn(chunks,id)');
  });
});
