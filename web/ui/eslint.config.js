import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * Presenters (src/lib/components/presenters) render props and raise events, nothing else:
 * no fetch, no EventSource, no API or store imports. Data and side effects live in containers
 * and stores, so a redesign of any presenter cannot break the data flow.
 */
const presenterRules = {
  'no-restricted-globals': ['error',
    { name: 'fetch', message: 'Presenters take data as props; fetching belongs to a container or store.' },
    { name: 'EventSource', message: 'Presenters take data as props; streams belong to the run store.' },
    { name: 'XMLHttpRequest', message: 'Presenters take data as props.' },
    { name: 'WebSocket', message: 'Presenters take data as props.' }],
  'no-restricted-imports': ['error', {
    patterns: [
      { group: ['**/services/*', '$lib/services/*'], message: 'Presenters must not import the API: pass data as props.' },
      { group: ['**/stores/*', '$lib/stores/*'], message: 'Presenters must not import stores: pass data as props.' },
      { group: ['**/containers/*', '$lib/components/containers/*'], message: 'Presenters must not import containers.' }
    ]
  }]
};

export default ts.config(
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
  },
  {
    files: ['src/lib/components/presenters/**'],
    rules: presenterRules
  },
  {
    ignores: ['build/', '.svelte-kit/', 'node_modules/', 'test-results/', 'playwright-report/', 'storybook-static/']
  }
);
