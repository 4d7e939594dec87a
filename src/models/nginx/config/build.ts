/**
 * Turns the parsed tree into the `NginxConfig` contract: upstream groups,
 * servers and their locations with every `Conf` merged, log formats.
 */
import type { LocationBlock, NginxConfig, ServerBlock, UpstreamBlock } from '../model';
import { COMBINED_FORMAT } from './log';
import { inherit, toConf } from './merge';
import type { Parser } from './parser';
import type { LevelSettings, LocationNode, UpstreamNode } from './tree';

function buildLocation(loc: LocationNode, outer: LevelSettings, mainErrorLog: Parser['main']['errorLog']): LocationBlock {
  const merged = inherit(outer, loc.settings);
  return {
    modifier: loc.modifier,
    pattern: loc.pattern,
    conf: toConf(merged, mainErrorLog),
    locations: loc.locations.map((l) => buildLocation(l, merged, mainErrorLog)),
    pos: { ...loc.pos },
  };
}

function buildUpstream(u: UpstreamNode): UpstreamBlock {
  const block: UpstreamBlock = {
    name: u.name,
    method: { ...u.method },
    servers: u.servers.map((s) => ({ ...s, addresses: [...s.addresses], pos: { ...s.pos } })),
    implicit: u.implicit,
    host: u.host,
    pos: { ...(u.blockPos ?? u.pos) },
  };
  if (u.zone !== undefined) block.zone = u.zone;
  return block;
}

export function buildConfig(p: Parser): NginxConfig {
  const http = p.http;
  const mainErrorLog = p.main.errorLog;
  const logFormats: Record<string, string> = { combined: COMBINED_FORMAT };
  const servers: ServerBlock[] = [];
  const upstreams: UpstreamBlock[] = [];
  if (http) {
    for (const [name, format] of http.logFormats) logFormats[name] = format;
    const httpMerged = inherit({}, http.settings);
    for (const s of http.servers) {
      const merged = inherit(httpMerged, s.settings);
      servers.push({
        listens: s.listens.map((l) => ({ ...l })),
        serverNames: [...s.serverNames],
        conf: toConf(merged, mainErrorLog),
        locations: s.locations.map((l) => buildLocation(l, merged, mainErrorLog)),
        pos: { ...s.pos },
      });
    }
    for (const u of http.upstreams) upstreams.push(buildUpstream(u));
  }
  return {
    workerProcesses: p.main.workerProcesses ?? 1,
    upstreams,
    servers,
    logFormats,
    notSimulated: p.notSimulated.map((n) => ({ ...n })),
  };
}
