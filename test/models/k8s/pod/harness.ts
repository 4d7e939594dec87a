/** A pod machine on an engine, with a scripted app answering its probes. */
import { createActor } from 'xstate';
import { Engine } from '../../../../src/sim';
import { defaultContainer } from '../../../../src/models/k8s/api/defaults';
import type { Container } from '../../../../src/models/k8s/api/types';
import type { ProbeAnswer, ProbeRequest } from '../../../../src/models/k8s/pod/probe-judge';
import { podMachine } from '../../../../src/models/k8s/pod/pod.machine';
import type { PodTiming } from '../../../../src/models/k8s/pod/pod.types';
import { podView } from '../../../../src/models/k8s/pod/view';

/** How the app answers a probe at virtual time `now`; 'silent' never answers. */
export type App = (now: number, request: ProbeRequest) => ProbeAnswer | 'silent';

export const healthy: App = () => ({ outcome: 'http', status: 200 });

export interface Seen {
  t: number;
  what: string;
  why: string;
}

export function runPod(container: Container, app: App, timing: Partial<PodTiming> = {}, grace = 30) {
  const engine = new Engine();
  const states: Seen[] = [];
  const readiness: Seen[] = [];
  const events: Seen[] = [];
  const starts: number[] = [];
  const exits: { t: number; code: number; why: string }[] = [];
  const probes: { t: number; kind: string }[] = [];
  const actor = createActor(podMachine, {
    clock: engine.clock,
    input: {
      name: 'web-7c5ddbdf54-x2k4p',
      namespace: 'default',
      container: defaultContainer(container),
      terminationGracePeriodSeconds: grace,
      node: 'node-1',
      ip: '10.244.0.2',
      timing: { schedulingMs: 0, containerCreatingMs: 0, exitAfterSigtermMs: 0, ...timing },
      port: {
        now: () => engine.now,
        ask: (request, answer) => {
          probes.push({ t: engine.now, kind: request.kind });
          const a = app(engine.now, request);
          // Answers take 1 ms, like a request on loopback.
          if (a !== 'silent') engine.schedule(1, () => answer(a));
        },
        state: (from, to, why) => states.push({ t: engine.now, what: `${from}→${to}`, why }),
        event: (type, reason, message) => events.push({ t: engine.now, what: `${type} ${reason}`, why: message }),
        containerStarted: () => starts.push(engine.now),
        containerStopping: () => {},
        containerExited: (_g, code, why) => exits.push({ t: engine.now, code, why }),
        readiness: (ready, why) => readiness.push({ t: engine.now, what: ready ? 'ready' : 'not ready', why }),
        gone: () => {},
      },
    },
  });
  actor.start();
  const view = () => {
    const snap = actor.getSnapshot();
    const top = typeof snap.value === 'string' ? snap.value : Object.keys(snap.value)[0]!;
    return podView(top, snap.context);
  };
  return { engine, actor, states, readiness, events, starts, exits, probes, view };
}

export const web = (extra: Partial<Container> = {}): Container => ({
  name: 'web',
  image: 'nginx:1.25',
  ports: [{ name: 'http', containerPort: 80 }],
  ...extra,
});
