/** A client machine on a real engine with a port that only records, for the client tests. */
import { createActor } from 'xstate';
import { Engine, Random } from '../../../src/sim';
import { clientMachine, type Arrival, type ClientPort, type Outcome } from '../../../src/models/client';

export interface Recorded {
  sent: [number, string][];
  outcomes: [number, Outcome][];
  states: [number, string, string][];
}

export function startClient(arrival: Arrival, options: { timeoutMs?: number; seed?: number } = {}) {
  const engine = new Engine();
  const recorded: Recorded = { sent: [], outcomes: [], states: [] };
  const port: ClientPort = {
    now: () => engine.now,
    send: (id) => void recorded.sent.push([engine.now, id]),
    settle: (o) => void recorded.outcomes.push([engine.now, o]),
    stateChanged: (from, to) => void recorded.states.push([engine.now, from, to]),
  };
  const actor = createActor(clientMachine, {
    clock: engine.clock,
    input: {
      clientId: 'browser',
      arrival,
      timeoutMs: options.timeoutMs ?? 10_000,
      rng: new Random(options.seed ?? 1).stream('client:browser'),
      port,
    },
  }).start();
  return { engine, actor, recorded };
}
