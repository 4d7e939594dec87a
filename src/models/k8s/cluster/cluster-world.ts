/** What a cluster asks of the world around it: the network, the apps, the load balancer controller. */
import type { PodRef } from '../pod/pod';
import type { ProbeAnswer, ProbeRequest } from '../pod/probe-judge';
import type { ServiceState } from './services';

export interface ClusterWorld {
  /** Carry out a probe against the pod; call `answer` once, later, on the engine clock (or never: a timeout). */
  probe(pod: PodRef, request: ProbeRequest, answer: (answer: ProbeAnswer) => void): void;
  /** A container started: the app now runs at `pod.ip` on the container's ports. */
  containerStarted?(pod: PodRef, generation: number): void;
  /** The container got SIGTERM (pod deleted, or a failed liveness probe); it still runs. */
  containerStopping?(pod: PodRef, why: string): void;
  /** The container's process is gone: refuse new connections, reset open ones. */
  containerExited?(pod: PodRef, exitCode: number, why: string): void;
  /** The pod object is gone and its IP is free again. */
  podRemoved?(pod: PodRef, why: string): void;
  /** A Service was created or its status changed (a load balancer controller builds from this). */
  serviceChanged?(service: ServiceState, why: string): void;
}
