/**
 * Where the embed's bytes go: builds the embed (as `npm run build` does, into
 * a folder of your choice) and prints, per chunk, its gzip size and its
 * modules by rendered (minified) size, largest first. For working on the size
 * budget (issue 8, test/embed/size.test.ts); not part of any build or test.
 *
 *   npx tsx scripts/embed-sizes.ts <outDir> [chunk-name-filter]
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';

const outDir = path.resolve(process.argv[2] ?? 'dist-sizes');
const filter = process.argv[3] ?? '';

const report: Plugin = {
  name: 'trafficlab:embed-sizes',
  generateBundle(_options, bundle) {
    const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
    for (const chunk of chunks.sort((a, b) => a.fileName.localeCompare(b.fileName))) {
      if (!chunk.fileName.includes(filter)) continue;
      const gz = gzipSync(chunk.code).length;
      console.log(`\n${chunk.fileName}: ${(gz / 1000).toFixed(1)} kB gzip, ${(chunk.code.length / 1000).toFixed(1)} kB min`);
      const mods = Object.entries(chunk.modules).sort((a, b) => b[1].renderedLength - a[1].renderedLength);
      for (const [id, m] of mods) {
        if (m.renderedLength < 200) continue;
        const code = m.code ?? '';
        const g = code === '' ? 0 : gzipSync(code).length;
        console.log(`  ${String(m.renderedLength).padStart(7)} min ${String(g).padStart(6)} gz(alone)  ${path.relative(process.cwd(), id.replace(/^\0/, ''))}`);
      }
    }
  },
};

mkdirSync(outDir, { recursive: true });
process.env.NODE_ENV = 'production';
await build({ configFile: path.resolve('vite.embed.config.ts'), mode: 'production', logLevel: 'warn', plugins: [report], build: { outDir, emptyOutDir: true, manifest: true } });
