// Lint: the project's guard rails (DESIGN.md, "Time and determinism" and "Layers") plus the usual recommended sets.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import { layerImports } from './eslint/layers.js';

/** Folders that must stay deterministic: no wall clock, no unseeded randomness. */
const headless = ['src/sim/**', 'src/net/**', 'src/models/**', 'src/scenario/**', 'src/lessons/**'];
const why = 'breaks replay: use the engine clock and the seeded PRNG (DESIGN.md, "Time and determinism")';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'test-results/', 'playwright-report/', '.vite/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    plugins: { trafficlab: { rules: { 'layer-imports': layerImports } } },
    rules: { 'trafficlab/layer-imports': 'error' },
  },
  {
    files: headless,
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: `Date.now ${why}` },
        { object: 'performance', property: 'now', message: `performance.now ${why}` },
        { object: 'Math', property: 'random', message: `Math.random ${why}` },
        { object: 'globalThis', property: 'setTimeout', message: `setTimeout ${why}` },
        { object: 'globalThis', property: 'setInterval', message: `setInterval ${why}` },
        { object: 'window', property: 'setTimeout', message: `setTimeout ${why}` },
        { object: 'window', property: 'setInterval', message: `setInterval ${why}` },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: `setTimeout ${why}` },
        { name: 'setInterval', message: `setInterval ${why}` },
        { name: 'performance', message: `performance ${why}` },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'NewExpression[callee.name="Date"][arguments.length=0]', message: `new Date() ${why}` },
      ],
    },
  },
);
