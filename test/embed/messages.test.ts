import { describe, expect, it } from 'vitest';
import { parseFrameId, parseOrigin, readCommand } from '../../src/embed/messages';

describe('parseOrigin', () => {
  it('accepts one http or https origin, with or without a trailing slash', () => {
    expect(parseOrigin('https://course.example.org')).toEqual({ ok: true, origin: 'https://course.example.org' });
    expect(parseOrigin('http://127.0.0.1:8080/')).toEqual({ ok: true, origin: 'http://127.0.0.1:8080' });
  });

  it('means "post nothing, obey nothing" when absent', () => {
    expect(parseOrigin(null)).toEqual({ ok: true, origin: undefined });
    expect(parseOrigin('')).toEqual({ ok: true, origin: undefined });
  });

  it('refuses the wildcard, with the reason', () => {
    const result = parseOrigin('*');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/"\*" would send the events to any page/);
  });

  it('refuses a URL with a path, another scheme, or no scheme', () => {
    for (const value of ['https://course.example.org/week-1', 'ftp://example.org', 'course.example.org', 'javascript:alert(1)']) {
      const result = parseOrigin(value);
      expect(result.ok, value).toBe(false);
      expect(!result.ok && result.error, value).toMatch(/^origin: expected the origin of the page that embeds this frame/);
    }
  });
});

describe('readCommand', () => {
  it('reads the commands the frame obeys', () => {
    const base = { source: 'trafficlab', type: 'trafficlab:command' };
    expect(readCommand({ ...base, command: 'play' })).toEqual({ command: 'play' });
    expect(readCommand({ ...base, command: 'step' })).toEqual({ command: 'step' });
    expect(readCommand({ ...base, command: 'seek', ms: 1500 })).toEqual({ command: 'seek', ms: 1500 });
    expect(readCommand({ ...base, command: 'inject', fault: { kind: 'crash', target: 'app' } })).toEqual({
      command: 'inject',
      fault: { kind: 'crash', target: 'app' },
    });
  });

  it("ignores other scripts' messages and malformed commands", () => {
    expect(readCommand('play')).toBeUndefined();
    expect(readCommand(null)).toBeUndefined();
    expect(readCommand({ type: 'trafficlab:command', command: 'play' })).toBeUndefined();
    expect(readCommand({ source: 'trafficlab', type: 'trafficlab:command', command: 'rm -rf' })).toBeUndefined();
    expect(readCommand({ source: 'trafficlab', type: 'trafficlab:command', command: 'seek', ms: -1 })).toBeUndefined();
    expect(readCommand({ source: 'trafficlab', type: 'trafficlab:command', command: 'seek', ms: '10' })).toBeUndefined();
  });
});

describe('parseFrameId', () => {
  it('echoes short plain ids and drops anything else', () => {
    expect(parseFrameId('week-2.lab_1')).toBe('week-2.lab_1');
    expect(parseFrameId('<img src=x>')).toBeUndefined();
    expect(parseFrameId('x'.repeat(65))).toBeUndefined();
    expect(parseFrameId(null)).toBeUndefined();
  });
});
