import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  plugins: [svelte()],
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  build: { target: 'es2022', sourcemap: true },
  // Only the app's own pages are entries: public/embed-demo.html loads the built
  // traffic-lab.js, which the dev server's dependency scan cannot resolve.
  optimizeDeps: { entries: ['index.html'] },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
