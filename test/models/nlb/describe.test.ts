import { describe, expect, it } from 'vitest';
import { describeTargetHealth, formatDescribeJson, formatDescribeText } from '../../../src/models/nlb/describe';
import { lbcLocalDefaults } from '../../../src/models/nlb/healthcheck/defaults';
import { DRAINING, REGISTERING } from '../../../src/models/nlb/reasons';
import { HEALTHY, makeNlb, setHealth, UNHEALTHY, webGroup } from './fixture';

function sample() {
  const nlb = makeNlb(webGroup({ healthCheck: lbcLocalDefaults(32555) }));
  setHealth(nlb, HEALTHY);
  setHealth(nlb, UNHEALTHY, (t) => t.id === 'i-0a2');
  setHealth(nlb, DRAINING, (t) => t.id === 'i-0b1');
  setHealth(nlb, REGISTERING, (t) => t.id === 'i-0c2');
  const tg = nlb.targetGroups[0];
  if (tg === undefined) throw new Error('no group');
  tg.targets.splice(3, 2); // keep a1, a2, b1, c2
  return describeTargetHealth(tg);
}

describe('aws elbv2 describe-target-health', () => {
  it('prints JSON like the AWS CLI: API member order, 4-space indent, Reason and Description only when not healthy', () => {
    const json = formatDescribeJson(sample());
    expect(json.split('\n').slice(0, 22).join('\n')).toBe(
      [
        '{',
        '    "TargetHealthDescriptions": [',
        '        {',
        '            "Target": {',
        '                "Id": "i-0a1",',
        '                "Port": 31080',
        '            },',
        '            "HealthCheckPort": "32555",',
        '            "TargetHealth": {',
        '                "State": "healthy"',
        '            }',
        '        },',
        '        {',
        '            "Target": {',
        '                "Id": "i-0a2",',
        '                "Port": 31080',
        '            },',
        '            "HealthCheckPort": "32555",',
        '            "TargetHealth": {',
        '                "State": "unhealthy",',
        '                "Reason": "Target.FailedHealthChecks",',
        '                "Description": "Health checks failed"',
      ].join('\n'),
    );
    expect(JSON.parse(json)).toEqual(sample());
  });

  it('prints text like the AWS CLI: one tab-separated line per object, scalars in key order', () => {
    expect(formatDescribeText(sample())).toBe(
      [
        'TARGETHEALTHDESCRIPTIONS\t32555',
        'TARGET\ti-0a1\t31080',
        'TARGETHEALTH\thealthy',
        'TARGETHEALTHDESCRIPTIONS\t32555',
        'TARGET\ti-0a2\t31080',
        'TARGETHEALTH\tHealth checks failed\tTarget.FailedHealthChecks\tunhealthy',
        'TARGETHEALTHDESCRIPTIONS\t32555',
        'TARGET\ti-0b1\t31080',
        'TARGETHEALTH\tTarget deregistration is in progress\tTarget.DeregistrationInProgress\tdraining',
        'TARGETHEALTHDESCRIPTIONS\t32555',
        'TARGET\ti-0c2\t31080',
        'TARGETHEALTH\tTarget registration is in progress\tElb.RegistrationInProgress\tinitial',
        '',
      ].join('\n'),
    );
  });

  it('reports the traffic port as the health-check port when the check uses traffic-port', () => {
    const nlb = makeNlb();
    expect(describeTargetHealth(nlb.targetGroups[0]!).TargetHealthDescriptions[0]?.HealthCheckPort).toBe('31080');
  });
});
