/**
 * Where a scenario keeps its nginx configurations, and how to put an edited
 * one back: a machine's `nginx.conf:` block, or a `.conf` key of a ConfigMap
 * (the one the course mounts at /etc/nginx/conf.d). The edit replaces only
 * that block scalar's text in the file, so the rest of the file (comments,
 * layout) stays as the author wrote it.
 */
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, stringify, type Node, type Pair } from 'yaml';

export interface NginxSource {
  /** What the editor's picker shows: `ConfigMap nginx-conf: default.conf`. */
  label: string;
  /** The file name nginx reads it as, relative to /etc/nginx (`conf.d/default.conf`, `nginx.conf`). */
  file: string;
  text: string;
  /** The value's place in the scenario text: [start, end) offsets. */
  start: number;
  end: number;
  /** Column (0-based) of the key that holds the value: the block's content is indented past it. */
  keyColumn: number;
}

function get(map: Node | null | undefined, key: string): Node | null | undefined {
  if (map === null || map === undefined || !isMap(map)) return undefined;
  return map.get(key, true) as Node | null | undefined;
}

function scalarText(node: Node | null | undefined): string | undefined {
  return node !== null && node !== undefined && isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

/** A full nginx.conf is read as such; anything else is a conf.d fragment (as the scenario loader does). */
function fileFor(key: string, text: string): string {
  if (key === 'nginx.conf' || /(^|[\s;}])(events|http)\s*\{/.test(text)) return 'nginx.conf';
  return `conf.d/${key}`;
}

function sourceOf(pair: Pair, label: string, file: string, lines: LineCounter): NginxSource | undefined {
  const value = pair.value as Node | null;
  const text = scalarText(value);
  const range = value?.range;
  const keyRange = (pair.key as Node | null)?.range;
  if (text === undefined || range === undefined || range === null || keyRange === undefined || keyRange === null) return undefined;
  return { label, file: fileFor(file, text), text, start: range[0], end: range[1], keyColumn: lines.linePos(keyRange[0]).col - 1 };
}

/** ConfigMaps anywhere in a document tree (top level of a manifest document, or `cluster.manifests`). */
function configMaps(node: Node | null | undefined, out: Node[], depth = 0): void {
  if (node === null || node === undefined || depth > 6) return;
  if (isMap(node)) {
    if (scalarText(get(node, 'kind')) === 'ConfigMap') out.push(node);
    for (const item of node.items) configMaps(item.value as Node | null, out, depth + 1);
  } else if (isSeq(node)) {
    for (const item of node.items) configMaps(item as Node | null, out, depth + 1);
  }
}

/** Every nginx configuration the scenario text holds, in file order. Never throws on bad YAML: it finds what it can. */
export function findNginxSources(scenario: string): NginxSource[] {
  const lines = new LineCounter();
  const docs = parseAllDocuments(scenario, { lineCounter: lines });
  if (!Array.isArray(docs)) return [];
  const found: NginxSource[] = [];
  const first = docs[0]?.contents as Node | null | undefined;
  const machines = get(first, 'machines');
  if (machines !== undefined && machines !== null && isSeq(machines)) {
    for (const m of machines.items) {
      const nginx = get(m as Node, 'nginx');
      if (nginx === undefined || nginx === null || !isMap(nginx)) continue;
      const pair = nginx.items.find((p) => scalarText(p.key as Node) === 'conf');
      const id = scalarText(get(m as Node, 'id')) ?? '?';
      const s = pair === undefined ? undefined : sourceOf(pair, `machine ${id}: nginx conf`, 'default.conf', lines);
      if (s !== undefined) found.push(s);
    }
  }
  for (const doc of docs) {
    const maps: Node[] = [];
    configMaps(doc.contents as Node | null, maps);
    for (const cm of maps) {
      const name = scalarText(get(get(cm, 'metadata'), 'name')) ?? '?';
      const data = get(cm, 'data');
      if (data === undefined || data === null || !isMap(data)) continue;
      for (const pair of data.items) {
        const key = scalarText(pair.key as Node) ?? '';
        if (!key.endsWith('.conf')) continue;
        const s = sourceOf(pair, `ConfigMap ${name}: ${key}`, key, lines);
        if (s !== undefined) found.push(s);
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** `text` as a YAML literal block for a value under a key at `keyColumn`. */
function literalBlock(text: string, keyColumn: number): string {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  // yaml writes `k: |…` at column 0 with its content at column 2; shifting every line keeps any indentation indicator right.
  const written = stringify({ k: body }, { blockQuote: 'literal', lineWidth: 0 });
  const value = written.slice(written.indexOf(':') + 1).trimStart().replace(/\n$/, '');
  const pad = ' '.repeat(keyColumn);
  return value
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : pad + line))
    .join('\n');
}

/**
 * The scenario text with one nginx configuration replaced. Returns undefined
 * if the replaced file would not read back as exactly `text` (then the
 * caller says so rather than apply something else).
 */
export function replaceNginxSource(scenario: string, source: NginxSource, text: string): string | undefined {
  // A block's range runs to the start of whatever follows it: keep the line breaks it ended with.
  const tail = /\n*$/.exec(scenario.slice(source.start, source.end))?.[0] ?? '';
  const block = literalBlock(text, source.keyColumn) + tail;
  const next = scenario.slice(0, source.start) + block + scenario.slice(source.end);
  const back = findNginxSources(next).find((s) => s.start === source.start);
  const want = text.endsWith('\n') ? text : `${text}\n`;
  return back?.text === want ? next : undefined;
}
