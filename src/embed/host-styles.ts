/**
 * The element's own stylesheet, besides its components' scoped CSS.
 *
 * Inherited properties cross a shadow boundary: without `all: initial` a
 * page's `body { font: 20px/3 serif; text-align: center }` would restyle
 * the lab. The reset applies at the host, so the page can still place and
 * size the element itself (margin, width, height), and the colour tokens
 * follow in the app's own sheet (`:host` in src/ui/app.css).
 */
import tokens from '../ui/app.css?inline';
import { addSheet } from './styles';

const host = `
:host { all: initial; display: block; }
:host([hidden]) { display: none; }
.frame {
  box-sizing: border-box;
  height: 100%;
  overflow: auto;
  padding: 0.75em;
  border: 1px solid var(--line);
  border-radius: 8px;
  background: var(--bg);
  color: var(--fg);
  text-align: start;
}
`;

/** Register the element's sheets first, so component CSS (added as components mount) comes after it. */
export function addHostSheets(): void {
  addSheet('trafficlab-host', host);
  addSheet('trafficlab-tokens', tokens);
}
