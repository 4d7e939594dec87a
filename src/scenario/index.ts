/**
 * Scenarios: the YAML format, loading with line-numbered errors, and building
 * a runnable World. Imports sim, net and models; nothing here knows a browser.
 */
export { loadScenario, type LoadResult } from './load';
export { formatScenarioError, type ScenarioError } from './errors';
export {
  createWorld,
  type World,
  type WorldOptions,
  type WorldSnapshot,
  type ComponentSnapshot,
  type ComponentKind,
  type LinkSnapshot,
} from './world';
export { commandTable, NGINX_RELOAD, RELOAD_REFUSED, KUBECTL_APPLY, APPLY_REFUSED, type WorldCommand, type AnyWorldCommand, type NginxReloadCommand, type KubectlApplyCommand } from './commands';
export { parseDuration, formatDuration, durationExpected } from './duration';
export { FAULT_KINDS } from './sections/faults';
export { SETTING_KEYS, readSetting, REQUIRED_SETTINGS } from './sections/fault-settings';
export type {
  Scenario,
  Topology,
  ClientSpec,
  ServerSpec,
  RequestsSpec,
  LinkSpec,
  DnsSpec,
  MachineSpec,
  ProxySpec,
  ClusterSpec,
  TrafficSpec,
  FaultSpec,
  FaultKind,
  FaultSettings,
} from './types';
