/**
 * The course as the app ships it: every lesson in lessons/ and every
 * scenario in lessons/scenarios/, bundled at build time, loaded in course
 * order (file names start with their number). A lesson that does not load is
 * listed with its errors rather than hidden.
 */
import { formatLessonError, loadLesson, type Lesson, type ScenarioLookup } from '../../lessons';

export type CatalogEntry = { file: string; ok: true; lesson: Lesson } | { file: string; ok: false; errors: string[] };

const lessonTexts = import.meta.glob('../../../lessons/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const scenarioTexts = import.meta.glob('../../../lessons/scenarios/*.{yaml,yml}', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

const repoPath = (key: string) => key.replace(/^(\.\.\/)+/, '');

const lookup: ScenarioLookup = (name) => {
  const key = Object.keys(scenarioTexts).find((k) => k.endsWith(`/scenarios/${name}`));
  return key === undefined ? undefined : { file: repoPath(key), text: scenarioTexts[key] ?? '' };
};

/** Load the bundled lessons (a few ms each); call once. */
export function loadCatalog(): CatalogEntry[] {
  return Object.keys(lessonTexts)
    .filter((key) => !/\/readme\.md$/i.test(key))
    .sort()
    .map((key) => {
      const file = repoPath(key);
      const result = loadLesson(lessonTexts[key] ?? '', file, lookup);
      return result.ok ? { file, ok: true, lesson: result.lesson } : { file, ok: false, errors: result.errors.map(formatLessonError) };
    });
}
