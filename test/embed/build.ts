/**
 * Building the embed with Vite's API into a folder of the caller's choice,
 * so the size test and the browser tests never touch (or race over) dist/.
 * Same config as `npm run build`'s second step, plus a manifest that lists
 * what each entry loads.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

/** One entry of Vite's build manifest (the fields used here). */
export interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}

export type Manifest = Record<string, ManifestChunk>;

/**
 * Build the embed into `outDir` (emptied first) and return its manifest.
 * A production build, as `npm run build` makes it: under Vitest NODE_ENV is
 * "test", and Vite would then keep Svelte's development code in the bundle.
 */
export async function buildEmbed(outDir: string): Promise<Manifest> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: path.resolve('vite.embed.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, manifest: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return JSON.parse(readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}
