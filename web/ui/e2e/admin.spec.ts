import { expect, screen, startRun, test } from './helpers';

/**
 * The admin panel: API keys (shown once, rotated, revoked), users, workspaces, members and roles,
 * the workspace switcher, and the audit trail with its filters, each checked against what the
 * server then does (a revoked key answers 401, a run started after switching lands in that
 * workspace, the trail shows what happened).
 */
const suffix = () => Math.random().toString(36).slice(2, 8);

test('an API key is shown once, works, and stops working when rotated or revoked', async ({ page, playwright, baseURL }) => {
  const asKey = async (key: string) => {
    const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${key}` } });
    const status = (await context.get('/v1/auth/me')).status();
    await context.dispose();
    return status;
  };
  await page.goto('/');
  await page.getByTestId('nav-keys').click();
  const name = `e2e notebook ${suffix()}`;
  await page.getByTestId('api-key-name').fill(name);
  await page.getByTestId('api-key-create').click();
  const secret = page.getByTestId('api-key-secret');
  await expect(secret).toHaveText(/^atlas_[a-z2-7]{12}_[0-9A-Za-z]{38}$/);
  const first = (await secret.textContent())!;
  expect(await asKey(first)).toBe(200);
  const row = page.locator('[data-testid="api-key-row"]', { hasText: name });
  await expect(row).toHaveAttribute('data-status', 'active');
  await screen(page, 'api-keys');

  // once dismissed, the secret is nowhere on the page, nor after a reload
  await page.getByTestId('api-key-dismiss').click();
  await expect(page.getByTestId('api-key-issued')).toHaveCount(0);
  await page.reload();
  await expect(row).toBeVisible();
  expect(await page.content()).not.toContain(first);

  await row.getByTestId('api-key-rotate').click();
  await expect(secret).not.toHaveText(first);
  const second = (await secret.textContent())!;
  expect(await asKey(first)).toBe(401);
  expect(await asKey(second)).toBe(200);
  await page.getByTestId('api-key-dismiss').click();
  const rotated = page.locator('[data-testid="api-key-row"][data-status="active"]', { hasText: name });
  await rotated.getByTestId('api-key-revoke').click();
  await expect(page.locator('[data-testid="api-key-row"][data-status="active"]', { hasText: name })).toHaveCount(0);
  expect(await asKey(second)).toBe(401);
});

test('a system administrator makes a user and a team; the team\'s admin gives roles; the member works in the team', async ({ page, browser, request }) => {
  const username = `e2e-trader-${suffix()}`;
  const password = `pw-${suffix()}-long-enough`;
  const team = `e2e team ${suffix()}`;

  // Users: a new user with a password
  await page.goto('/');
  await page.getByTestId('nav-users').click();
  await page.getByTestId('user-new-name').fill(username);
  await page.getByTestId('user-new-password').fill(password);
  await page.getByTestId('user-create').click();
  const userRow = page.locator(`[data-testid="user-row"][data-username="${username}"]`);
  await expect(userRow).toBeVisible();
  await userRow.getByTestId('user-rate-limit').fill('600');
  await userRow.getByTestId('user-rate-limit').blur();
  await expect.poll(async () => {
    const users = (await (await request.get('/v1/users')).json()).items as { username: string; rateLimitPerMinute: number | null }[];
    return users.find((u) => u.username === username)?.rateLimitPerMinute;
  }).toBe(600);
  await screen(page, 'users');

  // Workspace: a new team, which the browser then acts in
  await page.getByTestId('nav-workspace').click();
  await page.getByTestId('workspace-new-name').fill(team);
  await page.getByTestId('workspace-create').click();
  await expect(page.getByTestId('workspace')).toHaveText(team);
  await expect(page.getByTestId('workspace-name')).toHaveText(team);

  // Members: add the user as a trader, and the last admin cannot step down
  await page.getByTestId('member-username').fill(username);
  await page.getByTestId('member-new-role').selectOption('trader');
  await page.getByTestId('member-add').click();
  const memberRow = page.locator(`[data-testid="member-row"][data-username="${username}"]`);
  await expect(memberRow.getByTestId('member-role')).toHaveValue('trader');
  const me = page.locator('[data-testid="member-row"]', { hasText: '(you)' });
  await me.getByTestId('member-role').selectOption('viewer');
  await expect(page.getByTestId('members-error')).toContainText('last admin');
  await page.reload();
  await expect(me.getByTestId('member-role')).toHaveValue('admin');
  await screen(page, 'members');

  // The member signs in, switches to the team and starts a run there
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const member = await context.newPage();
  await member.goto('/login');
  await member.getByTestId('login-username').fill(username);
  await member.getByTestId('login-password').fill(password);
  await member.getByTestId('login-submit').click();
  await expect(member).not.toHaveURL(/\/login$/); // signed in: the login page sends the browser on
  await expect(member.getByTestId('signed-in-as')).toHaveText(username);
  await expect(member.getByTestId('workspace')).toHaveText(username);
  await expect(member.getByTestId('nav-users')).toHaveCount(0);
  const switcher = member.getByTestId('workspace-switcher');
  await expect(switcher.locator('option', { hasText: team })).toHaveCount(1);
  await switcher.selectOption({ label: `${team} (trader)` });
  await expect(member.getByTestId('workspace')).toHaveText(team);
  await expect(member.getByTestId('nav-audit')).toHaveCount(0);
  await member.goto('/');
  await member.getByTestId('chat-input').fill('Create MA crossover strategy');
  await member.getByTestId('chat-submit').click();
  await expect(member).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  const runId = member.url().split('/').pop()!;
  const teamId = (await (await member.request.get('/v1/auth/me')).json()).workspace.id;
  expect((await (await request.get('/v1/workspaces')).json()).items.find((w: { name: string }) => w.name === team).id).toBe(teamId);
  // the run is the team's: the admin's audit trail in the team shows who started it
  const trail = await (await request.get(`/v1/audit/events?aggregateId=${runId}&type=RunCreatedEvent`, {
    headers: { 'Atlas-Workspace': teamId } })).json();
  expect(trail.items.map((e: { principal: string }) => e.principal)).toEqual([username]);

  // Removed from the team, the member is back in their own workspace
  await memberRow.getByTestId('member-remove').click();
  await expect(memberRow).toHaveCount(0);
  await expect.poll(async () => {
    await member.reload();
    return member.getByTestId('workspace').textContent();
  }, { timeout: 15_000 }).toBe(username);
  await context.close();
});

test('the audit trail filters by run, type, principal and time, and pages', async ({ page, request }) => {
  const runId = await startRun(request, 'audit trail');
  await expect.poll(async () => (await (await request.get(`/v1/runs/${runId}`)).json()).status).toBe('COMPLETED');

  // a link to one run's story
  await page.goto(`/audit?aggregateId=${runId}`);
  const rows = page.getByTestId('audit-row');
  await expect(rows.first()).toHaveAttribute('data-type', 'RunCreatedEvent');
  const aggregates = await rows.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-aggregate')));
  expect(new Set(aggregates)).toEqual(new Set([runId]));
  expect(aggregates.length).toBeGreaterThan(3);
  await rows.first().locator('summary').click();
  await expect(rows.first().getByTestId('audit-payload')).toContainText('audit trail');
  await screen(page, 'audit');

  // by type and principal, through the form
  await page.getByTestId('audit-filter-aggregate').fill('');
  await page.getByTestId('audit-filter-type').fill('RunCreatedEvent');
  await page.getByTestId('audit-filter-principal').fill('admin');
  await page.getByTestId('audit-search').click();
  await expect(page.locator(`[data-testid="audit-row"][data-aggregate="${runId}"]`)).toHaveCount(1);
  const kinds = await rows.evaluateAll((nodes) => nodes.map((n) => `${n.getAttribute('data-type')}/${n.getAttribute('data-principal')}`));
  expect(new Set(kinds)).toEqual(new Set(['RunCreatedEvent/admin']));

  // a window in the future holds nothing
  await page.getByTestId('audit-filter-from').fill('2999-01-01T00:00');
  await page.getByTestId('audit-search').click();
  await expect(rows).toHaveCount(0);
  await expect(page.getByTestId('audit-trail')).toContainText('No events match');

  // more than a page: the next one continues where the first stopped
  for (let i = 0; i < 20; i++) {
    const page1 = await (await request.get('/v1/audit/events?limit=100')).json();
    if (page1.nextAfter !== null) break;
    const filler = await startRun(request, `audit filler ${i}`);
    await expect.poll(async () => (await (await request.get(`/v1/runs/${filler}`)).json()).status).toBe('COMPLETED');
  }
  await page.goto('/audit');
  await expect(rows).toHaveCount(100);
  await page.getByTestId('audit-more').click();
  await expect.poll(() => rows.count()).toBeGreaterThan(100);
  const indexes = await rows.evaluateAll((nodes) => nodes.map((n) => Number(n.querySelector('td')?.textContent)));
  expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
  expect(new Set(indexes).size).toBe(indexes.length);
});
