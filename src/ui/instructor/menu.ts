/**
 * The fault menu as data: which catalogue entries this world can take (with
 * their targets now and their hotkey), which it cannot yet (and the command
 * kind each waits for), and which target a press hits: the component
 * selected in the diagram when the entry can hit it, else the one picked in
 * the menu, else the first.
 */
import { CATALOGUE, isAvailable, type FaultDef, type Target, type TargetSource } from './catalogue';
import { SLOTS, slotKey } from './hotkeys';

export interface MenuEntry {
  def: FaultDef;
  targets: Target[];
  /** The key that gives it ('' when it has none). */
  key: string;
}

export interface Menu {
  entries: MenuEntry[];
  /** Entries the world does not take yet, with the command kind each needs. */
  missing: { def: FaultDef; needs: string }[];
}

/** Entries with at least one target in this world, faults before repairs, keys in that order. */
export function buildMenu(accepted: ReadonlySet<string>, source: TargetSource): Menu {
  const usable = CATALOGUE.filter((def) => isAvailable(def, accepted))
    .map((def) => ({ def, targets: def.targets(source) }))
    .filter((e) => e.targets.length > 0);
  const ordered = [...usable.filter((e) => e.def.role === 'fault'), ...usable.filter((e) => e.def.role === 'repair')];
  return {
    entries: ordered.map((e, i) => ({ ...e, key: i < SLOTS ? slotKey(i) : '' })),
    missing: CATALOGUE.filter((def) => !isAvailable(def, accepted)).map((def) => ({ def, needs: def.kind })),
  };
}

/** The target a press of `entry` hits. */
export function targetOf(entry: MenuEntry, selected: string | undefined, picked: string | undefined): string | undefined {
  const ids = entry.targets.map((t) => t.id);
  if (selected !== undefined && ids.includes(selected)) return selected;
  if (picked !== undefined && ids.includes(picked)) return picked;
  return ids[0];
}
