import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { sameOrigin, signUp } from './support/accounts';
import { calibratedWav } from './support/audio';
import { checkPage } from './support/pages';

/**
 * An artist's money and notifications, in a real browser against the real platform: a track's processing
 * arrives on the bell without a reload and waits in the inbox; a split names a collaborator (the platform's
 * refusals shown at their fields); a DistroKid report for the track's ISRC, imported through the API, shows up
 * in the month's statement split between the two, and as CSV; payouts say plainly whether Stripe is set up.
 * Every page is checked with axe-core (the statement in the dark theme too) and kept as a screenshot.
 */

const TONE = 'money-tone.wav';

/** The month before this one, as the store report's "Sale Month" and the statement's period. */
function lastMonth(): string {
  const now = new Date();
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return `${month.getUTCFullYear()}-${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** An ISRC of this run (CC-XXX-YY-NNNNN): a report line must match this artist's track only. */
function runIsrc(): string {
  return `QZNAL${String(new Date().getUTCFullYear()).slice(2)}${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`;
}

/** A DistroKid export, tab-separated, with its six-decimal earnings: two stores, one track. */
function distroKidReport(period: string, isrc: string, title: string): string {
  const header = ['Reporting Date', 'Sale Month', 'Store', 'Artist', 'Title', 'ISRC', 'UPC', 'Quantity', 'Country of Sale', 'Earnings (USD)'];
  const rows = [
    [`${period}-28`, period, 'Spotify', 'Mara Quill', title, isrc, '', '1000', 'US', '3.456789'],
    [`${period}-28`, period, 'Apple Music', 'Mara Quill', title, isrc, '', '100', 'GB', '1.000001'],
  ];
  return [header, ...rows].map((row) => row.join('\t')).join('\n') + '\n';
}

async function bellSays(page: Page, unread: RegExp) {
  await expect(page.getByRole('banner').getByRole('link', { name: unread })).toBeVisible({ timeout: 5 * 60_000 });
}

test('an artist hears of a processed track live, splits it with a collaborator and reads the split statement', async ({ page }, testInfo) => {
  const email = `money-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
  const collaborator = `producer-${Date.now()}@example.com`;
  const period = lastMonth();
  const isrc = runIsrc();
  let trackId = '';

  await test.step('sign up: the bell says nothing is unread', async () => {
    await signUp(page, testInfo, { name: 'Mara Quill', email, password: 'money comes to those who split' });
    await bellSays(page, /^Notifications, none unread$/);
  });

  await test.step("upload a track and see its processing arrive on the bell, without a reload", async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tracks' }).click();
    // Marks this document: a reload would lose it.
    await page.evaluate(() => ((window as unknown as { nalSameDocument: boolean }).nalSameDocument = true));
    await page.getByLabel('Choose audio files').setInputFiles({ name: TONE, mimeType: 'audio/wav', buffer: calibratedWav(5) });
    await expect(page.getByRole('listitem', { name: TONE }).getByText('Uploaded, now being processed')).toBeVisible({ timeout: 120_000 });

    await bellSays(page, /^Notifications, 1 unread$/);
    await expect(page.getByRole('status').filter({ hasText: 'New notification: ' })).toHaveText(/New notification: .+/);
    expect(await page.evaluate(() => (window as unknown as { nalSameDocument?: boolean }).nalSameDocument)).toBe(true);

    const catalogue = await page.request.get('/api/v1/tracks?size=10');
    trackId = ((await catalogue.json()) as { items: { id: string }[] }).items[0]!.id;
  });

  await test.step('the inbox: the notification links into the app, and is marked read', async () => {
    await page.getByRole('banner').getByRole('link', { name: /^Notifications, 1 unread$/ }).click();
    const inbox = page.getByRole('list', { name: 'Your notifications' });
    const item = inbox.getByRole('listitem').filter({ hasText: 'Track processing' }).first();
    await expect(item).toBeVisible();
    await expect(item.getByRole('link')).toHaveAttribute('href', `/tracks/${trackId}`);
    await checkPage(page, testInfo, 'notifications inbox');

    await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: /^Unread/ }).click();
    await item.getByRole('button', { name: /as read$/ }).click();
    await expect(page.getByText('Nothing unread')).toBeVisible();
    await bellSays(page, /^Notifications, none unread$/);
    await checkPage(page, testInfo, 'notifications, nothing unread');
  });

  await test.step('preferences: per kind and channel; account and security stay on', async () => {
    await page.getByRole('link', { name: 'Preferences' }).click();
    await expect(page.getByRole('checkbox', { name: 'Account and security by mail' })).toBeDisabled();
    const milestonesByMail = page.getByRole('checkbox', { name: 'Milestones by mail' });
    const was = await milestonesByMail.isChecked();
    await milestonesByMail.setChecked(!was);
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await expect(page.getByText('Preferences saved.')).toBeVisible();
    await checkPage(page, testInfo, 'notification preferences');
    await page.reload();
    await expect(page.getByRole('checkbox', { name: 'Milestones by mail' })).toBeChecked({ checked: !was });
  });

  await test.step('give the track an ISRC, the key store reports are matched by', async () => {
    const patched = await page.request.patch(`/api/v1/tracks/${trackId}`, {
      headers: { ...sameOrigin(page), 'Content-Type': 'application/merge-patch+json' },
      data: { isrc },
    });
    expect(patched.ok(), await patched.text()).toBe(true);
  });

  await test.step("split the track with a collaborator: refusals at their fields, then saved", async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Money' }).click();
    await page.getByRole('navigation', { name: 'Money' }).getByRole('link', { name: 'Splits' }).click();
    await checkPage(page, testInfo, 'splits, the tracks');
    // payment-service knows the track from music's TrackUpdated event: the editor opens once it has it.
    await page.getByRole('link', { name: 'Edit split of money-tone' }).click();
    await page.waitForURL(`**/money/splits/${trackId}`);
    const editor = page.getByRole('heading', { name: 'Split of money-tone' });
    await expect(async () => {
      if (!(await editor.isVisible())) await page.reload();
      await expect(editor).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 60_000 });

    await page.getByRole('button', { name: 'Add a collaborator' }).click();
    await page.getByLabel('Collaborator 1 e-mail').fill('not an address');
    await page.getByLabel('Collaborator 1 role').selectOption('PRODUCER');
    await page.getByLabel('Collaborator 1 share (%)').fill('30');
    await expect(page.getByText('Total: 130 %. The shares must add up to exactly 100 %.')).toBeVisible();
    await page.getByLabel('Your share (%)').fill('70');
    await expect(page.getByText('Total: 100 %.')).toBeVisible();
    await page.getByRole('button', { name: 'Save split' }).click();
    await expect(page.getByLabel('Collaborator 1 e-mail')).toHaveAccessibleDescription(/^Collaborator 1 e-mail must be .+/);
    await expect(page.getByRole('form', { name: 'Split of money-tone' }).getByRole('alert')).toContainText('nothing was changed');
    await checkPage(page, testInfo, 'split refused at the field');

    await page.getByLabel('Collaborator 1 e-mail').fill(collaborator);
    await page.getByRole('button', { name: 'Save split' }).click();
    await expect(page.getByText(/Split saved as version 1\./)).toBeVisible();
    await expect(page.getByLabel('Collaborator 1 e-mail')).toHaveAccessibleDescription('Invited; not accepted yet.');
    await checkPage(page, testInfo, 'split saved');
  });

  await test.step("import a DistroKid report for the track's ISRC through the API", async () => {
    const imported = await page.request.post('/api/v1/analytics/imports', {
      headers: sameOrigin(page),
      multipart: {
        file: { name: `distrokid-${period}.tsv`, mimeType: 'text/tab-separated-values', buffer: Buffer.from(distroKidReport(period, isrc, 'money-tone')) },
      },
    });
    expect(imported.status(), await imported.text()).toBe(201);
    expect(((await imported.json()) as { matchedLines: number }).matchedLines).toBe(2);
    // Earnings reach payment-service as an event: the statement has them once it has posted them.
    await expect
      .poll(async () => {
        const response = await page.request.get(`/api/v1/payments/statements?period=${period}`);
        return ((await response.json()) as { lines: unknown[] }).lines.length;
      }, { timeout: 120_000 })
      .toBe(2);
  });

  await test.step("the month's statement shows the revenue, split, and the balance what is the artist's", async () => {
    await page.getByRole('navigation', { name: 'Money' }).getByRole('link', { name: 'Earnings and payouts' }).click();
    await page.getByLabel('Month').fill(period);
    const lines = page.getByRole('table', { name: new RegExp(`^Statement for ${period}`) });
    const spotify = lines.getByRole('row').filter({ hasText: 'Spotify' });
    await expect(spotify).toContainText('money-tone');
    await expect(spotify).toContainText('$3.46');
    await expect(spotify).toContainText('You (owner)');
    await expect(spotify).toContainText('$2.42');
    const held = lines.getByRole('row').filter({ hasText: collaborator });
    await expect(held).toHaveCount(2);
    await expect(held.first()).toContainText('$0.30');
    await expect(held.last()).toContainText('$1.04');
    const totals = page.getByRole('table', { name: `Totals for ${period} per currency` });
    await expect(totals.getByRole('row', { name: /USD/ })).toContainText('$4.46');
    await expect(totals.getByRole('row', { name: /USD/ })).toContainText('$1.34');
    await expect(page.getByRole('region', { name: 'Balance' })).toContainText('$3.12');
    await checkPage(page, testInfo, 'money: balance and statement');
    await page.emulateMedia({ colorScheme: 'dark' });
    await checkPage(page, testInfo, 'money in the dark theme');
    await page.emulateMedia({ colorScheme: 'light' });

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`statement-${period}.csv`);
    const csv = await readFile((await file.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('period,track_id,track_title,store,currency,gross,fee,payee,you,share,held');
    expect(csv).toContain(`${period},${trackId},money-tone,Spotify,USD,3.46,0.00,${collaborator},false,1.04,1.04`);
  });

  await test.step('payouts: the platform says plainly whether Stripe is set up', async () => {
    const payouts = page.getByRole('region', { name: 'Payouts' });
    const account = await page.request.get('/api/v1/payouts/account');
    if (account.status() === 503) {
      const detail = ((await account.json()) as { detail: string }).detail;
      await expect(payouts.getByRole('status')).toContainText(detail);
      await expect(payouts.getByRole('button')).toHaveCount(0);
    } else {
      await expect(payouts.getByRole('button', { name: /Set up payouts with Stripe|Continue onboarding with Stripe|Pay out/ })).toBeVisible();
    }
  });

  await test.step('an invitation link that is not (or no longer) valid says so', async () => {
    await page.goto('/invitations/not-a-real-invitation');
    await expect(page.getByRole('alert').filter({ hasText: 'This invitation link is not valid' })).toBeVisible();
    await checkPage(page, testInfo, 'invitation not valid');
    await page.goto('/unsubscribe');
    await expect(page.getByRole('alert').filter({ hasText: 'This link has no unsubscribe token.' })).toHaveText(
      'This link has no unsubscribe token. Open the link from the e-mail again.',
    );
    await checkPage(page, testInfo, 'unsubscribe without a token');
  });
});
