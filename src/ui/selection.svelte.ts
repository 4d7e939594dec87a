/**
 * What the student is looking at: the selected component (the inspector
 * shows it), the followed request (the journey shows it, its packets are
 * drawn larger) and the event log's filters. Plain state shared by the
 * lab's panels through context.
 */
import { createContext } from 'svelte';

export class Selection {
  /** Component id shown in the inspector. */
  component = $state<string | undefined>();
  /** Request id followed hop by hop. */
  request = $state<string | undefined>();
  /** Event log filter: only records that involve this component. */
  logComponent = $state('');
  /** Event log filter: only records of this request. */
  logRequest = $state('');

  select(id: string | undefined): void {
    this.component = this.component === id ? undefined : id;
  }

  follow(requestId: string | undefined): void {
    this.request = requestId;
  }

  /** Escape: let go of the followed request first, then the selected component. */
  clear(): void {
    if (this.request !== undefined) this.request = undefined;
    else this.component = undefined;
  }
}

export const [getSelection, setSelection] = createContext<Selection>();
