/// <reference lib="dom" />
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

/** Where screenshots go: test artifacts, not committed. */
export const SCREENSHOTS = join(process.cwd(), 'test-artifacts', 'screenshots');

/** Debian's chromium (scripts/lib/chromium.mjs installs it), headless, with the network quiet. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.HEARTH_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

export type Language = 'ckb' | 'kmr' | 'ar' | 'en';

/** A fresh browser profile whose display preferences are already chosen (the app keeps them in localStorage). */
export async function newContext(browser: Browser, options: { language: Language; digits?: 'latn' | 'arab'; width?: number; height?: number }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 900 }, locale: options.language === 'en' ? 'en-GB' : 'ar-IQ' });
  await context.addInitScript(
    (preferences) => window.localStorage.setItem('hearth.preferences', JSON.stringify(preferences)),
    { language: options.language, digits: options.digits ?? 'latn', hijri: false },
  );
  return context;
}

export async function signIn(page: Page, baseUrl: string, username: string, password: string, path = '/app/'): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.locator('#main').waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core's serious and critical violations on the page as it stands (evaluated past the page's CSP). */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes.slice(0, 3).map((node) => `${node.target.join(' ')}: ${node.failureSummary?.split('\n').slice(1).join(' ').trim()}`).join('; ')})`);
}
