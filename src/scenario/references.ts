/**
 * Checks that need the whole file: ids are unique, every reference names
 * something that exists, and every client has a link to its target. Each
 * rule is a small function over the parsed topology; errors point at the
 * value that is wrong.
 */
import type { Ctx } from './schema';
import { reportAt } from './schema';
import type { Topology } from './types';
import { MACHINE_ID } from '../models/shell/host/direct';

type Rule = (topology: Topology, ctx: Ctx) => void;

const clientPath = (i: number) => `topology.clients[${i}]`;
const serverPath = (i: number) => `topology.servers[${i}]`;
const linkPath = (i: number) => `topology.links[${i}]`;

/** Clients and servers share one namespace: links name either. */
const uniqueComponentIds: Rule = (topology, ctx) => {
  const firstAt = new Map<string, string>();
  const entries = [
    ...topology.clients.map((c, i) => [c.id, `${clientPath(i)}.id`] as const),
    ...topology.servers.map((s, i) => [s.id, `${serverPath(i)}.id`] as const),
  ];
  for (const [id, path] of entries) {
    const first = firstAt.get(id);
    if (id === MACHINE_ID) reportAt(ctx, path, reservedIdMessage(id));
    else if (first === undefined) firstAt.set(id, path);
    else reportAt(ctx, path, `expected an id not used by another client or server, got "${id}" (already used at ${first})`);
  }
};

/** The terminal's own machine joins the world under this id, so a scenario may not take it. */
export function reservedIdMessage(id: string): string {
  return `expected an id other than "${id}": that name belongs to the terminal's own machine`;
}

const uniqueLinkIds: Rule = (topology, ctx) => {
  const firstAt = new Map<string, number>();
  topology.links.forEach((link, i) => {
    const first = firstAt.get(link.id);
    if (first === undefined) firstAt.set(link.id, i);
    else reportAt(ctx, `${linkPath(i)}.from`, `expected one link per pair of components, got a second link "${link.id}" (first at ${linkPath(first)})`);
  });
};

const clientTargetsAreServers: Rule = (topology, ctx) => {
  const servers = topology.servers.map((s) => s.id);
  topology.clients.forEach((client, i) => {
    if (!servers.includes(client.target)) {
      reportAt(ctx, `${clientPath(i)}.target`, `expected the id of a server (${servers.join(', ') || 'none defined'}), got "${client.target}"`);
    }
  });
};

const linkEndsExist: Rule = (topology, ctx) => {
  const ids = [...topology.clients.map((c) => c.id), ...topology.servers.map((s) => s.id)];
  const known = ids.join(', ') || 'none defined';
  topology.links.forEach((link, i) => {
    for (const end of ['from', 'to'] as const) {
      if (!ids.includes(link[end])) {
        reportAt(ctx, `${linkPath(i)}.${end}`, `expected the id of a client or server (${known}), got "${link[end]}"`);
      }
    }
    if (link.from === link.to) reportAt(ctx, `${linkPath(i)}.to`, `expected a different component from "${link.from}", got the same`);
  });
};

const onePerPair: Rule = (topology, ctx) => {
  const seen = new Map<string, number>();
  topology.links.forEach((link, i) => {
    const pair = [link.from, link.to].sort().join('\u0000');
    const first = seen.get(pair);
    if (first === undefined) seen.set(pair, i);
    else if (topology.links[first]?.id !== link.id) {
      reportAt(ctx, `${linkPath(i)}.from`, `expected one link between ${link.from} and ${link.to}, got a second (first at ${linkPath(first)})`);
    }
  });
};

const clientsHaveLinks: Rule = (topology, ctx) => {
  topology.clients.forEach((client, i) => {
    const linked = topology.links.some(
      (l) => (l.from === client.id && l.to === client.target) || (l.to === client.id && l.from === client.target),
    );
    if (!linked && topology.servers.some((s) => s.id === client.target)) {
      reportAt(
        ctx,
        `${clientPath(i)}.target`,
        `expected a link between ${client.id} and ${client.target} in topology.links, found none (add { from: ${client.id}, to: ${client.target}, latencyMs: 10 })`,
      );
    }
  });
};

/** Every cross-reference rule, in the order their errors are reported. */
export const referenceRules: readonly Rule[] = [
  uniqueComponentIds,
  uniqueLinkIds,
  onePerPair,
  clientTargetsAreServers,
  linkEndsExist,
  clientsHaveLinks,
];

export function checkReferences(topology: Topology, ctx: Ctx): void {
  for (const rule of referenceRules) rule(topology, ctx);
}
