/**
 * TerminalHost: everything the terminal needs from a world, as plain data
 * and callbacks. The shell never reaches into actors or the scenario; a world
 * (or a test) implements this interface, and the parts it leaves out make
 * the matching commands answer as the real tools do when the thing is not
 * there (kubectl with no cluster, dig with no nameserver).
 */
import type { ClusterChange, ClusterView } from './cluster';
import type { DnsLookup, HttpCall, HttpEvents } from './net';

/** What a tool printed and how it exited. */
export interface ToolOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/** One log line as the trace recorded it. */
export interface LogLine {
  /** Virtual time it was written. */
  readonly t: number;
  /** The trace component that wrote it. */
  readonly component: string;
  /** The file or stream: `/var/log/nginx/access.log`, `stdout`… */
  readonly stream: string;
  readonly line: string;
}

/** nginx inside one pod: its files, `nginx -t` and `nginx -s reload`. */
export interface NginxControl {
  /** Absolute path → text of each configuration file (`/etc/nginx/nginx.conf`, `conf.d/default.conf`…). */
  files(): Readonly<Record<string, string>>;
  /** The main configuration file (`/etc/nginx/nginx.conf`). */
  readonly mainFile: string;
  /** `1.22.1`, as `nginx -v` prints it. */
  readonly version: string;
  /** Check the files as they are now: undefined when valid, else the `nginx: [emerg] …` line. */
  test(): string | undefined;
  /**
   * Reload: undefined when the new configuration was taken, else the
   * `nginx: [emerg] …` line (the old configuration keeps running, as in nginx).
   */
  reload(): string | undefined;
}

/** A target group's health checks as they are now (after any ModifyTargetGroup), for `aws elbv2 describe-target-groups`. */
export interface TargetGroupHealthCheck {
  readonly protocol: string;
  /** `traffic-port` or a port number, as text (the API's type). */
  readonly port: string;
  readonly enabled: boolean;
  readonly intervalSeconds: number;
  readonly timeoutSeconds: number;
  readonly healthyThreshold: number;
  readonly unhealthyThreshold: number;
  /** HTTP and HTTPS checks only. */
  readonly path?: string;
  /** HTTP and HTTPS checks only: success codes (`200-399`). */
  readonly matcher?: string;
}

/** An NLB target group, for `aws elbv2`. */
export interface TargetGroupInfo {
  readonly name: string;
  readonly arn: string;
  readonly protocol: string;
  readonly port: number;
  readonly targetType: string;
  readonly loadBalancerArns: readonly string[];
  readonly healthCheck: TargetGroupHealthCheck;
}

/** The machine a shell runs on. */
export interface MachineInfo {
  /** The prompt's host name: `laptop`. */
  readonly hostname: string;
  readonly user: string;
  /** Its IP address in the world. */
  readonly ip: string;
  /** The nameserver its resolv.conf names. */
  readonly nameserver: string;
}

export interface TerminalHost {
  /** Virtual time now, in ms. */
  now(): number;
  /** Unix ms that virtual time 0 stands for (dates in kubectl describe). */
  readonly epochMs: number;
  readonly machine: MachineInfo;

  /** Log lines still held, oldest first, from any of `components`. */
  logs(components: readonly string[]): LogLine[];
  /** Every log line written from now on; returns the unsubscribe function. */
  followLogs(listener: (line: LogLine) => void): () => void;

  /** The cluster now; absent when the world has no Kubernetes (kubectl cannot connect). */
  cluster?(): ClusterView;
  /**
   * Change the cluster now, through the world's commands; returns undefined
   * when done, or the world's reason for refusing. Absent: kubectl cannot
   * change this world (it only reads it).
   */
  changeCluster?(change: ClusterChange): string | undefined;
  /** Look a name up as the stub resolver of `from` (`machine` or a pod name) would now. */
  resolve?(name: string, from: string, server?: string): DnsLookup;
  /** Run `dig` with these arguments from `from`; absent when the world has no DNS. */
  dig?(args: readonly string[], from: string): ToolOutput;
  /** Send a request into the world; returns a function that abandons it (Ctrl-C). */
  http?(call: HttpCall, events: HttpEvents): () => void;
  /** nginx in a pod, or undefined when the pod runs no nginx. */
  nginx?(pod: string): NginxControl | undefined;
  /** The NLB's target groups (empty when there is no NLB). */
  targetGroups?(): readonly TargetGroupInfo[];
  /** `aws elbv2 describe-target-health` for a target group ARN, in `json` or `text`; undefined when no such group. */
  describeTargetHealth?(arn: string, output: 'json' | 'text'): string | undefined;
  /** Names worth completing after dig, nslookup and curl (the site, the NLB, services). */
  knownHosts?(): readonly string[];
  /** The components a request went through, in order, from the trace (for `curl -v`). */
  hopsOf?(requestId: string): readonly string[];
  /** A command line finished (lesson goals can ask for one): `where` is `machine` or a pod's name. */
  noteCommand?(line: string, where: string, exitCode: number): void;
}
