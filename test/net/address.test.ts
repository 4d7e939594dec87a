import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatEndpoint, isIpv4, isPort } from '../../src/net';

describe('addresses', () => {
  it('accepts dotted IPv4 addresses with four octets from 0 to 255', () => {
    for (const ok of ['198.51.100.10', '0.0.0.0', '255.255.255.255', '10.0.1.2']) expect(isIpv4(ok)).toBe(true);
  });

  it('rejects anything else, including leading zeros and out-of-range octets', () => {
    for (const bad of ['256.1.1.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', 'a.b.c.d', '', '1.2.3.-4', ' 1.2.3.4']) {
      expect(isIpv4(bad), bad).toBe(false);
    }
  });

  it('agrees with reading the text as four dot-separated octets matched by a pattern', () => {
    const octet = /^(?:0|[1-9][0-9]{0,2})$/;
    const reference = (text: string) => {
      const parts = text.split('.');
      return parts.length === 4 && parts.every((p) => octet.test(p) && Number(p) <= 255);
    };
    const texts = fc.stringMatching(/^[0-9.a ]{0,18}$/);
    const likely = fc.array(fc.stringMatching(/^[0-9]{0,4}$/), { minLength: 3, maxLength: 5 }).map((p) => p.join('.'));
    fc.assert(fc.property(fc.oneof(texts, likely), (text) => isIpv4(text) === reference(text)), { numRuns: 2000 });
    expect(['00.1.2.3', '1.2.3.4.', '.1.2.3', '1..2.3', '300.1.1.1', '1.2.3.0255'].map(isIpv4)).toEqual([false, false, false, false, false, false]);
  });

  it('accepts ports 1 to 65535 only', () => {
    expect([0, 1, 80, 65535, 65536, 8.5].map(isPort)).toEqual([false, true, true, true, false, false]);
  });

  it('writes an endpoint as ip:port', () => {
    expect(formatEndpoint('198.51.100.10', 80)).toBe('198.51.100.10:80');
  });
});
