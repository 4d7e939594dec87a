/**
 * The diagram benchmark page: the app's NetworkDiagram over a synthetic
 * scene with `packets` in flight, virtual time moving with wall time. It
 * counts animation frames for `seconds` after a warm-up and publishes the
 * result on `window.__bench` for the runner (run.ts) to read.
 */
import { flushSync, mount } from 'svelte';
import NetworkDiagram from '../../src/ui/NetworkDiagram.svelte';
import '../../src/ui/app.css';
import { benchPackets, benchSnapshot, LATENCY_MS } from './scene';
import { props } from './props.svelte';
import { lingerFor, linkFinder, placePackets } from '../../src/ui/diagram/placed';
import { layoutDiagram } from '../../src/ui/diagram/layout';
import { paintPackets } from '../../src/ui/diagram/canvas';
import { fitView } from '../../src/ui/diagram/zoom';

const query = new URLSearchParams(location.search);
const inFlight = Number(query.get('packets') ?? 2000);
const seconds = Number(query.get('seconds') ?? 5);
const warmupMs = 1_000;
const index = benchPackets(inFlight, seconds + warmupMs / 1000 + 2);

props.snapshot = benchSnapshot();
const target = document.getElementById('bench');
if (target === null) throw new Error('bench page has no #bench element');
mount(NetworkDiagram, { target, props });

interface BenchResult {
  done: boolean;
  fps: number;
  frames: number;
  seconds: number;
  drawnAvg: number;
  slowestFrameMs: number;
  /** Total ms spent finding the packets, and updating and painting the diagram, over the measured frames. */
  queryMs: number;
  drawMs: number;
  /** ms per call, measured apart after the run: placing the packets, painting them on a canvas of the same size. */
  placeMs: number;
  paintMs: number;
}
const result: BenchResult = { done: false, fps: 0, frames: 0, seconds: 0, drawnAvg: 0, slowestFrameMs: 0, queryMs: 0, drawMs: 0, placeMs: 0, paintMs: 0 };
(window as unknown as { __bench: BenchResult }).__bench = result;

let start: number | undefined;
let measuring: number | undefined;
let last = 0;
let frames = 0;
let drawn = 0;
function frame(wall: number): void {
  start ??= wall;
  // Virtual time = wall time since start, shifted past the first second so the wire is full.
  const t = LATENCY_MS + (wall - start);
  const before = performance.now();
  const spans = index.at(t, LATENCY_MS, lingerFor(1).failedMs);
  const queried = performance.now();
  flushSync(() => {
    props.t = t;
    props.spans = spans;
  });
  const after = performance.now();
  if (measuring !== undefined) {
    result.queryMs += queried - before;
    result.drawMs += after - queried;
  }
  if (wall - start >= warmupMs) {
    if (measuring === undefined) measuring = wall;
    else {
      frames++;
      result.slowestFrameMs = Math.max(result.slowestFrameMs, wall - last);
    }
    drawn += spans.length;
  }
  last = wall;
  if (measuring !== undefined && wall - measuring >= seconds * 1000) {
    result.frames = frames;
    result.seconds = (wall - measuring) / 1000;
    result.fps = frames / result.seconds;
    result.drawnAvg = Math.round(drawn / Math.max(1, frames));
    breakdown(t);
    result.done = true;
    return;
  }
  requestAnimationFrame(frame);
}
requestAnimationFrame(frame);

/** Time placing and painting apart, at the last virtual time, 50 times each. */
function breakdown(t: number): void {
  const snapshot = benchSnapshot();
  const layout = layoutDiagram(snapshot.components, snapshot.links);
  const find = linkFinder(layout.links, new Map());
  const spans = index.at(t, LATENCY_MS, lingerFor(1).failedMs);
  const canvas = document.createElement('canvas');
  canvas.width = 1280;
  canvas.height = 560;
  const ctx = canvas.getContext('2d');
  if (ctx === null) return;
  const colours = { request: '#0b5cad', response: '#1a7f37', health: '#8250df', dns: '#9a6700', tcp: '#57606a', failure: '#b3261e' };
  const transform = fitView(layout, { width: 1280, height: 560 });
  let placed = placePackets(spans, find, t, lingerFor(1));
  const a = performance.now();
  for (let i = 0; i < 50; i++) placed = placePackets(spans, find, t + i * 0.01, lingerFor(1));
  const b = performance.now();
  for (let i = 0; i < 50; i++) paintPackets(ctx, placed, { width: 1280, height: 560, dpr: 1, transform, colours });
  ctx.getImageData(0, 0, 1, 1); // waits for the painting to finish
  const c = performance.now();
  result.placeMs = (b - a) / 50;
  result.paintMs = (c - b) / 50;
}
