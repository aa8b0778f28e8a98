import { expect, screen, startRun, test } from './helpers';

/** A run's strategy, saved to the portfolio with its signed package: the item's id and strategy id. */
async function packagedItem(request: import('@playwright/test').APIRequestContext): Promise<{ id: string; strategy: string }> {
  const runId = await startRun(request, 'Create MA crossover strategy');
  await expect.poll(async () => (await (await request.get(`/v1/runs/${runId}`)).json()).status, { timeout: 120_000 })
    .toBe('COMPLETED');
  // The run's stream replays it whole and closes after the pack: its artifacts are in it.
  const stream = await (await request.get(`/v1/runs/${runId}/events`)).text();
  const artifacts = stream.split('\n').filter((l) => l.startsWith('data:')).map((l) => JSON.parse(l.slice(5)))
    .filter((e) => e.type === 'artifact');
  const best = artifacts.find((e) => e.phase === 't0').payload.ranking[0].candidateId as string;
  const strategy = artifacts.find((e) => e.phase === 'synth').payload.candidates.find((c: { id: string }) => c.id === best);
  const saved = await request.post('/v1/portfolio', { data: { name: `paper ${best}`, runId, strategy } });
  expect(saved.status()).toBe(201);
  const item = await saved.json();
  expect(item.package).not.toBeNull();
  return { id: item.id, strategy: best };
}

test('paper trading: deploy from the portfolio → trades appear live → kill switch → HALTED → re-enabled with a reason', async ({ page, request }) => {
  test.setTimeout(180_000);
  const item = await packagedItem(request);

  await page.goto('/portfolio');
  const row = page.locator(`[data-testid="portfolio-item"][data-strategy="${item.strategy}"]`).first();
  await row.getByTestId('deploy-paper').click();
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
  const sessionId = page.url().split('/').pop()!;
  await expect(page.getByTestId('session-state')).toHaveAttribute('data-state', 'active');
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'open');

  // Trades appear while the market replays (ten bars a second): orders, fills and the position.
  await expect(page.getByTestId('fill-row').first()).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('order-row').first()).toBeVisible();
  await expect(page.getByTestId('position-row')).toHaveCount(1);
  await expect(page.locator('[data-testid="risk-limit-row"][data-code="risk.max_submit_rate"]')).toBeVisible();
  const barsBefore = Number((await page.getByTestId('session-bars').textContent())!.split('/')[0]);
  await expect.poll(async () => Number((await page.getByTestId('session-bars').textContent())!.split('/')[0]))
    .toBeGreaterThan(barsBefore); // live: the page follows the stream
  await screen(page, '10-paper-session');

  // The kill switch: one click, HALTED, and the controls say how to come back.
  await page.getByTestId('kill-switch').click();
  await expect(page.getByTestId('session-state')).toHaveAttribute('data-state', 'halted', { timeout: 2_000 });
  await expect(page.getByTestId('kill-switch')).toHaveCount(0);
  await expect(page.locator('[data-testid="activity-item"][data-type="kill_switch"][data-kind="engaged"]')).toBeVisible();
  const halted = await (await request.get(`/v1/paper-sessions/${sessionId}`)).json();
  expect(halted.state).toBe('halted');
  const open = await (await request.get(`/v1/paper-sessions/${sessionId}/orders?status=open`)).json();
  expect(open.items).toEqual([]); // HALTED cancels every open order
  await screen(page, '11-paper-session-halted');

  // Re-enabling is an audited decision: no reason, no button.
  await expect(page.getByTestId('release')).toBeDisabled();
  await page.getByTestId('release-reason').fill('checked the feed and the strategy');
  await page.getByTestId('release').click();
  await expect(page.getByTestId('session-state')).toHaveAttribute('data-state', 'active');
  await expect(page.locator('[data-testid="activity-item"][data-type="kill_switch"][data-kind="released"]')).toBeVisible();
  await expect(page.getByTestId('kill-switch')).toBeVisible();

  // The account's kill switch, from the sessions list: one click halts every session of the account.
  const account = halted.accountId as string;
  await page.getByTestId('nav-sessions').click();
  const switchRow = page.locator(`[data-testid="switch-row"][data-account="${account}"]`);
  await switchRow.getByTestId('switch-kill').click();
  await expect(switchRow).toHaveAttribute('data-engaged', 'true');
  await expect(page.locator(`[data-testid="session-row"][data-session="${sessionId}"]`)).toContainText('halted');
  await screen(page, '12-paper-sessions-account-halted');
  await expect(switchRow.getByTestId('switch-release')).toBeDisabled(); // audited: no reason, no button
  await page.getByTestId('switch-reason').fill('desk reviewed');
  await switchRow.getByTestId('switch-release').click();
  await expect(switchRow).toHaveAttribute('data-engaged', 'false');
  await expect(page.locator(`[data-testid="session-row"][data-session="${sessionId}"]`)).toContainText('active');

  // Stopping ends it.
  await page.goto(`/sessions/${sessionId}`);
  await page.getByTestId('stop-session').click();
  await expect(page.getByTestId('session-status')).toContainText('stopped');
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'closed');
  await page.getByTestId('nav-sessions').click();
  await expect(page.locator(`[data-testid="session-row"][data-session="${sessionId}"]`)).toContainText('stopped');
});
