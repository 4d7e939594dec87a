import { describe, expect, it } from 'vitest';
import { headerPlan, passes } from '../../../../src/models/nginx/routing/headerPlan';
import { loc, proxy } from './builders';

describe('the header plan of a proxying location', () => {
  it('lists proxy_set_header fields first, then the defaults they do not name, without the always-empty ones', () => {
    const plan = headerPlan(
      loc('/p/', {
        proxyPass: proxy('http://up'),
        proxySetHeaders: [
          ['X-Real-IP', '$remote_addr'],
          ['X-Static', 'yes'],
          ['Accept-Encoding', ''],
          ['X-Bad', 'a${b'],
        ],
      }),
    );
    expect(plan.fields).toEqual([
      { kind: 'template', name: 'X-Real-IP', template: '$remote_addr' },
      { kind: 'fixed', field: ['X-Static', 'yes'] },
      // A template nginx would reject is sent as written.
      { kind: 'fixed', field: ['X-Bad', 'a${b'] },
      { kind: 'template', name: 'Host', template: '$proxy_host' },
      { kind: 'fixed', field: ['Connection', 'close'] },
      { kind: 'body', name: 'Content-Length' },
    ]);
  });

  it('keeps back a client field named by any planned field, also an empty or default one, in any spelling', () => {
    const plan = headerPlan(loc('/q/', { proxyPass: proxy('http://up'), proxySetHeaders: [['Accept-Encoding', '']] }));
    expect(passes(plan, 'accept-encoding')).toBe(false);
    expect(passes(plan, 'Transfer-Encoding')).toBe(false);
    expect(passes(plan, 'UPGRADE')).toBe(false);
    expect(passes(plan, 'host')).toBe(false);
    expect(passes(plan, 'Accept')).toBe(true);
    expect(passes(plan, 'Accept')).toBe(true);
  });

  it('lets proxy_set_header replace a default, whatever its case', () => {
    const plan = headerPlan(loc('/r/', { proxyPass: proxy('http://up'), proxySetHeaders: [['host', '$host'], ['CONNECTION', '']] }));
    expect(plan.fields).toEqual([
      { kind: 'template', name: 'host', template: '$host' },
      { kind: 'body', name: 'Content-Length' },
    ]);
  });
});
