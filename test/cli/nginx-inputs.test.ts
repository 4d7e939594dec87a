import { describe, expect, it } from 'vitest';
import { behaviourAt, parseBackends } from '../../src/cli/nginx/backends';
import { InputError, parseJson } from '../../src/cli/nginx/json';
import { parseRequests } from '../../src/cli/nginx/requests';

function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('the JSON reader', () => {
  it('names the line where a syntax error is noticed, several lines into the file', () => {
    const e = errorOf(() => parseJson('{\n  "a": 1,\n  "b": 2\n  "c": 3\n}', 'x.json'));
    expect(e.message).toBe(`x.json:4: expected ',' or '}' in object, found character "\\""`);
  });

  it('rejects trailing garbage after the value', () => {
    expect(errorOf(() => parseJson('{} x', 'x.json')).line).toBe(1);
  });

  it('keeps the line of each key for later checks', () => {
    const node = parseJson('{\n"a": 1,\n\n"b": "x"}', 'x.json');
    expect(node.kind === 'object' && node.entries.map(([k, , line]) => [k, line])).toEqual([
      ['a', 2],
      ['b', 4],
    ]);
  });
});

describe('BACKENDS.json', () => {
  it('reads every behaviour form', () => {
    const b = parseBackends(
      JSON.stringify({
        '10.0.0.1:80': 'ok',
        '10.0.0.2:80': 'refuse',
        '10.0.0.3:80': 'hang',
        '10.0.0.4:80': { status: 503 },
        '10.0.0.5:80': { delayMs: 250 },
      }),
      'b.json',
    );
    expect(behaviourAt(b, '10.0.0.1:80', 0)).toEqual({ kind: 'respond', status: 200, delayMs: 0 });
    expect(behaviourAt(b, '10.0.0.2:80', 0)).toEqual({ kind: 'refuse' });
    expect(behaviourAt(b, '10.0.0.3:80', 0)).toEqual({ kind: 'hang' });
    expect(behaviourAt(b, '10.0.0.4:80', 0)).toEqual({ kind: 'respond', status: 503, delayMs: 0 });
    expect(behaviourAt(b, '10.0.0.5:80', 0)).toEqual({ kind: 'respond', status: 200, delayMs: 250 });
  });

  it('refuses on an address that is not listed', () => {
    expect(behaviourAt(parseBackends('{}', 'b.json'), '10.9.9.9:80', 0)).toEqual({ kind: 'refuse' });
  });

  it('switches behaviour at each fromMs of a list, refusing before the first', () => {
    const b = parseBackends(
      '{"10.0.0.1:80": [{"fromMs": 1000, "behaviour": "hang"}, {"fromMs": 3000, "behaviour": {"status": 200}}]}',
      'b.json',
    );
    expect(behaviourAt(b, '10.0.0.1:80', 999).kind).toBe('refuse');
    expect(behaviourAt(b, '10.0.0.1:80', 1000).kind).toBe('hang');
    expect(behaviourAt(b, '10.0.0.1:80', 2999).kind).toBe('hang');
    expect(behaviourAt(b, '10.0.0.1:80', 3000)).toEqual({ kind: 'respond', status: 200, delayMs: 0 });
  });

  it('names the line of an unknown behaviour', () => {
    const e = errorOf(() => parseBackends('{\n  "10.0.0.1:80": "ok",\n  "10.0.0.2:80": "oky"\n}', 'b.json'));
    expect(e.line).toBe(3);
    expect(e.message).toContain('unknown behaviour "oky"');
  });

  it('rejects a key that is not ADDRESS:PORT', () => {
    expect(errorOf(() => parseBackends('{"backend:80": "ok"}', 'b.json')).message).toContain('"backend:80" is not an IPv4 ADDRESS:PORT');
  });

  it('rejects a list whose fromMs does not increase', () => {
    const e = errorOf(() =>
      parseBackends('{"10.0.0.1:80": [\n{"fromMs": 5, "behaviour": "ok"},\n{"fromMs": 5, "behaviour": "hang"}]}', 'b.json'),
    );
    expect(e.line).toBe(3);
  });

  it('rejects a status outside 200-599', () => {
    expect(errorOf(() => parseBackends('{"10.0.0.1:80": {"status": 99}}', 'b.json')).message).toContain('"status"');
  });
});

describe('REQUESTS.jsonl', () => {
  it('needs only atMs and uri', () => {
    expect(parseRequests('{"atMs": 0, "uri": "/"}\n', 'r.jsonl')).toEqual([{ line: 1, atMs: 0, uri: '/', headers: [] }]);
  });

  it('skips blank lines and numbers the others by their place in the file', () => {
    const r = parseRequests('\n{"atMs": 0, "uri": "/a"}\n\n{"atMs": 5, "uri": "/b"}\n', 'r.jsonl');
    expect(r.map((x) => x.line)).toEqual([2, 4]);
  });

  it('reports a broken line with its number', () => {
    const e = errorOf(() => parseRequests('{"atMs": 0, "uri": "/"}\n{"atMs": 0, "uri": "/"\n', 'r.jsonl'));
    expect(e.message).toBe(`r.jsonl:2: expected ',' or '}' in object, found end of input`);
  });

  it('reports a missing uri', () => {
    expect(errorOf(() => parseRequests('{"atMs": 0}', 'r.jsonl')).message).toBe('r.jsonl:1: missing "uri"');
  });

  it('allows a body only with POST, PUT or PATCH', () => {
    expect(parseRequests('{"atMs": 0, "uri": "/", "method": "PUT", "body": "x"}', 'r.jsonl')[0]?.body).toBe('x');
    expect(errorOf(() => parseRequests('{"atMs": 0, "uri": "/", "body": "x"}', 'r.jsonl')).message).toContain('not GET');
  });

  it('rejects unknown fields rather than ignoring them', () => {
    expect(errorOf(() => parseRequests('{"atMs": 0, "uri": "/", "hots": "a"}', 'r.jsonl')).message).toContain('unknown field "hots"');
  });

  it('keeps headers in order and refuses the ones trafficlab sets itself', () => {
    const r = parseRequests('{"atMs": 0, "uri": "/", "headers": {"X-B": "2", "X-A": "1"}}', 'r.jsonl');
    expect(r[0]?.headers).toEqual([
      ['X-B', '2'],
      ['X-A', '1'],
    ]);
    expect(errorOf(() => parseRequests('{"atMs": 0, "uri": "/", "headers": {"Host": "a"}}', 'r.jsonl')).message).toContain('"host"');
  });
});
