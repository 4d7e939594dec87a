import { describe, expect, it } from 'vitest';
import { FAULT_KINDS } from '../../src/scenario';
import { describeLessonCommand } from '../../src/lessons/play';
import { crashLesson, errorsOf, load } from './lesson-text';

/** The crash lesson with its one fault replaced by `fault` (a flow mapping). */
const withFault = (fault: string): string => crashLesson.replace('{ at: 5s, crash: app }', fault);

describe('lesson commands', () => {
  it('take every fault kind the full world accepts', () => {
    for (const kind of FAULT_KINDS) {
      const settings = kind === 'dns-ttl' ? ', ttl: 5' : kind === 'dns-record' ? ', value: 10.0.1.5' : kind === 'scale' ? ', replicas: 2' : '';
      expect(load(withFault(`{ at: 5s, ${kind}: x${settings} }`)).steps[0]?.faults[0]?.command.kind, kind).toBe(kind);
    }
  });

  it('read the settings under the keys of the scenario faults list', () => {
    const faults = (fault: string) => load(withFault(fault)).steps[0]?.faults[0]?.command;
    expect(faults('{ at: 5s, dns-ttl: www.example.com, ttl: 5 }')).toEqual({ kind: 'dns-ttl', target: 'www.example.com', ttlS: 5 });
    expect(faults('{ at: 5s, dns-record: www.example.com, value: alias:web }')).toEqual({ kind: 'dns-record', target: 'www.example.com', value: 'alias:web' });
    expect(faults('{ at: 5s, nlb-health-check: web, interval: 10s, timeout: 6s, healthy-threshold: 2, unhealthy-threshold: 4 }')).toEqual({
      kind: 'nlb-health-check',
      target: 'web',
      intervalS: 10,
      timeoutS: 6,
      healthyThreshold: 2,
      unhealthyThreshold: 4,
    });
    expect(faults('{ at: 5s, scale: api, replicas: 5, for: 10s }')).toEqual({ kind: 'scale', target: 'api', replicas: 5, forMs: 10_000 });
    expect(faults('{ at: 5s, cut-link: "nlb-eu-west-1a|node-1", for: 20s }')).toEqual({ kind: 'cut-link', target: 'nlb-eu-west-1a|node-1', forMs: 20_000 });
  });

  it('take settings in a solution and in what the student may give', () => {
    const lesson = load(
      crashLesson
        .replace('commands: [{ recover: app }]\n    goals', 'commands: [{ recover: app }, { scale: api, replicas: 1 }]\n    goals')
        .replace('commands: [{ at: 8s, recover: app }]', 'commands: [{ at: 8s, recover: app }, { at: 9s, scale: api, replicas: 1 }]'),
    );
    expect(lesson.steps[0]?.allow.commands).toContainEqual({ kind: 'scale', target: 'api', replicas: 1 });
    expect(lesson.steps[0]?.solution.commands.map((c) => c.command)).toContainEqual({ kind: 'scale', target: 'api', replicas: 1 });
  });

  it('refuse a setting out of its range, on the wrong kind, or missing, as the scenario does', () => {
    expect(errorsOf(withFault('{ at: 5s, nlb-health-check: web, interval: 2500ms }'))[0]).toMatchObject({ path: 'steps[0].faults[0].interval' });
    expect(errorsOf(withFault('{ at: 5s, crash: app, ttl: 5 }'))[0]?.message).toBe('expected ttl only on dns-ttl, got it on crash');
    expect(errorsOf(withFault('{ at: 5s, scale: api }'))[0]?.message).toBe('missing; scale needs replicas');
    expect(errorsOf(withFault('{ at: 5s, scale: api, replicas: -1 }'))[0]?.path).toBe('steps[0].faults[0].replicas');
  });

  it('suggest a setting key for a typo', () => {
    expect(errorsOf(withFault('{ at: 5s, scale: api, replica: 2 }'))[0]?.message).toMatch(/\(did you mean replicas\?\)$/);
  });
});

describe('a lesson command in problem messages', () => {
  it('reads as the lesson file writes it, with its settings and their units', () => {
    expect(describeLessonCommand({ kind: 'crash', target: 'app' })).toBe('{ crash: app }');
    expect(describeLessonCommand({ kind: 'slow', target: 'api/0', byMs: 500, forMs: 2000 })).toBe('{ slow: api/0, by: 500 ms, for: 2000 ms }');
    expect(describeLessonCommand({ kind: 'dns-ttl', target: 'www.example.com', ttlS: 5 })).toBe('{ dns-ttl: www.example.com, ttl: 5 s }');
    expect(describeLessonCommand({ kind: 'dns-record', target: 'www.example.com', value: 'alias:web' })).toBe('{ dns-record: www.example.com, value: alias:web }');
    expect(describeLessonCommand({ kind: 'nlb-health-check', target: 'web', intervalS: 10, unhealthyThreshold: 2 })).toBe('{ nlb-health-check: web, interval: 10 s, unhealthy-threshold: 2 }');
    expect(describeLessonCommand({ kind: 'scale', target: 'api', replicas: 5 })).toBe('{ scale: api, replicas: 5 }');
  });
});
