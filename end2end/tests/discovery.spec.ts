import { test, expect } from '@playwright/test';
import { axeClean, listedPetition, logIn } from './people';

// Finding and seeing petitions in the browser. The fixtures (scripts/e2e-server.sh) opened a
// petition to the Kyzylorda akimat ten days ago, written in Kazakh, with twelve signatures of
// Almaty residents over those days. Without JavaScript: the list's search (Latin script finding
// the Cyrillic title), its filters and pages, the petition page's chart and tile map drawn on
// the server with their tables, the home page's figures, the filing form's similar petitions.
// With JavaScript: the same pages are axe-clean in Kazakh, Russian and English, and similar
// petitions appear while the title is typed.

const title = 'Қызылорда: Жібек жолы көшесін жөндеу';




test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the list searches across scripts, filters and pages', async ({ page }) => {
    await page.goto('/en/petitions');
    await page.getByLabel('Search petitions').fill('Qyzylorda Zhibek zholy');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/q=Qyzylorda/);
    const list = page.locator('.petition-list');
    await expect(list.getByRole('link', { name: title })).toBeVisible();
    await expect(page.getByText('1 petition found')).toBeVisible();
    // The filters keep the words; another region finds nothing.
    await page.getByLabel('Region').selectOption({ label: 'Almaty' });
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page.getByText('No petitions match.')).toBeVisible();
    await page.getByLabel('Region').selectOption({ label: 'Kyzylorda Region' });
    await page.getByLabel('Order').selectOption({ label: 'Trending (last 24 hours)' });
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(list.getByRole('link', { name: title })).toBeVisible();
    // An unknown value is named, not an error; a page past the end leads back.
    await page.goto('/en/petitions?topic=nonsense&page=40');
    await expect(page.getByText('were ignored: Topic')).toBeVisible();
    await expect(page.getByText('This page is past the end of the list.')).toBeVisible();
    await page.getByRole('link', { name: 'Go to the first page' }).click();
    await expect(page.locator('.petition-list li').first()).toBeVisible();
    // The language switch keeps the filters.
    await page.goto('/en/petitions?region=43');
    await page.getByRole('link', { name: 'Қазақша' }).click();
    await expect(page).toHaveURL(/\/kk\/petitions\?region=43/);
    await expect(page.locator('.petition-list').getByRole('link', { name: title })).toBeVisible();
  });

  test('the petition page draws its signatures over time and by region on the server', async ({ page }) => {
    await page.goto(`/en/petitions/${listedPetition()}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    const chart = page.locator('figure.chart-time');
    await expect(chart.locator('svg.chart-wide')).toBeVisible();
    await expect(chart.locator('rect.chart-bar').first()).toBeAttached();
    await expect(chart.getByText(/^12 signatures over \d+ days/)).toBeVisible();
    // The figures behind the chart, without script (a details element).
    await chart.getByText('Signatures by day, as a table').click();
    await expect(chart.locator('table tbody tr').first()).toBeVisible();
    const map = page.locator('figure.chart-map');
    await expect(map.locator('svg.tile-map')).toBeVisible();
    await expect(map.locator('g.tile')).toHaveCount(20);
    await expect(map.locator('g.tile[data-kato="75"]')).toHaveAttribute('data-shade', '5');
    await expect(map.getByRole('rowheader', { name: 'Almaty', exact: true })).toBeVisible();
    // Progress spans the column and says its share.
    await expect(page.locator('.progress-percent')).toHaveText('(1%)');
    const bar = await page.locator('progress.progress-bar').boundingBox();
    const column = await page.locator('article.petition').boundingBox();
    expect(bar && column && bar.width > column.width * 0.9).toBeTruthy();
    await expect(page.getByRole('link', { name: 'Telegram' })).toBeVisible();
  });

  test('filing shows similar petitions from the working title', async ({ page }) => {
    await logIn(page, 'e2e-cosigner5@example.kz');
    await page.goto('/en/petitions/new');
    await page.getByLabel('Territory the petition concerns').selectOption({ label: 'Kyzylorda Region' });
    await page.getByLabel('Topic', { exact: true }).selectOption({ label: 'Roads and streets' });
    await page.getByLabel('Working title (optional)').fill('Zhibek zholy street repair');
    await page.getByRole('button', { name: 'Show the bodies that can answer' }).click();
    await expect(page.locator('.similar').getByRole('link', { name: title })).toBeVisible();
    await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Zhibek zholy street repair');
    // The bodies in groups, each radio beside its label.
    const radio = page.getByRole('radio', { name: /Akimat of Kyzylorda Region/ });
    await expect(radio).toBeChecked();
    const radioBox = await radio.boundingBox();
    const labelBox = await page.locator(`label[for="${await radio.getAttribute('id')}"]`).boundingBox();
    expect(radioBox && labelBox && Math.abs(radioBox.y - labelBox.y) < 20 && radioBox.x < labelBox.x).toBeTruthy();
  });

  test('the home page is alive', async ({ page }) => {
    await page.goto('/en');
    await expect(page.locator('[data-figure="open"]')).not.toHaveText('0');
    await expect(page.getByRole('heading', { name: 'Gathering signatures now' })).toBeVisible();
  });
});

test.describe('with JavaScript', () => {
  test('the lists and the petition page are accessible in three languages', async ({ page }) => {
    // Six axe audits of long pages: about 20 s alone, more beside the other journeys on two cores.
    test.slow();
    for (const lang of ['kk', 'ru', 'en']) {
      await page.goto(`/${lang}/petitions?q=${encodeURIComponent('жол')}`);
      await expect(page.locator('.petition-list').getByRole('link', { name: title })).toBeVisible();
      await axeClean(page);
      await page.goto(`/${lang}/petitions/${listedPetition()}`);
      await expect(page.locator('svg.tile-map')).toBeVisible();
      await axeClean(page);
      await page.goto(`/${lang}`);
      await axeClean(page);
    }
  });

  test('similar petitions appear while the title is typed', async ({ page }) => {
    await logIn(page, 'e2e-cosigner6@example.kz');
    await page.goto('/en/petitions/new?territory=43&topic=roads');
    await page.getByLabel('Title', { exact: true }).pressSequentially('Жібек жолы', { delay: 30 });
    await expect(page.locator('.similar').getByRole('link', { name: title })).toBeVisible();
  });
});
