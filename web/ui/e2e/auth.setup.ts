import { expect, test as setup } from '@playwright/test';
import { adminCredentials } from './helpers';

/** Signs in as the first start's administrator through the login page and keeps the session. */
setup('sign in', async ({ page }) => {
  const { username, password } = adminCredentials();
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('signed-in-as')).toHaveText(username);
  await page.context().storageState({ path: 'test-results/.auth/admin.json' });
});
