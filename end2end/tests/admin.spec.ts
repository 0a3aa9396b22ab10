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

// Ending a body (a district akimat of each run's own, scripts/e2e-server.sh): its case awaiting
// an answer moves to the successor with the same due day, and the body's public page says it
// ended and names the successor.
for (const javaScript of [true, false]) {
  const run = javaScript ? 'js' : 'nojs';
  test.describe(`JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled: javaScript });

    test(`end a body; its open case shows the successor (${run})`, async ({ page }) => {
      const [, caseId] = readFileSync(`${fixtures}/end-body-${run}.txt`, 'utf8').trim().split(' ');
      const due = await dueDate(page, caseId);
      await asAdmin(page);
      await page.goto('/en/admin/bodies');
      if (javaScript) await axeClean(page);
      await page.getByRole('link', { name: `Old district akimat (${run})`, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Old district akimat (${run})`);
      await expect(page.locator('dt:has-text("Awaiting it") + dd')).toContainText('Cases awaiting an answer: 1');
      if (javaScript) await axeClean(page);

      // A refused end first: no successor chosen. The message, and nothing ended.
      const form = page.getByRole('region', { name: 'End this body' });
      await form.getByLabel('Ended on').fill(new Date().toISOString().slice(0, 10));
      await form.getByRole('button', { name: 'End this body' }).click();
      await expect(page.getByText('Choose a successor from the bodies in force.')).toBeVisible();
      await expect(page.getByLabel('Ended on')).toHaveValue(new Date().toISOString().slice(0, 10));

      const again = page.getByRole('region', { name: 'End this body' });
      await again.getByLabel('Successor').selectOption(`akimat-e2e-new-${run}`);
      await again.getByRole('button', { name: 'End this body' }).click();
      await expect(page.getByText('The body is ended')).toBeVisible();
      await expect(page.locator('dt:has-text("Successor") + dd')).toHaveText(`New district akimat (${run})`);

      // The case: handed to the successor, whose case is due the same day.
      await page.goto(`/en/cases/${caseId}`);
      await expect(page.getByText('The body ended; what awaited its answer passed to its successor')).toBeVisible();
      const next = page.locator('dt:has-text("Forwarded to") + dd a');
      await expect(next).toContainText(`New district akimat (${run})`);
      await next.click();
      await expect(page.getByText('Received from a body that ended, the deadline unchanged')).toBeVisible();
      const nextDue = await page.locator('dt:has-text("Answer due") + dd').innerText();
      expect(nextDue.slice(0, 10)).toBe(due.toISOString().slice(0, 10).split('-').reverse().join('.'));
      if (javaScript) await axeClean(page);

      // The public page of the old body.
      await page.goto(`/en/bodies/akimat-e2e-old-${run}`);
      await expect(page.getByText('This body ended on')).toBeVisible();
      await expect(page.getByRole('status').getByRole('link', { name: `New district akimat (${run})` })).toBeVisible();
    });
  });
}

// A CSV import (populations of an old year, which no threshold follows): the dry run shows
// the change and changes nothing, applying it puts it on the record.
for (const [javaScript, year, count] of [
  [true, '2019', '1234567'],
  [false, '2018', '7654321'],
] as const) {
  test.describe(`JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled: javaScript });

    test(`import populations from a CSV file (${year})`, async ({ page }) => {
      await asAdmin(page);
      await page.goto('/en/admin');
      await page.getByRole('link', { name: 'Import and export' }).click();
      await expect(page).toHaveURL(/\/en\/admin\/import$/);
      if (javaScript) await axeClean(page);
      await page.getByLabel('What the file holds').selectOption('populations');
      await page.getByLabel('CSV file').setInputFiles({
        name: `populations-${year}.csv`,
        mimeType: 'text/csv',
        buffer: Buffer.from(`kato;year;population;source\n35;${year};${count};Bureau of National Statistics\n`),
      });
      await page.getByRole('button', { name: 'Check the file' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Import: populations-${year}.csv`);
      await expect(page.getByText('New: 1. Changed: 0. Unchanged: 0.')).toBeVisible();
      const shown = Number(count).toLocaleString('en-US');
      await expect(page.getByRole('row').filter({ hasText: `35/${year}` })).toContainText(shown);
      if (javaScript) await axeClean(page);
      await page.getByRole('button', { name: 'Apply the changes' }).click();
      await expect(page.getByText('The file is applied')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Apply the changes' })).toHaveCount(0);
      await page.goto('/en/admin/territories/35');
      await expect(page.getByRole('row').filter({ hasText: year })).toContainText(shown);
    });
  });
}

// The topic catalogue: a refused code comes back with its message and what was typed; a new
// topic is offered on the filing page at once; retired, it leaves the filing page but stays in
// the list's filter (petitions were filed under it).
for (const javaScript of [true, false]) {
  const run = javaScript ? 'js' : 'nojs';
  test.describe(`JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled: javaScript });

    test(`add a topic, then retire it (${run})`, async ({ page }) => {
      const name = `Street lighting (${run})`;
      await asAdmin(page);
      await page.goto('/en/admin');
      await page.getByRole('link', { name: 'Topics' }).click();
      await expect(page).toHaveURL(/\/en\/admin\/topics$/);
      if (javaScript) await axeClean(page);

      const add = page.getByRole('region', { name: 'Add a topic' });
      await add.getByLabel('Code').fill('Street Lighting');
      await add.getByLabel('Name in Kazakh').fill(`Көше жарығы (${run})`);
      await add.getByLabel('Name in Russian').fill(`Уличное освещение (${run})`);
      await add.getByLabel('Name in English').fill(name);
      await add.getByLabel(/Usually a local matter/).check();
      await add.getByRole('button', { name: 'Add a topic' }).click();
      await expect(page.getByText('Use 2 to 32 lowercase Latin letters')).toBeVisible();
      const again = page.getByRole('region', { name: 'Add a topic' });
      await expect(again.getByLabel('Name in English')).toHaveValue(name);
      await again.getByLabel('Code').fill(`street-lighting-${run}`);
      await again.getByRole('button', { name: 'Add a topic' }).click();
      await expect(page.getByText('The topic is added')).toBeVisible();
      if (javaScript) await axeClean(page);

      await page.goto('/en/petitions/new');
      await expect(page.getByLabel('Topic', { exact: true }).locator('option', { hasText: name })).toHaveCount(1);

      await page.goto('/en/admin/topics');
      const row = page.getByRole('region', { name: name });
      await row.getByLabel('Offered for new petitions, proposals and inquiries').uncheck();
      await row.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByText('The topic is saved')).toBeVisible();
      await expect(page.getByRole('region', { name: `${name} (no longer offered)` })).toBeVisible();

      await page.goto('/en/petitions/new');
      await expect(page.getByLabel('Topic', { exact: true }).locator('option', { hasText: name })).toHaveCount(0);
      // The list is shared between readers for five seconds (PageCache): another test's reading
      // of it just before this topic was added may still be served, so look again until fresh.
      await expect(async () => {
        await page.goto('/en/petitions');
        await expect(page.getByLabel('Topic', { exact: true }).locator('option', { hasText: name })).toHaveCount(1, { timeout: 1000 });
      }).toPass({ timeout: 15000 });
    });
  });
}
