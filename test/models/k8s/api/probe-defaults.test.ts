import { describe, expect, it } from 'vitest';
import { defaultProbe, PROBE_DEFAULTS } from '../../../../src/models/k8s/api/probe-defaults';

// Source: kubernetes pkg/apis/core/v1/defaults.go, SetDefaults_Probe and SetDefaults_HTTPGetAction.
describe('probe defaults (SetDefaults_Probe, pkg/apis/core/v1/defaults.go)', () => {
  it('fills the table: initialDelay 0, period 10, timeout 1, success 1, failure 3', () => {
    expect(PROBE_DEFAULTS).toEqual({
      initialDelaySeconds: 0,
      periodSeconds: 10,
      timeoutSeconds: 1,
      successThreshold: 1,
      failureThreshold: 3,
    });
    const p = defaultProbe({ httpGet: { port: 80 } });
    expect(p).toEqual({
      handler: { kind: 'httpGet', path: '/', port: 80, scheme: 'HTTP', httpHeaders: [] },
      initialDelaySeconds: 0,
      periodSeconds: 10,
      timeoutSeconds: 1,
      successThreshold: 1,
      failureThreshold: 3,
    });
  });

  it('treats an explicit zero like an absent field, as the Go defaulting does', () => {
    const p = defaultProbe({ tcpSocket: { port: 'http' }, periodSeconds: 0, timeoutSeconds: 0, failureThreshold: 0, successThreshold: 0 });
    expect([p.periodSeconds, p.timeoutSeconds, p.failureThreshold, p.successThreshold]).toEqual([10, 1, 3, 1]);
    expect(p.handler).toEqual({ kind: 'tcpSocket', port: 'http' });
  });

  it('keeps values the author set', () => {
    const p = defaultProbe({ httpGet: { port: 8080, path: '/healthz', scheme: 'HTTPS' }, initialDelaySeconds: 5, periodSeconds: 2, failureThreshold: 1 });
    expect(p.initialDelaySeconds).toBe(5);
    expect(p.periodSeconds).toBe(2);
    expect(p.failureThreshold).toBe(1);
    expect(p.handler).toMatchObject({ path: '/healthz', scheme: 'HTTPS' });
  });
});
