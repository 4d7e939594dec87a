/**
 * Stands in for src/scenario/runtime/apply.ts in the embed build (see
 * vite.embed.config.ts, `deferredModules`). `kubectl apply` reads YAML, so the
 * real module brings the YAML parser and the manifest checks with it; an
 * embedded lab issues that command only after `loadKubectlApply()`, so a
 * page that never applies a manifest never downloads them.
 */
import type { ApplyDeps } from '../../scenario/runtime/apply';
import type { KubectlApplyCommand } from '../../scenario';
import { loadWorldPart } from '../world-parts';
import { loadNginxParser } from './nginx-config';

type ApplyModule = typeof import('../../scenario/runtime/apply');

let loaded: ApplyModule | undefined;

/**
 * Load the real `kubectl apply` (and the YAML parser), the cluster's code
 * for changing what runs (the `apply` world part), and the nginx parser
 * and balancing methods for the configurations a manifest may bring; after
 * it settles, worlds apply manifests as everywhere else.
 */
export async function loadKubectlApply(): Promise<void> {
  [loaded] = await Promise.all([loaded ?? import('../../scenario/runtime/apply'), loadNginxParser(), loadWorldPart('balancers'), loadWorldPart('apply')]);
}

/** The real `applyKubectl` once loaded; before, it refuses by throwing, as a world does for a command it does not know. */
export function applyKubectl(deps: ApplyDeps, command: KubectlApplyCommand): void {
  if (loaded === undefined) throw new Error('kubectl apply is not loaded in this embed: call loadKubectlApply() first');
  loaded.applyKubectl(deps, command);
}
