/**
 * One name per component everywhere: the trace may speak of a component by
 * id or by address, the diagram shows its label.
 */
import type { ComponentSnapshot } from '../scenario';
import type { NameOf } from './describe';

/** Address (with and without port) → component id, for records that name an address. */
export function addressAliases(components: readonly ComponentSnapshot[]): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const c of components) {
    if (c.address === '') continue;
    aliases.set(c.address, c.id);
    const host = c.address.replace(/:\d+$/, '');
    if (!aliases.has(host)) aliases.set(host, c.id);
  }
  return aliases;
}

/**
 * A `NameOf` that turns ids and addresses into labels. An id it does not
 * know keeps its last part when it is namespaced (`pod:default/api-7d…` →
 * `api-7d…`: pods come and go after the lookup is made), and stays as it is
 * otherwise.
 */
export function nameLookup(components: readonly ComponentSnapshot[]): NameOf {
  const labels = new Map(components.map((c) => [c.id, c.label === '' ? c.id : c.label]));
  const aliases = addressAliases(components);
  return (id) => labels.get(id) ?? labels.get(aliases.get(id) ?? '') ?? /^[a-z-]+:[^/\s]+\/(\S+)$/.exec(id)?.[1] ?? id;
}
