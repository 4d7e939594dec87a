/**
 * Where the inspector finds a component's configuration text (for nginx,
 * its nginx.conf): a `config` field on the snapshot when the world provides
 * one, otherwise nothing. Read loosely, since the snapshot format grows.
 */
import type { ComponentSnapshot } from '../../scenario';

export interface ConfigText {
  /** File name to show (`/etc/nginx/nginx.conf`). */
  file: string;
  text: string;
}

/** The component's configuration text, if the snapshot carries one. */
export function configOf(c: ComponentSnapshot): ConfigText | undefined {
  const raw = (c as unknown as Record<string, unknown>).config;
  if (typeof raw === 'string' && raw !== '') return { file: 'configuration', text: raw };
  if (raw !== null && typeof raw === 'object') {
    const o = raw as Record<string, unknown>;
    if (typeof o.text === 'string') return { file: typeof o.file === 'string' ? o.file : 'configuration', text: o.text };
  }
  return undefined;
}
