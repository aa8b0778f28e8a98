import { expect, test, type Page } from '@playwright/test';
import { timelineSeqs } from './helpers';

/** Records every /v1 request the page makes: mock mode must make none. */
function apiCallsOf(page: Page): string[] {
  const apiCalls: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/v1')) apiCalls.push(r.url());
  });
  return apiCalls;
}

test('mock mode runs the whole flow from fixtures with zero /v1 calls', async ({ page }) => {
  const apiCalls = apiCallsOf(page);

  await page.goto('/?mock=on');
  await expect(page.getByTestId('mock-badge')).toBeVisible();
  await page.getByTestId('chat-input').fill('Create MA crossover strategy');
  await page.getByTestId('chat-submit').click();
  await expect(page.getByTestId('run-status')).toHaveText('COMPLETED');
  expect(await timelineSeqs(page)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  // Mock-mode results: ranked, one scenario, the curve inline (no detail request), no Monte Carlo band.
  await expect(page.getByTestId('ranking-row')).toHaveCount(3);
  await expect(page.getByTestId('metrics-row')).toHaveCount(1);
  await expect(page.getByTestId('equity-chart').locator('canvas').first()).toBeVisible();
  await expect(page.getByTestId('trades-table')).toBeVisible();
  await expect(page.getByTestId('mc-band')).toHaveCount(0);
  await expect(page.getByTestId('package-download')).toBeVisible();
  await page.getByTestId('save-strategy').first().click();
  await page.getByTestId('nav-portfolio').click();
  await expect(page.getByTestId('portfolio-item')).toHaveCount(1);

  expect(apiCalls).toEqual([]);
});

test('mock mode plays the engine fixtures: results by reference, several scenarios, the Monte Carlo band', async ({ page }) => {
  const apiCalls = apiCallsOf(page);

  await page.goto('/?mock=on');
  await page.getByTestId('chat-input').fill('engine run');
  await page.getByTestId('chat-submit').click();
  await expect(page.getByTestId('run-status')).toHaveText('COMPLETED');
  await expect(page.getByTestId('metrics-row')).toHaveCount(2);
  await expect(page.getByTestId('equity-chart').locator('canvas').first()).toBeVisible();
  await expect(page.getByTestId('mc-band')).toBeVisible();
  await page.getByTestId('metrics-row').nth(1).getByRole('button').click();
  await expect(page.getByTestId('metrics-row').nth(1)).toHaveClass(/selected/);
  await expect(page.getByTestId('mc-band')).toBeVisible();

  expect(apiCalls).toEqual([]);
});
