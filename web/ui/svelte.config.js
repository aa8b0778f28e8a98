import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** A single-page app: the Spring Boot jar serves build/ and falls back to index.html. */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', strict: true }),
    alias: {
      // The contract's fixtures: mock mode replays the same documents the Java tests validate.
      $contracts: '../../contracts/src/main/resources/contracts'
    }
  }
};

export default config;
