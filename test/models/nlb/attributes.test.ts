import { describe, expect, it } from 'vitest';
import {
  LB_ATTRIBUTES_ANNOTATION,
  LEGACY_CROSS_ZONE_ANNOTATION,
  readNlbAttributes,
  TG_ATTRIBUTES_ANNOTATION,
} from '../../../src/models/nlb/attributes';

describe('attribute annotations', () => {
  it('reads the LBC target group attributes that change NLB behaviour', () => {
    const read = readNlbAttributes('aws-load-balancer-controller', {
      [TG_ATTRIBUTES_ANNOTATION]:
        'deregistration_delay.timeout_seconds=30, preserve_client_ip.enabled=true,deregistration_delay.connection_termination.enabled=true,stickiness.enabled=true',
      [LB_ATTRIBUTES_ANNOTATION]: 'load_balancing.cross_zone.enabled=true',
    });
    expect(read).toEqual({
      attributes: {
        crossZone: true,
        deregistrationDelaySeconds: 30,
        preserveClientIp: true,
        terminateConnectionsOnDeregistration: true,
      },
      ignored: ['stickiness.enabled=true'],
      errors: [],
    });
  });

  it('reads the legacy cross-zone annotation as Go ParseBool does, and only for cloud-provider-aws', () => {
    expect(readNlbAttributes('cloud-provider-aws', { [LEGACY_CROSS_ZONE_ANNOTATION]: 'True' }).attributes).toEqual({ crossZone: true });
    expect(readNlbAttributes('aws-load-balancer-controller', { [LEGACY_CROSS_ZONE_ANNOTATION]: 'true' }).attributes).toEqual({});
    expect(readNlbAttributes('cloud-provider-aws', { [LEGACY_CROSS_ZONE_ANNOTATION]: 'yes' }).errors).toEqual([
      `${LEGACY_CROSS_ZONE_ANNOTATION}: expected true or false, got "yes"`,
    ]);
  });

  it('says what was expected for a malformed value', () => {
    const read = readNlbAttributes('aws-load-balancer-controller', {
      [TG_ATTRIBUTES_ANNOTATION]: 'deregistration_delay.timeout_seconds=5m,preserve_client_ip.enabled',
    });
    expect(read.errors).toEqual([
      `${TG_ATTRIBUTES_ANNOTATION} deregistration_delay.timeout_seconds: expected an integer number of seconds (0–3600), got "5m"`,
      `${TG_ATTRIBUTES_ANNOTATION}: expected key=value pairs separated by commas, got "preserve_client_ip.enabled"`,
    ]);
  });
});
