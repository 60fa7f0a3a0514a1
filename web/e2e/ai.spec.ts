import { expect, test } from '@playwright/test';
import { signUp } from './support/accounts';
import { calibratedWav } from './support/audio';
import { linkMailedTo } from './support/mail';
import { checkPage } from './support/pages';

/**
 * The assistant, in a real browser against the real platform as `./platform up` starts it: with no AI
 * provider configured. The calibrated -23 LUFS tone's insights say, by rules, that Spotify turns it up 9 dB;
 * the plan is the rules' plan, each point with the facts it cites; writing and conversations say in a
 * sentence which variable to set, and never show an invented answer. Every page is checked with axe-core
 * (the plan in the dark theme too) and kept as a screenshot.
 */

const TONE = 'ai-tone.wav';

test('an artist reads what the analysis means per store, follows the rule-based plan, and learns that writing needs a model', async ({
  page,
  request,
}, testInfo) => {
  const email = `ai-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
  let trackPath = '';

  await test.step('sign up and verify the address with the link from the mail', async () => {
    await signUp(page, testInfo, { name: 'Iris Vale', email, password: 'the facts and nothing else' });
    await page.goto((await linkMailedTo(request, email, '/verify-email')).href);
    await expect(page.getByText('Your e-mail address is verified')).toBeVisible();
  });

  await test.step('upload the calibrated tone and wait for its processing', async () => {
    await page.goto('/tracks');
    await page.getByLabel('Choose audio files').setInputFiles({ name: TONE, mimeType: 'audio/wav', buffer: calibratedWav(10) });
    await expect(page.getByRole('listitem', { name: TONE }).getByText('Uploaded, now being processed')).toBeVisible({ timeout: 120_000 });
    const row = page.getByRole('table', { name: 'Your tracks and their processing status' }).getByRole('row', { name: /ai-tone/ });
    await expect(row.getByText('Ready')).toBeVisible({ timeout: 5 * 60_000 });
    trackPath = (await row.getByRole('link').getAttribute('href')) ?? '';
    expect(trackPath).toMatch(/^\/tracks\/[0-9a-f-]{36}$/);
  });

  await test.step('the track page says, per store, what normalisation does to it: Spotify turns it up 9 dB', async () => {
    await page.goto(trackPath);
    const insights = page.getByRole('region', { name: 'Insights' });
    const stores = insights.getByRole('table', { name: "What each store's normalisation does to this track" });
    // The assistant learns of the analysis by event: the panel asks again until it has.
    const spotify = stores.getByRole('row', { name: /^Spotify/ });
    const sentence = /Spotify will turn this up (\d+(?:\.\d+)?) dB\./;
    await expect(spotify).toContainText(sentence, { timeout: 90_000 });
    // The tone measures -23.0 LUFS to 0.1 LU (the journey's own check), so the gain to -14 is 9 dB to 0.1 dB.
    const gain = Number(sentence.exec((await spotify.textContent()) ?? '')?.[1]);
    expect(Math.abs(gain - 9)).toBeLessThanOrEqual(0.1);
    await expect(spotify).toContainText('+9.0 dB');
    await expect(stores.getByRole('row', { name: /^YouTube/ })).toContainText('will not turn this up');
    await expect(insights.getByText(/the master is quiet/)).toBeVisible();
    await expect(insights.getByText(/^Fix: /).first()).toBeVisible();
    await checkPage(page, testInfo, 'track insights');
  });

  await test.step('the plan: the rules name the quiet master, with the facts each point cites', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assistant' }).click();
    await expect(page).toHaveURL(/\/ai$/);
    const plan = page.getByRole('list', { name: 'Your plan' });
    await expect(plan).toContainText('Fix the master of "ai-tone');
    await expect(plan.getByRole('list', { name: 'Facts cited' }).first()).toContainText(/LUFS/);
    await expect(page.getByText('This is the rule-based plan: no AI model is configured to write it up.')).toBeVisible();
    await checkPage(page, testInfo, 'assistant plan');

    const theme = page.getByRole('button', { name: /^Theme: / });
    await theme.click();
    await theme.click();
    await expect(page.locator('html')).toHaveClass(/\bdark\b/);
    await checkPage(page, testInfo, 'assistant plan, dark theme');
    await theme.click();
    await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
  });

  await test.step("writing: the store's limit is kept at the field, and the 503's sentence names the variable to set", async () => {
    await page.getByRole('navigation', { name: 'Assistant' }).getByRole('link', { name: 'Write' }).click();
    const form = page.getByRole('form', { name: 'Write a text' });
    await expect(form.getByLabel('Kind')).toHaveValue('playlist_pitch');
    await form.getByLabel('Track').selectOption({ label: 'ai-tone' });
    await form.getByLabel('Max characters').fill('600');
    await form.getByRole('button', { name: 'Write it' }).click();
    await expect(form.getByText(/A playlist pitch may hold at most 500 characters/)).toBeVisible();
    await form.getByLabel('Max characters').fill('450');
    await form.getByRole('button', { name: 'Write it' }).click();
    await expect(page.getByText('Writing needs an AI model')).toBeVisible();
    await expect(page.getByText(/set AI_PROVIDER=openai with OPENAI_API_KEY/)).toBeVisible();
    await expect(page.getByLabel('Text to edit')).toHaveCount(0);
    await checkPage(page, testInfo, 'assistant write, no model');

    // On a phone the form is one column and nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(form.getByRole('button', { name: 'Write it' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await checkPage(page, testInfo, 'assistant write on a phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  await test.step('conversations: none yet, and starting one says the same sentence', async () => {
    await page.getByRole('navigation', { name: 'Assistant' }).getByRole('link', { name: 'Conversations' }).click();
    await expect(page.getByText('No conversations yet')).toBeVisible();
    await page.getByRole('button', { name: 'Start a conversation' }).click();
    await expect(page.getByText('Conversations need an AI model')).toBeVisible();
    await expect(page.getByText(/set AI_PROVIDER=openai with OPENAI_API_KEY/)).toBeVisible();
    await checkPage(page, testInfo, 'assistant conversations, no model');
  });

  await test.step("another artist's or a made-up conversation is a 404 in a sentence, with the way back", async () => {
    await page.goto('/ai/threads/00000000-0000-4000-8000-000000000000');
    const refusal = page.getByRole('alert').filter({ hasText: /thread/i });
    await expect(refusal).toHaveText(/.+\.$/);
    await expect(refusal).not.toContainText(/Exception|SELECT|\bat com\./);
    await checkPage(page, testInfo, 'assistant conversation not found');
    await page.getByRole('link', { name: 'Back to your conversations' }).click();
    await expect(page).toHaveURL(/\/ai\/threads$/);
  });
});
