import { describe, expect, it } from 'vitest';
import { locationLabelOf, locationLines, matchedLocation } from '../../../src/ui/inspector/locations';
import { configOf } from '../../../src/ui/inspector/config';
import type { ComponentSnapshot } from '../../../src/scenario';

const conf = `server {
    listen 80;
    location / {
        proxy_pass http://frontend;
    }
    location /api/ {   # the API
        location ~ \\.json$ { return 200; }
        proxy_pass http://api-service;
    }
    location = /health { return 200; }
}
`;

describe('locations in nginx.conf', () => {
  it('reads the label of a location line, modifiers and all', () => {
    expect(locationLabelOf('    location /api/ {   # the API')).toBe('/api/');
    expect(locationLabelOf('location = /health { return 200; }')).toBe('= /health');
    expect(locationLabelOf('listen 80;')).toBeUndefined();
  });

  it('finds the lines of a block by its braces, nested blocks included', () => {
    expect(locationLines(conf, '/api/')).toEqual({ first: 6, last: 9 });
    expect(locationLines(conf, '= /health')).toEqual({ first: 10, last: 10 });
    expect(locationLines(conf, '/nope/')).toBeUndefined();
  });

  it('takes the location a decision names last, skipping the quoted URI', () => {
    expect(matchedLocation('longest prefix match "/api/"', conf)).toBe('/api/');
    expect(matchedLocation('longest prefix match "/api/", then regex "~ \\.json$" inside it matched', conf)).toBe('~ \\.json$');
    expect(matchedLocation('"/api" is "/api/" without its trailing slash', conf)).toBe('/api/');
    expect(matchedLocation('no location matches "/x"', conf)).toBeUndefined();
  });
});

describe('configOf', () => {
  const base = { id: 'n', kind: 'nginx', label: '', address: '', state: '', counters: {} };
  it('reads a configuration from a text or a file-and-text field, and nothing otherwise', () => {
    expect(configOf({ ...base, config: 'events {}' } as unknown as ComponentSnapshot)?.text).toBe('events {}');
    expect(configOf({ ...base, config: { file: '/etc/nginx/nginx.conf', text: 'x' } } as unknown as ComponentSnapshot)?.file).toBe('/etc/nginx/nginx.conf');
    expect(configOf(base as ComponentSnapshot)).toBeUndefined();
  });
});
