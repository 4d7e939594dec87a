import { describe, expect, it } from 'vitest';
import { Trace } from '../../../src/sim';
import { applyKubectl, loadKubectlApply } from '../../../src/embed/deferred/kubectl-apply';

describe("the embed's stand-in for kubectl apply", () => {
  it('refuses in words until loaded, then is the real kubectl apply', async () => {
    const trace = new Trace(() => 0);
    const command = { kind: 'kubectl-apply' as const, target: 'cluster', text: 'kind: Service\n' };
    expect(() => applyKubectl({ trace }, command)).toThrow('kubectl apply is not loaded in this embed: call loadKubectlApply() first');
    await loadKubectlApply();
    const real = await import('../../../src/scenario/runtime/apply');
    // A world without a cluster: both say the same, in the real module's words.
    const said = (f: () => void) => {
      try {
        f();
        return 'no error';
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    };
    expect(said(() => applyKubectl({ trace }, command))).toBe(said(() => real.applyKubectl({ trace }, command)));
    expect(said(() => applyKubectl({ trace }, command))).not.toMatch(/not loaded in this embed/);
  });
});
