import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';

// What several journeys share: the fixtures' password (scripts/e2e-server.sh), logging in
// through the form, the fixture petition's number, and the accessibility check.

/** The password of every fixture account. */
export const password = 'steppe-wind-over-ulytau';

const fixtures = `${__dirname}/../.fixtures`;

/** The open Kyzylorda petition the fixtures made (signed over ten days). */
export function listedPetition(): number {
  return Number(readFileSync(`${fixtures}/listed-petition.txt`, 'utf8').trim());
}

/** The open Almaty petition nobody signed, for the signature log journey. */
export function logPetition(): number {
  return Number(readFileSync(`${fixtures}/log-petition.txt`, 'utf8').trim());
}

/** Logs `email` in through the form (in English) and lands on the profile. */
export async function logIn(page: Page, email: string) {
  await page.goto('/en/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/en\/profile/);
}

/** No serious or critical axe violation on the page as it is. */
export async function axeClean(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}
