// Lint for the whole project: typescript-eslint on .ts, eslint-plugin-astro on .astro, and no import of a package
// package.json does not declare (production code may use only `dependencies`).
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Files that run only in development: tests, benchmarks, tools and configs may use devDependencies. */
const devFiles = ['**/*.test.ts', 'src/tests/**', 'scripts/**', '*.config.{js,mjs,ts}'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.astro/', 'content/', 'coverage/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-extraneous-dependencies': ['error', { devDependencies: devFiles, includeTypes: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Browser code: the pages' scripts and the service worker.
  { files: ['src/client/**', 'src/**/*.astro'], languageOptions: { globals: { ...globals.browser } } },
  { files: ['public/sw.js', 'public/sw-hop-thu.js'], languageOptions: { globals: { ...globals.serviceworker } } },
  // The inbox part runs in sw.js's scope (importScripts) and is stamped at build.
  {
    files: ['public/sw-hop-thu.js'],
    languageOptions: { globals: { SHELL: 'readonly', __INBOX_ASSETS__: 'readonly' } },
  },
);
