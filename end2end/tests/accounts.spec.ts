import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { linkIn, mailsTo } from './mailbox';

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
      await expect(page).toHaveURL(/\/en\/profile\?done=registered$/);
      await expect(page.getByText('Your account is created.')).toBeVisible();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aigerim Serikova');
      await expect(page.getByText(email)).toBeVisible();
      await expect(page.getByRole('link', { name: 'Aigerim Serikova' })).toBeVisible();
      await expect(page.getByText('not verified')).toBeVisible();

      // The verification mail arrives over SMTP; opening its link verifies nothing by itself.
      const [mail] = await mailsTo(email);
      expect(mail.subject).toBe('Confirm your email on Dauys');
      await page.goto(linkIn(mail));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirm your email');
      await page.goto('/en/profile');
      await expect(page.getByText('not verified')).toBeVisible();
      await page.goto(linkIn(mail));
      await page.getByRole('button', { name: 'Confirm my email' }).click();
      await expect(page.getByText('Your email is verified.')).toBeVisible();
      await expect(page.getByText('verified email')).toBeVisible();

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

    test('forget the password, reset it from the mail, log in with the new one', async ({ page }) => {
      const email = `dana.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.kz`;
      await page.goto('/ru/register');
      await page.getByLabel('Имя на платформе').fill('Дана');
      await page.getByLabel('Электронная почта').fill(email);
      await page.getByLabel('Регион проживания').selectOption({ label: 'город Алматы' });
      await page.getByLabel('Пароль').fill(password);
      await page.getByRole('button', { name: 'Создать учётную запись' }).click();
      await page.getByRole('button', { name: 'Выйти', exact: true }).click();

      await page.goto('/ru/login');
      await page.getByRole('link', { name: 'Забыли пароль?' }).click();
      await page.getByLabel('Электронная почта').fill(email);
      await page.getByRole('button', { name: 'Отправить ссылку' }).click();
      await expect(page.getByText('ссылка для нового пароля уже в пути')).toBeVisible();
      const mails = await mailsTo(email, 2);
      const reset = mails.find((m) => m.subject === 'Новый пароль на Dauys');
      expect(reset).toBeDefined();
      await page.goto(linkIn(reset!));
      await page.getByLabel('Новый пароль').fill('a-brand-new-steppe-phrase');
      await page.getByRole('button', { name: 'Установить пароль' }).click();
      await expect(page.getByText('Пароль установлен. Войдите с ним.')).toBeVisible();
      await page.getByLabel('Электронная почта').fill(email);
      await page.getByLabel('Пароль').fill('a-brand-new-steppe-phrase');
      await page.getByRole('button', { name: 'Войти' }).click();
      await expect(page).toHaveURL(/\/ru\/profile$/);
    });

    test('a short password is refused next to the field, in Russian', async ({ page }) => {
      await page.goto('/ru/register');
      await page.getByLabel('Имя на платформе').fill('Айгерим');
      await page.getByLabel('Электронная почта').fill(`short.${Date.now()}@example.kz`);
      await page.getByLabel('Регион проживания').selectOption({ label: 'город Алматы' });
      await page.getByLabel('Пароль').fill('short');
      await page.getByRole('button', { name: 'Создать учётную запись' }).click();
      await expect(page.getByText('Пароль должен быть не короче 10 символов.')).toBeVisible();
      await expect(page.getByLabel('Пароль')).toHaveAttribute('aria-invalid', 'true');
    });
  });
}

for (const path of ['/en/login', '/kk/register', '/ru/profile', '/en/password/forgot', '/kk/email/confirm/0000']) {
  test(`axe finds no serious or critical problems on ${path}`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  });
}
