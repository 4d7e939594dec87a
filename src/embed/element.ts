/**
 * <traffic-lab>: a trafficlab world in a course page.
 *
 * The element reads its attributes (options.ts), gets the scenario
 * (sources.ts), builds a Session, and mounts Embed.svelte in an open
 * shadow root styled by constructed sheets (styles.ts). It only runs while
 * some of it is on screen (embed-player.ts), and tells the page what
 * happens through `trafficlab:*` events (events.ts).
 */
import { mount } from 'svelte';
import type { WorldCommand } from '../scenario';
import { keyAction } from '../ui/keys';
import Embed from './Embed.svelte';
import { emitOn, type Emit } from './events';
import { parseFault } from './faults';
import { addHostSheets } from './host-styles';
import { registerBundledLessons } from './lessons';
import { EmbedModel } from './model.svelte';
import { ATTRIBUTES, needsReload, parseOptions, type AttributeName, type EmbedOptions } from './options';
import { openSession } from './open';
import type { Session } from './session.svelte';
import type { LessonStep } from './sources';
import { serveSheets } from './styles';

addHostSheets();
registerBundledLessons();

/**
 * Settles once the page's deferred and module scripts have run (they run
 * before DOMContentLoaded), so the listeners they add hear an instance's
 * first events even when this module ran before them. Also settles on
 * `load`, for a module imported after DOMContentLoaded but before `load`.
 */
const pageScriptsRan: Promise<void> =
  document.readyState === 'complete'
    ? Promise.resolve()
    : new Promise((resolve) => {
        document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
        window.addEventListener('load', () => resolve(), { once: true });
      });

export class TrafficLabElement extends HTMLElement {
  static readonly observedAttributes: readonly string[] = ATTRIBUTES;

