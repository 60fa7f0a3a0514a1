import { expect, type Page, type TestInfo } from '@playwright/test';

/** Signs up through the form. */
export async function signUp(page: Page, testInfo: TestInfo, account: { name: string; email: string; password: string }) {
  await page.goto('/signup');
  await page.getByLabel('Artist name').fill(account.name);
  await page.getByLabel('E-mail address').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await submitSignUp(page, testInfo);
  await expect(page.getByRole('heading', { name: `Welcome, ${account.name}` })).toBeVisible();
}

/**
 * Sends the filled sign-up form. Every browser on the machine reaches the platform from 127.0.0.1, so
 * sign-ups by hand and earlier runs count against the platform's sign-up limit per address. `.ci/web-tests`
 * starts its platform with room for the journeys; on a platform started by hand the refusal names the wait,
 * which is waited out (at most twice, at most one limit period each) and noted in the report.
 */
export async function submitSignUp(page: Page, testInfo: TestInfo) {
  const create = page.getByRole('button', { name: 'Create account' });
  const limited = page.getByRole('alert').filter({ hasText: /Too many attempts\. Try again in \d+ seconds?\./ });
  for (let attempt = 0; ; attempt++) {
    await create.click();
    await expect(page.getByRole('heading', { name: /^Welcome, / }).or(limited)).toBeVisible();
    if (!(await limited.isVisible()) || attempt === 2) return;
    const seconds = Number((await limited.textContent())?.match(/in (\d+) second/)?.[1]);
    // The gateway's default sign-up limit is five per address in ten minutes.
    expect(seconds, 'the wait the platform names, at most 10 minutes').toBeLessThanOrEqual(10 * 60);
    testInfo.annotations.push({ type: 'sign-up limited per address', description: `waited ${seconds} s` });
    testInfo.setTimeout(testInfo.timeout + (seconds + 2) * 1000);
    await page.waitForTimeout((seconds + 2) * 1000);
  }
}

/**
 * Headers for a state-changing call made with the page's session through `page.request`: the gateway's CSRF
 * defence wants the app's Origin on every cookie-authenticated POST, PUT or PATCH, as a browser sends it.
 */
export function sameOrigin(page: Page): Record<string, string> {
  return { Origin: new URL(page.url()).origin };
}
