/**
 * The network of one world: its endpoints, the links between them, and the
 * packet counter that gives every packet a stable id (`p1`, `p2`…) in the
 * order packets are sent, so two runs of the same world name packets alike.
 */
import type { Engine, Trace } from '../sim';
import type { Endpoint, LinkSpec } from './link';
import { Link } from './link';
import type { Message, Packet } from './packet';

export class Network {
  private readonly endpoints = new Map<string, Endpoint>();
  private readonly linkList: Link[] = [];
  private packetCount = 0;

  constructor(
    readonly engine: Engine,
    readonly trace: Trace,
  ) {}

  /** Make an endpoint reachable by id. Ids are unique within a world. */
  attach(endpoint: Endpoint): void {
    if (this.endpoints.has(endpoint.id)) throw new Error(`duplicate endpoint id ${endpoint.id}`);
    this.endpoints.set(endpoint.id, endpoint);
  }

  /** Join two attached endpoints with a link. */
  connect(spec: LinkSpec): Link {
    const a = this.endpoint(spec.from);
    const b = this.endpoint(spec.to);
    const link = new Link(spec, [a, b], {
      engine: this.engine,
      trace: this.trace,
      nextPacketId: () => `p${++this.packetCount}`,
    });
    this.linkList.push(link);
    return link;
  }

  /** The links, in the order they were connected. */
  get links(): readonly Link[] {
    return this.linkList;
  }

  /** The link joining `a` and `b`, in either direction. */
  linkBetween(a: string, b: string): Link | undefined {
    return this.linkList.find((link) => link.joins(a, b));
  }

  /** Send a message from `from` to `to` over the link between them. */
  send(from: string, to: string, message: Message, why?: string): Packet {
    const link = this.linkBetween(from, to);
    if (link === undefined) throw new Error(`no link between ${from} and ${to}`);
    return link.send(from, message, why);
  }

  private endpoint(id: string): Endpoint {
    const endpoint = this.endpoints.get(id);
    if (endpoint === undefined) throw new Error(`no endpoint ${id} attached to the network`);
    return endpoint;
  }
}
