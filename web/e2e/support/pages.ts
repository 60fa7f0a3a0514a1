import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

const BLOCKING = new Set(['serious', 'critical']);

/**
 * @axe-core/playwright declares its page with the newest playwright-core, not the one @playwright/test 1.64
 * (pinned for Debian's chromium) brings: the same object, typed twice.
 */
type AxePage = ConstructorParameters<typeof AxeBuilder>[0]['page'];

/**
 * What every page of a journey goes through once it shows what it is for: axe-core finds no serious or
 * critical violation (WCAG 2.1 A and AA rules, and axe's best practices), and a full-page screenshot is kept
 * under test-results (CI keeps them as artifacts) and in the report.
 */
export async function checkPage(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const results = await new AxeBuilder({ page: page as unknown as AxePage })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const blocking = results.violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ''))
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      where: violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
    }));
  const shot = await screenshot(page, testInfo, name);
  expect(blocking, `serious or critical accessibility violations on "${name}" (screenshot ${shot})`).toEqual([]);
}

let counter = 0;

export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<string> {
  counter += 1;
  const file = testInfo.outputPath(`${String(counter).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
  return file;
}
