import { test, expect, type Page, type Browser } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

// The deputies' inquiries journey, once with JavaScript (the Almaty city maslikhat) and once
// without (the Almaty region's): the deputy takes a petition up; the deputy's staff draft an inquiry based
// on it (an empty text is refused first, keeping what was typed) and cannot send it; the
// deputy sends it; it is on the register and on the petition's timeline; its deadline passes
// (the fixture command `backdate-case` moves its clock 16 days back) and it shows overdue on
// the register and the deputy's dashboard; the akimat's official answers; the deputy finds
// the answer unsatisfactory, refers it to the prosecutor's office and closes it, not resolved.
// The fixtures (scripts/e2e-server.sh) made the deputies, their staff and the petitions.

const password = 'steppe-wind-over-ulytau';
const fixtures = `${__dirname}/../.fixtures`;

async function logIn(page: Page, email: string) {
  await page.goto('/en/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/en\/profile/);
}

async function as(browser: Browser, javaScript: boolean, email: string): Promise<Page> {
  const page = await (await browser.newContext({ javaScriptEnabled: javaScript })).newPage();
  await logIn(page, email);
  return page;
}

async function axeClean(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

/** Today in Kazakhstan (UTC+5), as a date input takes it. */
function kzToday(): string {
  return new Date(Date.now() + 5 * 3600 * 1000).toISOString().slice(0, 10);
}

/** Moves a case's clock `days` days back, as if that much time had passed. */
function backdate(caseId: string, days: number) {
  const server = readFileSync(`${fixtures}/server-bin`, 'utf8').trim();
  const databaseUrl = readFileSync(`${fixtures}/database-url`, 'utf8').trim();
  execFileSync(server, ['backdate-case', caseId, String(days)], {
    env: { ...process.env, DATABASE_URL: databaseUrl, DAUYS_ENV: 'development', RUST_LOG: 'warn' },
  });
}

const runs = [
  { javaScript: true, deputy: 'e2e-deputy0@example.kz', staff: 'e2e-deputy2@example.kz', official: 'e2e-staff1@example.kz', akimat: 'akimat-75', petition: 'inquiry-petition-js.txt' },
  { javaScript: false, deputy: 'e2e-deputy1@example.kz', staff: 'e2e-deputy3@example.kz', official: 'e2e-deputy4@example.kz', akimat: 'akimat-19', petition: 'inquiry-petition-nojs.txt' },
];

for (const run of runs) {
  test.describe(run.javaScript ? 'inquiries with JavaScript' : 'inquiries without JavaScript', () => {
    test.use({ javaScriptEnabled: run.javaScript });

    test('adopt, draft, send, overdue, answer, assess, refer, close', async ({ browser }) => {
      test.setTimeout(120_000);
      const petition = readFileSync(`${fixtures}/${run.petition}`, 'utf8').trim().split(' ')[0];
      const title = `Water supply (${run.javaScript ? 'JS' : 'no JS'} ${Date.now()})`;

      // The deputy takes the petition up.
      const deputy = await as(browser, run.javaScript, run.deputy);
      await deputy.goto(`/en/petitions/${petition}`);
      await deputy.getByRole('button', { name: 'Take up this petition' }).click();
      await expect(deputy.getByText('You have taken up the petition.')).toBeVisible();
      await expect(deputy.getByText('Taken up by deputies:')).toBeVisible();

      // The staff draft an inquiry based on it; an empty text is refused, keeping the rest.
      const staff = await as(browser, run.javaScript, run.staff);
      await staff.getByRole('link', { name: 'Draft an inquiry' }).click();
      await staff.getByLabel('Addressee').selectOption({ value: run.akimat });
      await staff.getByLabel('Subject').fill(title);
      await staff.getByLabel('Text of the inquiry').fill('   ');
      await staff.getByLabel('Text of the inquiry').evaluate((el) => el.removeAttribute('required'));
      await staff.getByLabel('Topic').selectOption({ value: 'water' });
      await staff.getByLabel('Based on petition').fill(petition);
      await staff.getByLabel('Private note').fill('Meet the residents first.');
      await staff.getByRole('button', { name: 'Save the draft' }).click();
      await expect(staff.getByText('Enter the text of the inquiry.')).toBeVisible();
      await expect(staff.getByLabel('Subject')).toHaveValue(title);
      await expect(staff.getByLabel('Based on petition')).toHaveValue(petition);
      await staff.getByLabel('Text of the inquiry').fill('Residents have had no running water for three weeks. When will it be restored?');
      await staff.getByRole('button', { name: 'Save the draft' }).click();
      await expect(staff.getByText('The draft is saved.')).toBeVisible();
      await expect(staff.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(staff.getByText('Meet the residents first.')).toBeVisible();
      await expect(staff.getByRole('button', { name: 'Send the inquiry' })).toHaveCount(0);
      const inquiryUrl = new URL(staff.url()).pathname;

      // The deputy sends it.
      await deputy.goto(inquiryUrl);
      await deputy.getByRole('button', { name: 'Send the inquiry' }).click();
      await expect(deputy.getByText('The inquiry is sent and registered with the addressee.')).toBeVisible();
      const caseHref = await deputy.locator('dd a[href*="/cases/"]').first().getAttribute('href');
      const caseId = (caseHref ?? '').split('/').pop() ?? '';
      const deputyHref = (await deputy.locator('dd a[href*="/deputies/"]').first().getAttribute('href')) ?? '';

      // Public: on the register, and on the petition's page and timeline; the note is not.
      const visitor = await (await browser.newContext({ javaScriptEnabled: run.javaScript })).newPage();
      await visitor.goto('/en/inquiries');
      await expect(visitor.getByRole('link', { name: title })).toBeVisible();
      await visitor.goto(`/en/petitions/${petition}`);
      await expect(visitor.getByRole('link', { name: title })).toBeVisible();
      await expect(visitor.getByText('Sent by the deputy and registered')).toBeVisible();
      await visitor.goto(inquiryUrl);
      await expect(visitor.getByText('Meet the residents first.')).toHaveCount(0);

      // Sixteen days later the answer is overdue: on the register and the deputy's dashboard.
      backdate(caseId, 16);
      await visitor.goto('/en/inquiries?overdue=1');
      const row = visitor.locator('tr', { has: visitor.getByRole('link', { name: title }) });
      await expect(row).toHaveClass(/overdue/);
      await expect(row.locator('[data-col="standing"]')).toHaveText('overdue');
      await visitor.goto(deputyHref);
      await expect(visitor.locator('[data-figure="overdue"]')).toHaveText('1');
      if (run.javaScript) {
        for (const lang of ['kk', 'ru', 'en']) {
          for (const path of ['/inquiries', deputyHref.replace(/^\/en/, ''), inquiryUrl.replace(/^\/en/, '')]) {
            await visitor.goto(`/${lang}${path}`);
            await axeClean(visitor);
          }
        }
      }

      // The akimat's official answers, late.
      const official = await as(browser, run.javaScript, run.official);
      await official.goto(`/en/cases/${caseId}`);
      await official.getByLabel('Decision', { exact: true }).selectOption({ label: 'Partly accepted' });
      await official.getByLabel('The answer, with reasons').fill('A new pipe will be laid next month.');
      await official.getByRole('button', { name: 'Publish the answer' }).click();
      await expect(official.getByText('The answer is published.')).toBeVisible();

      // The deputy finds it unsatisfactory, refers it to the prosecutor's office, closes it.
      await deputy.goto(inquiryUrl);
      await expect(deputy.getByText('A new pipe will be laid next month.')).toBeVisible();
      await deputy.getByLabel('Unsatisfactory').check();
      await deputy.getByRole('button', { name: 'Record the assessment' }).click();
      await expect(deputy.getByText('The assessment is recorded.')).toBeVisible();
      await deputy.getByText("Record a site visit, a hearing or a referral to the prosecutor's office").click();
      await deputy.getByLabel('What').selectOption({ value: 'referral' });
      await deputy.getByLabel('Date', { exact: true }).fill(kzToday());
      await deputy.getByLabel('Findings or outcome (public)').fill("Referred to the regional prosecutor's office.");
      await deputy.getByRole('button', { name: 'Record', exact: true }).click();
      await expect(deputy.getByText('Recorded.', { exact: true })).toBeVisible();
      await deputy.getByText('Close the inquiry', { exact: true }).click();
      await deputy.getByLabel('Not resolved').check();
      await deputy.getByLabel('Closing note (public)').fill('The akimat did not restore the water in time.');
      await deputy.getByRole('button', { name: 'Close with this outcome' }).click();
      await expect(deputy.getByText('The inquiry is closed.')).toBeVisible();

      // One story on the petition's timeline, from the adoption to the outcome.
      await visitor.goto(`/en/petitions/${petition}`);
      for (const entry of [
        'Taken up by a deputy',
        'Sent by the deputy and registered',
        'The body answered',
        'The deputy found the answer unsatisfactory',
        'The deputy referred it on',
        'Closed by the deputy: not resolved',
      ]) {
        await expect(visitor.getByText(entry).first()).toBeVisible();
      }
      await visitor.goto(`/en/inquiries?state=closed`);
      await expect(visitor.getByRole('link', { name: title })).toBeVisible();
      for (const p of [deputy, staff, official, visitor]) await p.context().close();
    });
  });
}
