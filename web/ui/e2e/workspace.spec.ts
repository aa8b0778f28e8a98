import { expect, screen, startRun, test } from './helpers';

/** The workspace page: its quotas with what they count now, and this month's usage as a chart and invoice lines. */
test('the workspace page shows quotas in use and the month\'s usage', async ({ page, request }) => {
  const runId = await startRun(request, 'workspace page');
  await expect.poll(async () => (await (await request.get(`/v1/runs/${runId}`)).json()).status).toBe('COMPLETED');
  const me = await (await request.get('/v1/auth/me')).json();
  const quotas = await (await request.get(`/v1/workspaces/${me.workspace.id}/quotas`)).json();
  const runsToday = quotas.quotas.find((q: { quota: string }) => q.quota === 'runsPerDay');

  await page.goto('/');
  await page.getByTestId('nav-workspace').click();
  await expect(page.getByTestId('workspace-name')).toHaveText(me.workspace.name);
  await expect(page.getByTestId('quota-row')).toHaveCount(6);
  const runsRow = page.locator('[data-testid="quota-row"][data-quota="runsPerDay"]');
  await expect(runsRow).toContainText(runsToday.used.toLocaleString('en-US'));
  await expect(runsRow).toContainText(runsToday.limit.toLocaleString('en-US'));
  await expect(runsRow.locator('meter')).toHaveAttribute('value', String(Math.min(1, runsToday.used / runsToday.limit)));

  const today = Number(quotas.day.slice(8, 10));
  const bar = page.locator(`[data-testid="usage-bar"][data-day="${today}"]`);
  await expect(bar).toHaveAttribute('data-quantity', String(runsToday.used));
  await page.getByTestId('usage-meter').selectOption('modelTokens');
  await expect.poll(async () => Number(await bar.getAttribute('data-quantity'))).toBeGreaterThan(0);
  await expect(page.locator('[data-testid="usage-line"][data-meter="runs"]')).toContainText('runs');
  await screen(page, 'workspace');
});
