/**
 * Opening the page's run: from a share link (`#s=…`), or else the scenario
 * the address names (or the demo), as the lab always has.
 *
 * A link that cannot be read, or whose scenario does not load, gives the
 * reader the reason and the demo scenario, running: never a blank page.
 */
import { openWorld, type FetchText } from '../load';
import type { PageParams } from '../params';
import { parseParams } from '../params';
import type { Moment } from '../instructor/build';
import { freshPlan, type RunPlan } from '../instructor/plan';
import { RunSession, type SessionOptions } from '../instructor/session.svelte';
import { decodeHash, isShareHash } from './codec';
import { fromShared } from './check';
import { loadShellKit, type ShellKit } from '../terminal/driver';
import { isTerminalCommand } from '../terminal/lines';

/** Why a link was not used, for the banner over the lab. */
export interface Notice {
  title: string;
  messages: string[];
}

export type Opening =
  | { ok: true; session: RunSession; params: PageParams; notice?: Notice }
  | { ok: false; title: string; messages: string[] };

interface Demo {
  text: string;
  file: string;
}

const LINK_TITLE = 'This share link could not be opened';
const FALLBACK = 'The demo scenario is open instead.';

/** The plan and moment a share hash describes, or why it cannot be used. */
export function planFromHash(hash: string): { ok: true; plan: RunPlan; to: Moment } | { ok: false; error: string } {
  const decoded = decodeHash(hash);
  if (!decoded.ok) return decoded;
  const checked = fromShared(decoded.json);
  if (!checked.ok) return { ok: false, error: `the link's data is not a run this page can show (${checked.error})` };
  const { plan, nowMs, events } = checked.run;
  return { ok: true, plan, to: { atMs: nowMs, events } };
}

function demoSession(demo: Demo, params: PageParams, options: SessionOptions, notice: Notice): Opening {
  const opened = RunSession.open(freshPlan(demo.file, demo.text, params.seed ?? 1), undefined, options);
  if (!opened.ok) return { ok: false, title: notice.title, messages: [...notice.messages, ...opened.errors] };
  return { ok: true, session: opened.session, params, notice };
}

/** Open what the address asks for. `options.speed` is replaced by the address's `speed` when it has one. */
export async function openRun(href: string, demo: Demo, fetcher: FetchText, defaultSpeed: number, options: Omit<SessionOptions, 'speed'> = {}): Promise<Opening> {
  const url = new URL(href);
  if (isShareHash(url.hash)) {
    const parsed = parseParams(url.search, href, defaultSpeed);
    // A link shows the moment it was shared, paused: the reader presses Play.
    const params: PageParams = { ...(parsed.ok ? parsed.params : { scenarioUrl: undefined, seed: undefined, speed: defaultSpeed }), autoplay: false };
    const sessionOptions = { ...options, speed: params.speed };
    const fromLink = planFromHash(url.hash);
    if (!fromLink.ok) return demoSession(demo, params, sessionOptions, { title: LINK_TITLE, messages: [`The link is not usable: ${fromLink.error}.`, FALLBACK] });
    // Lines typed in the terminal are typed again through the shell: load its code first (it is not in the main bundle).
    let shell: ShellKit | undefined;
    if (fromLink.plan.given.some((g) => isTerminalCommand(g.command))) shell = await loadShellKit().catch(() => undefined);
    const opened = RunSession.open(fromLink.plan, fromLink.to, { ...sessionOptions, ...(shell === undefined ? {} : { shell }) });
    if (!opened.ok) return demoSession(demo, params, sessionOptions, { title: LINK_TITLE, messages: [...opened.errors.slice(0, 10), FALLBACK] });
    return { ok: true, session: opened.session, params };
  }

  // Not a link: the address's scenario, loaded exactly as the lab loads it, keeping its text for editing and sharing.
  let fetchedText: string | undefined;
  const capture: FetchText = async (u) => {
    const f = await fetcher(u);
    fetchedText = f.text;
    return f;
  };
  const opened = await openWorld(href, demo, capture, defaultSpeed);
  if (!opened.ok) return opened;
  const text = opened.params.scenarioUrl === undefined ? demo.text : (fetchedText ?? '');
  const session = RunSession.open(freshPlan(opened.file, text, opened.world.seed), undefined, { ...options, speed: opened.params.speed });
  if (!session.ok) return { ok: false, title: `The scenario ${opened.file} could not be started`, messages: session.errors };
  return { ok: true, session: session.session, params: opened.params };
}
