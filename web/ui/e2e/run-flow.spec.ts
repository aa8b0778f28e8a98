import { expect, test } from '@playwright/test';
import { expectGapless, screen, startRun, timelineSeqs } from './helpers';

test('demo flow: prompt → live timeline → metrics and equity chart → save → portfolio', async ({ page }) => {
  await page.goto('/');
  await screen(page, '01-home');
  await page.getByTestId('chat-input').fill('Create MA crossover strategy');
  await page.getByTestId('chat-submit').click();

  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('phase-pack')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('run-status')).toHaveText('COMPLETED');
  expectGapless(await timelineSeqs(page));
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'closed');

  // one row per candidate: the synth writes 3 to 5 distinct ones
  const metrics = page.getByTestId('metrics-panel');
  await expect(metrics.getByTestId('metrics-row').first()).toBeVisible();
  const rows = await metrics.getByTestId('metrics-row').count();
  expect(rows).toBeGreaterThanOrEqual(3);
  expect(rows).toBeLessThanOrEqual(5);
  await expect(page.getByTestId('equity-chart').locator('canvas').first()).toBeVisible();
  await expect(page.getByTestId('trades-table')).toBeVisible();
  await expect(page.getByTestId('package-info')).toContainText('Packaged');
  await screen(page, '02-run-completed');

  const save = page.getByTestId('save-strategy').first();
  const strategyId = await save.getAttribute('data-candidate');
  await save.click();
  await expect(save).toHaveText('Saved');

  await page.getByTestId('nav-portfolio').click();
  await expect(page.locator(`[data-testid="portfolio-item"][data-strategy="${strategyId}"]`).first()).toBeVisible();
  await screen(page, '03-portfolio');
});

test('a page refresh mid-run reconnects and shows the full, gapless timeline', async ({ page, request }) => {
  const runId = await startRun(request, 'refresh me', { mockStepDelayMs: 400 });
  await page.goto(`/runs/${runId}`);
  await expect.poll(async () => (await timelineSeqs(page)).length).toBeGreaterThanOrEqual(2);
  const before = await timelineSeqs(page);
  expect(before.length).toBeLessThan(7); // still running: the reload really is mid-run

  await page.reload();
  await expect(page.getByTestId('run-status')).toHaveText('COMPLETED', { timeout: 20_000 });
  expectGapless(await timelineSeqs(page));
});

test('a run made to fail shows its error message', async ({ page, request }) => {
  const runId = await startRun(request, 'fail in synth', { failAt: 'synth' });
  await page.goto(`/runs/${runId}`);
  await expect(page.getByTestId('run-status')).toHaveText('FAILED');
  await expect(page.getByTestId('run-error')).toBeVisible();
  await expect(page.getByTestId('run-error-message')).toContainText('failed on request');
  await expect(page.getByTestId('phase-synth')).toHaveAttribute('data-state', 'failed');
  await screen(page, '04-run-failed');
});

test('opening a finished run from the history replays it', async ({ page, request }) => {
  const runId = await startRun(request, 'history replay');
  await expect.poll(async () => (await (await request.get(`/v1/runs/${runId}`)).json()).status).toBe('COMPLETED');

  await page.goto('/runs');
  const item = page.locator(`[data-testid="run-history-item"][data-run="${runId}"]`);
  await expect(item).toBeVisible();
  await screen(page, '05-history');
  await item.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/runs/${runId}$`));
  await expect(page.getByTestId('run-status')).toHaveText('COMPLETED');
  expectGapless(await timelineSeqs(page));
});

test('client routes survive a reload, API paths keep real 404s', async ({ page, request }) => {
  const response = await page.goto('/portfolio');
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId('portfolio-list')).toBeVisible();
  const index = await request.get('/');
  expect(index.headers()['cache-control']).toContain('no-cache');
  const asset = (await index.text()).match(/\/_app\/immutable\/[^"']+\.js/)?.[0];
  expect(asset).toBeTruthy();
  expect((await request.get(asset!)).headers()['cache-control']).toContain('immutable');
  const api404 = await request.get('/v1/does-not-exist');
  expect(api404.status()).toBe(404);
  expect(api404.headers()['content-type']).toContain('application/problem+json');
});

test('the layout works at phone width', async ({ page, request }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const runId = await startRun(request, 'phone');
  await page.goto(`/runs/${runId}`);
  await expect(page.getByTestId('run-status')).toHaveText('COMPLETED');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await screen(page, '06-run-phone');
});

test('the demo flow works with the keyboard alone', async ({ page }) => {
  await page.goto('/');
  // The prompt box is reachable with Tab alone, within the header's few stops.
  let presses = 0;
  while (!(await page.getByTestId('chat-input').evaluate((el) => el === document.activeElement)) && presses < 10) {
    await page.keyboard.press('Tab');
    presses++;
  }
  await expect(page.getByTestId('chat-input')).toBeFocused();
  await page.keyboard.type('Create MA crossover strategy');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('run-status')).toHaveText('COMPLETED');
  const save = page.getByTestId('save-strategy').first();
  await save.focus();
  await page.keyboard.press('Enter');
  await expect(save).toHaveText('Saved');
});

test('a running run can be cancelled from its page', async ({ page, request }) => {
  const runId = await startRun(request, 'cancel me', { mockStepDelayMs: 700 });
  await page.goto(`/runs/${runId}`);
  await expect.poll(async () => (await timelineSeqs(page)).length).toBeGreaterThanOrEqual(1);
  await page.getByTestId('cancel-run').click();
  await expect(page.getByTestId('run-status')).toHaveText('FAILED');
  await expect(page.getByTestId('run-error-message')).toContainText('cancelled');
  await expect(page.getByTestId('cancel-run')).toHaveCount(0);
  const seqs = await timelineSeqs(page);
  expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
});
