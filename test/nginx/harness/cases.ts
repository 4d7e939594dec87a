/**
 * The differential cases: one folder each under `test/nginx/cases/`, holding
 * `case.json` (title, whether `nginx.conf` is a conf.d fragment, whether
 * nginx must accept or reject it), `nginx.conf`, and for accepted
 * configurations `backends.json` and `requests.jsonl`, plus any files the
 * configuration includes or serves.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CASES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../cases');

export interface CaseMeta {
  title: string;
  fragment: boolean;
  expect: 'run' | 'reject';
  /** The behaviour.md section 6 vector it reproduces, if any. */
  vector?: number;
  notes?: string;
}

export interface DiffCase {
  name: string;
  dir: string;
  meta: CaseMeta;
  conf: string;
  backends: string;
  requests: string;
}

/** Every case, in folder order. */
export function loadCases(): DiffCase[] {
  return fs
    .readdirSync(CASES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => loadCase(path.join(CASES_DIR, name)));
}

export function loadCase(dir: string): DiffCase {
  const meta = JSON.parse(fs.readFileSync(path.join(dir, 'case.json'), 'utf8')) as CaseMeta;
  return {
    name: path.basename(dir),
    dir,
    meta,
    conf: path.join(dir, 'nginx.conf'),
    backends: path.join(dir, 'backends.json'),
    requests: path.join(dir, 'requests.jsonl'),
  };
}
