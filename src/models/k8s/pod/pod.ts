/**
 * A pod in a running cluster: the pod machine on the engine clock, its view
 * for `kubectl`, and the translation of the machine's reports into the words
 * a student knows (`ContainerCreating`, `CrashLoopBackOff`, `Ready`).
 */
import { createActor, type Actor } from 'xstate';
import type { Engine } from '../../../sim';
import type { DefaultedContainer } from '../api/types';
import type { PodRow } from './kubectl';
import { podRow } from './kubectl';
import type { AskProbe } from './probe.machine';
import { podMachine } from './pod.machine';
import type { PodEvent, PodTiming } from './pod.types';
import type { PodView } from './view';
import { podView } from './view';

/** A pod as the world sees it, in every hook. */
export interface PodRef {
  readonly name: string;
  readonly namespace: string;
  /** `namespace/deployment` of the owner. */
  readonly owner: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly node: string;
  readonly ip: string;
  readonly container: DefaultedContainer;
}

/** What a pod reports to the cluster. */
export interface PodHooks {
  ask: AskProbe;
  lifecycle(pod: PodRuntime, from: string, to: string, why: string): void;
  event(pod: PodRuntime, type: 'Normal' | 'Warning', reason: string, message: string): void;
  readiness(pod: PodRuntime, ready: boolean, why: string): void;
  started(pod: PodRuntime, generation: number): void;
  stopping(pod: PodRuntime, generation: number, why: string): void;
  exited(pod: PodRuntime, generation: number, exitCode: number, why: string): void;
  gone(pod: PodRuntime, why: string): void;
}

/** What a pod is created with. */
export interface PodInit {
  readonly ref: PodRef;
  readonly terminationGracePeriodSeconds: number;
  readonly timing: PodTiming;
  /** When the pod object was created, if before now (a pod that waited Pending for a node). */
  readonly createdAt?: number;
}

/** Machine state names → what `kubectl get pods` would call them. */
function label(state: string, exitCode: number | undefined, deleted: boolean): string {
  // kubectl prints Terminating for any pod with a deletion timestamp, whatever its container does.
  if (deleted && state !== 'gone') return 'Terminating';
  switch (state) {
    case 'pending':
      return 'Pending';
    case 'creating':
      return 'ContainerCreating';
    case 'running':
      return 'Running';
    case 'killing':
      return 'Running (killing)';
    case 'terminating':
      return 'Terminating';
    case 'exited':
      return exitCode === 0 ? 'Completed' : 'Error';
    case 'backOff':
      return 'CrashLoopBackOff';
    case 'gone':
      return 'Gone';
    default:
      return state;
  }
}

/** One pod: its machine on the engine clock, and its status for kubectl. */
export class PodRuntime {
  readonly ref: PodRef;
  readonly createdAt: number;
  private readonly actor: Actor<typeof podMachine>;
  private lastExitCode: number | undefined;
  private deleted = false;
  private readySinceMs: number | undefined;
  /** Deletion timestamp set while the kubelet could not be told (its node is cut off). */
  private markedAt: number | undefined;

  constructor(
    init: PodInit,
    private readonly engine: Engine,
    hooks: PodHooks,
  ) {
    this.ref = init.ref;
    this.createdAt = init.createdAt ?? engine.now;
    this.actor = createActor(podMachine, {
      clock: engine.clock,
      input: {
        name: init.ref.name,
        namespace: init.ref.namespace,
        container: init.ref.container,
        terminationGracePeriodSeconds: init.terminationGracePeriodSeconds,
        node: init.ref.node,
        ip: init.ref.ip,
        timing: init.timing,
        port: {
          now: () => engine.now,
          ask: hooks.ask,
          state: (from, to, why) => {
            const before = from === 'running' && to === 'terminating' ? false : this.deleted;
            hooks.lifecycle(this, label(from, this.lastExitCode, before), label(to, this.lastExitCode, this.deleted), why);
          },
          event: (type, reason, message) => hooks.event(this, type, reason, message),
          containerStarted: (generation) => hooks.started(this, generation),
          containerStopping: (generation, why) => hooks.stopping(this, generation, why),
          containerExited: (generation, exitCode, why) => {
            this.lastExitCode = exitCode;
            hooks.exited(this, generation, exitCode, why);
          },
          readiness: (ready, why) => {
            this.readySinceMs = ready ? engine.now : undefined;
            hooks.readiness(this, ready, why);
          },
          gone: (why) => hooks.gone(this, why),
        },
      },
    });
  }

  start(): void {
    this.actor.start();
  }

  get name(): string {
    return this.ref.name;
  }

  /** When the pod last became ready, if it is ready. */
  get readySince(): number | undefined {
    return this.readySinceMs;
  }

  /**
   * The API marks the pod for deletion, but its kubelet cannot hear of it
   * (the node is cut off): kubectl shows Terminating while the container runs
   * on. `send({ type: 'DELETE' })` later, when the kubelet is back.
   */
  markDeleted(): void {
    this.deleted = true;
    this.markedAt ??= this.engine.now;
  }

  send(event: PodEvent): void {
    if (event.type === 'DELETE') this.deleted = true;
    if (this.actor.getSnapshot().status === 'active') this.actor.send(event);
  }

  view(): PodView {
    const snap = this.actor.getSnapshot();
    const top = typeof snap.value === 'string' ? snap.value : Object.keys(snap.value)[0]!;
    const view = podView(top, snap.context);
    return view.deletedAt === undefined && this.markedAt !== undefined ? { ...view, deletedAt: this.markedAt } : view;
  }

  row(): PodRow {
    return podRow(this.view(), this.createdAt, this.engine.now);
  }

  /** The machine's state value, for an inspector. */
  get state(): unknown {
    return this.actor.getSnapshot().value;
  }
}
