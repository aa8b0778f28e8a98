import { expect, test } from '@playwright/test';
import { timelineSeqs } from './helpers';

test('mock mode runs the whole flow from fixtures with zero /v1 calls', async ({ page }) => {
  const apiCalls: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/v1')) apiCalls.push(r.url());
  });

  await page.goto('/?mock=on');
  await expect(page.getByTestId('mock-badge')).toBeVisible();
  await page.getByTestId('chat-input').fill('Create MA crossover strategy');
  await page.getByTestId('chat-submit').click();
  await expect(page.getByTestId('run-status')).toHaveText('COMPLETED');
  expect(await timelineSeqs(page)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  await expect(page.getByTestId('equity-chart').locator('canvas').first()).toBeVisible();
  await page.getByTestId('save-strategy').first().click();
  await page.getByTestId('nav-portfolio').click();
  await expect(page.getByTestId('portfolio-item')).toHaveCount(1);

  expect(apiCalls).toEqual([]);
});
