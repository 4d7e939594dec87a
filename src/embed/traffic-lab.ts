/**
 * `traffic-lab.js`: load it with `<script type="module" src="…/traffic-lab.js">`
 * and write `<traffic-lab scenario="…">` or `<traffic-lab lesson="…" step="2">`
 * anywhere in the page (docs/embedding.md). Loading it twice is harmless:
 * the element is defined once.
 */
import { TrafficLabElement } from './element';

export { TrafficLabElement };
export { EVENT_NAMES, type TrafficLabEvents, type TrafficLabEventName } from './events';

if (customElements.get('traffic-lab') === undefined) customElements.define('traffic-lab', TrafficLabElement);

declare global {
  interface HTMLElementTagNameMap {
    'traffic-lab': TrafficLabElement;
  }
}
