import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const password = 'steppe-wind-over-ulytau';

for (const javaScript of [true, false]) {
  test.describe(javaScript ? 'accounts with JavaScript' : 'accounts without JavaScript', () => {
    test.use({ javaScriptEnabled: javaScript });

    test('register, see the profile, log out, log back in', async ({ page }) => {
      const email = `aigerim.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.kz`;
      await page.goto('/en/register');
      await page.getByLabel('Name shown on the platform').fill('Aigerim Serikova');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Region of residence').selectOption({ label: 'Akmola Region' });
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect(page).toHaveURL(/\/en\/profile$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aigerim Serikova');
      await expect(page.getByText(email)).toBeVisible();
      await expect(page.getByRole('link', { name: 'Aigerim Serikova' })).toBeVisible();

      await page.getByRole('button', { name: 'Log out', exact: true }).click();
      await expect(page).toHaveURL(/\/en$/);
      await expect(page.getByRole('link', { name: 'Log in' })).toBeVisible();

      await page.goto('/en/login');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill('not-the-password-1');
      await page.getByRole('button', { name: 'Log in' }).click();
      await expect(page.getByText('The email or the password is wrong.')).toBeVisible();
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Log in' }).click();
      await expect(page).toHaveURL(/\/en\/profile$/);
    });

    test('a short password is refused next to the field, in Russian', async ({ page }) => {
      await page.goto('/ru/register');
      await page.getByLabel('Имя на платформе').fill('Айгерим');
      await page.getByLabel('Электронная почта').fill(`short.${Date.now()}@example.kz`);
      await page.getByLabel('Регион проживания').selectOption({ label: 'город Алматы' });
      await page.getByLabel('Пароль').fill('short');
      await page.getByRole('button', { name: 'Создать аккаунт' }).click();
      await expect(page.getByText('Пароль должен быть не короче 10 символов.')).toBeVisible();
      await expect(page.getByLabel('Пароль')).toHaveAttribute('aria-invalid', 'true');
    });
  });
}

for (const path of ['/en/login', '/kk/register', '/ru/profile']) {
  test(`axe finds no serious or critical problems on ${path}`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  });
}
