import { test, expect, type Page, type APIRequestContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { linkIn, mailsTo } from './mailbox';

// The whole petition journey, once with JavaScript and once without: file → moderate →
// 50 co-signers → open → sign → threshold → routed → the official answers → the author sees
// the answer and rates it. The server was started with fixtures (scripts/e2e-server.sh): a
// moderator, an official of the Almaty akimat, 50 IIN-checked co-signers whose session tokens
// are in .fixtures/cosigners.txt, and a threshold of 51 for regional akimats.

const password = 'steppe-wind-over-ulytau';
const csrf = 'e2e0'.repeat(16);
// Two valid IINs (checksums from the domain guide), one per run: one IIN, one account.
const iins = {
  js: { iin: '921029350851', birth: '1992-10-29' },
  nojs: { iin: '850712300801', birth: '1985-07-12' },
};

async function logIn(page: Page, email: string) {
  await page.goto('/en/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/en\/profile/);
}

/** The 50 co-signers sign through the same form endpoint the browser posts to. */
async function coSign(request: APIRequestContext, id: number) {
  const tokens = readFileSync(`${__dirname}/../.fixtures/cosigners.txt`, 'utf8').trim().split('\n');
  expect(tokens.length).toBe(50);
  for (const token of tokens) {
    const response = await request.post('/api/petitions/sign', {
      headers: {
        cookie: `dauys_session=${token}; dauys_csrf=${csrf}`,
        accept: 'text/html',
        referer: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}/en/petitions/${id}`,
      },
      form: { csrf, lang: 'en', id: String(id), show_name: 'on' },
      maxRedirects: 0,
    });
    expect(response.status()).toBeGreaterThanOrEqual(300);
    expect(response.status()).toBeLessThan(400);
    expect(response.headers()['location']).toMatch(/done=(signed|already-signed)$/);
  }
}

/** Reloads the page until `text` shows (the counts are folded within a second). */
async function reloadUntil(page: Page, text: string | RegExp) {
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(text).first()).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 15_000 });
}

for (const javaScript of [true, false]) {
  test.describe(javaScript ? 'petitions with JavaScript' : 'petitions without JavaScript', () => {
    test.use({ javaScriptEnabled: javaScript });

    test('file, moderate, gather, sign, reach the threshold, answer, rate', async ({ browser, request }) => {
      test.setTimeout(120_000);
      const run = javaScript ? iins.js : iins.nojs;
      const author = await (await browser.newContext({ javaScriptEnabled: javaScript })).newPage();

      // The author registers, confirms the email from the mail, and confirms an IIN.
      const email = `author.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.kz`;
      await author.goto('/en/register');
      // An unterminated right-to-left override in the name: it must not reorder the names
      // shown after it in the list of signers.
      await author.getByLabel('Name shown on the platform').fill('Aigerim\u202E Serikova');
      await author.getByLabel('Email').fill(email);
      await author.getByLabel('Region of residence').selectOption({ label: 'Almaty' });
      await author.getByLabel('Password').fill(password);
      await author.getByRole('button', { name: 'Create account' }).click();
      await expect(author).toHaveURL(/\/en\/profile\?done=registered$/);
      const [verify] = await mailsTo(email);
      await author.goto(linkIn(verify));
      await author.getByRole('button', { name: 'Confirm my email' }).click();
      await expect(author.getByText('Your email is verified.')).toBeVisible();
      await author.goto('/en/profile/iin');
      await author.getByLabel('IIN (12 digits)').fill(run.iin);
      await author.getByLabel('Date of birth').fill(run.birth);
      await author.getByRole('radio', { name: 'Male', exact: true }).check();
      await author.getByRole('button', { name: 'Confirm IIN' }).click();
      await expect(author.getByText('Your IIN is confirmed.')).toBeVisible();

      // Filing: territory and topic first; the page suggests the body and shows its threshold.
      await author.goto('/en/petitions/new');
      await author.getByLabel('Territory the petition concerns').selectOption({ label: 'Almaty' });
      await author.getByLabel('Topic', { exact: true }).selectOption({ label: 'Roads and streets' });
      await author.getByRole('button', { name: 'Show the bodies that can answer' }).click();
      const akimat = author.getByRole('radio', { name: /Akimat of Almaty/ });
      await expect(akimat).toBeChecked();
      await expect(author.getByText('51 signatures needed').first()).toBeVisible();
      const title = `Repair Abai Avenue (${javaScript ? 'JS' : 'no JS'} ${Date.now()}) <b>now</b>`;
      await author.getByLabel('Title', { exact: true }).fill(title);
      await author.getByLabel('Summary', { exact: true }).fill('Repair the road between Baitursynov and Masanchi streets.');
      await author.getByLabel('Full text').fill('The road has deep potholes.\n\nWe ask the akimat to repair it this summer.');
      // Submitting without the confirmation is refused, and nothing typed is lost.
      await author.getByRole('button', { name: 'Submit to moderation' }).click();
      await expect(author.getByText('Confirm that the petition concerns no prohibited topic.')).toBeVisible();
      await expect(author.getByLabel('Title', { exact: true })).toHaveValue(title);
      await author.getByLabel('I confirm that my petition concerns none of these topics').check();
      await author.getByRole('button', { name: 'Submit to moderation' }).click();
      await expect(author.getByText('The petition is sent to moderation.')).toBeVisible();
      await expect(author.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(author.getByText('Place in the moderation queue')).toBeVisible();
      const id = Number(new URL(author.url()).pathname.split('/').pop());
      expect(id).toBeGreaterThan(0);

      // The moderator finds it in the queue, takes it for review, and approves it.
      const moderator = await (await browser.newContext({ javaScriptEnabled: javaScript })).newPage();
      await logIn(moderator, 'e2e-staff0@example.kz');
      await moderator.goto('/en/moderation');
      await moderator.getByRole('link', { name: title }).click();
      await moderator.getByRole('button', { name: 'Take for review' }).click();
      await expect(moderator.getByText('You are reviewing this petition')).toBeVisible();
      await moderator.getByRole('button', { name: 'Approve and publish' }).click();
      await expect(moderator.getByText('The petition is approved and gathering initial support.')).toBeVisible();
      await expect(moderator.getByText('Gathering initial support').first()).toBeVisible();

      // 50 co-signers: the petition opens to everyone.
      await coSign(request, id);
      await author.goto(`/en/petitions/${id}`);
      await reloadUntil(author, 'Enough initial supporters: open to everyone');
      await expect(author.getByText('Open for signatures').first()).toBeVisible();
      await expect(author.locator('[data-count="iin_checked"]')).toHaveText('50');

      // The author signs: the 51st signature crosses the threshold; it is registered and routed.
      await author.getByRole('button', { name: 'Sign this petition' }).click();
      await expect(author.getByText('Thank you: your signature is recorded.')).toBeVisible();
      await reloadUntil(author, 'Registered and sent to the body');
      await expect(author.getByText('Under consideration by the body').first()).toBeVisible();
      await expect(author.getByText(/registered as/)).toBeVisible();
      await expect(author.getByText('The body must answer by')).toBeVisible();
      // The signers' names: each isolated, the override gone, the order as written.
      const signers = author.locator('ul.signers li bdi');
      await expect(signers.first()).toBeVisible();
      const names = await signers.allInnerTexts();
      expect(names).toContain('Aigerim S.');
      expect(names.join(', ')).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
      const line = await author.locator('ul.signers').innerText();
      expect(line).toContain('Aigerim S.');
      expect(line).not.toContain('.S miregiA');

      // The official answers from the inbox.
      const official = await (await browser.newContext({ javaScriptEnabled: javaScript })).newPage();
      await logIn(official, 'e2e-staff1@example.kz');
      await official.goto('/en/inbox');
      await official.getByRole('link', { name: title }).click();
      await official.getByLabel('Decision', { exact: true }).selectOption({ label: 'Partly accepted' });
      await official.getByLabel('The answer, with reasons').fill('The road will be repaired in June; the pavement next year.');
      await official.getByRole('button', { name: 'Publish the answer' }).click();
      await expect(official.getByText('The answer is published.')).toBeVisible();

      // The author is mailed, sees the answer, and rates it.
      const answered = await mailsTo(email, 2);
      expect(answered.some((m) => m.subject === 'The body answered your petition on Dauys')).toBe(true);
      await author.goto(`/en/petitions/${id}`);
      await expect(author.getByText('The road will be repaired in June; the pavement next year.')).toBeVisible();
      await expect(author.getByText('Partly accepted').first()).toBeVisible();
      await author.getByRole('radio', { name: '4', exact: true }).check();
      await author.getByRole('button', { name: 'Rate', exact: true }).click();
      await expect(author.getByText('Thank you for rating the answer.')).toBeVisible();
      await expect(author.getByText('Average rating 4.0 / 5 (1 rating)')).toBeVisible();

      // The timeline tells the whole story, publicly.
      const visitor = await (await browser.newContext({ javaScriptEnabled: javaScript })).newPage();
      await visitor.goto(`/en/petitions/${id}`);
      for (const step of [
        'Sent to moderation',
        'Approved by moderation; gathering initial support',
        'Enough initial supporters: open to everyone',
        'The signature threshold was reached',
        'Registered and sent to the body',
        'The body answered',
      ]) {
        await expect(visitor.locator('.timeline').getByText(step, { exact: true })).toBeVisible();
      }
      if (javaScript) {
        // axe runs inside the page, so only where scripts run; the markup is the same.
        const axe = await new AxeBuilder({ page: visitor }).analyze();
        expect(axe.violations.map((v) => v.id)).toEqual([]);
      }
    });
  });
}

test('the filing page and the petition list exist in Kazakh and Russian', async ({ page }) => {
  await page.goto('/kk/petitions');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Петициялар');
  await page.goto('/ru/petitions');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Петиции');
});
