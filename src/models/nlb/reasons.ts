/**
 * Reason codes and descriptions, worded as the AWS API words them
 * (target-group-health-checks.md, "Health check reason codes"), so the
 * describe-target-health a student sees here reads like the real one.
 */
import type { TargetHealth } from './types';

/** A just-registered target, before its first check round ends. */
export const REGISTERING: TargetHealth = {
  state: 'initial',
  reason: 'Elb.RegistrationInProgress',
  description: 'Target registration is in progress',
};

/** A new target whose checks have started but not yet reached a threshold. */
export const INITIAL_CHECKING: TargetHealth = {
  state: 'initial',
  reason: 'Elb.InitialHealthChecking',
  description: 'Initial health checks in progress',
};

export const HEALTHY: TargetHealth = { state: 'healthy' };

export const UNHEALTHY: TargetHealth = {
  state: 'unhealthy',
  reason: 'Target.FailedHealthChecks',
  description: 'Health checks failed',
};

export const DRAINING: TargetHealth = {
  state: 'draining',
  reason: 'Target.DeregistrationInProgress',
  description: 'Target deregistration is in progress',
};

export const NOT_REGISTERED: TargetHealth = {
  state: 'unused',
  reason: 'Target.NotRegistered',
  description: 'Target is not registered to the target group',
};

/** The target group has no listener forwarding to it. */
export const GROUP_NOT_IN_USE: TargetHealth = {
  state: 'unused',
  reason: 'Target.NotInUse',
  description: 'Target group is not configured to receive traffic from the load balancer',
};

/** The target sits in an AZ the NLB has no node in. */
export const AZ_NOT_ENABLED: TargetHealth = {
  state: 'unused',
  reason: 'Target.NotInUse',
  description: 'Target is in an Availability Zone that is not enabled for the load balancer',
};
