/**
 * The iframe page (`embed.html?lesson=…&step=…&origin=…`), for platforms
 * that allow only iframes: one <traffic-lab> filling the frame, made from
 * the query parameters, its events relayed to the parent window, and the
 * parent's commands obeyed when they come from the origin it was given.
 * Rules for origins: messages.ts.
 */
import './traffic-lab';
import { EVENT_NAMES } from './events';
import { parseFrameId, parseOrigin, readCommand, SOURCE, type OutMessage } from './messages';
import { ATTRIBUTES } from './options';

const query = new URLSearchParams(location.search);
const host = document.getElementById('lab') ?? document.body;
const lab = document.createElement('traffic-lab');
for (const name of ATTRIBUTES) {
  const value = query.get(name);
  if (value !== null) lab.setAttribute(name, value);
}
const origin = parseOrigin(query.get('origin'));
const frame = parseFrameId(query.get('id'));
host.replaceChildren(lab);

if (!origin.ok) {
  const notice = document.createElement('p');
  notice.className = 'frame-error';
  notice.setAttribute('role', 'alert');
  notice.textContent = `${origin.error}. This frame sends no events until that is fixed.`;
  host.prepend(notice);
}

const trusted = origin.ok ? origin.origin : undefined;
const parent = window.parent === window ? undefined : window.parent;

if (trusted !== undefined && parent !== undefined) {
  for (const type of EVENT_NAMES) {
    lab.addEventListener(type, (event) => {
      const message: OutMessage = { source: SOURCE, type, detail: (event as CustomEvent).detail, frame };
      parent.postMessage(message, trusted);
    });
  }
  window.addEventListener('message', (event) => {
    if (event.source !== parent || event.origin !== trusted) return;
    const command = readCommand(event.data);
    if (command === undefined) return;
    try {
      if (command.command === 'play') lab.play();
      else if (command.command === 'pause') lab.pause();
      else if (command.command === 'step') lab.step();
      else if (command.command === 'seek') lab.seek(command.ms);
      else lab.inject(command.fault as Parameters<typeof lab.inject>[0]);
    } catch (error) {
      // A bad command from the parent is the parent's mistake: say so where its author will look, and keep running.
      console.warn(`trafficlab frame: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}
