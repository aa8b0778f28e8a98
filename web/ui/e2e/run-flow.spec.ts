import { readFileSync } from 'node:fs';
import { expect, expectGapless, screen, startRun, test, timelineSeqs } from './helpers';

const HSP = 'application/vnd.heliox.hsp';
/** Per-scenario metrics that are always numbers (Sortino and PF may be — when unbounded). */
const FINITE_METRICS = ['sharpe', 'max_drawdown', 'win_rate', 'cagr', 'trade_count', 'mc_sharpe_p5', 'mc_max_drawdown_p95'];

test('demo flow: prompt → live timeline → ranking, scenarios and Monte Carlo band → signed package verifies → save → portfolio', async ({ page, request }) => {
  test.setTimeout(180_000); // llm mode: the local model, then 3-5 candidates x 4-6 scenarios in the engine
  await page.goto('/');
  await screen(page, '01-home');
  await page.getByTestId('chat-input').fill('Create MA crossover strategy');
  await page.getByTestId('chat-submit').click();

  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('phase-pack')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  await expect(page.getByTestId('run-status')).toHaveText('COMPLETED');
  expectGapless(await timelineSeqs(page));
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'closed');

  // The ranking: one row per candidate (the synth writes 3 to 5), best first.
  const metrics = page.getByTestId('metrics-panel');
  const ranking = metrics.getByTestId('ranking-row');
  await expect(ranking.first()).toBeVisible();
  const candidates = await ranking.count();
  expect(candidates).toBeGreaterThanOrEqual(3);
  expect(candidates).toBeLessThanOrEqual(5);
  expect(await ranking.evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-rank')))))
    .toEqual(Array.from({ length: candidates }, (_, i) => i + 1));
  const best = await ranking.first().getAttribute('data-candidate');
  expect(best).toBeTruthy();

  // The best candidate on every scenario (at least four), each row with finite numbers.
  const scenarioTable = metrics.getByTestId('scenario-table');
  await expect(scenarioTable).toHaveAttribute('data-candidate', best!);
  const scenarioCount = Number(await scenarioTable.getAttribute('data-scenario-count'));
  expect(scenarioCount).toBeGreaterThanOrEqual(4);
  const rows = metrics.getByTestId('metrics-row');
  await expect(rows).toHaveCount(scenarioCount);
  const cells = await rows.evaluateAll((trs, names) => trs.map((tr) => ({
    candidate: tr.getAttribute('data-candidate'),
    scenario: tr.getAttribute('data-scenario'),
    values: names.map((m) => `${m}=${tr.querySelector(`[data-metric="${m}"]`)?.textContent ?? ''}`)
  })), FINITE_METRICS);
  expect(new Set(cells.map((c) => c.scenario)).size).toBe(scenarioCount);
  for (const row of cells) {
    expect(row.candidate).toBe(best);
    for (const value of row.values) {
      expect(Number.isFinite(Number.parseFloat(value.split('=')[1])), `${row.scenario}: ${value}`).toBe(true);
    }
  }

  // Its equity on the first scenario with the Monte Carlo band and the drawdown pane, then its fills.
  await expect(rows.first()).toHaveClass(/selected/);
  await expect(page.getByTestId('equity-chart').locator('canvas').first()).toBeVisible();
  await expect(page.getByTestId('mc-band')).toBeVisible();
  await expect(page.getByTestId('mc-band')).toContainText('Monte Carlo p5–p95');
  await expect(page.getByTestId('trades-table')).toBeVisible();
  // Another scenario loads its own detail.
  await rows.nth(1).getByRole('button').click();
  await expect(rows.nth(1)).toHaveClass(/selected/);
  await expect(metrics.locator('h3')).toContainText(`on ${cells[1].scenario}`);
  await expect(page.getByTestId('mc-band')).toBeVisible();
  await expect(page.getByTestId('equity-chart').locator('canvas').first()).toBeVisible();

  await expect(page.getByTestId('package-info')).toContainText('Packaged');
  await expect(page.getByTestId('package-info')).toContainText(best!);
  await screen(page, '02-run-completed');

  // The signed package downloads, verifies, and fails verification with one byte changed.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('package-download').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.hsp$/);
  const bytes = readFileSync(await download.path());
  expect(bytes.length).toBeGreaterThan(0);
  const verify = async (data: Buffer) => {
    const response = await request.post('/v1/packages/verify', { headers: { 'Content-Type': HSP }, data });
    expect(response.status()).toBe(200);
    return (await response.json()) as { valid: boolean; keyId?: string | null; problems: { code: string }[]; manifest?: { packageId: string } };
  };
  const verdict = await verify(bytes);
  expect(verdict.valid, JSON.stringify(verdict.problems)).toBe(true);
  expect(verdict.problems).toEqual([]);
  const keys = (await (await request.get('/v1/keys')).json()).keys as { id: string }[];
  expect(keys.map((k) => k.id)).toContain(verdict.keyId);
  await expect(page.getByTestId('package-info')).toContainText(verdict.keyId!);
  await expect(page.getByTestId('package-info')).toContainText(verdict.manifest!.packageId);
  const tampered = Buffer.from(bytes);
  tampered[Math.floor(tampered.length / 2)] ^= 0x01;
  const bad = await verify(tampered);
  expect(bad.valid).toBe(false);
  expect(bad.problems.length).toBeGreaterThan(0);

  // The best candidate goes into the portfolio with its package.
  const save = page.locator('[data-testid="ranking-row"][data-rank="1"]').getByTestId('save-strategy');
  await expect(save).toHaveAttribute('data-candidate', best!);
  const saving = page.waitForResponse((r) => new URL(r.url()).pathname === '/v1/portfolio' && r.request().method() === 'POST');
  await save.click();
  const saved = (await (await saving).json()) as { package: { packageId: string; url: string } | null };
  expect(saved.package?.packageId).toBe(verdict.manifest!.packageId);
  await expect(save).toHaveText('Saved');

  await page.getByTestId('nav-portfolio').click();
  const item = page.locator(`[data-testid="portfolio-item"][data-strategy="${best}"]`).first();
  await expect(item).toBeVisible();
  await expect(item.getByTestId('portfolio-package')).toBeVisible();
  await expect(item.getByTestId('portfolio-package')).toHaveAttribute('href', saved.package!.url);
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
  test.setTimeout(180_000); // llm mode, like the demo flow
  await page.goto('/');
  // The prompt box is reachable with Tab alone, past the header's links and controls.
  let presses = 0;
  while (!(await page.getByTestId('chat-input').evaluate((el) => el === document.activeElement)) && presses < 20) {
    await page.keyboard.press('Tab');
    presses++;
  }
  await expect(page.getByTestId('chat-input')).toBeFocused();
  await page.keyboard.type('Create MA crossover strategy');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('run-status')).toHaveText('COMPLETED', { timeout: 120_000 });
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
