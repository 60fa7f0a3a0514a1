import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { calibratedWav, squarePng } from './support/audio';
import { daysFromToday, freshIsrc, freshUpc } from './support/codes';
import { submitSignUp } from './support/accounts';
import { linkMailedTo } from './support/mail';
import { checkPage, screenshot } from './support/pages';
import { distroKidReport } from './support/reports';

/**
 * An artist's first visit, in a real browser against the real platform: sign up, verify the address with
 * the link from the caught mail, upload generated WAVs and watch their progress, read the analysis and the
 * waveform, describe the track (a refused ISRC shows at its field), build an album with artwork, release it
 * to both reference stores (a failing rule fixed from its link, then ACCEPTED by each store, then taken
 * down), import a DistroKid report for the track and read its numbers back, set up the public page, then
 * sign out; and back with the keyboard alone, to leave for good. Every page is checked
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

test('an artist signs up, uploads, reads the analysis, describes a track, builds an album, signs out and leaves', async ({
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
    await submitSignUp(page, testInfo);

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

  await test.step("the signed-in dashboard's first load carries at most 200 kB of compressed JavaScript", async () => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    await page.goto('/dashboard');
    await expect(page.getByRole('heading', { name: 'Welcome, Nova Lane' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    // What crossed the wire for each script, headers included, as the server compressed it.
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((entry): entry is PerformanceResourceTiming => entry instanceof PerformanceResourceTiming)
        .filter((entry) => entry.initiatorType === 'script' || /\.js(\?|$)/.test(entry.name))
        .map((entry) => ({ name: new URL(entry.name).pathname, bytes: entry.transferSize })),
    );
    const total = scripts.reduce((sum, script) => sum + script.bytes, 0);
    testInfo.annotations.push({ type: 'dashboard JavaScript (compressed bytes)', description: String(total) });
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((script) => script.bytes > 0), 'every script came over the network').toBe(true);
    expect(total, scripts.map((script) => `${script.name} ${script.bytes}`).join('\n')).toBeLessThanOrEqual(200 * 1024);
    await cdp.detach();
  });

  let trackPath = '';
  // Fresh codes each run: the reference stores remember what they ingested.
  const journeyIsrc = freshIsrc();
  const secondIsrc = freshIsrc();
  const upcCodes = freshUpc();
  let albumPath = '';
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
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await checkPage(page, testInfo, 'uploads, one cancelled');
    // Cancelled means the platform never got it: its catalogue, asked directly with the page's session.
    const catalogue = await page.request.get('/api/v1/tracks?size=100');
    expect(catalogue.ok()).toBe(true);
    const titles = ((await catalogue.json()) as { items: { title: string }[] }).items.map((t) => t.title);
    expect(titles).toEqual(['journey-tone']);

    await cancelled.getByRole('button', { name: `Retry upload of ${second}` }).click();
    await expect(cancelled.getByText('Uploaded, now being processed')).toBeVisible({ timeout: 120_000 });

    // The list follows the processing without a reload.
    const tracks = page.getByRole('table', { name: 'Your tracks and their processing status' });
    const row = tracks.getByRole('row', { name: /journey-tone/ });
    await expect(row.getByText('Ready')).toBeVisible({ timeout: 5 * 60_000 });
    await expect(tracks.getByRole('row', { name: /second-take/ }).getByText('Ready')).toBeVisible({ timeout: 5 * 60_000 });
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

    // The dark theme, chosen with the app's theme button, passes the same checks (contrast above all).
    const theme = page.getByRole('button', { name: /^Theme: / });
    await expect(theme).toHaveAccessibleName(/Switch to light/);
    await theme.click();
    await expect(theme).toHaveAccessibleName(/^Theme: light\. Switch to dark/);
    await theme.click();
    await expect(page.locator('html')).toHaveClass(/\bdark\b/);
    await checkPage(page, testInfo, 'track page, dark theme');
    await theme.click();
    await expect(theme).toHaveAccessibleName(/^Theme: as the system/);
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

    await isrc.fill(journeyIsrc.typed);
    await form.getByRole('button', { name: 'Save details' }).click();
    await expect(form.getByText('Details saved.')).toBeVisible();
    await expect(isrc).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Journey Tone');
  });

  await test.step('build an album: running order by drag and drop, artwork, UPC and release date', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Albums' }).click();
    await expect(page.getByText('No albums yet')).toBeVisible();
    await checkPage(page, testInfo, 'albums, none yet');
    await page.getByLabel('Album title').fill('First Light');
    await page.getByLabel('Type').selectOption({ label: 'EP' });
    await page.getByRole('button', { name: 'Create album' }).click();
    await expect(page).toHaveURL(/\/albums\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name: 'First Light' })).toBeVisible();
    for (const warning of ['Add the tracks of this release.', 'Add a UPC', 'Choose a release date.', 'Add cover artwork']) {
      await expect(page.getByText(warning)).toBeVisible();
    }
    await checkPage(page, testInfo, 'album, new');

    for (const title of ['Journey Tone', 'second-take']) {
      await page.getByLabel('Track to add').selectOption({ label: title });
      await page.getByRole('button', { name: 'Add to album' }).click();
      await expect(page.getByRole('list', { name: 'Tracks in running order' }).getByText(title)).toBeVisible();
    }
    const order = page.getByRole('list', { name: 'Tracks in running order' }).getByRole('listitem');
    await expect(order).toHaveCount(2);
    await expect(order.nth(0)).toContainText('Journey Tone');
    await expect(page.getByText('Add the tracks of this release.')).toBeHidden();

    // Drag the second track by its handle above the first, with the pointer as a person would.
    const handle = page.getByRole('button', { name: 'Drag second-take to reorder' });
    const target = await order.nth(0).boundingBox();
    const from = await handle.boundingBox();
    await page.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
    await page.mouse.down();
    for (let step = 1; step <= 10; step++) {
      await page.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2 - ((from!.y - target!.y + 8) * step) / 10);
    }
    await page.mouse.up();
    await expect(order.nth(0)).toContainText('second-take');
    await expect(order.nth(1)).toContainText('Journey Tone');
    // The order is the platform's, not only the page's.
    await page.reload();
    await expect(order.nth(0)).toContainText('second-take');

    // Artwork: the chosen image shows before it is sent; then the platform's copy.
    await page.getByLabel('Choose artwork').setInputFiles({ name: 'cover.png', mimeType: 'image/png', buffer: squarePng(3000, [225, 29, 72]) });
    await expect(page.getByRole('img', { name: 'Preview of the new artwork' })).toBeVisible();
    await screenshot(page, testInfo, 'artwork preview');
    await page.getByRole('button', { name: 'Upload artwork' }).click();
    await expect(page.getByRole('img', { name: 'Cover artwork of First Light' })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText('3000 × 3000 pixels, PNG.')).toBeVisible();
    await expect(page.getByText('Add cover artwork')).toBeHidden();

    // A UPC with a wrong check digit is refused at its field; the right one is kept.
    const details = page.getByRole('form', { name: 'Release details' });
    const upc = details.getByLabel('UPC');
    await upc.fill(upcCodes.wrongCheckDigit);
    await details.getByLabel('Release date').fill(daysFromToday(90));
    await details.getByLabel('Primary genre').fill('Electronic');
    await details.getByRole('button', { name: 'Save album' }).click();
    await expect(upc).toHaveAttribute('aria-invalid', 'true');
    await expect(upc).toHaveAccessibleDescription(/check digit/i);
    await checkPage(page, testInfo, 'album, UPC refused');
    await upc.fill(upcCodes.valid);
    await details.getByRole('button', { name: 'Save album' }).click();
    await expect(details.getByText('Album saved.')).toBeVisible();
    await expect(page.getByText('Ready for release')).toBeVisible();
    await checkPage(page, testInfo, 'album, ready for release');
    albumPath = new URL(page.url()).pathname;
  });

  let releasePath = '';
  await test.step('release the album to both reference stores: a failing rule, fixed from its link, then submitted', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Releases' }).click();
    await expect(page.getByText('No releases yet')).toBeVisible();
    await checkPage(page, testInfo, 'releases, none yet');
    await page.getByRole('link', { name: 'New release' }).click();

    const form = page.getByRole('form', { name: 'New release' });
    await expect(form.getByLabel('Album')).toHaveValue(albumPath.split('/').pop()!);
    const stores = form.getByRole('group', { name: 'Stores' });
    await expect(stores.getByRole('checkbox')).toHaveCount(2);
    for (const name of ['Reference Store A', 'Reference Store B']) {
      await expect(stores.getByRole('checkbox', { name: new RegExp(name) })).toBeChecked();
    }
    // Store B's lead time is 14 days: a date inside it is named at the field before anything is sent.
    const date = form.getByLabel('Release date');
    await date.fill(daysFromToday(10));
    await expect(date).toHaveAccessibleDescription(/lead time/);
    await date.fill(daysFromToday(21));
    await expect(date).not.toHaveAttribute('aria-invalid', 'true');
    await checkPage(page, testInfo, 'new release');
    await form.getByRole('button', { name: 'Create release' }).click();
    await expect(page).toHaveURL(/\/releases\/[0-9a-f-]{36}$/);
    releasePath = new URL(page.url()).pathname;

    // The second take has no ISRC yet: each store's checklist says so, with a link to the page that fixes it.
    await expect(page.getByRole('heading', { name: 'Before you submit' })).toBeVisible();
    const toFix = page.getByRole('list', { name: 'To fix for Reference Store A' });
    await expect(toFix.getByRole('listitem')).toHaveCount(1);
    await expect(toFix).toContainText(/ISRC/);
    await expect(page.getByRole('list', { name: 'To fix for Reference Store B' })).toContainText(/ISRC/);
    await expect(page.getByRole('button', { name: 'Submit to the stores' })).toBeDisabled();
    await checkPage(page, testInfo, 'release, one rule to fix');
    await toFix.getByRole('link', { name: /^Fix on the page of / }).click();
    await expect(page).toHaveURL(/\/tracks\/[0-9a-f-]{36}$/);
    const details = page.getByRole('form', { name: 'Details' });
    await details.getByLabel('ISRC').fill(secondIsrc.typed);
    await details.getByRole('button', { name: 'Save details' }).click();
    await expect(details.getByText('Details saved.')).toBeVisible();

    // The release reads the catalogue's copy that the track's change updates through an event: asked again
    // until it has arrived.
    await page.goto(releasePath);
    await expect(async () => {
      await page.getByRole('button', { name: 'Check again' }).click();
      await expect(page.getByRole('heading', { name: 'Ready for every store' })).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    for (const name of ['Reference Store A', 'Reference Store B']) {
      await expect(page.getByRole('region', { name: new RegExp(`^${name}`) })).toContainText(`Every rule of ${name} passes.`);
    }
    await checkPage(page, testInfo, 'release, ready for every store');

    await page.getByRole('button', { name: 'Submit to the stores' }).click();
    const deliveries = page.getByRole('region', { name: 'Deliveries' });
    await expect(deliveries).toBeVisible();
    await screenshot(page, testInfo, 'release, being delivered');
    // The timeline follows the stores without a reload; the reference stores acknowledge within a minute.
    for (const name of ['Reference Store A', 'Reference Store B']) {
      const timeline = page.getByRole('list', { name: `Delivery timeline of ${name}` });
      await expect(timeline.getByText('Accepted by the store')).toBeVisible({ timeout: 3 * 60_000 });
      await expect(timeline.getByText('Queued')).toBeVisible();
    }
    await checkPage(page, testInfo, 'release, accepted by both stores');

    // The exact ERN message each store got: read on the page, and saved as a file.
    await page.getByRole('button', { name: 'Show the ERN message for Reference Store A' }).click();
    const ern = page.getByLabel('ERN message sent to Reference Store A');
    await expect(ern).toContainText('NewReleaseMessage');
    await expect(ern).toContainText(upcCodes.valid);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the ERN message for Reference Store A' }).click();
    expect(await readFile((await (await download).path())!, 'utf8')).toContain(journeyIsrc.compact);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Releases' }).click();
    const row = page.getByRole('table', { name: "Your releases and each store's status" }).getByRole('row', { name: /First Light/ });
    await expect(row.getByText('Accepted by the store')).toHaveCount(2);
  });

  await test.step('take the release down, asked twice, and see each store end it', async () => {
    await page.goto(releasePath);
    await page.getByRole('button', { name: 'Take down' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Take this release down from every store?' });
    await expect(confirm).toBeVisible();
    await checkPage(page, testInfo, 'takedown asked');
    await confirm.getByRole('button', { name: 'Yes, take it down' }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Every store was sent a takedown.' })).toBeVisible();
    for (const name of ['Reference Store A', 'Reference Store B']) {
      const timeline = page.getByRole('list', { name: `Delivery timeline of ${name}` });
      await expect(timeline.getByText('Taken down')).toBeVisible({ timeout: 3 * 60_000 });
      await expect(timeline.getByText('Takedown', { exact: false }).first()).toBeVisible();
    }
    await checkPage(page, testInfo, 'release taken down');
  });

  await test.step("import the artist's DistroKid report, watch it upload, and read its numbers back", async () => {
    const report = distroKidReport({ artist: 'Nova Lane', title: 'Journey Tone', isrc: journeyIsrc.compact, upc: upcCodes.valid });
    const file = 'distrokid-bank-export.tsv';
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analytics' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Analytics' })).toBeVisible();
    await expect(page.getByText('No store numbers in this period yet.')).toBeVisible();
    await checkPage(page, testInfo, 'analytics, nothing yet');

    await page.getByRole('navigation', { name: 'Analytics' }).getByRole('link', { name: 'Report imports' }).click();
    await expect(page.getByText('No reports imported yet')).toBeVisible();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 20_000 });
    const progress = await recordProgress(page, `Import of ${file}`);
    await page.getByLabel('Choose a report').setInputFiles({ name: file, mimeType: 'text/tab-separated-values', buffer: Buffer.from(report.text) });
    await page.getByRole('button', { name: `Import ${file}` }).click();
    await expect(page.getByRole('progressbar', { name: `Import of ${file}` })).toBeVisible();
    await screenshot(page, testInfo, 'report import in progress');
    const imported = page.getByRole('status').filter({ hasText: 'Report imported' });
    await expect(imported).toBeVisible({ timeout: 120_000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await cdp.detach();
    const values = await progress();
    expect(values.some((value) => value > 0 && value < 100), `progress went ${values.join(', ')}`).toBe(true);
    const lines = report.rows.toLocaleString('en');
    await expect(imported).toContainText(`${lines} usage lines: ${lines} matched to your tracks, 0 unmatched`);
    const imports = page.getByRole('table', { name: 'Imported reports with their counts and status' });
    await expect(imports.getByRole('row', { name: new RegExp(file) })).toContainText('Imported');
    await checkPage(page, testInfo, 'report imported');

    // The same file twice is refused, by its content.
    await page.getByLabel('Choose a report').setInputFiles({ name: 'again.tsv', mimeType: 'text/tab-separated-values', buffer: Buffer.from(report.text) });
    await page.getByRole('button', { name: 'Import again.tsv' }).click();
    await expect(page.getByRole('region', { name: 'Import a report' }).getByRole('alert')).toContainText('This exact report was imported before.');

    // The numbers, over the last 12 months (the report covers the three months before this one).
    await page.getByRole('navigation', { name: 'Analytics' }).getByRole('link', { name: 'Overview' }).click();
    await page.getByLabel('Period', { exact: true }).selectOption({ label: 'Last 12 months' });
    const totals = page.getByRole('region', { name: 'Totals' });
    await expect(totals.getByText(report.streams.toLocaleString('en'), { exact: true })).toBeVisible();
    const usd = (report.earningsCents / 100).toLocaleString('en', { style: 'currency', currency: 'USD' });
    await expect(totals.getByText(usd, { exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Top tracks' })).toContainText('Journey Tone');
    await expect(page.getByRole('region', { name: 'Top stores' })).toContainText('Spotify');

    // The chart of the track per month, and the same numbers in its table.
    await page.getByLabel('Track', { exact: true }).selectOption({ label: 'Journey Tone' });
    await page.getByLabel('Per', { exact: true }).selectOption({ label: 'Month' });
    const chart = page.getByRole('figure', { name: 'Streams of Journey Tone per month' });
    await expect(chart).toHaveAttribute('data-ready', 'true');
    await expect(chart.locator('canvas').first()).toBeVisible();
    await chart.getByText('The numbers').click();
    for (const saleMonth of report.saleMonths) {
      const month = new Date(`${saleMonth}-01T00:00:00Z`).toLocaleDateString('en', { dateStyle: 'medium', timeZone: 'UTC' });
      await expect(chart.getByRole('row', { name: new RegExp(`^${month}`) })).toContainText(report.streamsByMonth.get(saleMonth)!.toLocaleString('en'));
    }
    // Passing 1,000 streams is a milestone.
    await expect(page.getByRole('list', { name: 'Alerts' })).toContainText('Journey Tone passed 1,000 streams.', { timeout: 60_000 });
    await checkPage(page, testInfo, 'analytics overview');
    // The dark theme: the chart is drawn again in its colours, and the page passes the same checks.
    const theme = page.getByRole('button', { name: /^Theme: / });
    await theme.click();
    await theme.click();
    await expect(page.locator('html')).toHaveClass(/\bdark\b/);
    await expect(chart).toHaveAttribute('data-ready', 'true');
    await checkPage(page, testInfo, 'analytics overview, dark theme');
    await theme.click();
    await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);

    await page.getByRole('navigation', { name: 'Analytics' }).getByRole('link', { name: 'Audience' }).click();
    await expect(page.getByRole('table', { name: 'Streams by country' }).getByRole('row').nth(1)).toContainText(
      `${new Intl.DisplayNames(['en'], { type: 'region' }).of(report.topCountry.code)}${report.topCountry.streams.toLocaleString('en')}`,
    );
    // The top country over time, from its own series.
    const countryName = new Intl.DisplayNames(['en'], { type: 'region' }).of(report.topCountry.code)!;
    const countryOverTime = page.getByRole('region', { name: 'Country over time' });
    await countryOverTime.getByLabel('Per', { exact: true }).selectOption({ label: 'Month' });
    const countryChart = countryOverTime.getByRole('figure', { name: `Streams from ${countryName} per month` });
    await expect(countryChart).toHaveAttribute('data-ready', 'true');
    await expect(countryChart.locator('canvas').first()).toBeVisible();
    await checkPage(page, testInfo, 'analytics audience');
    await page.getByRole('navigation', { name: 'Analytics' }).getByRole('link', { name: 'Revenue' }).click();
    await expect(page.getByRole('table', { name: 'Revenue in USD by store' })).toContainText('Spotify');
    await checkPage(page, testInfo, 'analytics revenue');
    await page.getByRole('navigation', { name: 'Analytics' }).getByRole('link', { name: 'Reconciliation' }).click();
    await expect(page.getByRole('table', { name: 'Streams reported against revenue paid, per store and month' }).getByRole('row')).toHaveCount(
      1 + 8 * report.saleMonths.length,
    );
    await checkPage(page, testInfo, 'analytics reconciliation');
  });

  const handle = `nova-${Date.now().toString(36)}`;
  await test.step('the public page: set a handle and a bio, and read the page as a visitor would', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profile' }).click();
    const profile = page.getByRole('form', { name: 'Profile' });
    await profile.getByLabel('Handle').fill(handle);
    await profile.getByLabel('Bio').fill('Sine waves at calibration level, since today.');
    await profile.getByRole('button', { name: 'Save profile' }).click();
    await expect(profile.getByText('Profile saved.')).toBeVisible();
    await checkPage(page, testInfo, 'profile');

    // Rendered on the server: the Open Graph tags are in the HTML itself, before any script runs.
    const html = await (await page.request.get(`/${handle}`)).text();
    expect(html).toContain('<meta property="og:title" content="Nova Lane"/>');
    expect(html).toContain('Sine waves at calibration level, since today.');
    await page.goto(`/${handle}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Nova Lane' })).toBeVisible();
    await checkPage(page, testInfo, 'public page');
  });

  await test.step('on a phone the navigation is a menu', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/dashboard');
    await expect(page.getByRole('heading', { name: 'Welcome, Nova Lane' })).toBeVisible();
    await page.getByRole('button', { name: 'Open the menu' }).click();
    const menu = page.getByRole('dialog', { name: 'Menu' });
    await expect(menu.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await checkPage(page, testInfo, 'menu on a phone');
    await menu.getByRole('link', { name: 'Tracks' }).click();
    await expect(page).toHaveURL(/\/tracks$/);
    await checkPage(page, testInfo, 'tracks on a phone');
    await page.goto(releasePath);
    await expect(page.getByRole('region', { name: 'Deliveries' })).toBeVisible();
    await checkPage(page, testInfo, 'release on a phone');
    await page.goto('/analytics/reconciliation');
    await expect(page.getByRole('table', { name: 'Streams reported against revenue paid, per store and month' })).toBeVisible();
    await checkPage(page, testInfo, 'reconciliation on a phone');
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
  });

  await test.step('the account: sessions, the data export, and leaving for good', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
    await expect(page.getByRole('list', { name: 'Sessions' }).getByRole('listitem')).not.toHaveCount(0);
    await checkPage(page, testInfo, 'account');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download your data' }).click();
    const exported = JSON.parse(await readFile((await (await download).path())!, 'utf8')) as Record<string, unknown>;
    expect(JSON.stringify(exported)).toContain(email);

    await page.getByRole('button', { name: 'Delete account' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete your account for good?' });
    await confirm.getByLabel('Your password').fill('not my password');
    await confirm.getByRole('button', { name: 'Delete my account' }).click();
    await expect(confirm.getByLabel('Your password')).toHaveAttribute('aria-invalid', 'true');
    await checkPage(page, testInfo, 'delete refused');
    await confirm.getByLabel('Your password').fill(password);
    await confirm.getByRole('button', { name: 'Delete my account' }).click();
    await expect(page).toHaveURL(/\/login\?deleted=1$/);
    await expect(page.getByText('Your account is deleted.')).toBeVisible();

    // Gone: the public page with it.
    expect((await page.request.get(`/${handle}`)).status()).toBe(404);
  });
});
