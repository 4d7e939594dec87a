/** What the shadow root shows, as reactive state the element sets and Embed.svelte reads. */
import type { Controls } from './options';
import type { Session } from './session.svelte';
import type { LessonStep } from './sources';

export type View =
  | { status: 'loading' }
  | { status: 'error'; title: string; messages: string[] }
  | { status: 'ready'; session: Session; file: string; lesson: LessonStep | undefined };

export class EmbedModel {
  view: View = $state.raw({ status: 'loading' });
  controls: Controls = $state('full');
}
