import { test, expect, type Page, type Browser } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mailsTo } from './mailbox';

// The public council journey, once with JavaScript (the Almaty council) and once without
// (the Astana council): a citizen sends a proposal; the secretary plans a meeting, puts the
// proposal on its agenda from the desk and publishes it; without a quorum the decision is
// refused; with one it is recorded with a recommendation to the akimat, then the minutes and
// the closing; the akimat's official accepts the recommendation and reports it done; the
// council page shows it implemented. The fixtures (scripts/e2e-server.sh) made the
// secretaries, the Astana official, and an agenda notice of none so all of it happens today.

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

/** Today in Kazakhstan (UTC+5), as a date input takes it. */
function kzToday(): string {
  return new Date(Date.now() + 5 * 3600 * 1000).toISOString().slice(0, 10);
}

async function as(browser: Browser, javaScript: boolean, email: string): Promise<Page> {
  const page = await (await browser.newContext({ javaScriptEnabled: javaScript })).newPage();
  await logIn(page, email);
  return page;
}

const runs = [
  { javaScript: true, council: 'council-akimat-75', secretary: 'e2e-council0@example.kz', official: 'e2e-staff1@example.kz', citizen: 'e2e-cosigner10@example.kz' },
  { javaScript: false, council: 'council-akimat-71', secretary: 'e2e-council1@example.kz', official: 'e2e-council2@example.kz', citizen: 'e2e-cosigner11@example.kz' },
];

