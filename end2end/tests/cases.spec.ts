import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';

// The case journey, once with JavaScript and once without: an official opens the inbox, asks
// the author for clarification, answers, posts an implementation update; a visitor sees the
// timeline, a citizen rates the answer; an overdue case shows on the responsiveness page with
// the right numbers. The fixtures (scripts/e2e-server.sh) registered one petition per run at
// the Almaty akimat today, and one at the Astana akimat 200 days ago.

const password = 'steppe-wind-over-ulytau';

async function logIn(page: Page, email: string) {
  await page.goto('/en/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/en\/profile/);
}

async function axeClean(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

for (const javaScript of [true, false]) {
  test.describe(javaScript ? 'cases with JavaScript' : 'cases without JavaScript', () => {
    test.use({ javaScriptEnabled: javaScript });

    test('inbox, clarification, answer, implementation update, timeline, rating', async ({ browser, page }) => {
      // A long journey through several pages and contexts; the default 30 s is for one page.
      test.setTimeout(120_000);
      const title = `Streetlights on Abai Avenue (${javaScript ? 'with' : 'without'} JavaScript)`;
      await logIn(page, 'e2e-staff1@example.kz');
      await page.goto('/en/inbox');
      await expect(page.getByRole('heading', { name: "Cases awaiting your body's answer" })).toBeVisible();
      if (javaScript) await axeClean(page);
      // Narrow to petitions awaiting an answer, with the plain GET form.
      await page.getByLabel('Kind').selectOption({ label: 'Petition' });
      await page.getByRole('button', { name: 'Show' }).click();
      await expect(page).toHaveURL(/kind=petition/);
      await page.getByRole('link', { name: title }).click();
      await expect(page.getByRole('heading', { name: title })).toBeVisible();
      if (javaScript) await axeClean(page);
      const caseUrl = page.url().replace(/\?.*$/, '');

      // Ask for clarification: the clock stands still.
      await page.getByLabel('Question').fill('Which side of the avenue, and between which streets?');
      await page.getByRole('button', { name: 'Ask', exact: true }).click();
      await expect(page.getByText('The question is sent; the clock stands still until the reply.')).toBeVisible();
      await expect(page.getByText('paused: clarification asked')).toBeVisible();

      // Answer; a second answer is no longer offered.
      await page.getByLabel('Decision', { exact: true }).selectOption({ label: 'Partly accepted' });
      await page.getByLabel('The answer, with reasons').fill('New lights between Baitursynov and Masanchi by June.');
      await page.getByRole('button', { name: 'Publish the answer' }).click();
      await expect(page.getByText('The answer is published.')).toBeVisible();
      await expect(page.getByText('Answered on time').first()).toBeVisible();
      await expect(page.getByRole('button', { name: 'Publish the answer' })).toHaveCount(0);

      // A PDF attached to the answer (the type is read from the content).
      await page.getByLabel('Attach to').selectOption({ value: 'answer' });
      await page.getByLabel('Files').setInputFiles({
        name: 'answer-abai.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
      });
      await page.getByRole('button', { name: 'Attach', exact: true }).click();
      await expect(page.getByText('The documents are attached.')).toBeVisible();
      // A file that is not what its name says is refused, with the reason.
      await page.getByLabel('Attach to').selectOption({ value: 'answer' });
      await page.getByLabel('Files').setInputFiles({ name: 'photo.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf at all') });
      await page.getByRole('button', { name: 'Attach', exact: true }).click();
      await expect(page.getByText('Only PDF, PNG, JPEG, ODT and DOCX files are accepted.')).toBeVisible();

      // An implementation update.
      await page.getByLabel('Progress').selectOption({ label: 'In progress' });
      await page.getByLabel('Date (planned for, or done on)').fill('2027-05-01');
      await page.getByLabel('Text', { exact: true }).fill('The poles are up; the cables go in next.');
      await page.getByRole('button', { name: 'Post', exact: true }).click();
      await expect(page.getByText('The update is published.')).toBeVisible();

      // A visitor sees the whole record.
      const visitor = await (await browser.newContext({ javaScriptEnabled: javaScript })).newPage();
      await visitor.goto(caseUrl);
      for (const step of [
        'Registered and sent to the body',
        'The body asked for clarification; its clock stands still',
        'The body answered',
        'The body reported on carrying out its answer',
      ]) {
        await expect(visitor.locator('.timeline').getByText(step, { exact: true })).toBeVisible();
      }
      await expect(visitor.getByText('The poles are up; the cables go in next.')).toBeVisible();
      await expect(visitor.getByText('01.05.2027')).toBeVisible();
      await expect(visitor.getByRole('button', { name: 'Publish the answer' })).toHaveCount(0);
      const download = visitor.waitForEvent('download');
      await visitor.getByRole('link', { name: 'answer-abai.pdf' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe('answer-abai.pdf');
      if (javaScript) await axeClean(visitor);

      // A citizen rates the answer.
      const tokens = readFileSync(`${__dirname}/../.fixtures/cosigners.txt`, 'utf8').trim().split('\n');
      const citizenContext = await browser.newContext({ javaScriptEnabled: javaScript });
      await citizenContext.addCookies([
        { name: 'dauys_session', value: tokens[javaScript ? 40 : 41], url: new URL(caseUrl).origin },
      ]);
      const citizen = await citizenContext.newPage();
      await citizen.goto(caseUrl);
      await citizen.getByRole('radio', { name: '5', exact: true }).check();
      await citizen.getByRole('button', { name: 'Rate', exact: true }).click();
      await expect(citizen.getByText('Thank you for rating the answer.')).toBeVisible();
      await expect(citizen.getByText('Average rating 5.0 / 5 (1 rating)')).toBeVisible();
    });
  });
}

test('an overdue case shows on the responsiveness page with the right numbers, in every language', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/en/responsiveness');
  await expect(page.getByRole('heading', { name: 'How bodies answer' })).toBeVisible();
  await page.getByLabel('Region').selectOption({ value: '71' });
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/region=71/);
  const row = page.locator('table.responsiveness tbody tr').filter({ has: page.locator('a[href="/en/bodies/akimat-71"]') });
  await expect(row).toHaveCount(1);
  await expect(row.locator('[data-col="received"]')).toHaveText('1');
  await expect(row.locator('[data-col="on_time"]')).toHaveText('0');
  await expect(row.locator('[data-col="overdue"]')).toHaveText('1');
  await expect(row.locator('[data-col="very_overdue"]')).toHaveText('1');
  // Sorted by a column through its header link.
  await page.getByRole('link', { name: 'Received' }).click();
  await expect(page).toHaveURL(/sort=received/);
  await axeClean(page);
  const csv = await page.request.get('/api/responsiveness.csv?region=71');
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect((await csv.text()).split('\n')[1]).toContain(',71,1,0,0,1,1,');
  for (const lang of ['kk', 'ru']) {
    await page.goto(`/${lang}/responsiveness?region=71`);
    await expect(page.locator('table.responsiveness')).toBeVisible();
    await axeClean(page);
  }
  // The body's own page shows the same figures.
  await page.goto('/en/bodies/akimat-71');
  await expect(page.getByRole('heading', { name: 'How this body answers' })).toBeVisible();
  await expect(page.locator('.figures [data-col="very_overdue"]')).toHaveText('1');
  await page.getByRole('link', { name: 'Bus shelter on Kenesary Street' }).click();
  await expect(page.getByText('very overdue').first()).toBeVisible();
  const casePath = new URL(page.url()).pathname.replace(/^\/en/, '');
  for (const lang of ['en', 'kk', 'ru']) {
    await page.goto(`/${lang}${casePath}`);
    await expect(page.locator('.timeline')).toBeVisible();
    await axeClean(page);
  }
});
