import { expect, test, type Page } from '@playwright/test';
import { calibratedWav } from './support/audio';
import { linkMailedTo } from './support/mail';
import { checkPage, screenshot } from './support/pages';

/**
 * An artist's first visit, in a real browser against the real platform: sign up, verify the address with
 * the link from the caught mail, upload a generated WAV and watch its progress, read the analysis and the
 * waveform, describe the track (a refused ISRC shows at its field), then sign out. Every page is checked
 * with axe-core and kept as a screenshot. Later issues extend this journey.
 */

const TONE = 'journey-tone.wav';

/** Bytes per second the browser may send while an upload is watched: slow enough to see it move. */
const WATCHED_UPLOAD_RATE = 1_000_000;

/**
 * Drops files on the upload area the way a desktop does: a drop event whose DataTransfer holds the files.
 */
async function dropFiles(page: Page, target: string, files: { name: string; type: string; bytes: Buffer }[]) {
  const dataTransfer = await page.evaluateHandle(
    (list) => {
      const transfer = new DataTransfer();
      for (const file of list) {
        const binary = atob(file.base64);
        const bytes = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
        transfer.items.add(new File([bytes], file.name, { type: file.type }));
      }
      return transfer;
    },
    files.map((file) => ({ name: file.name, type: file.type, base64: file.bytes.toString('base64') })),
  );
  const region = page.getByRole('region', { name: target });
  await region.dispatchEvent('dragenter', { dataTransfer });
  await region.dispatchEvent('dragover', { dataTransfer });
  await region.dispatchEvent('drop', { dataTransfer });
}

/** Records every value a progress bar takes, from now on, in the page. */
async function recordProgress(page: Page, label: string) {
  await page.evaluate((name) => {
    const seen: number[] = [];
    (window as unknown as { nalProgress: number[] }).nalProgress = seen;
    const note = () => {
      const bar = document.querySelector(`[role="progressbar"][aria-label="${name}"]`);
      const value = bar?.getAttribute('aria-valuenow');
      if (value !== null && value !== undefined && seen[seen.length - 1] !== Number(value)) seen.push(Number(value));
    };
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-valuenow'],
    });
  }, label);
  return () => page.evaluate(() => (window as unknown as { nalProgress: number[] }).nalProgress);
}

