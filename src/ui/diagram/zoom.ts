/**
 * Zoom and pan for the diagram, attached to its `<svg>` through a Svelte
 * attachment. The gestures set the view; Svelte owns the DOM, so the
 * transform goes out through `onZoom` and the component applies it. The
 * mouse wheel zooms only with Ctrl (or ⌘), so scrolling the page over the
 * diagram still scrolls the page; dragging pans; two fingers pinch; a
 * double click zooms in (with Shift, out). Buttons drive the same view
 * through the controller, for the keyboard. The arithmetic is in
 * zoom-math.ts; this file only reads pointers.
 */
import { panBy, pinch, scaleTo, wheelDoublings, type View } from './zoom-math';

export type { View };

export interface ZoomController {
  zoomBy(factor: number): void;
  /** Back to the transform that fits the whole picture. */
  fit(): void;
}

/** The transform that fits a `content` box inside a `viewport` box, centred, never enlarging past 1. */
export function fitView(content: { width: number; height: number }, viewport: { width: number; height: number }): View {
  const k = Math.max(0.1, Math.min(1, viewport.width / content.width, viewport.height / content.height));
  return { x: (viewport.width - content.width * k) / 2, y: (viewport.height - content.height * k) / 2, k };
}

/** A pointer this far from where it went down has dragged, and its click does not select. */
const CLICK_DISTANCE = 3;

/**
 * An attachment for the diagram's `<svg>`. `fit` is read once when attached
 * (and by the controller's `fit`), so a new picture size re-fits only when
 * the caller re-creates the attachment.
 */
export function zoomable(options: { fit: () => View; onZoom: (view: View) => void; controller: (c: ZoomController | undefined) => void }) {
  return (svg: SVGSVGElement) => {
    let view = options.fit();
    const set = (v: View): void => {
      view = v;
      options.onZoom({ ...v });
    };
    /** A point in the svg's own pixels (it has width and height and no viewBox). */
    const at = (e: { clientX: number; clientY: number }) => {
      const box = svg.getBoundingClientRect();
      return { x: e.clientX - box.left, y: e.clientY - box.top };
    };
    const pointers = new Map<number, { x: number; y: number }>();
    let start: { x: number; y: number } | undefined;
    let dragged = false;

    const onMove = (e: PointerEvent): void => {
      const before = pointers.get(e.pointerId);
      if (before === undefined) return;
      const now = at(e);
      if (start !== undefined && Math.hypot(now.x - start.x, now.y - start.y) > CLICK_DISTANCE) dragged = true;
      const other = [...pointers].find(([id]) => id !== e.pointerId)?.[1];
      set(other === undefined ? panBy(view, now.x - before.x, now.y - before.y) : pinch(view, before, other, now, other));
      pointers.set(e.pointerId, now);
    };
    // While dragging, the page's text is not selected (as d3-drag's dragDisable).
    const noSelect = (e: Event): void => e.preventDefault();
    const stopDragging = (): void => {
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      window.removeEventListener('pointercancel', onUp);
      window.removeEventListener('selectstart', noSelect);
      start = undefined;
    };
    const onUp = (e: PointerEvent): void => {
      pointers.delete(e.pointerId);
      if (pointers.size === 0) stopDragging();
    };
    const onDown = (e: PointerEvent): void => {
      // Only the primary button pans (as d3-zoom's default filter); others are left to the page.
      if (e.button !== 0) return;
      if (pointers.size === 0) {
        start = at(e);
        dragged = false;
        window.addEventListener('pointermove', onMove);
        window.addEventListener('pointerup', onUp);
        window.addEventListener('pointercancel', onUp);
        window.addEventListener('selectstart', noSelect);
      }
      pointers.set(e.pointerId, at(e));
    };
    // A drag that ends over a component is not a click on it.
    const onClick = (e: MouseEvent): void => {
      if (!dragged) return;
      dragged = false;
      e.stopPropagation();
      e.preventDefault();
    };
    const onWheel = (e: WheelEvent): void => {
      if (!(e.ctrlKey || e.metaKey)) return;
      e.preventDefault();
      set(scaleTo(view, view.k * 2 ** wheelDoublings(e.deltaY, e.deltaMode, e.ctrlKey), at(e)));
    };
    const onDoubleClick = (e: MouseEvent): void => {
      e.preventDefault();
      set(scaleTo(view, view.k * (e.shiftKey ? 0.5 : 2), at(e)));
    };

    svg.addEventListener('pointerdown', onDown);
    svg.addEventListener('click', onClick, true);
    svg.addEventListener('wheel', onWheel, { passive: false });
    svg.addEventListener('dblclick', onDoubleClick);
    // Let a finger scroll the page vertically over the picture; the gestures take the rest.
    svg.style.touchAction = 'pan-y';
    const centre = () => ({ x: svg.width.baseVal.value / 2, y: svg.height.baseVal.value / 2 });
    const fit = (): void => set(options.fit());
    set(view);
    options.controller({ zoomBy: (factor) => set(scaleTo(view, view.k * factor, centre())), fit });
    return () => {
      svg.removeEventListener('pointerdown', onDown);
      svg.removeEventListener('click', onClick, true);
      svg.removeEventListener('wheel', onWheel);
      svg.removeEventListener('dblclick', onDoubleClick);
      pointers.clear();
      stopDragging();
      options.controller(undefined);
    };
  };
}
