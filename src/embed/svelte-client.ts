/**
 * Svelte's client runtime as the embed build sees it: the same, except for
 * `append_styles`, which Svelte calls once per component (compiled with
 * `css: 'injected'`) to insert a `<style>` element. Here the CSS becomes a
 * constructed stylesheet instead (see styles.ts), so <traffic-lab> works
 * under `style-src 'self'`. vite.embed.config.ts points every import of
 * `svelte/internal/client` at this module; an explicit export takes
 * precedence over the `export *` of the same name.
 */
import { addSheet } from './styles';

// Deliberate, and pinned by the embed tests: if a Svelte release moves this, test/e2e/embed-csp.spec.ts fails.
// eslint-disable-next-line svelte/no-svelte-internal
export * from 'svelte/internal/client';

/** Svelte's signature: the node the component is mounted at, and its scoped CSS. */
export function append_styles(_anchor: Node, css: { hash: string; code: string }): void {
  addSheet(css.hash, css.code);
}
