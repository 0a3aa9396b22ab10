import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const headings = {
  kk: 'Сіздің үніңіз естіліп, жауапсыз қалмайды',
  ru: 'Ваш голос услышат и ответят',
  en: 'Your voice, heard and answered',
} as const;

/** Regions link text and Akmola's akimat, per language. */
const journey = {
  kk: { regions: 'Өңірлер', region: 'Ақмола облысы', akimat: 'Ақмола облысының әкімдігі' },
  ru: { regions: 'Регионы', region: 'Акмолинская область', akimat: 'Акимат Акмолинской области' },
  en: { regions: 'Regions', region: 'Akmola Region', akimat: 'Akimat of Akmola Region' },
} as const;

type Lang = keyof typeof headings;
const langs = Object.keys(headings) as Lang[];

async function regionToBody(page: Page, lang: Lang) {
  const words = journey[lang];
  await page.goto(`/${lang}`);
  await page.getByRole('navigation', { name: /./ }).first().getByRole('link', { name: words.regions }).click();
  await expect(page).toHaveURL(new RegExp(`/${lang}/regions$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(words.regions);
  await page.getByRole('link', { name: words.region }).click();
  await expect(page).toHaveURL(new RegExp(`/${lang}/regions/11$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(words.region);
  await page.getByRole('link', { name: words.akimat }).click();
  await expect(page).toHaveURL(new RegExp(`/${lang}/bodies/akimat-11$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(words.akimat);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

for (const javaScript of [true, false]) {
  test.describe(javaScript ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled: javaScript });

    for (const lang of langs) {
      test(`the home page speaks ${lang}`, async ({ page }) => {
        const response = await page.goto(`/${lang}`);
        expect(response?.status()).toBe(200);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(headings[lang]);
      });

      test(`a visitor follows a region to a body in ${lang}`, async ({ page }) => {
        await regionToBody(page, lang);
      });
    }

    test('the language switch keeps the page', async ({ page }) => {
      await page.goto('/kk/regions/11');
      await page.getByRole('link', { name: 'English' }).click();
      await expect(page).toHaveURL(/\/en\/regions\/11$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Akmola Region');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    });

    test('an unknown body gets the not-found page', async ({ page }) => {
      const response = await page.goto('/en/bodies/no-such-body');
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    });
  });
}

test('the root address opens the browser language', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ru-RU' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page).toHaveURL(/\/ru$/);
  await context.close();
});

const audited = ['/kk', '/ru/regions', '/en/regions/11', '/en/bodies/akimat-11', '/kk/bodies/government', '/en/no-such-page', '/ru/search?q=water', '/kk/councils/council-akimat-75?q=su'];

test('one search from the header finds a petition typed in the other script', async ({ page }) => {
  await page.goto('/kk');
  await page.getByRole('navigation', { name: 'Негізгі навигация' }).getByRole('link', { name: 'Іздеу' }).click();
  await expect(page).toHaveURL(/\/kk\/search$/);
  await page.getByLabel('Петициялардан, депутаттық сауалдардан').fill('Zhibek zholy');
  await page.getByRole('button', { name: 'Іздеу' }).click();
  await expect(page).toHaveURL(/\/kk\/search\?q=Zhibek\+zholy$/);
  await expect(page.locator('section[aria-labelledby="found-petitions"]').getByRole('link', { name: 'Қызылорда: Жібек жолы көшесін жөндеу' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^Петициялар \(\d+\)$/ })).toBeVisible();
});

for (const path of audited) {
  test(`axe finds no serious or critical problems on ${path}`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  });
}

test('a narrow phone screen has no horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ['/kk', '/ru/regions', '/en/bodies/council-ministry-digital', '/ru/search?q=water']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test('pages send the security headers and a Content-Security-Policy with a nonce', async ({ page }) => {
  const response = await page.goto('/en/petitions');
  const headers = response!.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toContain("'nonce-");
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBeTruthy();
  expect(headers['permissions-policy']).toBeTruthy();
});

test('pages show no errors in the console', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  // A Content-Security-Policy violation is a console error too.
  for (const path of ['/kk', '/ru/regions', '/en/regions/10', '/kk/bodies/council-akimat-11', '/en/bodies/government', '/en/petitions', '/en/login']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  expect(problems).toEqual([]);
});
