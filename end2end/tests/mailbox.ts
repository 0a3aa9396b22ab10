import { expect } from '@playwright/test';

const mailbox = `http://127.0.0.1:${process.env.E2E_MAILBOX_PORT ?? 3126}`;

export type Mail = { to: string[]; subject: string; text: string; html: string };

/** Waits for the mails sent to `to` (over SMTP to the test mailbox) until `count` have come. */
export async function mailsTo(to: string, count = 1): Promise<Mail[]> {
  let found: Mail[] = [];
  await expect
    .poll(
      async () => {
        const response = await fetch(`${mailbox}/messages?to=${encodeURIComponent(to)}`);
        found = (await response.json()) as Mail[];
        return found.length;
      },
      { timeout: 15_000 },
    )
    .toBeGreaterThanOrEqual(count);
  return found;
}

/** The first link in a mail's text. */
export function linkIn(mail: Mail): string {
  const match = mail.text.match(/https?:\/\/\S+/);
  if (!match) throw new Error(`no link in ${mail.subject}`);
  return match[0];
}
