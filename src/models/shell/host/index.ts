/** The TerminalHost contract, its plain-data types, and hosts built from a world. */
export type { TerminalHost, ToolOutput, LogLine, NginxControl, TargetGroupInfo, TargetGroupHealthCheck, MachineInfo } from './host';
export type {
  ClusterView,
  PodView,
  ContainerView,
  ContainerState,
  ServiceView,
  ServicePortView,
  EndpointSliceView,
  EndpointView,
  DeploymentView,
  EventView,
  NodeView,
  ClusterChange,
} from './cluster';
export type { DnsLookup, DnsAnswerRecord, HttpCall, HttpEvents, HttpResult, HttpFailure } from './net';
export { hostForWorld, hopsFromTrace, terminalLineOf, terminalWhy, TERMINAL_COMMAND, DEFAULT_MACHINE, DEFAULT_EPOCH_MS, type TerminalHooks, type TerminalLine, type WorldLike } from './from-world';
export { directTerminal, MACHINE_ID, outcomeResult, type DirectWorldParts, type DirectTerminal } from './direct';
