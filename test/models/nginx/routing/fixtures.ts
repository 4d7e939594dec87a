/**
 * Configurations from the behaviour vectors (spec/behaviour.md §6), built
 * with the test builders, shared by several routing tests.
 */
import { loc, proxy, server } from './builders';

/** Vector 17's server: the location table. */
export const vector17 = server({
  names: ['shop.example.com'],
  locations: [
    loc('= /'),
    loc('/'),
    loc('/documents/'),
    loc('^~ /images/'),
    loc('~* \\.(gif|jpg|jpeg)$'),
    loc('~ ^/api/v[0-9]+/'),
    loc('/api/', {}, [loc('~ \\.json$')]),
    loc('/static/', { root: '/srv/www' }),
    loc('/auth/', { proxyPass: proxy('http://auth/') }),
    loc('/raw/', { proxyPass: proxy('http://auth') }),
    loc('/v1/', { proxyPass: proxy('http://auth/api/') }),
    loc('/noslash', { proxyPass: proxy('http://auth/') }),
    loc('= /exact-no-slash'),
  ],
});
