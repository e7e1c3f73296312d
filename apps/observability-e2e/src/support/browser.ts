import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { WORKSPACE_ROOT } from '@junction/testing';

/** Where the console's screenshots go; CI keeps the test output folder. */
export const SCREENSHOTS = path.join(WORKSPACE_ROOT, 'tmp', 'test-output', 'console');

/**
 * Debian's Chromium (tools/scripts/system-deps.mjs installs it), headless,
 * with the background services that would call out to the network off.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
