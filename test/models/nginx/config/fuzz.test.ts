/**
 * Mutation fuzzing: real configurations (course notes, a Debian-style
 * nginx.conf) with tokens deleted, duplicated or swapped and random bytes
 * spliced in. Whatever the input, the parser returns (never throws), in a
 * number of lexer steps bounded by the input size, and any error names a file
 * that exists and a line inside it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEBIAN_FILES } from '../../../../src/models/nginx/config/debian';
import { parseNginxConfig } from '../../../../src/models/nginx/config/index';
import { ConfLexer } from '../../../../src/models/nginx/config/lexer';

const dir = join(__dirname, 'fixtures');
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.conf'))
  .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));

const resolve = (h: string): string[] | undefined => (h.endsWith('.invalid') ? undefined : ['10.0.0.1', '10.0.0.2']);

/** Tokens split so that mutations keep whitespace and punctuation as separate pieces. */
const tokenize = (t: string): string[] => t.split(/(\s+|[;{}])/).filter((s) => s !== '');

type Mutation =
  | { op: 'delete'; at: number }
  | { op: 'duplicate'; at: number }
  | { op: 'swap'; at: number; with: number }
  | { op: 'bytes'; at: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({
    op: fc.constant('bytes' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('{', '}', ';', '"', "'", '\\', '#', '$', '${', '\n', 'include x.conf;', 'include *.conf;', 'location', 'server', 'upstream u', 'if ('),
    ),
  }),
);

function mutate(text: string, ms: Mutation[]): string {
  const t = tokenize(text);
  for (const m of ms) {
    if (t.length === 0) break;
    const i = m.at % t.length;
    if (m.op === 'delete') t.splice(i, 1);
    else if (m.op === 'duplicate') t.splice(i, 0, t[i] ?? '');
    else if (m.op === 'swap') {
      const j = m.with % t.length;
      [t[i], t[j]] = [t[j] ?? '', t[i] ?? ''];
    } else t.splice(i, 0, m.text);
  }
  return t.join('');
}

const lineCount = (text: string): number => text.split('\n').length;

let steps = 0;
const originalNext = ConfLexer.prototype.next;
afterEach(() => vi.restoreAllMocks());

function countSteps(): void {
  vi.restoreAllMocks();
  steps = 0;
  vi.spyOn(ConfLexer.prototype, 'next').mockImplementation(function (this: ConfLexer) {
    steps++;
    return originalNext.call(this);
  });
}

/** The invariants every result must satisfy. */
function check(files: Record<string, string>, entry: string): void {
  countSteps();
  let result: ReturnType<typeof parseNginxConfig> | undefined;
  expect(() => {
    result = parseNginxConfig(files, entry, { resolve });
  }).not.toThrow();
  if (!result) return;
  // Each lexer step eats a byte or ends a file; includes may re-read files, at most 200 deep.
  const bytes = Object.values(files).reduce((n, t) => n + new TextEncoder().encode(t).length + 2, 0);
  const builtinBytes = Object.values(DEBIAN_FILES).reduce((n, t) => n + t.length + 2, 0);
  expect(steps).toBeLessThanOrEqual(201 * (bytes + builtinBytes) + 2000);
  if (result.ok) return;
  const e = result.error;
  expect(e.message).not.toMatch(/^internal error/);
  const text = files[e.file] ?? DEBIAN_FILES[e.file];
  expect(text, `error names an unknown file: ${e.file}`).toBeDefined();
  expect(e.line).toBeGreaterThanOrEqual(1);
  expect(e.line).toBeLessThanOrEqual(lineCount(text ?? ''));
}

describe('mutation fuzzing', () => {
  for (const f of fixtures) {
    it(`never throws and always places its errors, on mutations of ${f.name}`, () => {
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (ms) => {
          check({ [f.name]: mutate(f.text, ms) }, f.name);
        }),
        { numRuns: 150, seed: 20260522 },
      );
    });
  }

  it('survives configurations split over included files, including include loops', () => {
    const full = fixtures.find((f) => f.name === 'debian-full.conf')?.text ?? '';
    fc.assert(
      fc.property(fc.array(mutation, { maxLength: 4 }), fc.array(mutation, { maxLength: 4 }), (m1, m2) => {
        const files = {
          'nginx.conf': mutate(full.replace('gzip on;', 'include conf.d/*.conf;'), m1),
          'conf.d/a.conf': mutate('server { listen 81; include conf.d/b.conf; }\n', m2),
          'conf.d/b.conf': 'location /b/ { return 200; }\n',
        };
        check(files, 'nginx.conf');
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  it('survives arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => check({ 'nginx.conf': text }, 'nginx.conf')),
      { numRuns: 300, seed: 42 },
    );
  });

  it('survives deep nesting and self-inclusion without exhausting the stack', () => {
    check({ 'nginx.conf': 'events {}\nhttp { server { ' + 'location / { '.repeat(5000) + '}'.repeat(5000) + ' } }' }, 'nginx.conf');
    check({ 'nginx.conf': 'events {}\ninclude nginx.conf;\n' }, 'nginx.conf');
    check({ 'a.conf': 'include a.conf;\n' }, 'a.conf');
  });
});
