import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

const backend = process.env.ATLAS_BACKEND ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [sveltekit()],
  define: {
    // UI_MOCK=on at build or dev time runs the whole UI from contract fixtures, no backend.
    'import.meta.env.VITE_UI_MOCK': JSON.stringify(process.env.UI_MOCK ?? 'off')
  },
  server: {
    fs: { allow: ['../../contracts'] },
    proxy: { '/v1': backend, '/healthz': backend, '/version': backend }
  },
  build: { chunkSizeWarningLimit: 600 },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node'
  }
});
