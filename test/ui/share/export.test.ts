import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../../src/ui/share/export';

describe('exporting the scenario', () => {
  it('names the download after the scenario, without path or odd characters', () => {
    expect(exportFileName('lessons/scenarios/hello.yaml')).toBe('hello.yaml');
    expect(exportFileName('../<evil>.yml')).toBe('_evil_.yaml');
    expect(exportFileName('')).toBe('scenario.yaml');
  });
});
