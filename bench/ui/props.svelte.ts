/**
 * The benchmark diagram's props as one reactive object: the page's frame
 * loop writes, the diagram redraws. Raw state, as in the app: a deep proxy
 * over thousands of packet objects would measure Svelte's proxies, not the
 * diagram.
 */
import type { WorldSnapshot } from '../../src/scenario';
import type { PacketSpan } from '../../src/ui/history/packets';

class BenchProps {
  snapshot: WorldSnapshot = $state.raw({ t: 0, components: [], links: [] });
  spans: readonly PacketSpan[] = $state.raw([]);
  t = $state(0);
  speed = 1;
  reducedMotion = false;
}

export const props = new BenchProps();
