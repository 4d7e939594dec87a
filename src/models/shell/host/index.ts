/** The TerminalHost contract and its plain-data types. */
export type { TerminalHost, ToolOutput, LogLine, NginxControl, TargetGroupInfo, MachineInfo } from './host';
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
} from './cluster';
export type { DnsLookup, DnsAnswerRecord, HttpCall, HttpEvents, HttpResult, HttpFailure } from './net';
