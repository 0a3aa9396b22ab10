import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { axeClean } from './people';

// Administration without SQL, with JavaScript and without: an admin (signed in by session
// token, scripts/e2e-server.sh) changes a required number of signatures, sees a refused value
// come back with its message and what was typed, finds the change on the public rule-changes
// page, and adds a holiday on the last day of a case: the case is then due later. Each run
// edits a threshold of its own (no other journey uses district bodies) and a case of its own.

const fixtures = `${__dirname}/../.fixtures`;
const origin = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;

async function asAdmin(page: Page) {
  const token = readFileSync(`${fixtures}/admins.txt`, 'utf8').trim().split('\n')[0];
  await page.context().addCookies([{ name: 'dauys_session', value: token, url: origin }]);
}

/** A DD.MM.YYYY date as a Date (UTC midnight). */
function parse(text: string): Date {
  const [d, m, y] = text.split('.').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

async function dueDate(page: Page, caseId: string): Promise<Date> {
  await page.goto(`/en/cases/${caseId}`);
  const due = await page.locator('dt:has-text("Answer due") + dd').innerText();
  return parse(due.slice(0, 10));
}

for (const [javaScript, section, typed, shown, caseFile] of [
  [true, 'Maslikhat · District', '4000', '4,000 signatures', 'admin-case-js.txt'],
  [false, 'Akimat · District', '2600', '2,600 signatures', 'admin-case-nojs.txt'],
] as const) {
  test.describe(`JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled: javaScript });

    test('change a threshold and add a holiday, both on the public record', async ({ page }) => {
      await asAdmin(page);
      await page.goto('/en/admin');
      if (javaScript) await axeClean(page);
      await page.getByRole('link', { name: 'Required number of signatures' }).click();
      await expect(page).toHaveURL(/\/en\/admin\/thresholds$/);
      if (javaScript) await axeClean(page);

      // A refused value: the message, and what was typed is still there.
      let form = page.getByRole('region', { name: section });
      await form.getByLabel('Fixed number of signatures').fill('0');
      await form.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByRole('alert')).toContainText('from 1 to 10 000 000');
      form = page.getByRole('region', { name: section });
      await expect(form.getByLabel('Fixed number of signatures')).toHaveValue('0');

      await form.getByLabel('Fixed number of signatures').fill(typed);
      await form.getByLabel('Or percentage of the population').fill('');
      await form.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByText('The required number of signatures is saved')).toBeVisible();
      await expect(page.getByRole('region', { name: section })).toContainText(shown);

      await page.goto('/en/rules/changes');
      const row = page.getByRole('row').filter({ hasText: section });
      await expect(row.first()).toContainText(shown);
      if (javaScript) await axeClean(page);

      // A holiday on the case's last day: it is due later.
      const caseId = readFileSync(`${fixtures}/${caseFile}`, 'utf8').trim().split(' ')[1];
      const due = await dueDate(page, caseId);
      const iso = due.toISOString().slice(0, 10);
      const year = due.getUTCFullYear();
      await page.goto(`/en/admin/calendar/${year}`);
      if (javaScript) await axeClean(page);
      await page.getByLabel('Date').fill(iso);
      await page.getByLabel('Kind of day').selectOption('holiday');
      await page.getByLabel('Name in Kazakh').fill('Сынақ мерекесі');
      await page.getByLabel('Name in Russian').fill('Тестовый праздник');
      await page.getByLabel('Name in English').fill(`Test holiday (JavaScript ${javaScript ? 'on' : 'off'})`);
      await page.getByRole('button', { name: 'Add a day' }).click();
      await expect(page.getByText('The day is added')).toBeVisible();
      const [y, m, d] = iso.split('-');
      await expect(page.getByRole('row').filter({ hasText: `${d}.${m}.${y}` })).toContainText('Test holiday');
      expect((await dueDate(page, caseId)).getTime()).toBeGreaterThan(due.getTime());

      await page.goto('/en/rules/changes');
      await expect(page.getByRole('row').filter({ hasText: `${d}.${m}.${y}` }).first()).toContainText('Holiday');
    });
  });
}

// Renaming a region (Aktobe with JavaScript, Atyrau without; no other journey uses them): the
// old name stays on the region's page with its last day, and on the admin's history.
for (const [javaScript, kato, oldName, newName] of [
  [true, '15', 'Aktobe Region', 'Aqtobe Region'],
  [false, '23', 'Atyrau Region', 'Atyrau Oblast'],
] as const) {
  test.describe(`JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled: javaScript });

    test(`rename a region; the old name stays on its history (${kato})`, async ({ page }) => {
      await asAdmin(page);
      await page.goto('/en/admin/territories');
      await page.getByRole('link', { name: kato, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(oldName);
      if (javaScript) await axeClean(page);
      const form = page.getByRole('region', { name: 'Rename' });
      await form.getByLabel('Name in English').fill(newName);
      await form.getByLabel('New name in use from').fill('2026-01-01');
      await form.getByRole('button', { name: 'Rename' }).click();
      await expect(page.getByText('The unit is renamed')).toBeVisible();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(newName);
      await expect(page.getByRole('row').filter({ hasText: oldName })).toContainText('31.12.2025');

      await page.goto(`/en/regions/${kato}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(newName);
      await expect(page.getByText(`${oldName} (until 31.12.2025)`)).toBeVisible();
    });
  });
}

test('the admin pages are refused to a citizen, and the rule-changes page is in three languages', async ({ page }) => {
  const tokens = readFileSync(`${fixtures}/cosigners.txt`, 'utf8').trim().split('\n');
  await page.context().addCookies([{ name: 'dauys_session', value: tokens[47], url: origin }]);
  await page.goto('/en/admin/settings');
  await expect(page.getByText('signing_per_ip_hour')).toHaveCount(0);
  await expect(page.getByText('You do not have permission')).toBeVisible();
  for (const [lang, title] of [
    ['kk', 'Ереже өзгерістері'],
    ['ru', 'Изменения правил'],
    ['en', 'Rule changes'],
  ]) {
    await page.goto(`/${lang}/rules/changes`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await axeClean(page);
  }
});
