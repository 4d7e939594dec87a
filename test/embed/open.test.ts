import { describe, expect, it } from 'vitest';
import { openSession } from '../../src/embed/open';
import { parseOptions, type AttributeName } from '../../src/embed/options';

const emit = () => undefined;

function options(attributes: Partial<Record<AttributeName, string>>) {
  const parsed = parseOptions((name) => attributes[name] ?? null, 'https://course.example.org/');
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.options;
}

const scenario = `
    name: Inline
    seed: 4
    topology:
      clients:
        - { id: browser, address: 203.0.113.7, target: app, requests: { every: 1s } }
      servers:
        - { id: app, address: 198.51.100.10 }
      links:
        - { from: browser, to: app, latencyMs: 5 }
`;

describe('openSession', () => {
  it("builds a world from an inline scenario, with the scenario's seed unless one is given", async () => {
    const own = await openSession(options({ scenario }), { emit });
    const chosen = await openSession(options({ scenario, seed: '9', speed: '2' }), { emit });
    expect(own.ok && [own.name, own.file, own.seed, own.session.world.seed]).toEqual(['Inline', 'inline scenario', 4, 4]);
    expect(chosen.ok && [chosen.seed, chosen.session.player.speed]).toEqual([9, 2]);
  });

  it('lists the errors of a scenario that does not validate, with their lines', async () => {
    const opened = await openSession(options({ scenario: scenario.replace('latencyMs: 5', 'latencyMss: 5') }), { emit });
    expect(opened.ok).toBe(false);
    expect(!opened.ok && opened.title).toBe('The scenario inline scenario has errors');
    expect(!opened.ok && opened.messages.join('\n')).toMatch(/inline scenario:9.*latencyMss/);
  });

  it('passes on why a source could not be had', async () => {
    const opened = await openSession(options({ lesson: 'load-balancing', step: '2' }), { emit });
    expect(!opened.ok && opened.title).toBe('Lesson "load-balancing" not found');
  });
});
