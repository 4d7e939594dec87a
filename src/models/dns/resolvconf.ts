/**
 * `/etc/resolv.conf` as the glibc stub resolver reads it (resolv.conf(5)):
 * up to three `nameserver` lines tried in order, a `search` list, and
 * `options ndots:n timeout:n attempts:n`. Defaults: ndots 1, timeout 5 s,
 * attempts 2. Out-of-range options are clamped as glibc clamps them
 * (ndots ≤ 15, timeout ≤ 30, attempts ≤ 5).
 */

/** What the stub resolver works from. */
export interface StubConfig {
  /** Nameserver IPs, tried in order. */
  readonly nameservers: readonly string[];
  /** Search domains, without trailing dots (`shop.svc.cluster.local`). */
  readonly search: readonly string[];
  readonly ndots: number;
  /** Seconds to wait for the first nameserver (`timeout:`, RES_TIMEOUT). */
  readonly timeoutS: number;
  /** Rounds over the nameserver list (`attempts:`, RES_DFLRETRY). */
  readonly attempts: number;
}

/** glibc's defaults (resolv/resolv.h: RES_TIMEOUT 5, RES_DFLRETRY 2; ndots 1). */
export const GLIBC_DEFAULTS = { ndots: 1, timeoutS: 5, attempts: 2 } as const;

/** glibc reads at most three nameservers (MAXNS). */
export const MAXNS = 3;

/** A stub configuration with glibc's defaults for whatever is not given. */
export function stubConfig(partial: Partial<StubConfig> & { nameservers: readonly string[] }): StubConfig {
  return {
    search: [],
    ...GLIBC_DEFAULTS,
    ...partial,
    nameservers: partial.nameservers.slice(0, MAXNS),
  };
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

/** Read a resolv.conf text; unknown lines are ignored, as glibc ignores them. */
export function parseResolvConf(text: string): StubConfig {
  const nameservers: string[] = [];
  let search: string[] = [];
  let ndots: number = GLIBC_DEFAULTS.ndots;
  let timeoutS: number = GLIBC_DEFAULTS.timeoutS;
  let attempts: number = GLIBC_DEFAULTS.attempts;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[#;].*$/, '').trim();
    const [keyword, ...args] = line.split(/\s+/);
    if (keyword === 'nameserver' && args[0] !== undefined && nameservers.length < MAXNS) nameservers.push(args[0]);
    // The last `search` or `domain` line wins (resolv.conf(5)).
    if (keyword === 'search') search = args.map((d) => d.replace(/\.$/, ''));
    if (keyword === 'domain' && args[0] !== undefined) search = [args[0].replace(/\.$/, '')];
    if (keyword === 'options') {
      for (const opt of args) {
        const [name, value] = opt.split(':');
        const n = Number(value);
        if (!Number.isInteger(n)) continue;
        if (name === 'ndots') ndots = clamp(n, 0, 15);
        if (name === 'timeout') timeoutS = clamp(n, 1, 30);
        if (name === 'attempts') attempts = clamp(n, 1, 5);
      }
    }
  }
  return { nameservers, search, ndots, timeoutS, attempts };
}

/** The file as `cat /etc/resolv.conf` would show it (options only where they differ from the defaults). */
export function formatResolvConf(config: StubConfig): string {
  const lines: string[] = [];
  if (config.search.length > 0) lines.push(`search ${config.search.join(' ')}`);
  for (const ns of config.nameservers) lines.push(`nameserver ${ns}`);
  const options: string[] = [];
  if (config.ndots !== GLIBC_DEFAULTS.ndots) options.push(`ndots:${config.ndots}`);
  if (config.timeoutS !== GLIBC_DEFAULTS.timeoutS) options.push(`timeout:${config.timeoutS}`);
  if (config.attempts !== GLIBC_DEFAULTS.attempts) options.push(`attempts:${config.attempts}`);
  if (options.length > 0) lines.push(`options ${options.join(' ')}`);
  return `${lines.join('\n')}\n`;
}
