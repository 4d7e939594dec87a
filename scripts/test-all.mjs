#!/usr/bin/env node
/**
 * `npm test`: every suite, one after another, then one summary line.
 *
 * 1. `npm run check` (lint with the determinism and layer rules, svelte-check),
 *    counted as one test so a type or layer error fails the run;
 * 2. Vitest (unit, property, lesson and nginx differential tests);
 * 3. Playwright (the app in a real Chromium).
 *
 * Each runner writes a JSON report; this script sums them and prints
 * `N passed, N failed[, N skipped]` as its last line, and exits non-zero when
 * anything failed or a suite could not report.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = 'test-results';
mkdirSync(results, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

function run(label, command, args) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return r.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

// 1. Static checks.
const checkStatus = run('check', 'npm', ['run', '--silent', 'check']);
if (checkStatus === 0) totals.passed++;
else {
  totals.failed++;
  problems.push('npm run check failed (lint or svelte-check)');
}

// 2. Vitest.
const unitReport = `${results}/unit.json`;
rmSync(unitReport, { force: true });
const unitStatus = run('unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitReport}`]);
const unit = readJson(unitReport);
if (unit === undefined) {
  totals.failed++;
  problems.push(`vitest wrote no report (exit ${unitStatus})`);
} else {
  totals.passed += unit.numPassedTests ?? 0;
  totals.failed += unit.numFailedTests ?? 0;
  totals.skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
  // A suite that failed to load has no tests to count but must still fail the run.
  const broken = (unit.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).every((a) => a.status !== 'failed'));
  for (const f of broken) {
    totals.failed++;
    problems.push(`test file failed to run: ${f.name}`);
  }
  if (unitStatus !== 0 && (unit.numFailedTests ?? 0) === 0 && broken.length === 0) {
    totals.failed++;
    problems.push(`vitest exited ${unitStatus}`);
  }
}

// 3. Playwright.
const e2eReport = `${results}/e2e.json`;
rmSync(e2eReport, { force: true });
const e2eStatus = run('e2e', 'npx', ['playwright', 'test']);
const e2e = readJson(e2eReport);
if (e2e === undefined || e2e.stats === undefined) {
  totals.failed++;
  problems.push(`playwright wrote no report (exit ${e2eStatus})`);
} else {
  const s = e2e.stats;
  totals.passed += (s.expected ?? 0) + (s.flaky ?? 0);
  totals.failed += s.unexpected ?? 0;
  totals.skipped += s.skipped ?? 0;
  if (e2eStatus !== 0 && (s.unexpected ?? 0) === 0) {
    totals.failed++;
    problems.push(`playwright exited ${e2eStatus}`);
  }
}

if (!existsSync('/usr/sbin/nginx') && !process.env.NGINX_BIN) {
  console.log('\nSKIPPED LOUDLY: no nginx binary (/usr/sbin/nginx or NGINX_BIN): the differential tests against real nginx did not run.');
}
for (const p of problems) console.log(`problem: ${p}`);
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exitCode = totals.failed > 0 ? 1 : 0;
