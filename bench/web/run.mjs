// The web app's figures on the local platform (./platform up, the app on port 3000), in Debian's chromium,
// each against a peer measured in the same run:
//  - Lighthouse (desktop preset, its simulated throttling) on the signed-in dashboard's first load against
//    the landing page: Largest Contentful Paint, Total Blocking Time, and the compressed JavaScript;
//  - the track page's waveform, from its data's arrival to the drawn frame (the page's own measure,
//    data-draw-ms), for a 10-minute track against a 20-second one.
// Settings (environment): BENCH_RUNS (5 of each, interleaved), NAL_WEB_URL (http://127.0.0.1:3000),
// CHROMIUM_PATH (/usr/bin/chromium), BENCH_LONG_SECONDS (600). Results: bench/web/target/results.json.
import { mkdir, writeFile } from 'node:fs/promises';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktop from 'lighthouse/core/config/desktop-config.js';
import { chromium } from 'playwright-core';

const APP = (process.env.NAL_WEB_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const LONG_SECONDS = Number(process.env.BENCH_LONG_SECONDS ?? 600);
const SHORT_SECONDS = 20;
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const BUDGET = { lcpMs: 1500, tbtMs: 200, scriptKiB: 200, drawMs: 300 };

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Calls the API on the app's origin, as the browser does (the gateway's Origin check included). */
async function api(path, { cookie, ...init } = {}) {
  const headers = { Origin: APP, Accept: 'application/json', ...(cookie ? { Cookie: cookie } : {}), ...init.headers };
  const response = await fetch(`${APP}${path}`, { ...init, headers });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} answered ${response.status}: ${await response.text()}`);
  return response;
}

async function signUp() {
  const email = `bench-${Date.now()}@example.com`;
  const response = await api('/api/v1/auth/register', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: 'a benchmark of the web app', displayName: 'Bench Artist' }),
  });
  const access = response.headers.getSetCookie().find((cookie) => cookie.startsWith('nal_at='));
  if (!access) throw new Error('the sign-up set no access cookie');
  return { email, cookie: access.split(';')[0] };
}

/** 16-bit PCM mono WAV at 44.1 kHz: a tone that swells and fades, so the waveform has a shape to draw. */
function wav(seconds) {
  const rate = 44_100;
  const frames = rate * seconds;
  const buffer = Buffer.alloc(44 + frames * 2);
  buffer.write('RIFF', 0, 'ascii');
  buffer.writeUInt32LE(36 + frames * 2, 4);
  buffer.write('WAVEfmt ', 8, 'ascii');
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20);
  buffer.writeUInt16LE(1, 22);
  buffer.writeUInt32LE(rate, 24);
  buffer.writeUInt32LE(rate * 2, 28);
  buffer.writeUInt16LE(2, 32);
  buffer.writeUInt16LE(16, 34);
  buffer.write('data', 36, 'ascii');
  buffer.writeUInt32LE(frames * 2, 40);
  for (let i = 0; i < frames; i++) {
    const envelope = 0.2 + 0.6 * Math.abs(Math.sin((Math.PI * i) / (rate * 7)));
    buffer.writeInt16LE(Math.round(envelope * 12_000 * Math.sin((2 * Math.PI * 220 * i) / rate)), 44 + i * 2);
  }
  return buffer;
}

async function upload(cookie, name, seconds) {
  const form = new FormData();
  form.append('file', new Blob([wav(seconds)], { type: 'audio/wav' }), name);
  const track = await (await api('/api/v1/tracks', { method: 'POST', body: form, cookie })).json();
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    const now = await (await api(`/api/v1/tracks/${track.id}`, { cookie })).json();
    if (now.status === 'READY') return track.id;
    if (now.status === 'FAILED' || Date.now() > deadline) throw new Error(`${name} did not become ready: ${now.status}`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

async function lighthouseRun(url, cookie, port) {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
    extraHeaders: { Cookie: cookie },
    disableStorageReset: false,
  }, desktop);
  const audits = result.lhr.audits;
  const scripts = (audits['network-requests'].details?.items ?? [])
    .filter((request) => request.resourceType === 'Script')
    .reduce((sum, request) => sum + (request.transferSize ?? 0), 0);
  if (result.lhr.runtimeError) throw new Error(`Lighthouse: ${result.lhr.runtimeError.message}`);
  return {
    lcpMs: audits['largest-contentful-paint'].numericValue,
    tbtMs: audits['total-blocking-time'].numericValue,
    scriptKiB: scripts / 1024,
    finalUrl: result.lhr.finalDisplayedUrl,
  };
}

async function drawTimes(cookie, trackId, runs) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS.filter((flag) => !flag.startsWith('--headless')) });
  try {
    const times = [];
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const [name, value] = cookie.split('=');
      await context.addCookies([{ name, value, url: APP, httpOnly: true, secure: true, sameSite: 'Strict' }]);
      const page = await context.newPage();
      await page.goto(`${APP}/tracks/${trackId}`);
      const waveform = page.getByTestId('waveform');
      await waveform.and(page.locator('[data-ready="true"]')).waitFor({ timeout: 120_000 });
      times.push(Number(await waveform.getAttribute('data-draw-ms')));
      await context.close();
    }
    return times;
  } finally {
    await browser.close();
  }
}

const round = (value, digits = 0) => Number(value.toFixed(digits));

async function main() {
  const { cookie } = await signUp();
  console.log(`Signed up a bench artist; ${RUNS} runs of each, interleaved.`);

  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
  const pages = { landing: [], dashboard: [] };
  try {
    for (let run = 0; run < RUNS; run++) {
      pages.landing.push(await lighthouseRun(`${APP}/`, cookie, chrome.port));
      pages.dashboard.push(await lighthouseRun(`${APP}/dashboard`, cookie, chrome.port));
    }
  } finally {
    chrome.kill();
  }
  if (!pages.dashboard.every((run) => run.finalUrl.endsWith('/dashboard'))) {
    throw new Error(`the dashboard was not reached signed in: ${pages.dashboard.map((run) => run.finalUrl).join(', ')}`);
  }

  console.log(`Uploading a ${LONG_SECONDS}-second and a ${SHORT_SECONDS}-second track and waiting for their analysis ...`);
  const long = await upload(cookie, `bench-${LONG_SECONDS}s.wav`, LONG_SECONDS);
  const short = await upload(cookie, `bench-${SHORT_SECONDS}s.wav`, SHORT_SECONDS);
  const draws = { long: [], short: [] };
  for (let run = 0; run < RUNS; run++) {
    draws.short.push(...(await drawTimes(cookie, short, 1)));
    draws.long.push(...(await drawTimes(cookie, long, 1)));
  }

  const summary = (runs, key) => median(runs.map((run) => run[key]));
  const results = {
    runs: RUNS,
    lighthouse: {
      landing: { lcpMs: round(summary(pages.landing, 'lcpMs')), tbtMs: round(summary(pages.landing, 'tbtMs')), scriptKiB: round(summary(pages.landing, 'scriptKiB'), 1) },
      dashboard: { lcpMs: round(summary(pages.dashboard, 'lcpMs')), tbtMs: round(summary(pages.dashboard, 'tbtMs')), scriptKiB: round(summary(pages.dashboard, 'scriptKiB'), 1) },
    },
    waveformDrawMs: { [`${LONG_SECONDS}s`]: median(draws.long), [`${SHORT_SECONDS}s`]: median(draws.short), all: draws },
    all: pages,
  };
  const { landing, dashboard } = results.lighthouse;
  const ratio = (a, b) => (b > 0 ? round(a / b, 2) : 'n/a');
  console.log('');
  console.log(`                         dashboard    landing (peer)   ratio   budget`);
  console.log(`LCP (ms)                 ${String(dashboard.lcpMs).padEnd(12)} ${String(landing.lcpMs).padEnd(16)} ${String(ratio(dashboard.lcpMs, landing.lcpMs)).padEnd(7)} ≤ ${BUDGET.lcpMs}`);
  console.log(`TBT (ms)                 ${String(dashboard.tbtMs).padEnd(12)} ${String(landing.tbtMs).padEnd(16)} ${String(ratio(dashboard.tbtMs, landing.tbtMs)).padEnd(7)} ≤ ${BUDGET.tbtMs}`);
  console.log(`JavaScript (kB, gzip)    ${String(dashboard.scriptKiB).padEnd(12)} ${String(landing.scriptKiB).padEnd(16)} ${String(ratio(dashboard.scriptKiB, landing.scriptKiB)).padEnd(7)} ≤ ${BUDGET.scriptKiB}`);
  console.log(`waveform drawn (ms)      ${String(median(draws.long)).padEnd(12)} ${String(median(draws.short)).padEnd(16)} ${String(ratio(median(draws.long), median(draws.short))).padEnd(7)} ≤ ${BUDGET.drawMs}  (${LONG_SECONDS} s track against ${SHORT_SECONDS} s)`);
  await mkdir(new URL('./target/', import.meta.url), { recursive: true });
  await writeFile(new URL('./target/results.json', import.meta.url), JSON.stringify(results, null, 2));
  console.log('\nAll runs: bench/web/target/results.json');
}

await main();
