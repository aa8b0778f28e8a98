import { readFileSync } from 'node:fs';
import { expect, startRun, test } from './helpers';

/** 1.6.6: every critical element named in contracts/ui-bindings.json is on its screen. */
const bindings = JSON.parse(readFileSync('../../contracts/src/main/resources/contracts/ui-bindings.json', 'utf8'));

async function expectAll(page: import('@playwright/test').Page, screen: string) {
  for (const id of bindings.elements[screen] as string[]) {
    await expect(page.getByTestId(id).first(), `${screen}: ${id}`).toBeAttached();
  }
}

test('every bound element is rendered on its screen', async ({ page, request }) => {
  const done = await startRun(request, 'bindings');
  const failed = await startRun(request, 'bindings fail', { failAt: 't0' });
  await expect.poll(async () => (await (await request.get(`/v1/runs/${done}`)).json()).status).toBe('COMPLETED');
  const saved = await request.post('/v1/portfolio', { data: { name: 'bound', strategy: {
    id: 'bindings-check', name: 'bound', version: '0.1', timeframe: '1h', rules: [{ if: 'close > 1', then: 'buy' }], params: {} } } });
  expect(saved.ok()).toBeTruthy();

  await page.goto('/');
  await expectAll(page, 'home');
  await page.goto(`/runs/${done}`);
  await expect(page.getByTestId('run-status')).toHaveText('COMPLETED');
  await expectAll(page, 'run');
  const running = await startRun(request, 'bindings running', { mockStepDelayMs: 2000 });
  await page.goto(`/runs/${running}`);
  await expectAll(page, 'runningRun');
  await page.goto(`/runs/${failed}`);
  await expect(page.getByTestId('run-status')).toHaveText('FAILED');
  await expectAll(page, 'failedRun');
  await page.goto('/runs');
  await expectAll(page, 'history');
  await page.goto('/portfolio');
  await expectAll(page, 'portfolio');
  await page.goto('/workspace');
  await expect(page.getByTestId('usage-line').first()).toBeAttached();
  await expectAll(page, 'workspace');
  await expectAll(page, 'signedIn');
  await expectAll(page, 'workspaceAdmin');
  await expectAll(page, 'systemAdmin');
  const team = await request.post('/v1/workspaces', { data: { name: `bindings ${Date.now()}` } });
  expect(team.status()).toBe(201);
  await page.reload();
  await expectAll(page, 'severalWorkspaces');
  await page.goto('/keys');
  await expect(page.getByTestId('api-key-row').first()).toBeAttached();
  await expectAll(page, 'keys');
  await page.getByTestId('api-key-name').fill('bindings');
  await page.getByTestId('api-key-create').click();
  await expectAll(page, 'keyIssued');
  await page.getByTestId('api-key-dismiss').click();
  await page.goto('/audit');
  await expect(page.getByTestId('audit-row').first()).toBeAttached();
  await expectAll(page, 'audit');
  await page.goto('/users');
  await expect(page.getByTestId('user-row').first()).toBeAttached();
  await expectAll(page, 'users');
  await page.goto('/login');
  await expectAll(page, 'login');
});
