/**
 * Zoom and pan for the diagram: d3-zoom handed the SVG element through a
 * Svelte attachment. D3 owns the gesture; Svelte owns the DOM, so the
 * transform comes back through `onZoom` and the component applies it.
 * The mouse wheel zooms only with Ctrl (or ⌘), so scrolling the page over
 * the diagram still scrolls the page; dragging pans; pinch zooms. Buttons
 * drive the same behaviour through the controller, for the keyboard.
 */
import { select, zoom, zoomIdentity, type ZoomBehavior } from 'd3';

export interface View {
  x: number;
  y: number;
  k: number;
}

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

/**
 * An attachment for the diagram's `<svg>`. `fit` is read once when attached
 * (and by the controller's `fit`), so a new picture size re-fits only when
 * the caller re-creates the attachment.
 */
export function zoomable(options: { fit: () => View; onZoom: (view: View) => void; controller: (c: ZoomController | undefined) => void }) {
  return (svg: SVGSVGElement) => {
    const selection = select(svg);
    const behaviour: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.1, 4])
      .filter((event: Event) => (event.type === 'wheel' ? (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey : !(event as MouseEvent).button))
      .on('zoom', (event: { transform: View }) => options.onZoom({ x: event.transform.x, y: event.transform.y, k: event.transform.k }));
    selection.call(behaviour);
    // Let a finger scroll the page vertically over the picture; d3-zoom would take every touch.
    selection.style('touch-action', 'pan-y');
    const fit = (): void => {
      const v = options.fit();
      behaviour.transform(selection, zoomIdentity.translate(v.x, v.y).scale(v.k));
    };
    fit();
    options.controller({ zoomBy: (factor) => behaviour.scaleBy(selection, factor), fit });
    return () => {
      selection.on('.zoom', null);
      options.controller(undefined);
    };
  };
}
