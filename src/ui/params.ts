/**
 * The page's query parameters: `?scenario=PATH&seed=N&speed=X&autoplay=1`.
 *
 * Parsed once, as plain data, so a typo produces a message that says what was
 * expected instead of a silently ignored value or a blank page.
 */

/** What the page was asked to show. */
export interface PageParams {
  /** Same-origin URL of a scenario YAML file, or undefined for the bundled demo. */
  scenarioUrl: string | undefined;
  /** Undefined when the address names none: the scenario's own seed is used. */
  seed: number | undefined;
  speed: number;
  autoplay: boolean;
}

export type ParamsResult = { ok: true; params: PageParams } | { ok: false; errors: string[] };

/** The slowest and fastest playback the controls offer; a URL may ask for anything in between. */
export const MIN_SPEED = 0.01;
export const MAX_SPEED = 100;

/**
 * Parse `location.search` against the page's origin. A scenario path is
 * resolved relative to `base` and must stay on that origin: the page fetches
 * it, and fetching another site's file is neither needed nor safe.
 */
export function parseParams(search: string, base: string, defaultSpeed = 1): ParamsResult {
  const query = new URLSearchParams(search);
  const errors: string[] = [];
  const params: PageParams = { scenarioUrl: undefined, seed: undefined, speed: defaultSpeed, autoplay: false };

  const scenario = query.get('scenario');
  if (scenario !== null) {
    const origin = new URL(base).origin;
    let url: URL | undefined;
    try {
      url = new URL(scenario, base);
    } catch {
      url = undefined;
    }
    if (scenario.trim() === '' || url === undefined) {
      errors.push(`scenario: expected a path to a scenario YAML file on this site (e.g. ?scenario=/scenarios/hello.yaml), got "${scenario}"`);
    } else if (url.origin !== origin) {
      errors.push(`scenario: expected a path on this site (${origin}), got "${scenario}", which is on ${url.origin}`);
    } else {
      params.scenarioUrl = url.href;
    }
  }

  const seed = query.get('seed');
  if (seed !== null) {
    if (/^\d{1,15}$/.test(seed.trim())) params.seed = Number(seed.trim());
    else errors.push(`seed: expected a whole number ≥ 0 (e.g. ?seed=42), got "${seed}"`);
  }

  const speed = query.get('speed');
  if (speed !== null) {
    const value = Number(speed);
    if (speed.trim() !== '' && Number.isFinite(value) && value >= MIN_SPEED && value <= MAX_SPEED) params.speed = value;
    else errors.push(`speed: expected a number from ${MIN_SPEED} to ${MAX_SPEED} (1 = real time, 0.1 = ten times slower), got "${speed}"`);
  }

  const autoplay = query.get('autoplay');
  if (autoplay !== null) {
    if (autoplay === '' || autoplay === '1' || autoplay === 'true') params.autoplay = true;
    else if (autoplay === '0' || autoplay === 'false') params.autoplay = false;
    else errors.push(`autoplay: expected 1 or 0, got "${autoplay}"`);
  }

  return errors.length === 0 ? { ok: true, params } : { ok: false, errors };
}
