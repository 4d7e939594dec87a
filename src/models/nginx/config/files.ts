/**
 * The file system the parser sees: the caller's files, named by relative or
 * absolute paths, laid out as Debian lays out /etc/nginx, plus Debian's
 * stock files (mime.types, proxy_params…) for configurations that include
 * them. `include` resolves and globs exactly like ngx_conf_include does.
 */
import { DEBIAN_FILES } from './debian';

/** Debian's configuration prefix: where relative names live. */
export const CONF_PREFIX = '/etc/nginx/';

/** A path that stands for the fragment being wrapped in Debian's nginx.conf. */
export const FRAGMENT_PATH = '/dev/null/trafficlab-fragment';

export interface OpenedFile {
  /** The name errors show: the caller's key, or the built-in's absolute path. */
  name: string;
  text: string;
  /** True for the caller's own files (those count in `notSimulated`). */
  user: boolean;
}

export class FileSet {
  /** Absolute path → caller's key. */
  private readonly byPath = new Map<string, string>();
  /** The prefix relative `include` paths resolve against (the entry's directory). */
  readonly confPrefix: string;

  constructor(
    private readonly files: Record<string, string>,
    entry: string,
    private readonly fragmentKey?: string,
  ) {
    for (const key of Object.keys(files)) this.byPath.set(this.absolute(key), key);
    const entryAbs = this.absolute(entry);
    this.confPrefix = fragmentKey !== undefined ? CONF_PREFIX : entryAbs.slice(0, entryAbs.lastIndexOf('/') + 1);
  }

  /** A caller's key as an absolute path. */
  absolute(key: string): string {
    return key.startsWith('/') ? key : CONF_PREFIX + key;
  }

  /** ngx_conf_full_name(…, conf_prefix): relative names are under the configuration's directory. */
  fullName(name: string): string {
    return name.startsWith('/') ? name : this.confPrefix + name;
  }

  /** How nginx would print a path in `open() "…" failed`, mapped back to the caller's naming. */
  display(path: string): string {
    return path.startsWith(CONF_PREFIX) ? path.slice(CONF_PREFIX.length) : path;
  }

  open(path: string): OpenedFile | undefined {
    if (path === FRAGMENT_PATH && this.fragmentKey !== undefined) {
      return { name: this.fragmentKey, text: this.files[this.fragmentKey] ?? '', user: true };
    }
    const key = this.byPath.get(path);
    if (key !== undefined) return { name: key, text: this.files[key] ?? '', user: true };
    const builtin = DEBIAN_FILES[path];
    if (builtin !== undefined) return { name: path, text: builtin, user: false };
    return undefined;
  }

  /** True when a leading part of `path` is a file, so opening it fails with ENOTDIR. */
  underFile(path: string): boolean {
    const parts = path.split('/');
    for (let i = 1; i < parts.length - 1; i++) {
      if (this.open(parts.slice(0, i + 1).join('/'))) return true;
    }
    return false;
  }

  /** glob(3) as nginx calls it: matches sorted in byte order, no match is no error. */
  glob(pattern: string): string[] {
    const re = globToRegExp(pattern);
    const all = new Set<string>([...this.byPath.keys(), ...Object.keys(DEBIAN_FILES)]);
    return [...all].filter((p) => re.test(p)).sort(byteOrder);
  }
}

/** True when ngx_conf_include would treat the name as a pattern. */
export function hasGlob(name: string): boolean {
  return /[*?[]/.test(name);
}

function byteOrder(a: string, b: string): number {
  const ea = new TextEncoder().encode(a);
  const eb = new TextEncoder().encode(b);
  const n = Math.min(ea.length, eb.length);
  for (let i = 0; i < n; i++) {
    const d = (ea[i] ?? 0) - (eb[i] ?? 0);
    if (d !== 0) return d;
  }
  return ea.length - eb.length;
}

/**
 * POSIX glob for one path: `*` and `?` stay within a path component and do not
 * match a leading dot; `[...]`/`[!...]` are classes; `\` escapes.
 */
export function globToRegExp(pattern: string): RegExp {
  let out = '';
  let atComponentStart = true;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] ?? '';
    const noDot = atComponentStart ? '(?!\\.)' : '';
    atComponentStart = false;
    if (ch === '/') {
      out += '/';
      atComponentStart = true;
    } else if (ch === '*') {
      out += noDot + '[^/]*';
    } else if (ch === '?') {
      out += noDot + '[^/]';
    } else if (ch === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      body = body.replace(/[\\\]^]/g, (c) => '\\' + c);
      out += noDot + (negate ? `[^/${body}]` : `[${body}]`);
      i = close;
    } else if (ch === '\\' && i + 1 < pattern.length) {
      i++;
      out += escapeRe(pattern[i] ?? '');
    } else {
      out += escapeRe(ch);
    }
  }
  return new RegExp('^' + out + '$');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
