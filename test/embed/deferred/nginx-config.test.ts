import { describe, expect, it } from 'vitest';
import { parseNginxConfig as realParse } from '../../../src/models/nginx/config';
import { findLesson } from '../../../src/embed/lesson-chunks';
import { LESSONS } from '../budget';
import { nginxSpecs, nginxTemplate } from '../../../src/embed/build/nginx-templates';
import { fromTemplate, hasNginxTemplate, loadNginxParser, parseNginxConfig, registerNginxTemplates } from '../../../src/embed/deferred/nginx-config';
import type { NginxSpec } from '../../../src/scenario/types';

/** A spec for one conf.d file (the template reads only files and entry). */
const spec = (conf: string): NginxSpec => ({ files: { 'conf.d/default.conf': conf }, entry: 'conf.d/default.conf', checked: undefined as never, docs: {} });

const UPSTREAMS = `upstream backend {
    server app-a:3000 max_fails=2;
    server 10.0.1.12:3000 backup;
    server app-b:3000;
}
server {
    listen 80;
    location / { proxy_pass http://backend; }
    location /auth { proxy_pass http://auth-service:8080; }
}
`;

/** A resolver from a table, recording what it was asked. */
function table(answers: Record<string, string[] | undefined>) {
  const asked: string[] = [];
  return { asked, resolve: (host: string) => (asked.push(host), answers[host]) };
}

describe("the embed's nginx configurations parsed at build time", () => {
  it('gives, once names resolve, the configuration the parser gives, asking the same names in the same order', () => {
    const template = nginxTemplate(spec(UPSTREAMS));
    expect(template?.calls).toEqual(['app-a', 'app-b', 'auth-service']);
    const answers = { 'app-a': ['10.0.2.1', 'fd00::1', '10.0.2.2'], 'app-b': ['10.0.3.1'], 'auth-service': ['10.96.0.10'] };
    const viaTemplate = table(answers);
    const viaParser = table(answers);
    const filled = fromTemplate(template!, viaTemplate.resolve);
    expect(filled).toEqual(realParse({ ...spec(UPSTREAMS).files }, 'conf.d/default.conf', { resolve: viaParser.resolve }));
    expect(viaTemplate.asked).toEqual(viaParser.asked);
    // The peers really are the answers (so the comparison above compares something).
    expect(filled.ok && filled.config.upstreams.find((u) => u.name === 'backend')?.servers[0]?.addresses).toEqual(['10.0.2.1:3000', '10.0.2.2:3000', '[fd00::1]:3000']);
  });

  it('fails as the parser does when a name does not resolve, without asking for the names after it', () => {
    const template = nginxTemplate(spec(UPSTREAMS))!;
    for (const missing of ['app-a', 'app-b', 'auth-service']) {
      const answers = { 'app-a': ['10.0.2.1'], 'app-b': ['10.0.3.1'], 'auth-service': ['10.96.0.10'], [missing]: undefined };
      const viaTemplate = table(answers);
      const viaParser = table(answers);
      const result = fromTemplate(template, viaTemplate.resolve);
      expect(result.ok).toBe(false);
      expect(result).toEqual(realParse({ ...spec(UPSTREAMS).files }, 'conf.d/default.conf', { resolve: viaParser.resolve }));
      expect(viaTemplate.asked).toEqual(viaParser.asked);
    }
  });

  it('makes no template for a configuration whose parse depends on the addresses (a host name in listen)', () => {
    expect(nginxTemplate(spec('server { listen app-a:80; location / { return 200; } }\n'))).toBeUndefined();
    expect(nginxTemplate(spec('server { listen 80; location / { return 200; } }\n'))).toBeDefined();
  });

  it('has a template for every nginx configuration of every bundled lesson, so no lesson step loads the parser', async () => {
    let count = 0;
    for (const id of LESSONS) {
      for (const step of (await findLesson(id))?.steps ?? []) {
        for (const s of nginxSpecs(step.scenario)) {
          expect(nginxTemplate(s), `lesson ${id}: nginx ${s.entry}`).toBeDefined();
          count++;
        }
      }
    }
    expect(count).toBeGreaterThan(10);
  });

  it('starts nginx from a registered template before the parser loads, refuses other files in words, and parses any once loaded', async () => {
    const known = spec('server { listen 80; location / { proxy_pass http://app:3000; } }\n');
    const other = { 'conf.d/default.conf': 'server { listen 81; }\n' };
    registerNginxTemplates([nginxTemplate(known)!]);
    expect(hasNginxTemplate({ ...known.files }, known.entry)).toBe(true);
    expect(hasNginxTemplate(other, 'conf.d/default.conf')).toBe(false);
    const resolve = () => ['10.0.0.5'];
    expect(parseNginxConfig({ ...known.files }, known.entry, { resolve })).toEqual(realParse({ ...known.files }, known.entry, { resolve }));
    expect(() => parseNginxConfig(other, 'conf.d/default.conf', { resolve })).toThrow('the nginx configuration parser is not loaded in this embed: call loadNginxParser() first');
    await loadNginxParser();
    expect(parseNginxConfig(other, 'conf.d/default.conf', { resolve })).toEqual(realParse(other, 'conf.d/default.conf', { resolve }));
  });
});
