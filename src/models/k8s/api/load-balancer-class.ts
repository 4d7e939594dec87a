/**
 * Which controller builds the load balancer of a `type: LoadBalancer`
 * Service on AWS, read from its class and annotations (behaviour.md §4;
 * LBC `docs/guide/service/annotations.md`, cloud-provider-aws `aws.go`).
 *
 * - `loadBalancerClass: service.k8s.aws/nlb`, or the annotation
 *   `aws-load-balancer-type: external`: the AWS Load Balancer Controller
 *   (NLB; targets `instance` unless `aws-load-balancer-nlb-target-type: ip`).
 * - `aws-load-balancer-type: "nlb"`: the legacy in-tree provider
 *   (cloud-provider-aws), NLB with every node registered as an instance target.
 * - none of these: the in-tree provider builds a Classic ELB, which the
 *   simulation does not model. With the LBC's webhook installed (v2.5+), it
 *   sets `loadBalancerClass: service.k8s.aws/nlb` on new Services first.
 */
import type { DefaultedService } from './types';

/** The in-tree provider's (and the LBC's `external`) load balancer type annotation. */
export const ANNOTATION_LB_TYPE = 'service.beta.kubernetes.io/aws-load-balancer-type';
/** The LBC's target type annotation: `instance` or `ip`. */
export const ANNOTATION_NLB_TARGET_TYPE = 'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type';
/** The AWS Load Balancer Controller's `loadBalancerClass`. */
export const LBC_CLASS = 'service.k8s.aws/nlb';

/** The controllers that can build an NLB for a Service (the names the NLB model uses). */
export type LoadBalancerController = 'aws-load-balancer-controller' | 'cloud-provider-aws';

/** Who builds the Service's load balancer, and what kind, with the reason. */
export type LoadBalancerPlan =
  | {
      readonly kind: 'nlb';
      readonly controller: LoadBalancerController;
      readonly targetType: 'instance' | 'ip';
      readonly why: string;
    }
  | { readonly kind: 'classic' | 'other-class' | 'not-a-load-balancer'; readonly why: string };

/** Decide who builds the Service's load balancer. `lbcWebhook`: the AWS Load Balancer Controller (v2.5+) is installed with its Service webhook. */
export function loadBalancerPlan(service: DefaultedService, options: { lbcWebhook?: boolean } = {}): LoadBalancerPlan {
  const name = `${service.metadata.namespace}/${service.metadata.name}`;
  if (service.type !== 'LoadBalancer') {
    return { kind: 'not-a-load-balancer', why: `${name} is type ${service.type}: no cloud load balancer is built` };
  }
  const annotations = service.metadata.annotations;
  const lbType = annotations[ANNOTATION_LB_TYPE];
  const targetAnnotation = annotations[ANNOTATION_NLB_TARGET_TYPE];
  const target = targetAnnotation === 'ip' ? 'ip' : 'instance';
  const lbClass = service.loadBalancerClass ?? (options.lbcWebhook === true && lbType !== 'nlb' ? LBC_CLASS : undefined);
  if (lbClass === LBC_CLASS) {
    const via = service.loadBalancerClass === undefined ? 'the controller webhook set loadBalancerClass' : 'loadBalancerClass';
    return {
      kind: 'nlb',
      controller: 'aws-load-balancer-controller',
      targetType: target,
      why: `${name}: ${via} ${LBC_CLASS} → the AWS Load Balancer Controller builds an NLB with ${target} targets`,
    };
  }
  if (lbClass !== undefined) {
    return { kind: 'other-class', why: `${name}: loadBalancerClass ${lbClass} belongs to a controller the simulation does not have` };
  }
  if (lbType === 'external') {
    return {
      kind: 'nlb',
      controller: 'aws-load-balancer-controller',
      targetType: target,
      why: `${name}: ${ANNOTATION_LB_TYPE}: external → the AWS Load Balancer Controller builds an NLB with ${target} targets`,
    };
  }
  if (lbType === 'nlb') {
    return {
      kind: 'nlb',
      controller: 'cloud-provider-aws',
      targetType: 'instance',
      why: `${name}: ${ANNOTATION_LB_TYPE}: "nlb" → the in-tree AWS cloud provider builds an NLB and registers every node on the NodePort`,
    };
  }
  return {
    kind: 'classic',
    why: `${name}: no NLB annotation or loadBalancerClass → the in-tree AWS cloud provider would build a Classic ELB (not simulated); add ${ANNOTATION_LB_TYPE}: "nlb"`,
  };
}
