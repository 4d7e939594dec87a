import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWorld, loadScenario } from '../../../src/scenario';
import { commandFor, faultById } from '../../../src/ui/instructor/catalogue';
import { acceptedKinds, toWorldCommand } from '../../../src/ui/instructor/build';
import { buildMenu } from '../../../src/ui/instructor/menu';

const FULL = 'lessons/scenarios/full-path.yaml';

function loaded() {
  const result = loadScenario(readFileSync(FULL, 'utf8'), FULL);
  if (!result.ok) throw new Error(`${FULL} does not load`);
  return result.scenario;
}

describe('Kubernetes faults in the fault menu', () => {
  it('are available in a full world: scale, drain, cordon and uncordon', () => {
    const scenario = loaded();
    const world = createWorld(scenario, { seed: 1 });
    world.runUntil(3_000);
    const menu = buildMenu(acceptedKinds(scenario), { scenario, snapshot: world.snapshot() });
    for (const id of ['scale', 'drain', 'cordon', 'uncordon']) expect(menu.entries.map((e) => e.def.id), id).toContain(id);
    for (const kind of ['scale', 'drain', 'cordon', 'uncordon']) expect(menu.missing.map((m) => m.needs)).not.toContain(kind);
  });

  it('turns the scale entry into a flat command the world takes', () => {
    const scenario = loaded();
    const def = faultById('scale');
    if (def === undefined) throw new Error('scale missing from the catalogue');
    const command = commandFor(def, 'api', { replicas: 4 });
    expect(command).toEqual({ kind: 'scale', target: 'api', replicas: 4 });
    const world = createWorld(scenario, { seed: 1 });
    world.runUntil(10_000);
    world.inject(toWorldCommand(command, acceptedKinds(scenario)));
    world.runUntil(15_000);
    expect(world.snapshot().components.filter((c) => c.kind === 'pod' && c.label.startsWith('api-'))).toHaveLength(4);
  });
});
