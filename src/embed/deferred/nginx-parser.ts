/**
 * The nginx configuration parser as the embed loads it on demand (see
 * nginx-config.ts): its own chunk, so what loads it is named in the build's
 * manifest (test/embed/size.test.ts) even though a scenario given as YAML
 * brings the same parser with it.
 */
export { isFullConfig, parseNginxConfig } from '../../models/nginx/config';
