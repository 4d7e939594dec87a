/**
 * The files `trafficlab nginx` shows the simulated nginx: everything under
 * the configuration's directory, as `nginx -p DIR -c DIR/NGINX.conf` would
 * see it. The parser gets them keyed relative to that directory (so
 * `include conf.d/*.conf` and a fragment's relative includes resolve there),
 * the static-file handler gets them by absolute path under the same prefix.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface ConfFiles {
  /** Relative to the configuration's directory → text, for the parser. */
  files: Record<string, string>;
  /** The configuration's own key in `files`. */
  entry: string;
  /** Absolute path → content, for root and alias. */
  tree: Record<string, string>;
  /** Absolute directory standing for nginx's prefix. */
  prefix: string;
  /** Turns a key from an error message back into the path the user knows. */
  display(key: string): string;
}

// Bounds, so pointing the command at a huge directory cannot exhaust memory.
const MAX_FILES = 2000;
const MAX_FILE_BYTES = 2 * 1024 * 1024;
const MAX_DEPTH = 8;
const SKIP = new Set(['node_modules', '.git']);

/** Read the configuration and the files around it; throws when the configuration itself cannot be read. */
export function loadConfFiles(confPath: string): ConfFiles {
  const entryText = fs.readFileSync(confPath, 'utf8');
  const dir = path.dirname(confPath);
  const prefix = path.resolve(dir);
  const entry = path.basename(confPath);
  const files: Record<string, string> = {};
  const tree: Record<string, string> = {};
  let count = 0;
  const walk = (abs: string, rel: string, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(abs, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (count >= MAX_FILES || SKIP.has(e.name)) continue;
      const childAbs = path.join(abs, e.name);
      const childRel = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) walk(childAbs, childRel, depth + 1);
      else if (e.isFile()) {
        try {
          if (fs.statSync(childAbs).size > MAX_FILE_BYTES) continue;
          const text = fs.readFileSync(childAbs, 'latin1');
          files[childRel] = text;
          tree[childAbs] = text;
          count++;
        } catch {
          // Unreadable: nginx would not see it either.
        }
      }
    }
  };
  walk(prefix, '', 0);
  // The configuration is UTF-8 text; everything else stays bytes (latin1 keeps one char per byte).
  files[entry] = entryText;
  return {
    files,
    entry,
    tree,
    prefix,
    display: (key) => (key.startsWith('/') ? key : path.join(dir, key)),
  };
}

/**
 * Host names as this machine resolves them for nginx at start-up: `localhost`
 * from /etc/hosts (127.0.0.1 only: no ::1 line there, which real nginx on
 * this machine confirms), any other name not found, as with no DNS.
 */
export function resolveHost(host: string): string[] | undefined {
  return host.toLowerCase() === 'localhost' ? ['127.0.0.1'] : undefined;
}
