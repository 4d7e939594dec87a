/**
 * An element's clientWidth, kept current, as an attachment: what
 * `bind:clientWidth` does (read at once and whenever the element's box
 * resizes), without Svelte's size-binding runtime, which would otherwise be
 * part of every embedded lab's download (the embed's size budget).
 */
import type { Attachment } from 'svelte/attachments';

/** Calls `set` with the element's clientWidth now and after each resize of its border box, until it is detached. */
export function clientWidth(set: (width: number) => void): Attachment<HTMLElement> {
  return (element) => {
    set(element.clientWidth);
    const observer = new ResizeObserver(() => set(element.clientWidth));
    observer.observe(element, { box: 'border-box' });
    return () => observer.disconnect();
  };
}
