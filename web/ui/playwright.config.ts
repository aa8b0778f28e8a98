import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in Debian's chromium against the real application: the built jar with its
 * embedded PostgreSQL in a fresh directory. `npx playwright install` cannot work here (no
 * downloads), so the system browser is used.
 */
const port = Number(process.env.ATLAS_E2E_PORT ?? 18181);
// In the environment so that the worker processes, which load this file again, agree with the runner.
process.env.ATLAS_E2E_DATA ??= `test-results/e2e-data-${Date.now()}`;
const dataDir = process.env.ATLAS_E2E_DATA;
const jar = process.env.ATLAS_JAR ?? '../target/atlas-web-0.1.0-SNAPSHOT.jar';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  // The setup signs in through the login page once and keeps the session for the browser tests;
  // their API calls use the administrator's key (helpers.ts).
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts/ },
    { name: 'e2e', dependencies: ['setup'], use: { storageState: 'test-results/.auth/admin.json' } }
  ],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync']
    }
  },
  // The server's log goes to server.log in the data directory (test-results/e2e-data-*), kept
  // after the run: a 500 in a trace is explained there.
  webServer: {
    command: `java -Ddisable-axoniq-console-message=true -jar ${jar} --server.port=${port} --atlas.data-dir=${dataDir} --spring.main.banner-mode=off --logging.file.name=${dataDir}/server.log`,
    url: `http://127.0.0.1:${port}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe'
  }
});