for (const run of runs) {
  test.describe(run.javaScript ? 'councils with JavaScript' : 'councils without JavaScript', () => {
    test.use({ javaScriptEnabled: run.javaScript });

    test('proposal, agenda, quorum, decision, recommendation, answer, implemented', async ({ browser }) => {
      test.setTimeout(120_000);
      const title = `Evening sports grounds (${run.javaScript ? 'JS' : 'no JS'} ${Date.now()})`;

      // A citizen sends a proposal from the council's page; an empty one is refused first.
      const citizen = await as(browser, run.javaScript, run.citizen);
      await citizen.goto(`/en/councils/${run.council}`);
      await expect(citizen.locator('[data-flag="dormant"]')).toBeVisible();
      // The citizen follows the council by mail.
      await citizen.getByRole('button', { name: 'Follow this council by mail' }).click();
      await expect(citizen.getByText('You follow this council')).toBeVisible();
      await citizen.getByRole('link', { name: 'Send a proposal to the council' }).click();
      await citizen.getByLabel('Title').fill(title);
      await citizen.getByLabel('Your proposal').fill('   ');
      await citizen.getByLabel('Your proposal').evaluate((el) => el.removeAttribute('required'));
      await citizen.getByRole('button', { name: 'Send the proposal' }).click();
      await expect(citizen.getByText('Enter your proposal.')).toBeVisible();
      await expect(citizen.getByLabel('Title')).toHaveValue(title);
      await citizen.getByLabel('Your proposal').fill('Open the school sports grounds to residents from 18:00 to 21:00.');
      await citizen.getByRole('button', { name: 'Send the proposal' }).click();
      await expect(citizen.getByText('Your proposal is sent and public.')).toBeVisible();
      await expect(citizen.getByRole('heading', { level: 1 })).toHaveText(title);
      if (run.javaScript) await axeClean(citizen);

      // The secretary plans a meeting today and puts the proposal on its agenda from the desk.
      const secretary = await as(browser, run.javaScript, run.secretary);
      await secretary.goto(`/en/councils/${run.council}`);
      await secretary.getByLabel('Day', { exact: true }).fill(kzToday());
      await secretary.getByLabel('Time (Astana)').fill('15:00');
      await secretary.getByLabel('Format', { exact: true }).selectOption({ value: 'in_person' });
      await secretary.getByLabel('Place', { exact: true }).fill('Akimat, hall 2');
      await secretary.getByRole('button', { name: 'Create the draft' }).click();
      await expect(secretary.getByText('The meeting is planned as a draft.')).toBeVisible();
      const meetingId = new URL(secretary.url()).pathname.split('/').pop()!;
      await secretary.goto(`/en/councils/${run.council}/desk`);
      if (run.javaScript) await axeClean(secretary);
      const row = secretary.locator('li').filter({ hasText: title });
      await row.getByLabel('Meeting').selectOption({ value: meetingId });
      await row.getByRole('button', { name: 'Put on the agenda' }).click();
      await expect(secretary.getByText('The item is on the agenda.')).toBeVisible();
      await expect(secretary.locator('.agenda').getByText(title)).toBeVisible();
      await secretary.getByRole('button', { name: 'Publish the agenda' }).click();
      await expect(secretary.getByText('The agenda is published.')).toBeVisible();

      // The public sees the agenda and its calendar entry.
      const visitor = await (await browser.newContext({ javaScriptEnabled: run.javaScript })).newPage();
      await visitor.goto(`/en/meetings/${meetingId}`);
      await expect(visitor.locator('.agenda').getByText(title)).toBeVisible();
      const ics = await visitor.request.get(`/api/calendar/meeting/${meetingId}?lang=en`);
      expect(ics.headers()['content-type']).toContain('text/calendar');
      expect(await ics.text()).toContain(`/en/meetings/${meetingId}`);

      // Three of eight voting members: no quorum, no decision.
      const boxes = secretary.locator('fieldset').filter({ hasText: 'Voting members present' }).getByRole('checkbox');
      await expect(boxes).toHaveCount(8);
      for (let i = 0; i < 3; i++) await boxes.nth(i).check();
      await secretary.getByRole('button', { name: 'Save attendance' }).click();
      await expect(secretary.getByText('Attendance is recorded.')).toBeVisible();
      await expect(secretary.locator('[data-quorum="not-met"]')).toBeVisible();
      const decide = async () => {
        const item = secretary.locator('.agenda li').filter({ hasText: title });
        await item.getByText('Record the decision').first().click();
        await item.getByLabel('Votes for').fill('6');
        await item.getByLabel('Decision', { exact: true }).fill('Support the proposal.');
        await item.getByLabel('Recommendation to the body').fill('Open the grounds of schools 12 and 15 in the evenings.');
        await item.getByRole('button', { name: 'Record the decision' }).click();
      };
      await decide();
      await expect(secretary.getByText('No quorum: too few voting members are present to decide.')).toBeVisible();

      // Six present: the quorum of 2/3 is met; the decision and its recommendation are recorded.
      await secretary.goto(`/en/meetings/${meetingId}`);
      for (let i = 0; i < 6; i++) await boxes.nth(i).check();
      await secretary.getByRole('button', { name: 'Save attendance' }).click();
      await expect(secretary.locator('[data-quorum="met"]')).toBeVisible();
      await decide();
      await expect(secretary.getByText('The decision is recorded.')).toBeVisible();
      await expect(secretary.locator('[data-votes="6-0-0"]')).toBeVisible();
      await secretary.getByLabel('Text of the minutes').fill('Six voting members present. The proposal was supported unanimously.');
      await secretary.getByRole('button', { name: 'Save the minutes' }).click();
      await expect(secretary.getByText('The minutes are saved.')).toBeVisible();
      await secretary.getByRole('button', { name: 'Close the meeting' }).click();
      await expect(secretary.getByText('The meeting is closed and its minutes are public.')).toBeVisible();
      // The signed minutes follow as a document, public at once.
      await secretary.getByLabel('Attach to').selectOption({ value: 'minutes' });
      await secretary.getByLabel('Files').setInputFiles({
        name: 'minutes-signed.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
      });
      await secretary.getByRole('button', { name: 'Attach', exact: true }).click();
      await expect(secretary.getByText('The documents are attached.')).toBeVisible();
      await visitor.goto(`/en/meetings/${meetingId}`);
      await expect(visitor.locator('section').filter({ hasText: 'Signed minutes' }).getByRole('link', { name: 'minutes-signed.pdf' })).toBeVisible();
      if (run.javaScript) await axeClean(secretary);
      await secretary.context().close();

      // The akimat's official finds the recommendation in the inbox, accepts it, reports it done.
      const official = await as(browser, run.javaScript, run.official);
      await official.goto('/en/inbox');
      await official.getByRole('link', { name: title }).first().click();
      await official.getByLabel('Decision', { exact: true }).selectOption({ value: 'accepted' });
      await official.getByLabel('The answer, with reasons').fill('The grounds open in the evenings from 1 March.');
      await official.getByRole('button', { name: 'Publish the answer' }).click();
      await expect(official.getByText('The answer is published.')).toBeVisible();
      await official.getByLabel('Progress').selectOption({ value: 'done' });
      await official.getByLabel('Date (planned for, or done on)').fill(kzToday());
      await official.getByLabel('Text', { exact: true }).fill('Open since today.');
      await official.getByRole('button', { name: 'Post', exact: true }).click();
      await expect(official.getByText('The update is published.')).toBeVisible();
      await official.context().close();

      // The council's page shows it implemented, the meeting held, and no flag.
      await visitor.goto(`/en/councils/${run.council}`);
      const recommendation = visitor.locator('section').filter({ hasText: 'Recommendations to the body' }).locator('li').filter({ hasText: title });
      await expect(recommendation.getByText('Implemented')).toBeVisible();
      await expect(visitor.locator('[data-health="meetings"]')).toHaveText('1');
      await expect(visitor.locator('[data-flag="dormant"]')).toHaveCount(0);
      // The proposal's own page shows the council's decision on its timeline.
      await citizen.reload();
      await expect(citizen.locator('.timeline').getByText('Decided by the council')).toBeVisible();

      // The follower got the agenda, the recommendation and the minutes by mail, and leaves
      // with the link every such mail carries.
      const subjects = [
        'A public council you follow published an agenda',
        'A public council you follow made a recommendation',
        'A public council you follow published its minutes',
      ];
      const mails = (await mailsTo(run.citizen, 3)).filter((m) => subjects.includes(m.subject));
      expect(mails.map((m) => m.subject).sort()).toEqual([...subjects].sort());
      expect(mails.find((m) => m.subject === subjects[0])!.text).toContain(`/en/meetings/${meetingId}`);
      const unsubscribe = mails[0].text.match(/https?:\/\/\S+\/unfollow\/\S+/)![0];
      await citizen.goto(unsubscribe);
      await citizen.getByRole('button', { name: 'Stop the mails' }).click();
      await expect(citizen.getByText('You no longer follow this council.')).toBeVisible();
      await expect(citizen.getByRole('button', { name: 'Follow this council by mail' })).toBeVisible();
    });
  });
}

