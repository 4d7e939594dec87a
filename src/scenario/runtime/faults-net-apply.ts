/**
 * Applying a network fault (`faults-net.ts` has the kinds) at the world's
 * current virtual time. A wrong target throws, as every fault does; a change
 * AWS would refuse is recorded as a `command` record whose `why` begins with
 * `refused:`, and nothing changes.
 */
import { linkKey, REFUSED, type NetCommand, type NetFaultDeps } from './faults-net';

function service(ref: string): string {
  return ref.includes('/') ? ref : `default/${ref}`;
}

function ends(target: string): [string, string] {
  const parts = target.split('|');
  const [a, b] = parts;
  if (parts.length !== 2 || a === undefined || b === undefined || a === '' || b === '' || a === b) {
    throw new Error(`expected two components as from|to (nlb-eu-west-1a|node-1), got "${target}"`);
  }
  return [a, b];
}

/** Apply a network fault now; throws an Error saying what was expected when the target or a field is wrong. */
export function applyNetCommand(deps: NetFaultDeps, command: NetCommand): void {
  const { kind, target } = command;
  const record = (why: string) => deps.trace.record({ kind: 'command', command: kind, target, why });
  switch (kind) {
    case 'dns-ttl': {
      if (deps.dns === undefined) throw new Error('dns-ttl: this world has no DNS');
      if (command.ttlS === undefined) throw new Error('dns-ttl: expected ttlS, the new TTL in seconds');
      const edit = deps.dns.setTtl(target, command.ttlS);
      record(edit.ok ? edit.why : `${REFUSED} ${edit.why}`);
      return;
    }
    case 'dns-record': {
      if (deps.dns === undefined) throw new Error('dns-record: this world has no DNS');
      if (command.value === undefined || command.value === '') throw new Error('dns-record: expected value, the new address(es), alias:<service> or host name');
      const edit = deps.dns.setRecord(target, command.value);
      record(edit.ok ? edit.why : `${REFUSED} ${edit.why}`);
      return;
    }
    case 'nlb-health-check': {
      const change = {
        ...(command.intervalS === undefined ? {} : { intervalSeconds: command.intervalS }),
        ...(command.timeoutS === undefined ? {} : { timeoutSeconds: command.timeoutS }),
        ...(command.healthyThreshold === undefined ? {} : { healthyThreshold: command.healthyThreshold }),
        ...(command.unhealthyThreshold === undefined ? {} : { unhealthyThreshold: command.unhealthyThreshold }),
      };
      if (!deps.nlbs.all().some((n) => n.service === service(target))) {
        throw new Error(`nlb-health-check: expected a LoadBalancer Service with an NLB (${deps.nlbs.all().map((n) => n.service).join(', ') || 'none built yet'}), got "${target}"`);
      }
      const modified = deps.nlbs.modifyHealthCheck(service(target), change);
      record(
        modified.ok
          ? `modify target group health check of ${target}'s NLB: ${modified.why}; each target's checker keeps the round it has scheduled and uses the new settings from its next check`
          : `${REFUSED} ${modified.why}`,
      );
      return;
    }
    case 'cut-link':
    case 'restore-link': {
      const [a, b] = ends(target);
      for (const c of [a, b]) if (!deps.known(c)) throw new Error(`${kind}: expected a component id, got "${c}"`);
      const key = linkKey(a, b);
      if (kind === 'cut-link') {
        deps.cutLinks.set(key, `the link ${a} ↔ ${b} is cut: the packet is lost`);
        record(`cut the link ${a} ↔ ${b}: packets on it are lost both ways, in flight too; TCP retransmits and times out`);
        if (command.forMs !== undefined) {
          deps.engine.schedule(command.forMs, () => applyNetCommand(deps, { kind: 'restore-link', target }), `undo cut-link ${target}`);
        }
      } else {
        deps.cutLinks.delete(key);
        record(`the link ${a} ↔ ${b} carries packets again`);
      }
      return;
    }
  }
}
