import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AWS_API_DEFAULTS, lbcLocalDefaults } from '../../../../src/models/nlb/healthcheck/defaults';
import { consensus, judgeProbe } from '../../../../src/models/nlb/healthcheck/judge';
import { matches, parseMatcher } from '../../../../src/models/nlb/healthcheck/matcher';

const http = lbcLocalDefaults(31000);

describe('judging one probe', () => {
  it('passes a TCP check on a completed handshake and fails it on refusal, reset or silence', () => {
    expect(judgeProbe(AWS_API_DEFAULTS, { outcome: 'connected' }).pass).toBe(true);
    expect(judgeProbe(AWS_API_DEFAULTS, { outcome: 'refused' })).toEqual({ pass: false, detail: 'connection refused' });
    expect(judgeProbe(AWS_API_DEFAULTS, { outcome: 'reset' }).pass).toBe(false);
    expect(judgeProbe(AWS_API_DEFAULTS, { outcome: 'timeout' })).toEqual({ pass: false, detail: 'no answer within 10 s' });
  });

  it('passes a TCP check whatever HTTP status follows the handshake', () => {
    expect(judgeProbe(AWS_API_DEFAULTS, { outcome: 'response', status: 503 }).pass).toBe(true);
  });

  it('passes an HTTP check on a status inside the matcher only', () => {
    expect(judgeProbe(http, { outcome: 'response', status: 200 })).toEqual({ pass: true, detail: 'HTTP 200' });
    expect(judgeProbe(http, { outcome: 'response', status: 399 }).pass).toBe(true);
    expect(judgeProbe(http, { outcome: 'response', status: 503 })).toEqual({ pass: false, detail: 'HTTP 503 (expected 200-399)' });
    expect(judgeProbe(http, { outcome: 'connected' }).pass).toBe(false);
  });
});

describe('matcher syntax', () => {
  it('accepts ranges and lists, and rejects codes outside 200–599', () => {
    const parsed = parseMatcher('200,202-204');
    expect(parsed.ok && [200, 201, 203, 205].map((s) => matches(parsed.ranges, s))).toEqual([true, false, true, false]);
    expect(parseMatcher('600').ok).toBe(false);
    expect(parseMatcher('2xx')).toEqual({ ok: false, error: 'expected HTTP codes like "200-399" or "200,202", got "2xx"' });
  });
});

describe('consensus over the NLB nodes', () => {
  it('passes a round exactly when more than half of the node probes pass', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }), (passes) => {
        const round = consensus(passes.map((pass) => ({ pass, detail: pass ? 'ok' : 'refused' })));
        const yes = passes.filter(Boolean).length;
        expect(round.pass).toBe(yes > passes.length - yes);
        expect(round.passed).toBe(yes);
      }),
    );
  });

  it('fails a 1–1 split between two nodes', () => {
    expect(consensus([{ pass: true, detail: 'ok' }, { pass: false, detail: 'refused' }]).pass).toBe(false);
  });

  it('explains a round by the most frequent answer among the deciding probes', () => {
    const round = consensus([
      { pass: false, detail: 'no answer within 10 s' },
      { pass: false, detail: 'connection refused' },
      { pass: false, detail: 'connection refused' },
    ]);
    expect(round.detail).toBe('connection refused');
  });
});
