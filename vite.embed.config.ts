/**
 * The embed build (`npm run build` runs it after the app's): `dist/traffic-lab.js`,
 * the <traffic-lab> element as one ES module with a fixed name for course
 * pages to load, and `dist/embed.html`, the iframe page.
 *
 * Svelte compiles each component's CSS into its JavaScript (`emitCss: false`),
 * and every import of `svelte/internal/client` is pointed at
 * src/embed/svelte-client.ts, which turns that CSS into constructed
 * stylesheets for the element's shadow root instead of `<style>` elements
 * (refused under `style-src 'self'`). So no CSS file has to be found next
 * to the script, and styles neither leak out nor come in.
 *
 * Working on it: `npx vite -c vite.embed.config.ts` serves /embed-demo.html
 * and /embed.html with `/traffic-lab.js` mapped to the source.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const shim = fileURLToPath(new URL('./src/embed/svelte-client.ts', import.meta.url));
const entry = fileURLToPath(new URL('./src/embed/traffic-lab.ts', import.meta.url));

/** The policy the built iframe page declares for itself; a server's header can only narrow it. */
export const FRAME_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  // Scenarios may be fetched from other sites that allow it (CORS); nothing else leaves the page.
  "connect-src 'self' https:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Route Svelte's style insertion through constructed stylesheets (see the shim). */
function shadowStyles(): Plugin {
  return {
    name: 'trafficlab:shadow-styles',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === 'svelte/internal/client' && importer !== shim) return shim;
      return null;
    },
  };
}

/** The iframe page's own Content-Security-Policy, in the built file only (the dev server needs its inline client). */
function framePolicy(): Plugin {
  return {
    name: 'trafficlab:frame-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: FRAME_POLICY }, injectTo: 'head-prepend' }],
    },
  };
}

/** In the dev server, `/traffic-lab.js` (what the demo page loads) is the element's source. */
function devEntry(): Plugin {
  return {
    name: 'trafficlab:dev-entry',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url === '/traffic-lab.js') req.url = '/src/embed/traffic-lab.ts';
        next();
      });
    },
  };
}

export default defineConfig({
  plugins: [svelte({ emitCss: false }), shadowStyles(), framePolicy(), devEntry()],
  // Relative URLs, so dist/ works from any folder of any site.
  base: './',
  server: { host: '127.0.0.1' },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    // The budget that matters is gzip of everything loaded up front (test/embed/size.test.ts), not one chunk's raw size.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      input: { 'traffic-lab': entry, embed: fileURLToPath(new URL('./embed.html', import.meta.url)) },
      preserveEntrySignatures: 'exports-only',
      output: {
        entryFileNames: (chunk) => (chunk.name === 'traffic-lab' ? 'traffic-lab.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});
