/**
 * `kubectl get TYPE[,TYPE…] [NAME…] [-o wide|name] [-l k=v] [-A] [--show-labels]`:
 * the tables kubectl prints, aligned by the same tabwriter, with
 * `kind/name` prefixes and a blank line between tables when several types
 * are listed, and kubectl's messages for empty lists and missing names.
 */
import type { ClusterView } from '../../host';
import { GET_TABLE, tabwrite } from '../../format/tabwriter';
import type { Io } from '../../core/command';
import { ALL, notFound, RESOURCES, resourceKind, type ResourceKind } from './resources';
import { formatLabels, tableFor, type Row, type Table } from './tables';

export interface GetOptions {
  readonly namespace: string;
  readonly allNamespaces: boolean;
  /** `wide`, `name`, or undefined for the default table. */
  readonly output?: string;
  readonly selector?: string;
  readonly showLabels: boolean;
  readonly noHeaders: boolean;
}

const OUTPUTS = ['wide', 'name'];
const KNOWN_OUTPUTS = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

/** `app=web,tier!=db` → a predicate over labels; undefined when the selector is malformed. */
function selectorMatcher(selector: string): ((labels: Readonly<Record<string, string>>) => boolean) | undefined {
  const terms = selector.split(',').map((t) => t.trim());
  const checks: ((labels: Readonly<Record<string, string>>) => boolean)[] = [];
  for (const term of terms) {
    const m = /^([\w./-]+)\s*(==|=|!=)\s*([\w.-]*)$/.exec(term);
    if (m !== null) {
      const [, key = '', op, value = ''] = m;
      checks.push(op === '!=' ? (l) => l[key] !== value : (l) => l[key] === value);
    } else if (/^[\w./-]+$/.test(term)) checks.push((l) => l[term] !== undefined);
    else if (/^![\w./-]+$/.test(term)) checks.push((l) => l[term.slice(1)] === undefined);
    else return undefined;
  }
  return (labels) => checks.every((c) => c(labels));
}

interface Request {
  readonly kind: ResourceKind;
  readonly names: readonly string[];
}

/** `pods,svc web-1` or `pod/web-1 svc/web` → what to list; or kubectl's error text. */
function readRequests(args: readonly string[]): { requests: Request[]; mixed: boolean } | { error: string } {
  const first = args[0];
  if (first === undefined) {
    return {
      error:
        'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        'error: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
        "See 'kubectl get -h' for help and examples\n",
    };
  }
  if (args.some((a) => a.includes('/'))) {
    const requests: Request[] = [];
    for (const a of args) {
      const [type = '', name = ''] = a.split('/');
      if (!a.includes('/')) return { error: `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n` };
      const kind = resourceKind(type);
      if (kind === undefined) return { error: `error: the server doesn't have a resource type "${type}"\n` };
      requests.push({ kind, names: [name] });
    }
    return { requests, mixed: true };
  }
  const kinds: ResourceKind[] = [];
  for (const word of first.split(',')) {
    if (word === 'all') kinds.push(...ALL);
    else {
      const kind = resourceKind(word);
      if (kind === undefined) return { error: `error: the server doesn't have a resource type "${word}"\n` };
      kinds.push(kind);
    }
  }
  const unique = [...new Set(kinds)];
  return { requests: unique.map((kind) => ({ kind, names: args.slice(1) })), mixed: unique.length > 1 || first.split(',').includes('all') };
}

function render(table: Table, rows: readonly Row[], kind: ResourceKind, options: GetOptions, withKind: boolean): string {
  const wide = options.output === 'wide';
  const visible = table.columns.map((c, i) => ({ c, i })).filter(({ c }) => wide || !c.wide);
  const namespaced = options.allNamespaces && RESOURCES[kind].namespaced;
  const nameIndex = table.columns.findIndex((c) => c.header === 'NAME');
  const lines: string[] = [];
  if (!options.noHeaders) {
    const headers = [...(namespaced ? ['NAMESPACE'] : []), ...visible.map(({ c }) => c.header), ...(options.showLabels ? ['LABELS'] : [])];
    lines.push(headers.join('\t'));
  }
  for (const row of rows) {
    const cells = visible.map(({ i }) => {
      const cell = row.cells[i] ?? '';
      return i === nameIndex && withKind ? `${RESOURCES[kind].prefix}/${cell}` : cell;
    });
    lines.push([...(namespaced ? [row.namespace] : []), ...cells, ...(options.showLabels ? [formatLabels(row.labels)] : [])].join('\t'));
  }
  return tabwrite(`${lines.join('\n')}\n`, GET_TABLE);
}

/** Print `kubectl get …`; returns the exit status. */
export function kubectlGet(cluster: ClusterView, now: number, args: readonly string[], options: GetOptions, io: Io): number {
  if (options.output !== undefined && !OUTPUTS.includes(options.output)) {
    if (['yaml', 'json'].includes(options.output)) {
      io.err(`trafficlab: kubectl get -o ${options.output} is not simulated; try -o wide or kubectl describe\n`);
    } else {
      io.err(`error: unable to match a printer suitable for the output format "${options.output}", allowed formats are: ${KNOWN_OUTPUTS}\n`);
    }
    return 1;
  }
  const read = readRequests(args);
  if ('error' in read) {
    io.err(read.error);
    return 1;
  }
  const matches = options.selector === undefined ? () => true : selectorMatcher(options.selector);
  if (matches === undefined) {
    io.err(`error: unable to parse requirement: found '${options.selector ?? ''}', expected: in, notin, =, ==, !=, gt, lt\n`);
    return 1;
  }
  const blocks: string[] = [];
  let status = 0;
  for (const request of read.requests) {
    const table = tableFor(request.kind, cluster, now);
    const inScope = table.rows.filter((r) => !RESOURCES[request.kind].namespaced || options.allNamespaces || r.namespace === options.namespace);
    let rows: Row[];
    if (request.names.length > 0) {
      rows = [];
      for (const name of request.names) {
        const row = inScope.find((r) => r.name === name);
        if (row === undefined) {
          io.err(notFound(request.kind, name));
          status = 1;
        } else rows.push(row);
      }
    } else rows = inScope.filter((r) => matches(r.labels));
    if (rows.length === 0) continue;
    if (options.output === 'name') blocks.push(rows.map((r) => `${RESOURCES[request.kind].prefix}/${r.name}\n`).join(''));
    else blocks.push(render(table, rows, request.kind, options, read.mixed));
  }
  if (blocks.length === 0 && status === 0) {
    io.err(options.allNamespaces || read.requests.every((r) => !RESOURCES[r.kind].namespaced) ? 'No resources found\n' : `No resources found in ${options.namespace} namespace.\n`);
    return 0;
  }
  io.out(blocks.join(options.output === 'name' ? '' : '\n'));
  return status;
}
