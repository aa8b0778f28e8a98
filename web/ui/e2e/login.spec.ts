import { adminCredentials, expect, test } from './helpers';

// A browser with no session: the app asks for a login and comes back to the page it was asked for.
test.use({ storageState: { cookies: [], origins: [] } });

test('a visitor without a session signs in, lands where it was going, and signs out', async ({ page }) => {
  const { username, password } = adminCredentials();
  // the server's Content-Security-Policy allows the app's own scripts only; nothing of it may be blocked
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) blocked.push(message.text());
  });
  await page.goto('/runs');
  await expect(page).toHaveURL(/\/login$/);

  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('not the password');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText('wrong password');

  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page).toHaveURL(/\/runs$/);
  await expect(page.getByTestId('signed-in-as')).toHaveText(username);
  // the first start's workspace, where the administrator's runs go
  await expect(page.getByTestId('workspace')).toHaveText('default');
  await expect(page.getByTestId('run-history')).toBeVisible();

  // a write from the browser carries the CSRF header the server asks of cookie sessions
  await page.goto('/');
  await page.getByTestId('chat-input').fill('Create MA crossover strategy');
  await page.getByTestId('chat-submit').click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);

  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/portfolio');
  await expect(page).toHaveURL(/\/login$/);
  expect(blocked).toEqual([]);
});
