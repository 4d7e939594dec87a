/**
 * Helpers for the embed's browser tests (test/e2e/embed*.spec.ts): reading
 * a lab's state through its JavaScript API, and collecting everything the
 * page reports as an error.
 */
import type { Locator, Page } from '@playwright/test';

export interface LabState {
  state: string;
  playing: boolean;
  now: number;
}

/** A <traffic-lab>'s state as its API reports it. */
export function labState(lab: Locator): Promise<LabState> {
  return lab.evaluate((el) => {
    const l = el as HTMLElement & LabState;
    return { state: l.state, playing: l.playing, now: l.now };
  });
}

/** Let the page draw `n` animation frames: "nothing moved" is checked over real frames, not a sleep. */
export function frames(page: Page, n = 10): Promise<void> {
  return page.evaluate(
    (count) =>
      new Promise<void>((done) => {
        let left = count;
        const tick = () => (--left <= 0 ? done() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
    n,
  );
}

/** Console errors, uncaught exceptions and failed requests, as lines; attach before navigating. */
export function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}