for (const javaScript of [true, false]) {
  test(`the secretary declines a proposal from the desk with a reason from the catalogue (${javaScript ? 'JS' : 'no JS'})`, async ({ browser }) => {
    test.setTimeout(90_000);
    const run = runs[javaScript ? 0 : 1];
    const title = `Paint the bus stops gold (${javaScript ? 'JS' : 'no JS'} ${Date.now()})`;
    const citizen = await as(browser, javaScript, run.citizen);
    await citizen.goto(`/en/councils/${run.council}/propose`);
    await citizen.getByLabel('Title').fill(title);
    await citizen.getByLabel('Your proposal').fill('Every bus stop in gold paint, for the tourists.');
    await citizen.getByRole('button', { name: 'Send the proposal' }).click();
    await expect(citizen.getByText('Your proposal is sent and public.')).toBeVisible();
    const proposalUrl = citizen.url();

    const secretary = await as(browser, javaScript, run.secretary);
    await secretary.goto(`/en/councils/${run.council}/desk`);
    const row = secretary.locator('li').filter({ hasText: title });
    await row.getByText('Decline', { exact: true }).first().click();
    // Without a reason the form comes back with the message, the explanation kept.
    await row.getByLabel('Explanation to the author (public)').fill('Gold paint is not within the council\'s remit.');
    await row.getByLabel('Reason').evaluate((el) => el.removeAttribute('required'));
    await row.getByRole('button', { name: 'Decline' }).click();
    await expect(secretary.getByText('Choose a reason from the list.')).toBeVisible();
    // The form is open again on that proposal, with the explanation as typed.
    const again = secretary.locator('li').filter({ hasText: title });
    await expect(again.getByLabel('Explanation to the author (public)')).toHaveValue('Gold paint is not within the council\'s remit.');
    await again.getByLabel('Reason').selectOption({ label: "Outside the council's remit" });
    await again.getByLabel('Explanation to the author (public)').fill('Gold paint is not within the council\'s remit.');
    await again.getByRole('button', { name: 'Decline' }).click();
    await expect(secretary.getByText('The proposal is declined; its author is told why.')).toBeVisible();
    await secretary.context().close();

    await citizen.goto(proposalUrl);
    await expect(citizen.locator('dd').filter({ hasText: "Outside the council's remit" })).toBeVisible();
    await expect(citizen.getByText('Gold paint is not within the council\'s remit.').first()).toBeVisible();
    await citizen.context().close();
  });
}

test('the list of councils flags councils that have not met, and reads in every language', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/en/councils');
  await expect(page.getByRole('heading', { name: 'Public councils', level: 1 })).toBeVisible();
  const row = page.locator('tbody tr').filter({ has: page.locator('a[href="/en/councils/council-akimat-11"]') });
  await expect(row.getByText('No meeting on record')).toBeVisible();
  await expect(row.locator('[data-col="members"]')).toHaveText('8 / 7');
  await page.getByRole('link', { name: 'Voting members' }).click();
  await expect(page).toHaveURL(/sort=members/);
  await axeClean(page);
  for (const lang of ['kk', 'ru']) {
    await page.goto(`/${lang}/councils/council-akimat-11`);
    await expect(page.locator('[data-flag="dormant"]')).toBeVisible();
    await axeClean(page);
  }
});