  readonly #root: ShadowRoot;
  readonly #frame: HTMLDivElement;
  readonly #model = new EmbedModel();
  readonly #emit: Emit = emitOn(this);
  #mounted = false;
  #options: EmbedOptions | undefined;
  #session: Session | undefined;
  #lesson: LessonStep | undefined;
  #unfollow: (() => void) | undefined;
  #stopSheets: (() => void) | undefined;
  #observer: IntersectionObserver | undefined;
  #visible = false;
  /** Play asked for before the world was ready. */
  #wantPlay = false;
  /** Counts loads, so a slow fetch that finishes after a newer one is ignored. */
  #loads = 0;
  #changed = new Set<AttributeName>();
  #scheduled = false;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#frame = document.createElement('div');
    this.#frame.className = 'frame';
    this.#frame.addEventListener('keydown', (event) => this.#onKey(event));
    this.#root.append(this.#frame);
  }

  connectedCallback(): void {
    this.#stopSheets ??= serveSheets(this.#root);
    if (!this.#mounted) mount(Embed, { target: this.#frame, props: { model: this.#model } });
    this.#mounted = true;
    this.#observe();
    // First connection: read everything. Later ones: catch up with changes made while detached.
    if (this.#options === undefined) this.#schedule(...ATTRIBUTES);
    else if (this.#changed.size > 0) this.#schedule();
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#setVisible(false);
    this.#stopSheets?.();
    this.#stopSheets = undefined;
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (old !== value) this.#schedule(name as AttributeName);
  }

  // ——— the JavaScript API ———

  /** Run: at once when on screen, otherwise as soon as it scrolls into view (or once loaded). */
  play(): void {
    this.#wantPlay = true;
    this.#session?.player.play();
  }

  /** Stop running, and stay stopped when scrolled away and back. */
  pause(): void {
    this.#wantPlay = false;
    this.#session?.player.pause();
  }

  /** Run exactly one engine event (pausing first). */
  step(): void {
    this.#ready('step').step();
  }

  /** Show virtual time `ms`: an earlier moment from the record (Play then replays it), a later one by running the world. */
  seek(ms: number): void {
    this.#ready('seek').seek(ms);
  }

  /**
   * Inject a fault at the moment shown, e.g. `{ kind: 'crash', target: 'app' }`
   * (shown in the past: the run is replayed to there and continues from the
   * fault). Throws with what was expected when it is not one.
   */
  inject(fault: WorldCommand): void {
    this.#ready('inject').inject(parseFault(fault));
  }

  /** 'loading', 'ready' or 'error'. */
  get state(): 'loading' | 'ready' | 'error' {
    return this.#model.view.status;
  }

  /** Whether the simulation is running now. */
  get playing(): boolean {
    return this.#session?.player.playing ?? false;
  }

  /** The virtual time shown, in ms (earlier than the run's present after seeking back). */
  get now(): number {
    return this.#session?.player.viewT ?? 0;
  }

  // ——— inside ———

  #ready(method: string): Session {
    if (this.#session === undefined) throw new Error(`traffic-lab: ${method}() before the simulation is ready: wait for the trafficlab:ready event`);
    return this.#session;
  }

  /** Attribute changes come in bursts (the parser sets them one by one): handle them once, after the burst. */
  #schedule(...names: AttributeName[]): void {
    for (const name of names) this.#changed.add(name);
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      // A detached element builds nothing; connectedCallback picks the changes up.
      if (!this.isConnected) return;
      const changed = [...this.#changed];
      this.#changed.clear();
      this.#update(changed);
    });
  }

  #update(changed: AttributeName[]): void {
    const parsed = parseOptions((name) => this.getAttribute(name), document.baseURI);
    if (!parsed.ok) {
      this.#options = undefined;
      this.#fail('This <traffic-lab> has attributes it cannot use', parsed.errors);
      return;
    }
    const previous = this.#options;
    const options = parsed.options;
    this.#options = options;
    this.#model.controls = options.controls;
    this.#frame.style.height = options.height ?? '';
    if (previous === undefined || this.#session === undefined || changed.some(needsReload)) {
      void this.#load(options);
      return;
    }
    this.#session.player.speed = options.speed;
    if (changed.includes('autoplay') && options.autoplay) this.play();
  }

  async #load(options: EmbedOptions): Promise<void> {
    const load = ++this.#loads;
    this.#close();
    this.#model.view = { status: 'loading' };
    await pageScriptsRan;
    const opened = await openSession(options, { emit: this.#emit, onWorld: (world) => this.#follow(world) });
    if (load !== this.#loads) {
      // A newer load (or a failure) took over while this one was fetching.
      if (opened.ok) opened.session.destroy();
      return;
    }
    if (!opened.ok) return this.#fail(opened.title, opened.messages);
    const { session, lesson } = opened;
    this.#session = session;
    this.#lesson = lesson;
    this.#follow(session.world);
    this.#model.view = { status: 'ready', session, file: opened.file, lesson };
    session.player.setVisible(this.#visible);
    this.#emit('trafficlab:ready', { scenario: { name: opened.name, file: opened.file }, seed: opened.seed, lesson: lesson?.place });
    if (lesson !== undefined) this.#emit('trafficlab:stepchange', lesson.place);
    if (options.autoplay || this.#wantPlay) session.player.play();
  }

  /** Watch a world for the lesson step's goals and predictions (each world: seeking back builds a new one). */
  #follow(world: Session['world']): void {
    this.#unfollow?.();
    this.#unfollow = undefined;
    const lesson = this.#lesson;
    if (lesson?.follow === undefined) return;
    const place = lesson.place;
    this.#unfollow = lesson.follow(world, {
      goalMet: (goal) => this.#emit('trafficlab:goal', { ...place, goal: goal.id, description: goal.description, atMs: goal.atMs ?? world.now }),
      predictionAnswered: (p) => this.#emit('trafficlab:prediction', { ...place, prediction: p.id, answer: p.answer, correct: p.correct }),
    });
  }

  #close(): void {
    this.#unfollow?.();
    this.#unfollow = undefined;
    this.#session?.destroy();
    this.#session = undefined;
    this.#lesson = undefined;
  }

  #fail(title: string, messages: string[]): void {
    this.#loads++;
    this.#close();
    this.#model.view = { status: 'error', title, messages };
    this.#emit('trafficlab:error', { title, messages });
  }

  #observe(): void {
    if (this.#observer !== undefined) return;
    if (typeof IntersectionObserver === 'undefined') {
      this.#setVisible(true);
      return;
    }
    this.#observer = new IntersectionObserver((entries) => {
      const last = entries[entries.length - 1];
      if (last !== undefined) this.#setVisible(last.isIntersecting);
    });
    this.#observer.observe(this);
  }

  #setVisible(visible: boolean): void {
    this.#visible = visible;
    this.#session?.player.setVisible(visible);
  }

  /** S and . step, Space toggles, while focus is inside this lab; the page's own keys are left alone. */
  #onKey(event: KeyboardEvent): void {
    if (this.#session === undefined || this.#options?.controls === 'none') return;
    const target = event.composedPath()[0];
    const element = target instanceof HTMLElement ? target : undefined;
    const action = keyAction(event, element?.tagName ?? '', element?.isContentEditable ?? false);
    if (action === undefined) return;
    event.preventDefault();
    if (action === 'toggle') this.#session.player.toggle();
    else this.#session.player.step();
  }
}
