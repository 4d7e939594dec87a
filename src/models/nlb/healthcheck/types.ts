/** Health-check settings of a target group, as the AWS API names them (in seconds, as AWS counts). */

export type HealthCheckProtocol = 'TCP' | 'HTTP' | 'HTTPS';

/** Who creates the target group, which decides the defaults. */
export type HealthCheckController =
  /** A target group created by hand (console, CLI, API): AWS API defaults. */
  | 'aws-api'
  /** AWS Load Balancer Controller (`loadBalancerClass: service.k8s.aws/nlb` or `aws-load-balancer-type: external`). */
  | 'aws-load-balancer-controller'
  /** Legacy in-tree / cloud-provider-aws, `service.beta.kubernetes.io/aws-load-balancer-type: "nlb"`. */
  | 'cloud-provider-aws';

export interface HealthCheckSettings {
  readonly protocol: HealthCheckProtocol;
  /** `traffic-port` = the port each target receives traffic on. */
  readonly port: 'traffic-port' | number;
  /** The ping path, used by HTTP/HTTPS checks only. */
  readonly path: string;
  readonly intervalSeconds: number;
  readonly timeoutSeconds: number;
  /** Consecutive successes before a target is healthy (`HealthyThresholdCount`). */
  readonly healthyThreshold: number;
  /** Consecutive failures before a target is unhealthy (`UnhealthyThresholdCount`). */
  readonly unhealthyThreshold: number;
  /** HTTP success codes, AWS syntax: `200-399`, `200,202`. */
  readonly matcher: string;
  /** Where these values came from, for the inspector ("AWS Load Balancer Controller, Local, …"). */
  readonly source: string;
}
