import { describe, expect, it } from 'vitest';
import { Engine, Trace } from '../../src/sim';
import { TraceView } from '../../src/ui/trace-view.svelte';

function setup(limit = 200) {
  const engine = new Engine();
  const trace = new Trace(() => engine.now);
  const view = new TraceView(trace, limit);
  const step = () => view.runEvent(() => engine.step(), () => ({ event: engine.eventsProcessed, t: engine.now }));
  return { engine, trace, view, step };
}

describe('TraceView', () => {
  it('files every record an event writes under that event', () => {
    const { engine, trace, view, step } = setup();
    engine.schedule(5, () => {
      trace.record({ kind: 'log', component: 'app', stream: 'access', line: 'a' });
      trace.record({ kind: 'log', component: 'app', stream: 'access', line: 'b' });
    });
    step();
    view.publish();
    expect(view.log).toHaveLength(1);
    expect(view.log[0]).toMatchObject({ event: 1, t: 5 });
    expect(view.log[0]?.records).toHaveLength(2);
  });

  it('gives an event that wrote nothing its own empty entry', () => {
    const { engine, view, step } = setup();
    engine.schedule(1, () => undefined);
    step();
    view.publish();
    expect(view.log.map((e) => [e.event, e.records.length])).toEqual([[1, 0]]);
  });

  it('adds no entry when there was no event to run', () => {
    const { view, step } = setup();
    expect(step()).toBe(false);
    view.publish();
    expect(view.log).toEqual([]);
  });

  it('groups records written between events (a command, setup) apart from any event', () => {
    const { trace, view } = setup();
    trace.record({ kind: 'command', command: 'crash', target: 'app', why: 'instructor' });
    trace.record({ kind: 'state', component: 'app', from: 'up', to: 'crashed', why: 'crash' });
    view.publish();
    expect(view.log).toHaveLength(1);
    expect(view.log[0]?.event).toBeUndefined();
    expect(view.log[0]?.records.map((r) => r.kind)).toEqual(['command', 'state']);
  });

  it('includes the records the trace held before the view was made', () => {
    const engine = new Engine();
    const trace = new Trace(() => engine.now);
    trace.record({ kind: 'log', component: 'app', stream: 'error', line: 'started' });
    expect(new TraceView(trace).log).toHaveLength(1);
  });

  it('keeps only the newest entries', () => {
    const { engine, view, step } = setup(3);
    for (let i = 0; i < 10; i++) engine.schedule(i, () => undefined);
    for (let i = 0; i < 10; i++) step();
    view.publish();
    expect(view.log.map((e) => e.event)).toEqual([8, 9, 10]);
  });

  it('hands each record to publish once, so narration never repeats itself', () => {
    const { trace, view } = setup();
    trace.record({ kind: 'log', component: 'app', stream: 'access', line: 'a' });
    expect(view.publish()).toHaveLength(1);
    expect(view.publish()).toHaveLength(0);
  });
});
