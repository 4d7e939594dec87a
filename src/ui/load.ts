/**
 * Opening the world the page was asked for: the bundled demo, or a scenario
 * fetched from this site by `?scenario=`. Every failure becomes a titled list
 * of readable messages, so the page never goes blank.
 */
import { createWorld, formatScenarioError, loadScenario, type World } from '../scenario';
import { parseParams, type PageParams } from './params';

export type Opened =
  | { ok: true; world: World; params: PageParams; file: string }
  | { ok: false; title: string; messages: string[] };

/** What fetching a scenario returned; the part of `Response` this needs. */
export interface Fetched {
  ok: boolean;
  status: number;
  statusText: string;
  contentType: string;
  text: string;
}

export type FetchText = (url: string) => Promise<Fetched>;

export const fetchText: FetchText = async (url) => {
  const response = await fetch(url, { headers: { accept: 'application/yaml, text/yaml, text/plain' } });
  return {
    ok: response.ok,
    status: response.status,
    statusText: response.statusText,
    contentType: response.headers.get('content-type') ?? '',
    text: await response.text(),
  };
};

const EXPECTED = 'Expected ?scenario= to name a scenario YAML file on this site, for example ?scenario=/lessons/scenarios/hello.yaml';

/** Read the page's parameters, get the scenario text, validate it, and build the world. */
export async function openWorld(
  href: string,
  demo: { text: string; file: string },
  fetcher: FetchText = fetchText,
  defaultSpeed = 1,
): Promise<Opened> {
  const url = new URL(href);
  const parsed = parseParams(url.search, href, defaultSpeed);
  if (!parsed.ok) return { ok: false, title: 'The address has parameters this page cannot use', messages: parsed.errors };
  const { params } = parsed;

  let text = demo.text;
  let file = demo.file;
  if (params.scenarioUrl !== undefined) {
    const target = new URL(params.scenarioUrl);
    file = target.pathname;
    let fetched: Fetched;
    try {
      fetched = await fetcher(params.scenarioUrl);
    } catch (error) {
      return { ok: false, title: `Could not fetch the scenario ${file}`, messages: [String(error instanceof Error ? error.message : error), EXPECTED] };
    }
    if (!fetched.ok) {
      return { ok: false, title: `Could not fetch the scenario ${file}`, messages: [`The server answered ${fetched.status} ${fetched.statusText}.`.replace(/ \.$/, '.'), EXPECTED] };
    }
    if (/text\/html/i.test(fetched.contentType) || /^\s*<(!doctype|html)/i.test(fetched.text)) {
      // A dev server answers unknown paths with the app's own page; that is a wrong path, not a broken scenario.
      return { ok: false, title: `No scenario at ${file}`, messages: [`The server sent a web page, not a YAML file: is the path right?`, EXPECTED] };
    }
    text = fetched.text;
  }

  const loaded = loadScenario(text, file);
  if (!loaded.ok) {
    return { ok: false, title: `The scenario ${file} has errors`, messages: loaded.errors.map((e) => formatScenarioError(e)) };
  }
  try {
    return { ok: true, world: createWorld(loaded.scenario, { seed: params.seed ?? loaded.scenario.seed }), params, file };
  } catch (error) {
    return { ok: false, title: `The scenario ${file} could not be started`, messages: [error instanceof Error ? error.message : String(error)] };
  }
}
