/**
 * Serving files from `root`/`alias` with `index` (ngx_http_static_module,
 * ngx_http_index_module, and the 403 of ngx_http_core_content_phase) against
 * a virtual file tree: absolute path → content. A directory exists when some
 * path lies under it (or a key ending in "/" names it).
 *
 * - only GET, HEAD and POST (405 otherwise; POST on a file is 405 too);
 * - `/dir` that is a directory → 301 to `/dir/` (arguments kept);
 * - `/dir/` → the first index file that exists, by internal redirect (the
 *   location search runs again); none, but the directory exists → 403;
 *   no directory → 404;
 * - missing file → 404, with the error-log line nginx writes.
 */
import type { Conf, LocationBlock } from '../model';
import { BoundedCache } from '../../../sim';

export type StaticResult =
  | { kind: 'file'; status: 200; path: string; body: string; contentType: string }
  | { kind: 'redirect'; status: 301; location: string; why: string }
  | { kind: 'internal'; uri: string; why: string }
  | { kind: 'error'; status: 403 | 404 | 405; why: string; errorLog?: string };

export interface StaticOptions {
  /** Default GET. */
  method?: string;
  /** Undecoded arguments, kept by the directory redirect. */
  args?: string;
  /** nginx's prefix, against which a relative root resolves (Debian: /usr/share/nginx). */
  prefix?: string;
}

/** The virtual file tree: absolute path → file content. */
export type FileTree = Readonly<Record<string, string>>;

const MIME: Record<string, string> = {
  html: 'text/html',
  htm: 'text/html',
  css: 'text/css',
  js: 'application/javascript',
  json: 'application/json',
  txt: 'text/plain',
  xml: 'text/xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  ico: 'image/x-icon',
  webp: 'image/webp',
};

/** Content-Type from Debian's mime.types (a common subset), default_type application/octet-stream. */
export function contentTypeFor(path: string): string {
  return contentTypes.get(path);
}

/** Content types by path: a pure function of the name (the table never changes), asked for every file served. Bounded. */
const contentTypes = new BoundedCache<string, string>(1024, (path) => {
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  return (ext && MIME[ext]) ?? 'application/octet-stream';
});

// The kernel treats "//" as "/", so lookups do too; messages keep nginx's spelling.
const clean = (path: string): string => (path.includes('//') ? path.replace(/\/{2,}/g, '/') : path);

function isFile(files: FileTree, path: string): boolean {
  const p = clean(path);
  return !p.endsWith('/') && files[p] !== undefined;
}

function isDir(files: FileTree, path: string): boolean {
  const dir = clean(path).replace(/\/?$/, '/');
  return Object.keys(files).some((k) => k.startsWith(dir));
}

/** The errno nginx reports when `path` cannot be opened: ENOTDIR when a parent is a file. */
function missing(files: FileTree, path: string): string {
  const segments = clean(path).split('/');
  for (let i = 1; i < segments.length - 1; i++) {
    if (isFile(files, segments.slice(0, i + 1).join('/'))) return '20: Not a directory';
  }
  return '2: No such file or directory';
}

/** The file path for a URI: root + URI, or alias + the URI after the location prefix. */
export function filePath(conf: Conf, location: Pick<LocationBlock, 'modifier' | 'pattern'> | undefined, uri: string, prefix = '/usr/share/nginx'): string {
  if (conf.alias !== undefined) {
    // A relative alias resolves against the prefix exactly as a relative root does (ngx_conf_full_name).
    const alias = underPrefix(conf.alias, prefix);
    const prefixed = location && location.modifier !== '~' && location.modifier !== '~*';
    return prefixed ? alias + uri.slice(location.pattern.length) : alias;
  }
  return underPrefix(conf.root, prefix) + uri;
}

function underPrefix(path: string, prefix: string): string {
  return path.startsWith('/') ? path : `${prefix.replace(/\/$/, '')}/${path}`;
}

/** A file path worked out before, with what it was worked out from besides the configuration and URI. */
interface KnownPath {
  location: Pick<LocationBlock, 'modifier' | 'pattern'> | undefined;
  prefix: string | undefined;
  path: string;
}

/**
 * File paths by settings, then URI: filePath is a pure function of them, and
 * the same string object each time lets the file tree and the content types
 * find it without hashing a new string. Checked against the location and
 * prefix it was made for; bounded per settings; dropped with the
 * configuration (weak keys).
 */
const paths = new WeakMap<Conf, Map<string, KnownPath>>();
const PATHS_LIMIT = 1024;

function cachedFilePath(conf: Conf, location: Pick<LocationBlock, 'modifier' | 'pattern'> | undefined, uri: string, prefix: string | undefined): string {
  let byUri = paths.get(conf);
  if (byUri === undefined) {
    byUri = new Map();
    paths.set(conf, byUri);
  }
  const known = byUri.get(uri);
  if (known !== undefined && known.location === location && known.prefix === prefix) return known.path;
  if (byUri.size >= PATHS_LIMIT) byUri.clear();
  const path = filePath(conf, location, uri, prefix);
  byUri.set(uri, { location, prefix, path });
  return path;
}

/** Serve `uri` (normalized) from the file tree as the static and index modules do. */
export function serveStatic(
  conf: Conf,
  location: Pick<LocationBlock, 'modifier' | 'pattern'> | undefined,
  uri: string,
  files: FileTree,
  opts: StaticOptions = {},
): StaticResult {
  const method = opts.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') {
    return { kind: 'error', status: 405, why: `static files answer only GET, HEAD and POST, not ${method}` };
  }
  const path = cachedFilePath(conf, location, uri, opts.prefix);

  if (uri.endsWith('/')) {
    let dirChecked = false;
    for (const name of conf.index) {
      if (name.startsWith('/')) return { kind: 'internal', uri: name, why: `index "${name}" is an absolute URI: internal redirect` };
      const candidate = path + name;
      if (isFile(files, candidate)) {
        return { kind: 'internal', uri: uri + name, why: `index file "${candidate}" exists: internal redirect to "${uri + name}"` };
      }
      if (!dirChecked) {
        dirChecked = true;
        if (!isDir(files, path)) {
          const errno = missing(files, candidate);
          return { kind: 'error', status: 404, why: `directory "${path}" does not exist`, errorLog: `"${candidate}" is not found (${errno})` };
        }
      }
    }
    return {
      kind: 'error',
      status: 403,
      why: `no index file (${conf.index.join(', ')}) in "${path}" and autoindex is off`,
      errorLog: `directory index of "${path}" is forbidden`,
    };
  }

  if (isFile(files, path)) {
    if (method === 'POST') return { kind: 'error', status: 405, why: 'POST to a static file is not allowed' };
    return { kind: 'file', status: 200, path, body: files[clean(path)] ?? '', contentType: contentTypeFor(path) };
  }
  if (isDir(files, path)) {
    const location = `${uri}/${opts.args ? `?${opts.args}` : ''}`;
    return { kind: 'redirect', status: 301, location, why: `"${path}" is a directory: 301 to "${uri}/"` };
  }
  return { kind: 'error', status: 404, why: `no file "${path}"`, errorLog: `open() "${path}" failed (${missing(files, path)})` };
}