test('an artist signs up, verifies, uploads a track, reads its analysis, describes it and signs out', async ({
  page,
  request,
  baseURL,
}, testInfo) => {
  const email = `artist-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
  const password = 'a journey through the app';

  await test.step('sign up', async () => {
    await page.goto('/signup');
    await expect(page.getByRole('form', { name: 'Create your account' })).toBeVisible();
    await checkPage(page, testInfo, 'sign up');
    await page.getByLabel('Artist name').fill('Nova Lane');
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();

    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole('heading', { name: 'Welcome, Nova Lane' })).toBeVisible();
    await expect(page.getByText('Verify your e-mail address')).toBeVisible();
    await expect(page.getByText('No tracks yet.')).toBeVisible();
    await checkPage(page, testInfo, 'dashboard before verifying');
  });

  await test.step('verify the address with the link from the mail', async () => {
    const link = await linkMailedTo(request, email, '/verify-email');
    // The link opens this app, where the session's cookies are.
    expect(link.origin).toBe(new URL(baseURL!).origin);

    await page.goto(link.href);

    await expect(page.getByText('Your e-mail address is verified')).toBeVisible();
    await checkPage(page, testInfo, 'address verified');
    await page.getByRole('link', { name: 'Go to your dashboard' }).click();
    await expect(page.getByRole('heading', { name: 'Welcome, Nova Lane' })).toBeVisible();
    await expect(page.getByText('Verify your e-mail address')).toBeHidden();
  });

  let trackPath = '';
  await test.step('drop a WAV and watch it upload, then cancel a second one', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tracks' }).click();
    await expect(page.getByText('No tracks yet')).toBeVisible();
    await checkPage(page, testInfo, 'tracks, none yet');

    // The browser's own throttling (Chromium's DevTools protocol), so that the upload takes a few seconds.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: WATCHED_UPLOAD_RATE,
    });
    const progress = await recordProgress(page, `Upload of ${TONE}`);

    await dropFiles(page, 'Upload tracks', [{ name: TONE, type: 'audio/wav', bytes: calibratedWav(20) }]);

    const upload = page.getByRole('listitem', { name: TONE });
    await expect(upload.getByRole('progressbar', { name: `Upload of ${TONE}` })).toBeVisible();
    await expect(upload.getByText(/Uploading · .* of .* \(\d+%\)/)).toBeVisible();
    await screenshot(page, testInfo, 'upload in progress');
    await expect(upload.getByText('Uploaded, now being processed')).toBeVisible({ timeout: 120_000 });
    const values = await progress();
    expect(values.some((value) => value > 0 && value < 100), `progress went ${values.join(', ')}`).toBe(true);
    expect(values[values.length - 1]).toBe(100);

    // A second file, chosen with the button (the keyboard's way), cancelled while it is sent.
    const second = 'second-take.wav';
    await page.getByLabel('Choose audio files').setInputFiles({
      name: second,
      mimeType: 'audio/wav',
      buffer: calibratedWav(30),
    });
    const cancelled = page.getByRole('listitem', { name: second });
    await expect(cancelled.getByText(/Uploading · /)).toBeVisible();
    await cancelled.getByRole('button', { name: `Cancel upload of ${second}` }).click();
    await expect(cancelled.getByText('Cancelled')).toBeVisible();
    await expect(cancelled.getByRole('button', { name: `Retry upload of ${second}` })).toBeVisible();
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await checkPage(page, testInfo, 'uploads, one cancelled');

    // The list follows the processing without a reload, and never shows the cancelled upload as a track.
    const tracks = page.getByRole('table', { name: 'Your tracks and their processing status' });
    const row = tracks.getByRole('row', { name: /journey-tone/ });
    await expect(row.getByText('Ready')).toBeVisible({ timeout: 5 * 60_000 });
    await expect(tracks.getByRole('row', { name: /second-take/ })).toHaveCount(0);
    await checkPage(page, testInfo, 'tracks, processed');
    trackPath = (await row.getByRole('link').getAttribute('href')) ?? '';
    expect(trackPath).toMatch(/^\/tracks\/[0-9a-f-]{36}$/);
  });

  await test.step('read the analysis, the store loudness and the readiness, see the waveform', async () => {
    await page.getByRole('link', { name: /journey-tone/ }).first().click();
    await expect(page).toHaveURL(trackPath);

    const measurements = page.getByRole('region', { name: 'Analysis' });
    // EBU Tech 3341's calibration tone reads -23.0 LUFS, as the Java journey asserts to 0.1 LU.
    await expect(measurements.getByText(/^[-−]23\.0 LUFS$/).first()).toBeVisible();
    await expect(page.getByRole('table', { name: 'How each store will play this track' }).getByRole('row')).not.toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Ready for distribution' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Problems' })).toBeVisible();

    const waveform = page.getByTestId('waveform');
    await expect(waveform).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
    await expect(waveform.locator('canvas').first()).toBeVisible();
    testInfo.annotations.push({ type: 'waveform draw (ms)', description: (await waveform.getAttribute('data-draw-ms')) ?? '?' });

    // The stream plays: the browser fetched and decoded the rendition's header.
    const player = page.getByLabel(/^Play /);
    await expect.poll(() => player.evaluate((audio: HTMLAudioElement) => audio.readyState), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    expect(await player.evaluate((audio: HTMLAudioElement) => audio.duration)).toBeCloseTo(20, 0);
    await checkPage(page, testInfo, 'track page');

    // The dark theme, chosen in the app's theme menu, passes the same checks (contrast above all).
    await page.getByRole('button', { name: 'Theme' }).click();
    await page.getByRole('menuitemradio', { name: 'Dark' }).click();
    await expect(page.locator('html')).toHaveClass(/\bdark\b/);
    await checkPage(page, testInfo, 'track page, dark theme');
    await page.getByRole('button', { name: 'Theme' }).click();
    await page.getByRole('menuitemradio', { name: 'Light' }).click();
    await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
  });

  await test.step('describe the track: a refused ISRC shows at its field', async () => {
    const form = page.getByRole('form', { name: 'Details' });
    await form.getByLabel('Title', { exact: true }).fill('Journey Tone');
    await form.getByLabel('ISRC').fill('XX123');
    await form.getByRole('button', { name: 'Save details' }).click();

    const isrc = form.getByLabel('ISRC');
    await expect(isrc).toHaveAttribute('aria-invalid', 'true');
    await expect(isrc).toHaveAccessibleDescription(/An ISRC has 12 characters/);
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Journey Tone');
    await checkPage(page, testInfo, 'details refused');

    await isrc.fill('GB-ABC-24-00001');
    await form.getByRole('button', { name: 'Save details' }).click();
    await expect(form.getByText('Details saved.')).toBeVisible();
    await expect(isrc).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Journey Tone');
  });

  await test.step('on a phone the navigation is a menu', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/dashboard');
    await expect(page.getByRole('heading', { name: 'Welcome, Nova Lane' })).toBeVisible();
    await page.getByRole('button', { name: 'Open the menu' }).click();
    const menu = page.getByRole('dialog');
    await expect(menu.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await checkPage(page, testInfo, 'menu on a phone');
    await menu.getByRole('link', { name: 'Tracks' }).click();
    await expect(page).toHaveURL(/\/tracks$/);
    await checkPage(page, testInfo, 'tracks on a phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  await test.step('sign out', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login\?signedOut=1$/);
    await expect(page.getByText('You are signed out.')).toBeVisible();
    await checkPage(page, testInfo, 'signed out');

    // The session is over: the app sends a visitor of a signed-in page to the sign-in.
    await page.goto('/tracks');
    await expect(page).toHaveURL(/\/login\?next=%2Ftracks$/);
  });

  await test.step('sign in again with the keyboard alone, back to where the visit left off', async () => {
    await page.getByLabel('E-mail address').focus();
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Password')).toBeFocused();
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(/\/tracks$/);
    await expect(page.getByRole('table', { name: 'Your tracks and their processing status' })).toContainText('Journey Tone');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login\?signedOut=1$/);
  });
});
