import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { axeClean, logPetition } from './people';

// The public signature log in the browser, with JavaScript and without: a citizen signs an
// open Almaty petition of this journey's own (scripts/e2e-server.sh), finds their receipt on the petition page once
// the signature is logged, downloads it (the same text), checks it on the verify page (it is in
// the log and counts), and an altered receipt fails with the reason. The verify page is
// axe-clean in the three languages.





// Pastes a receipt on the verify page and checks it. The site's verdict is in #site-check;
// with JavaScript the browser checks it again in wasm (#browser-check), and must reach the same
// verdict, in the same words, or no JavaScript verdict shows at all.
type Texts = (string | RegExp)[];
async function check(page: Page, receipt: string, javaScript: boolean, siteSays: Texts, browserSays: Texts) {
  await page.goto('/en/verify');
  await page.getByLabel('Signature receipt').fill(receipt);
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  const site = page.locator('#site-check');
  const browser = page.locator('#browser-check');
  for (const text of siteSays) {
    await expect(site.getByText(text)).toBeVisible();
  }
  if (javaScript) {
    await expect(browser).toHaveAttribute('data-verdict', /counted|failed/, { timeout: 10_000 });
    await expect(browser).toContainText('Checked again in your browser');
    for (const text of browserSays) {
      await expect(browser.getByText(text)).toBeVisible();
    }
  } else {
    await expect(browser).toBeHidden();
  }
}

// Signed in by their session tokens (.fixtures/cosigners.txt): the log-in form's limit per
// address is for people, and the whole suite logs in from one address.
for (const [javaScript, n] of [
  [true, 45],
  [false, 46],
] as const) {
  const email = `e2e-cosigner${n}@example.kz`;
  test.describe(`JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled: javaScript });

    test('sign, keep the receipt, check it; an altered one fails with the reason', async ({ page }) => {
      const tokens = readFileSync(`${__dirname}/../.fixtures/cosigners.txt`, 'utf8').trim().split('\n');
      await page.context().addCookies([
        { name: 'dauys_session', value: tokens[n], url: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}` },
      ]);
      await page.goto(`/en/petitions/${logPetition()}`);
      await page.getByRole('button', { name: 'Sign this petition' }).click();
      await expect(page.getByText('You signed this petition.')).toBeVisible();
      // The folding logs the signature within a second; the receipt then carries its index.
      let receipt = '';
      await expect(async () => {
        await page.reload();
        await page.getByText('Your signature receipt').click();
        receipt = await page.locator('#receipt-text').inputValue();
        expect(receipt).toMatch(/\nindex \d+\n/);
      }).toPass({ timeout: 15_000 });
      expect(receipt).toMatch(/^dauys-receipt\/v1\norigin \S+\npetition \d+\nsecret [0-9a-f]{64}\n/);
      expect(receipt).not.toContain(email);

      if (javaScript) {
        // The download is the same text (a data: link, so it needs no script either).
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('link', { name: 'Download the receipt' }).click(),
        ]);
        const path = await download.path();
        expect(readFileSync(path!, 'utf8')).toBe(receipt);
      } else {
        await expect(page.getByRole('link', { name: 'Download the receipt' })).toHaveAttribute(
          'href',
          /^data:text\/plain;charset=utf-8,dauys-receipt/,
        );
      }

      const counted = 'This signature is in the log and counts.';
      await check(page, receipt, javaScript,
        [counted, /the inclusion proof checks out/, /the consistency proof checks out/], [counted]);
      await expect(page).toHaveURL(/\/en\/verify\?receipt=/);
      if (javaScript) {
        const index = receipt.match(/\nindex (\d+)\n/)![1];
        await expect(page.locator('#browser-check')).toContainText(`Entry No. ${index}, in a log of`);
      }

      // One character changed in the secret: not this entry.
      const altered = receipt.replace(/secret ([0-9a-f]{63})([0-9a-f])/, (_m, head: string, last: string) =>
        `secret ${head}${last === '0' ? '1' : '0'}`,
      );
      expect(altered).not.toBe(receipt);
      const failed = 'This receipt does not check out.';
      const notThis = 'The entry with this number is not the signature the receipt\'s secret belongs to.';
      await check(page, altered, javaScript, [failed, notThis], [failed, notThis]);
      // A checkpoint changed by one character: its signature fails.
      await check(page, receipt.replace(/\n(\d+)\n(?=[A-Za-z0-9+/=]+\n\n)/, (_m, n: string) => `\n${Number(n) + 1}\n`),
        javaScript, [failed, /not signed with this site's key/], [failed, /not signed with this site's key/]);
    });
  });
}

test('the verify page is axe-clean in three languages, with the browser check shown', async ({ page }) => {
  for (const lang of ['kk', 'ru', 'en']) {
    await page.goto(`/${lang}/verify?receipt=nonsense`);
    await expect(page.locator('#site-check .notice-error')).toBeVisible();
    await expect(page.locator('#browser-check')).toHaveAttribute('data-verdict', 'failed');
    await expect(page.locator('#browser-check.notice-error')).toBeVisible();
    await axeClean(page);
  }
});
