import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';

/** What the server's first start wrote: the administrator's name, password and API key. */
export function adminCredentials(): { username: string; password: string; apiKey: string } {
  const dataDir = process.env.ATLAS_E2E_DATA;
  if (!dataDir) throw new Error('ATLAS_E2E_DATA is not set (playwright.config.ts sets it)');
  return JSON.parse(readFileSync(`${dataDir}/admin-credentials.json`, 'utf8'));
}

/**
 * The tests' fixtures: `request`, the API as a program calls it, carries the administrator's key
 * (the browser `page` has the session the setup signed in with).
 */
export const test = base.extend({
  request: async ({ playwright, baseURL }, use) => {
    const context = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { Authorization: `Bearer ${adminCredentials().apiKey}` }
    });
    await use(context);
    await context.dispose();
  }
});
export { expect };

export const SCREENS_DIR = process.env.ATLAS_SCREENS_DIR ?? 'test-results/screens';

/** Saves a full-page screenshot of a main screen as a test artifact. */
export async function screen(page: Page, name: string) {
  mkdirSync(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENS_DIR}/${name}.png`, fullPage: true });
}

/** Starts a run through the API (not the UI) with options the UI does not expose. */
export async function startRun(request: APIRequestContext, prompt: string, options: Record<string, unknown> = {}) {
  const response = await request.post('/v1/runs', { data: { prompt, options } });
  expect(response.status()).toBe(201);
  return (await response.json()).runId as string;
}

/** The seqs the timeline shows, in order. */
export async function timelineSeqs(page: Page): Promise<number[]> {
  return page.getByTestId('timeline-event').evaluateAll((nodes) => nodes.map((n) => Number(n.getAttribute('data-seq'))));
}

/**
 * A complete run's timeline: 1, 2, …, n with nothing missing or doubled. A run in llm mode records
 * a status per checkpoint (9 events when the synth needs no repair); a mock run has 7.
 */
export function expectGapless(seqs: number[]): void {
  expect(seqs.length).toBeGreaterThanOrEqual(7);
  expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
}
