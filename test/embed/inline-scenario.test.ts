import { describe, expect, it } from 'vitest';
import { dedent, isInlineScenario } from '../../src/embed/inline-scenario';

describe('isInlineScenario', () => {
  it('takes text with line breaks, or a flow mapping, as YAML and anything else as a URL', () => {
    expect(isInlineScenario('name: x\ntopology: {}')).toBe(true);
    expect(isInlineScenario('  { name: x, topology: {} }')).toBe(true);
    expect(isInlineScenario('scenarios/hello.yaml')).toBe(false);
    expect(isInlineScenario('https://example.org/a.yaml?x=1')).toBe(false);
  });
});

describe('dedent', () => {
  it('removes the indentation the page added when the YAML starts on its own line', () => {
    const text = '\n        name: x\n        topology:\n          clients: []\n      ';
    expect(dedent(text)).toBe('name: x\ntopology:\n  clients: []\n');
  });

  it('keeps a first line that follows the opening quote and dedents the rest', () => {
    const text = 'name: x\n        topology:\n          clients: []';
    expect(dedent(text)).toBe('name: x\ntopology:\n  clients: []\n');
  });

  it('ignores blank lines when finding the common indentation', () => {
    const text = '\n    name: x\n\n    topology: {}\n';
    expect(dedent(text)).toBe('name: x\n\ntopology: {}\n');
  });

  it('leaves YAML that was not indented as it was', () => {
    expect(dedent('name: x\ntopology:\n  clients: []\n')).toBe('name: x\ntopology:\n  clients: []\n');
  });
});
