import { afterEach, describe, expect, it } from 'vitest';
import { registerLessonLoader, resolveSource, type LessonStep } from '../../src/embed/sources';
import type { Fetched, FetchText } from '../../src/ui/load';

const removers: Array<() => void> = [];
afterEach(() => {
  for (const remove of removers.splice(0)) remove();
});

function answer(partial: Partial<Fetched>): FetchText {
  return async () => ({ ok: true, status: 200, statusText: 'OK', contentType: 'application/yaml', text: 'name: x\n', ...partial });
}

const step: LessonStep = {
  place: { lesson: 'dns', step: 2, steps: 4, title: 'Caching' },
  text: 'Watch the TTL.',
  scenario: { text: 'name: cached\n', file: 'lessons/scenarios/dns.yaml' },
};

describe('resolveSource for lessons', () => {
  it('says plainly that a lesson is not found while no lessons exist', async () => {
    const result = await resolveSource({ kind: 'lesson', lesson: 'load-balancing', step: 2 });
    expect(result).toEqual({
      ok: false,
      title: 'Lesson "load-balancing" not found',
      messages: ['This build of trafficlab has no lessons yet.', expect.stringMatching(/^Expected lesson="…"/)],
    });
  });

  it('asks each registered loader in turn and uses the first that knows the lesson', async () => {
    const asked: string[] = [];
    removers.push(registerLessonLoader(async (lesson) => (asked.push(`a:${lesson}`), undefined)));
    removers.push(registerLessonLoader(async (lesson, n) => (asked.push(`b:${lesson}`), lesson === 'dns' && n === 2 ? step : undefined)));
    const result = await resolveSource({ kind: 'lesson', lesson: 'dns', step: 2 });
    expect(asked).toEqual(['a:dns', 'b:dns']);
    expect(result).toEqual({ ok: true, text: 'name: cached\n', file: 'lessons/scenarios/dns.yaml', lesson: step });
  });

  it('names the misspelt lesson once loaders exist', async () => {
    removers.push(registerLessonLoader(async () => undefined));
    const result = await resolveSource({ kind: 'lesson', lesson: 'dsn', step: 1 });
    expect(!result.ok && result.messages[0]).toBe('No lesson is called "dsn": check the spelling of lesson="…".');
  });

  it("passes on a loader's reason for refusing a step", async () => {
    removers.push(
      registerLessonLoader(async () => {
        throw new Error('expected a step from 1 to 4, got 9');
      }),
    );
    const result = await resolveSource({ kind: 'lesson', lesson: 'dns', step: 9 });
    expect(result).toEqual({ ok: false, title: 'Lesson "dns" has no step 9', messages: ['expected a step from 1 to 4, got 9'] });
  });
});

describe('resolveSource for scenarios', () => {
  it('dedents an inline scenario', async () => {
    const result = await resolveSource({ kind: 'inline', text: '\n    name: x\n    seed: 2\n  ' });
    expect(result).toEqual({ ok: true, text: 'name: x\nseed: 2\n', file: 'inline scenario', lesson: undefined });
  });

  it('fetches a scenario URL and names the file by its path', async () => {
    const result = await resolveSource({ kind: 'url', url: 'https://course.example.org/s/hello.yaml?v=2' }, answer({}));
    expect(result).toEqual({ ok: true, text: 'name: x\n', file: '/s/hello.yaml', lesson: undefined });
  });

  it('reports the status when the server refuses', async () => {
    const result = await resolveSource({ kind: 'url', url: 'https://course.example.org/s/gone.yaml' }, answer({ ok: false, status: 404, statusText: 'Not Found' }));
    expect(result.ok).toBe(false);
    expect(!result.ok && [result.title, result.messages[0]]).toEqual(['Could not fetch the scenario /s/gone.yaml', 'The server answered 404 Not Found.']);
  });

  it('recognises a web page sent instead of YAML', async () => {
    const result = await resolveSource({ kind: 'url', url: 'https://course.example.org/s/typo.yaml' }, answer({ contentType: 'text/html', text: '<!doctype html><p>hi' }));
    expect(!result.ok && result.title).toBe('No scenario at /s/typo.yaml');
  });

  it('reports a network failure (or a CORS refusal) with what was expected', async () => {
    const failing: FetchText = async () => {
      throw new TypeError('Failed to fetch');
    };
    const result = await resolveSource({ kind: 'url', url: 'https://other.example/s.yaml' }, failing);
    expect(!result.ok && result.messages).toEqual(['Failed to fetch', expect.stringMatching(/same site, or served with CORS/)]);
  });
});
