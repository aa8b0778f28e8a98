import { expect, test } from '@playwright/test';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { screen } from './helpers';

/**
 * The static Storybook build (`npm run build-storybook`, part of make test) renders every story:
 * served from disk on loopback, each story's iframe must show content and no error.
 */
const ROOT = 'storybook-static';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
let server: Server;
let base = '';

test.beforeAll(async () => {
  test.skip(!existsSync(join(ROOT, 'index.json')), 'run `npm run build-storybook` first (make test does)');
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(ROOT, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

test('every story renders', async ({ page }) => {
  const index = JSON.parse(readFileSync(join(ROOT, 'index.json'), 'utf8')) as { entries: Record<string, { id: string; type: string }> };
  const stories = Object.values(index.entries).filter((e) => e.type === 'story');
  expect(stories.length).toBeGreaterThanOrEqual(15);
  // one test walks every story: its time grows with their number (a loaded 2-core CI machine
  // takes 1-3 s a story), so the budget does too, not the config's 60 s for one flow
  test.setTimeout(stories.length * 5_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  for (const story of stories) {
    await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story`);
    const root = page.locator('#storybook-root');
    await expect(root, story.id).not.toBeEmpty();
    await expect(page.locator('.sb-show-errordisplay'), story.id).toHaveCount(0);
    if (story.id === 'presenters-metricspanel--first-selected') await screen(page, 'storybook-metrics-panel');
  }
  expect(errors).toEqual([]);
});
