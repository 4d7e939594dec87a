/**
 * The embed build's lessons: every lesson in lessons/ loaded, checked and
 * turned into plain data (src/ui/lesson/embed-data.ts) at build time, and
 * written as one module per lesson, which the element imports only when a
 * page asks for that lesson. So a lesson step downloads its own lesson and
 * nothing of the others, and neither the YAML parser nor the Markdown lexer.
 *
 * vite.embed.config.ts's `bundledLessons` plugin runs this (through Vite's
 * module runner) and puts `indexModule` in place of
 * src/embed/lesson-chunks.ts, whose own code makes the same data at run
 * time (tests; a build without the plugin).
 */
import { formatLessonError, loadLesson, type ScenarioLookup } from '../../lessons';
import { embedLesson, type EmbedLessonData } from '../../ui/lesson/embed-data';
import { nginxSpecs, nginxTemplate } from './nginx-templates';
import { toSource } from './to-source';

/** The id under which a lesson's module is imported: `trafficlab-lesson:<lesson id>`. */
export const LESSON_MODULE_PREFIX = 'trafficlab-lesson:';

/** A lesson file as read from lessons/: its path from the repository root, and its text. */
export interface LessonFileText {
  file: string;
  text: string;
}

/**
 * The embed's data for lesson files (in course order), their scenarios found
 * through `lookup`. A lesson that does not load throws, with every error: the
 * build stops, as `trafficlab check` would.
 */
export function loadLessonData(files: readonly LessonFileText[], lookup: ScenarioLookup): EmbedLessonData[] {
  return files.map(({ file, text }) => {
    const loaded = loadLesson(text, file, lookup);
    if (!loaded.ok) throw new Error(`The embed cannot bundle ${file}:\n${loaded.errors.map(formatLessonError).join('\n')}`);
    return embedLesson(loaded.lesson);
  });
}

/**
 * A lesson's module: its data, each distinct scenario written once. With
 * `nginxRegistry` (the path of src/embed/deferred/nginx-config.ts), it also
 * hands the registry its nginx configurations parsed (the templates nginx
 * starts from without the parser).
 */
export function lessonModule(lesson: EmbedLessonData, nginxRegistry?: string): string {
  const scenarios: string[] = [];
  const steps = lesson.steps.map((step, i) => {
    const source = toSource(step.scenario, `${lesson.id} step ${i + 1} scenario`);
    let at = scenarios.indexOf(source);
    if (at < 0) at = scenarios.push(source) - 1;
    const { scenario: _, ...rest } = step;
    return `{...${toSource(rest, `${lesson.id} step ${i + 1}`)},scenario:s${at}}`;
  });
  const templates = nginxRegistry === undefined ? [] : lessonTemplates(lesson);
  return [
    ...(templates.length === 0 ? [] : [`import{registerNginxTemplates}from${JSON.stringify(nginxRegistry)};`, `registerNginxTemplates(${toSource(templates, `${lesson.id} nginx`)});`]),
    ...scenarios.map((s, i) => `const s${i}=${s};`),
    `export default {id:${JSON.stringify(lesson.id)},title:${JSON.stringify(lesson.title)},steps:[${steps.join(',')}]};`,
  ].join('\n');
}

/** The templates of every distinct nginx configuration a lesson's steps run (those that can have one). */
function lessonTemplates(lesson: EmbedLessonData) {
  const seen = new Set<string>();
  return lesson.steps.flatMap((step) =>
    nginxSpecs(step.scenario).flatMap((spec) => {
      const key = JSON.stringify([spec.entry, spec.files]);
      if (seen.has(key)) return [];
      seen.add(key);
      const template = nginxTemplate(spec);
      return template === undefined ? [] : [template];
    }),
  );
}

/** The index that replaces lesson-chunks.ts: lesson id → its module, imported on demand. */
export function indexModule(lessons: readonly EmbedLessonData[]): string {
  const entries = lessons.map((l) => `${JSON.stringify(l.id)}:()=>import(${JSON.stringify(LESSON_MODULE_PREFIX + l.id)})`);
  return [
    `const chunks={${entries.join(',')}};`,
    'export async function findLesson(id){return Object.hasOwn(chunks,id)?(await chunks[id]()).default:undefined;}',
    `export const LESSON_IDS=${JSON.stringify(lessons.map((l) => l.id))};`,
  ].join('\n');
}
